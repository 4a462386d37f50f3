/**
 * The rules of a period's assessor assignments, as a pure function so the period form, the tests
 * and any future import check them the same way:
 * - only users with the assessor role are assigned;
 * - an assessor whose own user record lists the city (its `cities`: the cities it works for or is
 *   otherwise tied to) has a conflict of interest and is not assigned to that city;
 * - one assessor appears once per city;
 * - every city with assessors has exactly one lead.
 */
import { ROLES } from '../constants.ts'
import { type ID, type Ref } from './ids.ts'
import { type Problem, problem } from './problems.ts'

export type AssignmentRow = { city?: unknown; assessor?: unknown; lead?: boolean | null }

/** What the rules need to know about an assigned user. */
export type AssigneeFacts = { name: string; role?: string | null; cities: Ref[] }

export type AssignmentProblem = { path: string; problem: Problem }

const text = (value: unknown): string | undefined => {
  const id = value && typeof value === 'object' ? (value as { id?: ID }).id : (value as ID | null | undefined)
  return id === undefined || id === null ? undefined : String(id)
}

/**
 * Every broken rule, each with the path of the row field to fix (`assignments.2.assessor`) and the
 * problem, which the person reads in their own language (./problems.ts). `people` maps user ids to their facts, `cityNames` city ids to names.
 */
export function assignmentProblems(
  rows: AssignmentRow[],
  people: Map<string, AssigneeFacts>,
  cityNames: Map<string, string> = new Map(),
): AssignmentProblem[] {
  const problems: AssignmentProblem[] = []
  const cityName = (city: string) => cityNames.get(city) ?? `#${city}`
  const seen = new Set<string>()
  const leads = new Map<string, number>()
  const firstRowOf = new Map<string, number>()

  rows.forEach((row, index) => {
    const city = text(row.city)
    const assessor = text(row.assessor)
    if (city === undefined || assessor === undefined) return
    if (!firstRowOf.has(city)) firstRowOf.set(city, index)
    const person = people.get(assessor)
    const who = person?.name ?? `#${assessor}`
    const at = `assignments.${index}.assessor`

    if (!person || person.role !== ROLES.assessor) {
      problems.push({ path: at, problem: problem('assignment.notAssessor', { params: { who } }) })
    } else if (person.cities.some((own) => text(own) === city)) {
      problems.push({ path: at, problem: problem('assignment.conflict', { params: { who, city: cityName(city) } }) })
    }

    const pair = `${city} ${assessor}`
    if (seen.has(pair)) {
      problems.push({ path: at, problem: problem('assignment.twice', { params: { who, city: cityName(city) } }) })
    }
    seen.add(pair)

    if (row.lead) {
      const count = (leads.get(city) ?? 0) + 1
      leads.set(city, count)
      if (count > 1) {
        problems.push({ path: `assignments.${index}.lead`, problem: problem('assignment.secondLead', { params: { city: cityName(city) } }) })
      }
    }
  })

  for (const [city, index] of firstRowOf) {
    if (!leads.has(city)) {
      problems.push({ path: `assignments.${index}.lead`, problem: problem('assignment.noLead', { params: { city: cityName(city) } }) })
    }
  }
  return problems
}
