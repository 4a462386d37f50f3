import type { CollectionAfterChangeHook } from 'payload'

import { COLLECTIONS, EVIDENCE_VERDICT } from '../../../constants.ts'

/**
 * A new file in place of one that was judged starts over as pending wherever it is used: every
 * verdict was about the old file. Runs after `fingerprintEvidence` stored the new fingerprint. The
 * council may replace only files no submitted report uses (see ../access.ts), so this never reopens
 * a decision; it writes as the system because the council may not set verdicts itself.
 */
export const resetVerdictsOfReplacedFile: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !previousDoc?.sha256 || doc.sha256 === previousDoc.sha256) return doc
  await req.payload.update({
    collection: COLLECTIONS.evidenceUses,
    where: { and: [{ evidence: { equals: doc.id } }, { verdict: { not_equals: EVIDENCE_VERDICT.pending } }] },
    data: { verdict: EVIDENCE_VERDICT.pending, verdictReason: null, leadReason: null },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return doc
}
