import type { CollectionBeforeChangeHook } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'
import { type AssigneeFacts, type AssignmentRow, assignmentProblems } from '../../../domain/assignments.ts'
import { idOf, type ID, type Ref } from '../../../domain/ids.ts'
import { asSystem } from '../../../server/asSystem.ts'
import { fieldProblems } from '../../../server/problemsError.ts'

/**
 * Refuses a period whose assessor assignments break the rules of domain/assignments.ts (conflict of
 * interest, a non-assessor, a second lead, a city without a lead), naming every problem at its row.
 * Checked on every save, by people and by system code, since access to reports follows from it.
 */
export const validateAssignments: CollectionBeforeChangeHook = async ({ data, req }) => {
  const rows = (Array.isArray(data.assignments) ? data.assignments : []) as AssignmentRow[]
  if (rows.length === 0) return data
  const ids = (key: 'assessor' | 'city') => [
    ...new Set(rows.map((row) => idOf(row[key] as Ref)).filter((id): id is ID => id !== undefined)),
  ]
  const system = asSystem(req, "an assignment is judged by the assessor's own ties, whoever assigns")
  const [users, cities] = await Promise.all([
    system.find(COLLECTIONS.users, { id: { in: ids('assessor') } }, { select: { name: true, email: true, role: true, cities: true } }),
    // No `locale` here: the Local API would set it on the shared request and the rest of this
    // save would write its texts in that language.
    system.find(COLLECTIONS.cities, { id: { in: ids('city') } }, { select: { name: true } }),
  ])
  const people = new Map<string, AssigneeFacts>(
    users.map((user) => [
      String(user.id),
      { name: user.name || user.email, role: user.role, cities: (user.cities ?? []) as ID[] },
    ]),
  )
  const cityNames = new Map(cities.map((city) => [String(city.id), String(city.name)]))
  const errors = assignmentProblems(rows, people, cityNames)
  if (errors.length > 0) throw fieldProblems(COLLECTIONS.periods, req, errors.map(({ path, problem }) => [path, problem]))
  return data
}
