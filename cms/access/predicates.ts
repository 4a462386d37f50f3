import type { PayloadRequest } from 'payload'

import { COLLECTIONS, ROLES, type Role } from '../constants.ts'
import { type ID, idOf, type Ref, sameId } from '../domain/ids.ts'
import { asSystem } from '../server/asSystem.ts'

/**
 * Plain predicates over the signed-in user. Collection and field access rules (./rules.ts) are
 * built from these, so every rule reads as a sentence and can be tested on its own.
 */

export type AccessUser = {
  id: ID
  role?: Role | null
  cities?: Ref[] | null
} | null | undefined

export const hasRole = (user: AccessUser): boolean =>
  Boolean(user?.role && (Object.values(ROLES) as string[]).includes(user.role))
export const isSecretariat = (user: AccessUser): boolean => user?.role === ROLES.secretariat
export const isCouncil = (user: AccessUser): boolean => user?.role === ROLES.council
export const isAssessor = (user: AccessUser): boolean => user?.role === ROLES.assessor

/** The cities a council member files for; empty for everyone else. */
export const cityIdsOf = (user: AccessUser): ID[] =>
  isCouncil(user) ? (user?.cities ?? []).map(idOf).filter((id): id is ID => id !== undefined) : []

export const isCouncilOfCity = (user: AccessUser, city: Ref): boolean =>
  cityIdsOf(user).some((id) => sameId(id, city))

/** Who may write a record of `city`: the secretariat, or a council member of that city. */
export const mayWriteCity = (user: AccessUser, city: Ref): boolean => isSecretariat(user) || isCouncilOfCity(user, city)

export const isSelf = (user: AccessUser, doc: Ref): boolean => Boolean(user) && sameId(user?.id, doc)

/** One assignment of the signed-in assessor: a city in one evaluation period, as lead or member. */
export type Assignment = { city: ID; period: ID; lead: boolean }

const assignmentsCache = new WeakMap<PayloadRequest, Promise<Assignment[]>>()

/**
 * The signed-in assessor's assignments across all periods, looked up once per request. An
 * assignment to a city the assessor's own record lists (a conflict of interest) grants nothing, even
 * if it was made before the city was added to the record. Empty for everyone who is not an assessor.
 */
export function assignmentsOf(req: PayloadRequest): Promise<Assignment[]> {
  const user = req.user as AccessUser
  if (!isAssessor(user) || !user) return Promise.resolve([])
  let pending = assignmentsCache.get(req)
  if (!pending) {
    const ownCities = (user.cities ?? []).map(idOf)
    pending = asSystem(req, 'access follows the assignments, which assessors cannot read themselves')
      .find(COLLECTIONS.periods, { 'assignments.assessor': { equals: user.id } })
      .then((docs) => {
        const found: Assignment[] = []
        for (const period of docs) {
          for (const assignment of period.assignments ?? []) {
            const city = idOf(assignment.city as Ref)
            if (!sameId(assignment.assessor as Ref, user.id) || city === undefined) continue
            if (ownCities.some((own) => sameId(own, city))) continue
            found.push({ city, period: period.id, lead: Boolean(assignment.lead) })
          }
        }
        return found
      })
    assignmentsCache.set(req, pending)
  }
  return pending
}

/** The cities an assessor is assigned to in any evaluation period. Empty for everyone else. */
export async function assignedCityIdsOf(req: PayloadRequest): Promise<ID[]> {
  const ids = new Map<string, ID>()
  for (const { city } of await assignmentsOf(req)) ids.set(String(city), city)
  return [...ids.values()]
}

export async function isAssessorOfCity(req: PayloadRequest, city: Ref): Promise<boolean> {
  const ids = await assignedCityIdsOf(req)
  return ids.some((id) => sameId(id, city))
}

/** Whether the signed-in assessor is assigned to `report`'s city in the report's own period. */
export async function isAssessorOfReport(req: PayloadRequest, report: { city?: unknown; period?: unknown }): Promise<boolean> {
  return (await assignmentsOf(req)).some(
    (assignment) => sameId(assignment.city, report.city as Ref) && sameId(assignment.period, report.period as Ref),
  )
}

/** Whether the signed-in assessor leads the review of `report` (its city in its period). */
export async function isLeadOfReport(req: PayloadRequest, report: { city?: unknown; period?: unknown }): Promise<boolean> {
  return (await assignmentsOf(req)).some(
    (assignment) =>
      assignment.lead && sameId(assignment.city, report.city as Ref) && sameId(assignment.period, report.period as Ref),
  )
}
