import fs from 'node:fs/promises'

import { addDataAndFileToRequest, type PayloadHandler, type PayloadRequest } from 'payload'

/** The temporary copy of each request's upload, noted when the request is read: a create may drop `req.file`. */
const temporaryCopies = new WeakMap<PayloadRequest, string>()

/**
 * Reads a custom endpoint's multipart (or JSON) body into `req.data` and `req.file`, as Payload's
 * `addDataAndFileToRequest`, and notes where the upload's temporary copy is for `discardingUpload`.
 */
export async function readUploadRequest(req: PayloadRequest): Promise<void> {
  await addDataAndFileToRequest(req)
  if (req.file?.tempFilePath) temporaryCopies.set(req, req.file.tempFilePath)
}

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
 * A custom endpoint that takes a multipart upload (read with `readUploadRequest`), whose temporary
 * copy (`useTempFiles`) is removed however it answers: Payload removes it only on its own routes, so
 * every import or refused upload (401, 403, 400) left a file in the temporary folder.
 */
export const discardingUpload =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) => {
    try {
      return await handler(req)
    } finally {
      const copy = temporaryCopies.get(req)
      if (copy) await fs.rm(copy, { force: true })
    }
  }
