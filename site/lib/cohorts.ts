import { type City, type Cohort, COHORTS } from '../../cms/contract/index.ts'

export interface CohortGroup {
  cohort: Cohort
  cities: City[]
}

const byName = new Intl.Collator('id', { sensitivity: 'base', numeric: true })

/**
 * Cities grouped by the year they joined the movement, oldest cohort first, each group sorted by
 * name. Cohorts without cities are left out rather than shown as empty headings.
 */
export function groupByCohort(cities: readonly City[]): CohortGroup[] {
  return COHORTS.map((cohort) => ({
    cohort,
    cities: cities.filter((city) => city.cohort === cohort).sort((a, b) => byName.compare(a.name, b.name)),
  })).filter((group) => group.cities.length > 0)
}
