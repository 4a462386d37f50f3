import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import type { CollectionBeforeOperationHook, CollectionSlug } from 'payload'
import sharp from 'sharp'

import { MAX_IMAGE_PIXELS } from '../constants.ts'
import { problem } from '../domain/problems.ts'
import { ProblemsError } from '../server/problemsError.ts'

/** Width and height an image file declares in its header, read without decoding a pixel. */
async function declaredSize(file: { data?: Buffer; tempFilePath?: string }): Promise<{ width: number; height: number } | undefined> {
  const source = file.data && file.data.length > 0 ? file.data : file.tempFilePath
  if (!source) return undefined
  const type = typeof source === 'string' ? await fileTypeFromFile(source) : await fileTypeFromBuffer(source)
  if (!type?.mime.startsWith('image/')) return undefined
  try {
    // No pixel limit for reading the header: judging the declared size is this hook's own job.
    const { width, height } = await sharp(source, { limitInputPixels: false }).metadata()
    return width && height ? { width, height } : undefined
  } catch {
    // Not an image sharp can read: the type check refuses it, or Payload's own processing does.
    return undefined
  }
}

/**
 * Refuses an image of more than MAX_IMAGE_PIXELS pixels, judged by what its header declares: a file
 * of a few dozen bytes can announce 60,000 x 60,000 pixels, which the browser of the assessor who
 * previews it would try to decode. Evidence is stored as uploaded, so nothing else would notice.
 */
export const refuseOversizedImage: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file) return args
  const size = await declaredSize(req.file)
  if (!size || size.width * size.height <= MAX_IMAGE_PIXELS) return args
  const params = { filename: req.file.name, width: size.width, height: size.height, limitMp: MAX_IMAGE_PIXELS / 1_000_000 }
  throw new ProblemsError(collection.slug as CollectionSlug, [problem('upload.tooManyPixels', { params })], req, () => 'file')
}
