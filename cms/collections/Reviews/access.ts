import type { Access, Where } from 'payload'

import { assignedRounds, inCities, userOf } from '../../access/rules.ts'
import { cityIdsOf, isAssessor, isAssessorOfReport, isCouncil, isSecretariat } from '../../access/predicates.ts'
import { COLLECTIONS, REPORT_STATUS } from '../../constants.ts'
import { idOf, type Ref } from '../../domain/ids.ts'
import { asSystem } from '../../server/asSystem.ts'

/**
 * Who may read, write and delete assessors' reviews.
 */

/** Councils read reviews of their city once the report is accepted; the public reads published scores. */
export const readReviews: Access = async ({ req }) => {
  const user = userOf(req)
  if (isSecretariat(user)) return true
  if (isAssessor(user)) return assignedRounds(req, 'city', 'period')
  if (isCouncil(user)) {
    const mine = inCities('city', cityIdsOf(user))
    return mine && { and: [mine, { 'report.status': { equals: REPORT_STATUS.accepted } }] }
  }
  if (!user) return { published: { equals: true } }
  return false
}

/**
 * An assessor reviews only reports it is assigned to (the report's city in the report's period),
 * and only until the report is accepted: then the reviews are the published decision.
 */
export const createReview: Access = async ({ req, data }) => {
  const user = userOf(req)
  if (!isAssessor(user)) return false
  if (data === undefined) return true
  const reportId = idOf(data.report as Ref)
  if (reportId === undefined) return false
  const report = await asSystem(req, "an assessor's assignment is judged on the report's own city and period").findByID(
    COLLECTIONS.reports,
    reportId,
  )
  return Boolean(report && report.status !== REPORT_STATUS.accepted && (await isAssessorOfReport(req, report)))
}

/** An assessor changes only its own review, and only until the report is accepted. */
export const updateOwnReview: Access = ({ req }) => {
  const user = userOf(req)
  if (!isAssessor(user) || !user) return false
  const ownOpenReview: Where = {
    and: [{ assessor: { equals: user.id } }, { 'report.status': { not_equals: REPORT_STATUS.accepted } }],
  }
  return ownOpenReview
}

/** An assessor withdraws only its own review, never a published one nor one of an accepted report. */
export const deleteOwnUnpublishedReview: Access = ({ req }) => {
  const user = userOf(req)
  if (!isAssessor(user) || !user) return false
  const ownUnpublished: Where = {
    and: [
      { assessor: { equals: user.id } },
      { published: { not_equals: true } },
      { 'report.status': { not_equals: REPORT_STATUS.accepted } },
    ],
  }
  return ownUnpublished
}
