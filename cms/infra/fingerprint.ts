import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

/**
 * The SHA-256 of an upload, whether Payload holds it in memory (Local API) or, with `useTempFiles`,
 * in a temp file with an empty `data` buffer (REST and admin uploads).
 */
export async function sha256Of(file: { data?: Buffer; tempFilePath?: string }): Promise<string> {
  const hash = createHash('sha256')
  if (file.data && file.data.length > 0) return hash.update(file.data).digest('hex')
  if (!file.tempFilePath) return hash.digest('hex')
  for await (const chunk of createReadStream(file.tempFilePath)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
