import type { Access, PayloadRequest } from 'payload'

import { assignedRounds, inCities, userOf } from '../../access/rules.ts'
import { type AccessUser, cityIdsOf, isAssessor, isCouncil, isCouncilOfCity, isSecretariat } from '../../access/predicates.ts'
import { COLLECTIONS, REPORT_EDITABLE_BY_COUNCIL, REPORT_STATUS } from '../../constants.ts'
import { idOf, type Ref } from '../../domain/ids.ts'
import { asSystem } from '../../server/asSystem.ts'

/**
 * Who may see, attach, judge and detach the uses of evidence files: one file supporting one
 * question of one report, with the assessor's verdict on it.
 */

/**
 * The secretariat reads every use, a council those of its cities' reports, an assessor those of the
 * reports it is assigned to (city and period); the public none (verdicts are part of the review).
 */
export const readEvidenceUses: Access = async ({ req }) => {
  const user = userOf(req)
  if (isSecretariat(user)) return true
  if (isCouncil(user)) return inCities('city', cityIdsOf(user))
  if (isAssessor(user)) return assignedRounds(req, 'city', 'period')
  return false
}

/** Whether a council member may attach files to `report`: one of its city's, still editable. */
export async function councilMayAttachTo(req: PayloadRequest, user: AccessUser, report: unknown): Promise<boolean> {
  const reportId = idOf(report as Ref)
  if (reportId === undefined) return false
  const found = await asSystem(req, 'the report decides whether files may still be attached to it').findByID(COLLECTIONS.reports, reportId, {
    select: { city: true, status: true },
  })
  return Boolean(found && isCouncilOfCity(user, found.city as Ref) && REPORT_EDITABLE_BY_COUNCIL.includes(found.status))
}

/** A council attaches files to its own city's report while the report is a draft or sent back for revision. */
export const createEvidenceUses: Access = async ({ req, data }) => {
  const user = userOf(req)
  if (!isCouncil(user)) return false
  if (data === undefined) return true
  return councilMayAttachTo(req, user, data.report)
}

/**
 * Assessors set verdicts on the uses of the reports they are assigned to until the report is
 * accepted: a verdict is part of the decision, and once the report is accepted it stands.
 */
export const updateEvidenceUses: Access = async ({ req }) => {
  if (!isAssessor(userOf(req))) return false
  const assigned = await assignedRounds(req, 'city', 'period')
  return assigned && { and: [assigned, { 'report.status': { not_equals: REPORT_STATUS.accepted } }] }
}

/** A council detaches files from its own reports while they are editable; the file stays in the library. */
export const deleteEvidenceUses: Access = ({ req }) => {
  const user = userOf(req)
  if (!isCouncil(user)) return false
  const mine = inCities('city', cityIdsOf(user))
  return mine && { and: [mine, { 'report.status': { in: REPORT_EDITABLE_BY_COUNCIL } }] }
}
