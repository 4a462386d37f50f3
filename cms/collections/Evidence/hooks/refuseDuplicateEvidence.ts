import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'
import { describeEvidence, findSameEvidence } from '../../../server/evidenceDuplicates.ts'

/**
 * Keeps one copy of a file per city when a person uploads through the ordinary create route (the
 * admin form, `POST /api/evidence`): that route cannot answer with another document, so it refuses
 * and names the evidence to use instead. `POST /api/evidence/upload` answers with that document
 * itself. Runs after `fingerprintEvidence`, which sets `sha256`. System code acting for no person
 * (the seed, fixtures) is left alone: it knows what it stores.
 */
export const refuseDuplicateEvidence: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (!req.file || !req.user || typeof data.sha256 !== 'string') return data
  const existing = await findSameEvidence(req, {
    city: data.city ?? originalDoc?.city,
    sha256: data.sha256,
    except: originalDoc?.id,
  })
  if (!existing) return data
  const named = describeEvidence(existing)
  throw new ValidationError({
    collection: COLLECTIONS.evidence,
    errors: [
      {
        path: 'file',
        message:
          `Berkas ini sama persis dengan bukti ${named} yang sudah diunggah untuk kota ini; pilih bukti itu, jangan unggah lagi. / ` +
          `This file is identical to evidence ${named}, already uploaded for this city; choose that one instead of uploading it again.`,
      },
    ],
  })
}
