import { describe, expect, it } from 'vitest'

import { ROLES } from '../../cms/constants.ts'
import { type AssigneeFacts, assignmentProblems } from '../../cms/domain/assignments.ts'
import { problemMessage } from '../../cms/domain/problems.ts'

const people = new Map<string, AssigneeFacts>([
  ['1', { name: 'Asesor Satu', role: ROLES.assessor, cities: [] }],
  ['2', { name: 'Asesor Dua', role: ROLES.assessor, cities: [10] }],
  ['3', { name: 'Dewan Kota', role: ROLES.council, cities: [10] }],
])
const cities = new Map([
  ['10', 'Kota Ambon'],
  ['20', 'Kota Semarang'],
])
const paths = (rows: Parameters<typeof assignmentProblems>[0]) => assignmentProblems(rows, people, cities).map((p) => p.path)

describe('assignmentProblems', () => {
  it('accepts one lead per city with any number of members', () => {
    expect(
      assignmentProblems(
        [
          { city: 10, assessor: 1, lead: true },
          { city: 20, assessor: 2, lead: true },
          { city: 20, assessor: 1, lead: false },
        ],
        people,
        cities,
      ),
    ).toEqual([])
  })

  it('names the conflict of interest with the city and the assessor', () => {
    const [found] = assignmentProblems([{ city: 10, assessor: 2, lead: true }], people, cities)
    expect(found).toEqual({
      path: 'assignments.0.assessor',
      problem: { code: 'assignment.conflict', params: { who: 'Asesor Dua', city: 'Kota Ambon' } },
    })
    expect(problemMessage(found.problem, 'id')).toBe('Asesor Dua terhubung dengan Kota Ambon (konflik kepentingan) dan tidak dapat menilainya')
    expect(problemMessage(found.problem, 'en')).toBe('Asesor Dua is tied to Kota Ambon (conflict of interest) and cannot assess it')
  })

  it.each([
    ['a second lead', [{ city: 10, assessor: 1, lead: true }, { city: 10, assessor: 4, lead: true }], ['assignments.1.assessor', 'assignments.1.lead']],
    ['no lead', [{ city: 20, assessor: 1 }], ['assignments.0.lead']],
    ['a council member', [{ city: 20, assessor: 3, lead: true }], ['assignments.0.assessor']],
    ['the same assessor twice', [{ city: 20, assessor: 1, lead: true }, { city: 20, assessor: 1 }], ['assignments.1.assessor']],
  ])('refuses %s', (_name, rows, expected) => {
    expect(paths(rows)).toEqual(expected)
  })

  it('takes populated relationships as well as ids', () => {
    expect(paths([{ city: { id: 10 }, assessor: { id: 2 }, lead: true }])).toEqual(['assignments.0.assessor'])
  })
})
