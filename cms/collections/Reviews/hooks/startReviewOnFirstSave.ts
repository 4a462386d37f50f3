import type { CollectionAfterChangeHook } from 'payload'

import { type AccessUser, isAssessor } from '../../../access/predicates.ts'
import { COLLECTIONS, REPORT_STATUS } from '../../../constants.ts'
import { idOf, type Ref } from '../../../domain/ids.ts'
import { asSystem } from '../../../server/asSystem.ts'

/**
 * An assessor's first save of a review of a submitted report starts the review: the report moves
 * to "in review" through the workflow, as that assessor, in the same transaction. No browser takes
 * this step; the workflow's gate still decides whether this assessor may.
 */
export const startReviewOnFirstSave: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (!isAssessor(req.user as AccessUser)) return doc
  const reportId = idOf(doc.report as Ref)
  if (reportId === undefined) return doc
  const report = await asSystem(req, 'the review decides the report’s next state').findByID(COLLECTIONS.reports, reportId, {
    select: { status: true },
  })
  if (report?.status !== REPORT_STATUS.submitted) return doc
  await req.payload.update({
    collection: COLLECTIONS.reports,
    id: reportId,
    data: { status: REPORT_STATUS.inReview },
    depth: 0,
    // The assessor may move the report but not edit it; the workflow gate judges the move itself.
    overrideAccess: true,
    req,
  })
  return doc
}
