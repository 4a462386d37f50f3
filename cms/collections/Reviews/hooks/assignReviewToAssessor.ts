import type { CollectionBeforeValidateHook } from 'payload'

import { type AccessUser, idOf, isAssessor } from '../../../access/predicates.ts'
import { COLLECTIONS } from '../../../constants.ts'

type Ref = number | string | { id: number | string }

/** A review belongs to the assessor who writes it, and to the city and period of its report. */
export const assignReviewToAssessor: CollectionBeforeValidateHook = async ({ data, req, operation, originalDoc }) => {
  if (!data) return data
  const user = req.user as AccessUser
  if (operation === 'create' && isAssessor(user) && user) data.assessor = user.id
  const reportId = idOf((data.report ?? originalDoc?.report) as Ref | undefined)
  if (reportId === undefined) return data
  const report = await req.payload.findByID({
    collection: COLLECTIONS.reports,
    id: reportId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (report) {
    data.city = report.city
    data.period = report.period
  }
  return data
}
