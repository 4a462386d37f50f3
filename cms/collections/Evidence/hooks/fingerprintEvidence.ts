import type { CollectionBeforeChangeHook } from 'payload'

import { sha256Of } from '../../../infra/fingerprint.ts'

/** Stores the SHA-256 of the uploaded file, so a verifier can prove the file was not changed. */
export const fingerprintEvidence: CollectionBeforeChangeHook = async ({ data, req }) => {
  if (req.file) data.sha256 = await sha256Of(req.file)
  return data
}
