import type { PayloadRequest } from 'payload'

import { COLLECTIONS, ROLES, type Role } from '../constants.ts'

/**
 * Plain predicates over the signed-in user. Collection and field access rules (./rules.ts) are
 * built from these, so every rule reads as a sentence and can be tested on its own.
 */

type ID = number | string
type Ref = ID | { id: ID } | null | undefined

export type AccessUser = {
  id: ID
  role?: Role | null
  cities?: Ref[] | null
} | null | undefined

export const idOf = (value: Ref): ID | undefined =>
  value && typeof value === 'object' ? value.id : (value ?? undefined)

const sameId = (a: Ref, b: Ref): boolean => {
  const left = idOf(a)
  const right = idOf(b)
  return left !== undefined && right !== undefined && String(left) === String(right)
}

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

export const isSelf = (user: AccessUser, doc: Ref): boolean => Boolean(user) && sameId(user?.id, doc)

const assignedCities = new WeakMap<PayloadRequest, Promise<ID[]>>()

/**
 * The cities an assessor is assigned to in any evaluation period, looked up once per request.
 * Empty for everyone who is not an assessor.
 */
export function assignedCityIdsOf(req: PayloadRequest): Promise<ID[]> {
  const user = req.user as AccessUser
  if (!isAssessor(user) || !user) return Promise.resolve([])
  let pending = assignedCities.get(req)
  if (!pending) {
    pending = req.payload
      .find({
        collection: COLLECTIONS.periods,
        where: { 'assignments.assessor': { equals: user.id } },
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      .then(({ docs }) => {
        const ids = new Set<ID>()
        for (const period of docs) {
          for (const assignment of period.assignments ?? []) {
            const city = idOf(assignment.city as Ref)
            if (sameId(assignment.assessor as Ref, user.id) && city !== undefined) ids.add(city)
          }
        }
        return [...ids]
      })
    assignedCities.set(req, pending)
  }
  return pending
}

export async function isAssessorOfCity(req: PayloadRequest, city: Ref): Promise<boolean> {
  const ids = await assignedCityIdsOf(req)
  return ids.some((id) => sameId(id, city))
}
