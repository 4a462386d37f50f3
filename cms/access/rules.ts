import type { Access, CollectionSlug, FieldAccess, PayloadRequest, Where } from 'payload'

import { COLLECTIONS, REPORT_EDITABLE_BY_COUNCIL, REPORT_STATUS } from '../constants.ts'
import {
  type AccessUser,
  assignedCityIdsOf,
  assignmentsOf,
  cityIdsOf,
  hasRole,
  idOf,
  isAssessor,
  isAssessorOfReport,
  isCouncil,
  isCouncilOfCity,
  isSecretariat,
} from './predicates.ts'

/**
 * Collection- and field-level access rules, built from the predicates. Every collection names a
 * rule for every operation; anything not granted here is denied.
 */

type ID = number | string
type Data = Record<string, unknown> | undefined
const userOf = (req: PayloadRequest) => req.user as AccessUser

const inCities = (field: string, ids: ID[]): Where | false =>
  ids.length ? { [field]: { in: ids } } : false

export const nobody: Access = () => false
export const anyone: Access = () => true
export const secretariatOnly: Access = ({ req }) => isSecretariat(userOf(req))
/** Any signed-in member of the programme (secretariat, council or assessor). */
export const signedInStaff: Access = ({ req }) => hasRole(userOf(req))

export const secretariatField: FieldAccess = ({ req }) => isSecretariat(userOf(req))
export const councilField: FieldAccess = ({ req }) => isCouncil(userOf(req))
export const assessorField: FieldAccess = ({ req }) => isAssessor(userOf(req))
export const staffField: FieldAccess = ({ req }) => hasRole(userOf(req))
export const secretariatOrCouncilField: FieldAccess = ({ req }) =>
  isSecretariat(userOf(req)) || isCouncil(userOf(req))
export const systemField: FieldAccess = () => false

/**
 * Reading a city's records: the secretariat reads all, a council its own cities, an assessor the
 * cities assigned to it; the anonymous public reads only what `publicWhere` selects (nothing if unset).
 */
export const readCityRecords =
  (cityField: string, publicWhere?: Where | true): Access =>
  async ({ req }) => {
    const user = userOf(req)
    if (isSecretariat(user)) return true
    if (isCouncil(user)) return inCities(cityField, cityIdsOf(user))
    if (isAssessor(user)) return inCities(cityField, await assignedCityIdsOf(req))
    if (!user) return publicWhere ?? false
    return false
  }

/**
 * A council member may name only its own cities in what it writes: the query rules below check the
 * stored record, so without this it could hand its own record over to another city.
 */
const movesToForeignCity = (user: AccessUser, cityField: string, data: Data): boolean =>
  data !== undefined && cityField in data && !isCouncilOfCity(user, data[cityField] as ID)

/**
 * Changing or deleting a city's records: the secretariat, or a council member of that city, who
 * cannot move the record to a city it does not belong to.
 */
export const writeCityRecords =
  (cityField: string): Access =>
  ({ req, data }) => {
    const user = userOf(req)
    if (isSecretariat(user)) return true
    if (isCouncil(user)) {
      if (movesToForeignCity(user, cityField, data)) return false
      return inCities(cityField, cityIdsOf(user))
    }
    return false
  }

/**
 * What an assessor may see of a review round: records of the cities assigned to it, each in the
 * period of that assignment only. An assessor of Ambon in 2023 does not read Ambon's 2024 report
 * unless assigned again. `periodField` is the path to the period (`report.period` for evidence).
 */
async function assignedRounds(req: PayloadRequest, cityField: string, periodField: string): Promise<Where | false> {
  const byPeriod = new Map<string, { period: ID; cities: ID[] }>()
  for (const { city, period } of await assignmentsOf(req)) {
    const entry = byPeriod.get(String(period)) ?? { period, cities: [] }
    entry.cities.push(city)
    byPeriod.set(String(period), entry)
  }
  if (byPeriod.size === 0) return false
  return {
    or: [...byPeriod.values()].map(({ period, cities }) => ({
      and: [{ [periodField]: { equals: period } }, { [cityField]: { in: cities } }],
    })),
  }
}

export type CityResolver = (req: PayloadRequest, data: Data) => Promise<unknown>

/** The city named directly in the incoming data. */
export const cityInData: CityResolver = async (_req, data) => data?.city

/** The city of the parent document the incoming data points to (e.g. an indicator's programme). */
export const cityOfParent =
  (field: string, collection: CollectionSlug): CityResolver =>
  async (req, data) => {
    const parentId = idOf(data?.[field] as ID | { id: ID } | undefined)
    if (parentId === undefined) return undefined
    const parent = await req.payload.findByID({
      collection,
      id: parentId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    return (parent as { city?: unknown } | null)?.city
  }

/**
 * Creating a city's record: the secretariat, or a council member when the record belongs to one
 * of its cities. Without data (the admin asking what it may show) a council member may create.
 */
export const createCityRecord =
  (resolveCity: CityResolver): Access =>
  async ({ req, data }) => {
    const user = userOf(req)
    if (isSecretariat(user)) return true
    if (!isCouncil(user)) return false
    if (data === undefined) return true
    return isCouncilOfCity(user, (await resolveCity(req, data)) as ID)
  }

// Cities ------------------------------------------------------------------------------------------

export const readCities = readCityRecords('id', true)
export const updateCities = writeCityRecords('id')

// Reports -----------------------------------------------------------------------------------------

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

// Evidence ----------------------------------------------------------------------------------------

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
  const found = await req.payload.findByID({
    collection: COLLECTIONS.reports,
    id: reportId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
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

// Reviews -----------------------------------------------------------------------------------------

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

/** An assessor reviews only reports it is assigned to: the report's city in the report's period. */
export const createReview: Access = async ({ req, data }) => {
  const user = userOf(req)
  if (!isAssessor(user)) return false
  if (data === undefined) return true
  const reportId = idOf(data.report as ID | { id: ID } | undefined)
  if (reportId === undefined) return false
  const report = await req.payload.findByID({
    collection: COLLECTIONS.reports,
    id: reportId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return Boolean(report && (await isAssessorOfReport(req, report)))
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

export const deleteOwnUnpublishedReview: Access = ({ req }) => {
  const user = userOf(req)
  if (!isAssessor(user) || !user) return false
  const ownUnpublished: Where = {
    and: [{ assessor: { equals: user.id } }, { published: { not_equals: true } }],
  }
  return ownUnpublished
}

// Audit log ---------------------------------------------------------------------------------------

/** Entries are written by system code only (see cms/lib/audit.ts) and never changed by anyone. */
export const readAuditLog: Access = secretariatOnly

// Users and media ---------------------------------------------------------------------------------

/** The secretariat manages accounts; everyone else sees and edits only their own. */
export const readSelfOrSecretariat: Access = ({ req }) => {
  const user = userOf(req)
  if (isSecretariat(user)) return true
  return hasRole(user) && user ? { id: { equals: user.id } } : false
}

export const createMedia: Access = ({ req }) => isSecretariat(userOf(req)) || isCouncil(userOf(req))

export const writeOwnMedia: Access = ({ req }) => {
  const user = userOf(req)
  if (isSecretariat(user)) return true
  return isCouncil(user) && user ? { uploadedBy: { equals: user.id } } : false
}
