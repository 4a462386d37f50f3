import type { Access } from 'payload'

import { assignedRounds, inCities, userOf } from '../../access/rules.ts'
import { cityIdsOf, isAssessor, isCouncil, isSecretariat } from '../../access/predicates.ts'
import { REPORT_EDITABLE_BY_COUNCIL, REPORT_STATUS } from '../../constants.ts'

/**
 * Who may read, change and delete evaluation reports. Status moves are judged by the workflow
 * (cms/workflow/); these rules say which reports a person may touch at all.
 */

/** Like other city records, except that an assessor reads only the rounds it is assigned to. */
export const readReports: Access = async ({ req }) => {
  const user = userOf(req)
  if (isSecretariat(user)) return true
  if (isCouncil(user)) return inCities('city', cityIdsOf(user))
  if (isAssessor(user)) return assignedRounds(req, 'city', 'period')
  return false
}

/** Council edits only while the report is a draft or sent back; assessors act on submitted reports. */
export const updateReports: Access = async ({ req }) => {
  const user = userOf(req)
  if (isSecretariat(user)) return true
  if (isCouncil(user)) {
    const mine = inCities('city', cityIdsOf(user))
    return mine && { and: [mine, { status: { in: REPORT_EDITABLE_BY_COUNCIL } }] }
  }
  if (isAssessor(user)) {
    const assigned = await assignedRounds(req, 'city', 'period')
    return (
      assigned && {
        and: [assigned, { status: { in: [REPORT_STATUS.submitted, REPORT_STATUS.inReview] } }],
      }
    )
  }
  return false
}

/** Only a report nobody has submitted yet may be deleted, and only by the secretariat. */
export const deleteReports: Access = ({ req }) =>
  isSecretariat(userOf(req)) ? { status: { equals: REPORT_STATUS.draft } } : false
