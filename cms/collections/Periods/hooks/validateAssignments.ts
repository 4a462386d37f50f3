import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { idOf } from '../../../access/predicates.ts'
import { COLLECTIONS } from '../../../constants.ts'
import { type AssigneeFacts, type AssignmentRow, assignmentProblems } from '../../../domain/assignments.ts'

type ID = number | string

/**
 * Refuses a period whose assessor assignments break the rules of ../lib/assignments.ts (conflict of
 * interest, a non-assessor, a second lead, a city without a lead), naming every problem at its row.
 * Checked on every save, by people and by system code, since access to reports follows from it.
 */
export const validateAssignments: CollectionBeforeChangeHook = async ({ data, req }) => {
  const rows = (Array.isArray(data.assignments) ? data.assignments : []) as AssignmentRow[]
  if (rows.length === 0) return data
  const ids = (key: 'assessor' | 'city') => [
    ...new Set(rows.map((row) => idOf(row[key] as ID | { id: ID } | undefined)).filter((id): id is ID => id !== undefined)),
  ]
  const [users, cities] = await Promise.all([
    req.payload.find({
      collection: COLLECTIONS.users,
      where: { id: { in: ids('assessor') } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { name: true, email: true, role: true, cities: true },
      req,
    }),
    req.payload.find({
      collection: COLLECTIONS.cities,
      where: { id: { in: ids('city') } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { name: true },
      // No `locale` here: the Local API would set it on the shared request and the rest of this
      // save would write its texts in that language.
      req,
    }),
  ])
  const people = new Map<string, AssigneeFacts>(
    users.docs.map((user) => [
      String(user.id),
      { name: user.name || user.email, role: user.role, cities: (user.cities ?? []) as ID[] },
    ]),
  )
  const cityNames = new Map(cities.docs.map((city) => [String(city.id), String(city.name)]))
  const errors = assignmentProblems(rows, people, cityNames)
  if (errors.length > 0) throw new ValidationError({ collection: COLLECTIONS.periods, errors, req })
  return data
}
