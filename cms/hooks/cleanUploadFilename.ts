import type { CollectionBeforeOperationHook } from 'payload'

import { cleanFilename } from '../domain/filenames.ts'

/** Stores an upload under its name without control or bidirectional-control characters (see cleanFilename). */
export const cleanUploadFilename: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if ((operation === 'create' || operation === 'update') && req.file?.name) req.file.name = cleanFilename(req.file.name)
  return args
}
