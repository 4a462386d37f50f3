import type { CollectionBeforeValidateHook } from 'payload'

import { type AccessUser, isAssessor } from '../../../access/predicates.ts'
import { COLLECTIONS } from '../../../constants.ts'
import { idOf, type Ref } from '../../../domain/ids.ts'
import { asSystem } from '../../../server/asSystem.ts'

/** A review belongs to the assessor who writes it, and to the city and period of its report. */
export const assignReviewToAssessor: CollectionBeforeValidateHook = async ({ data, req, operation, originalDoc }) => {
  if (!data) return data
  const user = req.user as AccessUser
  if (operation === 'create' && isAssessor(user) && user) data.assessor = user.id
  const reportId = idOf((data.report ?? originalDoc?.report) as Ref | undefined)
  if (reportId === undefined) return data
  const report = await asSystem(req, "a review takes its report's city and period, which its author may not change").findByID(
    COLLECTIONS.reports,
    reportId,
  )
  if (report) {
    data.city = report.city
    data.period = report.period
  }
  return data
}
