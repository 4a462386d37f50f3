import type { Access, CollectionSlug, FieldAccess, PayloadRequest, Where } from 'payload'

import { COLLECTIONS, REPORT_EDITABLE_BY_COUNCIL, REPORT_STATUS } from '../constants.ts'
import {
  type AccessUser,
  assignedCityIdsOf,
  assignmentsOf,
  cityIdsOf,
  hasRole,
  isAssessor,
  isAssessorOfReport,
  isCouncil,
  isCouncilOfCity,
  isSecretariat,
  mayWriteCity,
} from './predicates.ts'
import { type ID, idOf, type Ref } from '../domain/ids.ts'
import { asSystem } from '../server/asSystem.ts'

/**
 * Access rules shared by several collections, built from the predicates: who may read and write a
 * city's records, field rules by role. Rules of one collection live beside it
 * (`collections/<Name>/access.ts`). Every collection names a rule for every operation; anything not
 * granted by a named rule is denied.
 */

type Data = Record<string, unknown> | undefined
export const userOf = (req: PayloadRequest) => req.user as AccessUser

export const inCities = (field: string, ids: ID[]): Where | false =>
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
 * Reading the stored versions of a city's record (its history, drafts included): the people who may
 * write the record, so the secretariat and the city's council. Nobody else, not even someone who may
 * read the published record: a version can hold a draft the public and other cities must not see.
 * A query rule here applies to the versions collection, where the record's fields sit under `version.`.
 */
export const readCityRecordVersions =
  (cityField: string): Access =>
  ({ req }) => {
    const user = userOf(req)
    if (isSecretariat(user)) return true
    if (isCouncil(user)) return inCities(`version.${cityField}`, cityIdsOf(user))
    return false
  }

/**
 * A council member may name only its own cities in what it writes: the query rules below check the
 * stored record, so without this it could hand its own record over to another city.
 */
export const movesToForeignCity = (user: AccessUser, cityField: string, data: Data): boolean =>
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
export async function assignedRounds(req: PayloadRequest, cityField: string, periodField: string): Promise<Where | false> {
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

/**
 * The city incoming data belongs to; `undefined` when the data names nothing that decides it (no
 * city, no parent), `null` when it names a parent that is not there.
 */
export type CityResolver = (req: PayloadRequest, data: Data) => Promise<unknown>

/** The city named directly in the incoming data. */
export const cityInData: CityResolver = async (_req, data) => data?.city

/** The city of the parent document the incoming data points to (e.g. an indicator's programme). */
export const cityOfParent =
  (field: string, collection: CollectionSlug): CityResolver =>
  async (req, data) => {
    const parentId = idOf(data?.[field] as Ref)
    if (parentId === undefined) return undefined
    const parent = await asSystem(req, 'the parent decides whose record this is, also when the person may not read it').findByID(
      collection,
      parentId,
    )
    return (parent as { city?: unknown } | null)?.city ?? null
  }

/**
 * Creating a city's record: the secretariat, or a council member when the record belongs to one
 * of its cities. A council member may open the form: the admin asks this without data (the list's
 * "create" button) and with only the form's defaults (the create view), before anything names a
 * city. The save asks again with what was filled in, and a record that names no city nor a parent
 * is refused by its required fields. A duplicate reaches this rule the same way, before Payload
 * copies the original's city: the records' own hooks check the city as saved
 * (`refuseOtherCitysRecord`, `inheritCityFromParent`).
 */
export const createCityRecord =
  (resolveCity: CityResolver): Access =>
  async ({ req, data }) => {
    const user = userOf(req)
    if (isSecretariat(user)) return true
    if (!isCouncil(user)) return false
    if (data === undefined) return true
    const city = await resolveCity(req, data)
    if (city === undefined) return true
    return mayWriteCity(user, city as Ref)
  }

/**
 * Whether the person of `req` may change the document `id` of `collection`, by that collection's own
 * update rule: a rule that answers with a query is checked against the stored document.
 */
export async function mayUpdateDocument(req: PayloadRequest, collection: string, id: ID): Promise<boolean> {
  const config = req.payload.collections[collection as CollectionSlug]?.config
  if (!config) return false
  const granted = await config.access.update({ req, id: id as number })
  if (typeof granted !== 'object') return Boolean(granted)
  const where: Where = { and: [{ id: { equals: id } }, granted] }
  return (await asSystem(req, "the collection's own update rule is asked about one stored document").count(config.slug, where)) > 0
}

/** Whether the person of `req` may change the global `slug`, by that global's own update rule. */
export async function mayUpdateGlobal(req: PayloadRequest, slug: string): Promise<boolean> {
  const config = req.payload.config.globals.find((global) => global.slug === slug)
  return Boolean(config && (await config.access.update({ req })) === true)
}
