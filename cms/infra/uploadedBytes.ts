import fs from 'node:fs/promises'

import type { PayloadRequest } from 'payload'

/**
 * The bytes of a request's uploaded file (`req.file`) for an endpoint that reads them and stores no
 * upload: in memory, or, with `useTempFiles`, read from the temporary file, which is then removed
 * (Payload removes it only for the uploads it stores itself). Undefined when there is no file.
 */
export async function uploadedBytes(req: PayloadRequest): Promise<Buffer | undefined> {
  const file = req.file
  if (!file) return undefined
  if (file.data && file.data.length > 0) return file.data
  if (!file.tempFilePath) return undefined
  try {
    return await fs.readFile(file.tempFilePath)
  } finally {
    await fs.rm(file.tempFilePath, { force: true })
  }
}
