import type { CollectionBeforeChangeHook } from 'payload'

import { type AccessUser, isAssessor, isLeadOfReport } from '../../../access/predicates.ts'
import { COLLECTIONS, EVIDENCE_VERDICT, type EvidenceVerdict, VERDICTS_NEEDING_REASON } from '../../../constants.ts'
import { idOf, type Ref } from '../../../domain/ids.ts'
import { problem } from '../../../domain/problems.ts'
import { asSystem } from '../../../server/asSystem.ts'
import { ProblemsError } from '../../../server/problemsError.ts'

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/**
 * A verdict other than "accepted" must say why, so the council knows what to fix; a reason without
 * such a verdict is dropped. Only the lead assessor records why the report may be accepted with a
 * file that needs revision or was rejected for this question; that reason goes with the verdict it
 * answers, so a new verdict needs a new reason.
 */
export const checkVerdict: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  // A PATCH carries only what it changes: the rest is judged as stored.
  const current = (field: string) => (data[field] !== undefined ? data[field] : originalDoc?.[field])
  const verdict = (current('verdict') ?? EVIDENCE_VERDICT.pending) as EvidenceVerdict
  const refused = VERDICTS_NEEDING_REASON.includes(verdict)
  if (refused && text(current('verdictReason')) === '') {
    throw new ProblemsError(COLLECTIONS.evidenceUses, [problem('verdict.reasonRequired')], req, () => 'verdictReason')
  }
  if (!refused) {
    data.verdictReason = null
    data.leadReason = null
    return data
  }
  if (data.leadReason === undefined && data.verdict !== undefined && data.verdict !== originalDoc?.verdict) data.leadReason = null
  if (data.leadReason === undefined || data.leadReason === null || text(data.leadReason) === text(originalDoc?.leadReason)) return data
  if (text(data.leadReason) === '') data.leadReason = null
  else if (req.user) {
    const reportId = idOf(current('report') as Ref)
    const report =
      reportId === undefined
        ? null
        : await asSystem(req, 'the lead is named by the report’s assignment').findByID(COLLECTIONS.reports, reportId, {
            select: { city: true, period: true },
          })
    if (!isAssessor(req.user as AccessUser) || !report || !(await isLeadOfReport(req, report))) {
      throw new ProblemsError(COLLECTIONS.evidenceUses, [problem('verdict.leadReasonLeadOnly')], req, () => 'leadReason')
    }
  }
  return data
}
