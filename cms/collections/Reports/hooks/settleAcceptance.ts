import type { CollectionAfterChangeHook } from 'payload'

import { COLLECTIONS, REPORT_STATUS } from '../../../constants.ts'
import { rescoreReport } from '../../Reviews/hooks/refreshReportScores.ts'
import { idOf, sameId, type ID, type Ref } from '../../../domain/ids.ts'

/**
 * When a report is accepted, its reviews are scored once more from the final inputs and the lead's
 * review becomes the published result (the public sees its totals and recommendations; every review
 * holds the same combined scores). Without a lead, the first review is published. When an accepted
 * report is reopened, its results are withdrawn until it is accepted again.
 */
export const settleAcceptance: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || previousDoc?.status === doc.status) return doc
  const accepted = doc.status === REPORT_STATUS.accepted
  if (!accepted && previousDoc?.status !== REPORT_STATUS.accepted) return doc

  let publish: (review: { id: ID; assessor?: unknown }) => boolean = () => false
  if (accepted) {
    const period = await req.payload.findByID({
      collection: COLLECTIONS.periods,
      id: idOf(doc.period as Ref) as ID,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    const lead = (period?.assignments ?? []).find((row) => row.lead && sameId(row.city as Ref, doc.city as Ref))?.assessor
    const { docs } = await req.payload.find({
      collection: COLLECTIONS.reviews,
      where: { report: { equals: doc.id } },
      sort: 'id',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { assessor: true },
      req,
    })
    const chosen = docs.find((review) => lead !== undefined && sameId(review.assessor as Ref, lead as Ref)) ?? docs[0]
    publish = (review) => chosen !== undefined && String(review.id) === String(chosen.id)
  }
  await rescoreReport(req, doc.id, undefined, (review) => ({ published: publish(review) }))
  return doc
}
