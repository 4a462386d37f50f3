import type { CollectionAfterChangeHook } from 'payload'

import { canonicalJson } from '../../../domain/auditChain.ts'
import { idOf, type ID, type Ref } from '../../../domain/ids.ts'
import { RESCORING, rescoreReport } from '../../../server/reportScoring.ts'

const inputsOf = (doc: Record<string, unknown> | undefined) =>
  canonicalJson({ scores: doc?.scores ?? [], resolutions: doc?.resolutions ?? [], assessor: idOf(doc?.assessor as Ref) ?? null })

/**
 * Every review stores the report's combined scores, so a change to one assessor's scores (or to the
 * lead's explanations) changes the others' stored results too: they are saved again and recompute.
 */
export const refreshReportScores: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (req.context?.[RESCORING]) return doc
  if (operation === 'update' && inputsOf(doc) === inputsOf(previousDoc)) return doc
  await rescoreReport(req, idOf(doc.report as Ref), doc.id)
  return doc
}
