import type { CollectionBeforeChangeHook } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'
import { problem } from '../../../domain/problems.ts'
import { findSameEvidence } from '../../../server/evidenceDuplicates.ts'
import { ProblemsError } from '../../../server/problemsError.ts'

/**
 * Keeps one copy of a file per city when a person uploads through the ordinary create route (the
 * admin form, `POST /api/evidence`): that route cannot answer with another document, so it refuses
 * and names the file in the library to use instead. `POST /api/evidence/upload` answers with that
 * file itself. Runs after `fingerprintEvidence`, which sets `sha256`. System code acting for no
 * person (the seed, fixtures) is left alone: it knows what it stores.
 */
export const refuseDuplicateEvidence: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (!req.file || !req.user || typeof data.sha256 !== 'string') return data
  const existing = await findSameEvidence(req, {
    city: data.city ?? originalDoc?.city,
    sha256: data.sha256,
    except: originalDoc?.id,
  })
  if (!existing) return data
  throw new ProblemsError(
    COLLECTIONS.evidence,
    [problem('evidence.duplicateFile', { evidence: String(existing.id), params: { filename: existing.filename ?? `#${String(existing.id)}`, id: String(existing.id) } })],
    req,
    () => 'file',
  )
}
