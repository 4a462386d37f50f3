import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { COLLECTIONS, EVIDENCE_VERDICT, type EvidenceVerdict, VERDICTS_NEEDING_REASON } from '../../../constants.ts'

/**
 * A verdict other than "accepted" must say why, so the council knows what to fix; a reason without
 * such a verdict is dropped. A new file in place of one that was judged starts over as pending: the
 * verdict was about the old file. Runs after `fingerprintEvidence`, which fingerprints the new file.
 */
export const checkEvidenceVerdict: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && req.file && originalDoc?.sha256 && data.sha256 !== originalDoc.sha256) {
    data.verdict = EVIDENCE_VERDICT.pending
    data.verdictReason = null
    return data
  }
  const verdict = (data.verdict ?? EVIDENCE_VERDICT.pending) as EvidenceVerdict
  const reason = typeof data.verdictReason === 'string' ? data.verdictReason.trim() : ''
  if (VERDICTS_NEEDING_REASON.includes(verdict) && reason === '') {
    throw new ValidationError({
      collection: COLLECTIONS.evidence,
      errors: [
        {
          path: 'verdictReason',
          message:
            'Tuliskan alasan bila bukti perlu revisi atau ditolak / Give a reason when evidence needs revision or is rejected',
        },
      ],
      req,
    })
  }
  if (!VERDICTS_NEEDING_REASON.includes(verdict)) data.verdictReason = null
  return data
}
