import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

import type { CollectionBeforeChangeHook } from 'payload'

async function sha256Of(file: { data?: Buffer; tempFilePath?: string }): Promise<string> {
  const hash = createHash('sha256')
  if (file.data && file.data.length > 0) return hash.update(file.data).digest('hex')
  if (!file.tempFilePath) return hash.digest('hex')
  for await (const chunk of createReadStream(file.tempFilePath)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Stores the SHA-256 of the uploaded file, so a verifier can prove the file was not changed. */
export const fingerprintEvidence: CollectionBeforeChangeHook = async ({ data, req }) => {
  if (req.file) data.sha256 = await sha256Of(req.file)
  return data
}
