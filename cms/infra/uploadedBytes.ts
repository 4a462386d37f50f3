import fs from 'node:fs/promises'

import type { PayloadHandler, PayloadRequest } from 'payload'

/**
 * The bytes of a request's uploaded file (`req.file`): in memory, or, with `useTempFiles`, read
 * from Payload's temporary copy. Undefined when there is no file.
 */
export async function uploadedBytes(req: PayloadRequest): Promise<Buffer | undefined> {
  const file = req.file
  if (!file) return undefined
  if (file.data && file.data.length > 0) return file.data
  return file.tempFilePath ? fs.readFile(file.tempFilePath) : undefined
}

/**
 * A custom endpoint that takes a multipart upload, whose temporary copy (`useTempFiles`) is removed
 * however it answers: Payload removes it only on its own routes, so every import or refused upload
 * (401, 403, 400) left a file in the temporary folder.
 */
export const discardingUpload =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) => {
    try {
      return await handler(req)
    } finally {
      if (req.file?.tempFilePath) await fs.rm(req.file.tempFilePath, { force: true })
    }
  }
