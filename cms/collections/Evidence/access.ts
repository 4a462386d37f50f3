import type { Access, PayloadRequest, Where } from 'payload'

import { assignedRounds, inCities, movesToForeignCity, readCityRecords, userOf } from '../../access/rules.ts'
import { type AccessUser, cityIdsOf, isAssessor, isCouncil, isCouncilOfCity } from '../../access/predicates.ts'
import { COLLECTIONS, REPORT_EDITABLE_BY_COUNCIL, REPORT_STATUS } from '../../constants.ts'
import { type ID, idOf } from '../../domain/ids.ts'
import { asSystem } from '../../server/asSystem.ts'

/**
 * Who may read, upload, judge and delete evidence (bukti dukung).
 */

const evidenceStillEditable: Where = {
  or: [{ report: { exists: false } }, { 'report.status': { in: REPORT_EDITABLE_BY_COUNCIL } }],
}

/**
 * The secretariat reads all evidence, a council its cities', an assessor the evidence of the reports
 * it is assigned to (city and period), the public only what is marked public.
 */
const readCityEvidence = readCityRecords('city', { isPublic: { equals: true } })
export const readEvidence: Access = async (args) => {
  if (isAssessor(userOf(args.req))) return assignedRounds(args.req, 'city', 'report.period')
  return readCityEvidence(args)
}

/** Whether a council member may file evidence under `report`: one of its city's, still editable. */
async function councilMayFileUnder(req: PayloadRequest, user: AccessUser, report: unknown): Promise<boolean> {
  const reportId = idOf(report as ID | undefined)
  if (reportId === undefined) return true
  const found = await asSystem(req, 'the report decides whether evidence may still be filed under it').findByID(
    COLLECTIONS.reports,
    reportId,
  )
  return Boolean(
    found && isCouncilOfCity(user, found.city as ID) && REPORT_EDITABLE_BY_COUNCIL.includes(found.status),
  )
}

/** A council uploads evidence for its own city, to a report it may still edit. */
export const createEvidence: Access = async ({ req, data }) => {
  const user = userOf(req)
  if (!isCouncil(user)) return false
  if (data === undefined) return true
  if (!isCouncilOfCity(user, data.city as ID)) return false
  return councilMayFileUnder(req, user, data.report)
}

/**
 * Council: own city, while the report is editable, and only into its own city and editable reports,
 * so evidence cannot be slipped into a submitted report. Assessors: assigned cities, verdict fields
 * only, so never a new file, which would replace what the council submitted.
 */
export const updateEvidence: Access = async ({ req, data }) => {
  const user = userOf(req)
  if (isCouncil(user)) {
    if (movesToForeignCity(user, 'city', data)) return false
    if (data && 'report' in data && !(await councilMayFileUnder(req, user, data.report))) return false
    const mine = inCities('city', cityIdsOf(user))
    return mine && { and: [mine, evidenceStillEditable] }
  }
  if (isAssessor(user)) {
    if (req.file) return false
    const assigned = await assignedRounds(req, 'city', 'report.period')
    // A verdict is part of the decision: once the report is accepted it stands.
    return assigned && { and: [assigned, { 'report.status': { not_equals: REPORT_STATUS.accepted } }] }
  }
  return false
}

export const deleteEvidence: Access = ({ req }) => {
  const user = userOf(req)
  if (!isCouncil(user)) return false
  const mine = inCities('city', cityIdsOf(user))
  return mine && { and: [mine, evidenceStillEditable] }
}
