import { describe, expect, it } from 'vitest'

import { type DashboardInput, periodDashboard } from '../../cms/domain/dashboard.ts'

const pillars = [
  { id: 1, name: 'Governance' },
  { id: 2, name: 'Living' },
]

/** Four cities: A accepted (3.41), B accepted (2.95), C submitted, D still a draft past the deadline. */
const input = (overrides: Partial<DashboardInput> = {}): DashboardInput => ({
  period: {
    closesAt: '2023-07-31T00:00:00.000Z',
    extensions: [{ city: 13, until: '2023-09-30T00:00:00.000Z' }],
    cities: [10, 11, 12, 13],
    assignments: [
      { city: 10, assessor: 100, lead: true },
      { city: 11, assessor: 100, lead: true },
      { city: 11, assessor: 101, lead: false },
      { city: 12, assessor: 101, lead: true },
    ],
  },
  cities: [
    { id: 10, name: 'Kota A' },
    { id: 11, name: 'Kota B' },
    { id: 12, name: 'Kota C' },
    { id: 13, name: 'Kota D' },
  ],
  reports: [
    { id: 1, city: 10, status: 'accepted' },
    { id: 2, city: 11, status: 'accepted' },
    { id: 3, city: 12, status: 'submitted' },
    { id: 4, city: 13, status: 'draft' },
  ],
  reviews: [
    { report: 1, assessor: 100, status: 'completed', published: true, overall: 3.414, pillarScores: [{ pillar: 1, score: 3 }, { pillar: 2, score: 4 }] },
    { report: 2, assessor: 100, status: 'completed', published: true, overall: 2.95, pillarScores: [{ pillar: 1, score: 2 }] },
    { report: 2, assessor: 101, status: 'completed', published: false, overall: 3.9 },
    { report: 3, assessor: 101, status: 'in_progress', published: false, overall: 3.2 },
  ],
  pillars,
  assessors: [
    { id: 100, name: 'Asesor Satu' },
    { id: 101, name: 'Asesor Dua' },
  ],
  now: new Date('2023-10-15T00:00:00.000Z'),
  ...overrides,
})

describe('periodDashboard', () => {
  const dashboard = periodDashboard(input())

  it('counts reports by status over the participating cities', () => {
    expect(dashboard.statusCounts).toEqual({ draft: 1, submitted: 1, in_review: 0, revision_requested: 0, accepted: 2 })
  })

  it('names a city overdue only when its deadline, extension included, has passed and its report is not in', () => {
    expect(dashboard.overdue).toEqual(['Kota D'])
    const beforeExtensionEnds = periodDashboard(input({ now: new Date('2023-09-01T00:00:00.000Z') }))
    expect(beforeExtensionEnds.overdue).toEqual([])
  })

  it('ranks by the published index only, two decimals, best first', () => {
    expect(dashboard.ranking).toEqual([
      { rank: 1, city: 'Kota A', index: 3.41 },
      { rank: 2, city: 'Kota B', index: 2.95 },
    ])
  })

  it('gives equal indices the same rank', () => {
    const tied = input()
    tied.reviews[1] = { ...tied.reviews[1], overall: 3.41 }
    expect(periodDashboard(tied).ranking.map((row) => row.rank)).toEqual([1, 1])
  })

  it.each([
    [2.5, 1],
    [3, 1],
    [4.5, 0],
  ])('puts accepted indices into the half-point band from %s: %i', (from, count) => {
    expect(dashboard.distribution.find((row) => row.from === from)).toEqual({ from, to: from + 0.5, count })
  })

  it('counts an index of exactly 5 in the last band', () => {
    const perfect = input()
    perfect.reviews[0] = { ...perfect.reviews[0], overall: 5 }
    expect(periodDashboard(perfect).distribution.at(-1)).toEqual({ from: 4.5, to: 5, count: 1 })
  })

  it('averages each pillar over the cities that have a score for it', () => {
    expect(dashboard.pillarAverages).toEqual([
      { pillar: 'Governance', average: 2.5 },
      { pillar: 'Living', average: 4 },
    ])
  })

  it("counts each assessor's assignments, leads and completed reviews", () => {
    expect(dashboard.workload).toEqual([
      { assessor: 'Asesor Dua', assigned: 2, completed: 1, lead: 1 },
      { assessor: 'Asesor Satu', assigned: 2, completed: 2, lead: 2 },
    ])
  })

  it('shows a city without a report as having none, and overdue once the period closed', () => {
    const missing = periodDashboard(input({ reports: input().reports.filter((report) => report.city !== 13) }))
    expect(missing.cities.find((row) => row.city === 'Kota D')).toMatchObject({ status: null, overdue: true })
  })

  it('names the cities whose report waits for its assessors, and those whose reviews are all done and wait for the lead', () => {
    // Kota C is submitted and its one assessor's review is still in progress.
    expect(dashboard.inReview).toEqual(['Kota C'])
    expect(dashboard.awaitingLead).toEqual([])
    // With their reports, for a list of just those (the start page's links).
    const report = String(input().reports.find((row) => row.city === 12)!.id)
    expect(dashboard.reports).toEqual({ inReview: [report], awaitingLead: [] })
    const done = input()
    done.reviews[3] = { ...done.reviews[3], status: 'completed' }
    expect(periodDashboard(done).awaitingLead).toEqual(['Kota C'])
    expect(periodDashboard(done).inReview).toEqual([])
    expect(periodDashboard(done).reports).toEqual({ inReview: [], awaitingLead: [report] })
  })

  it('waits for every assigned assessor before the lead decides', () => {
    const twoAssessors = input({
      reports: [...input().reports.slice(0, 2), { id: 3, city: 12, status: 'in_review' }, input().reports[3]],
      period: { ...input().period, assignments: [...(input().period.assignments ?? []), { city: 12, assessor: 100, lead: false }] },
    })
    twoAssessors.reviews[3] = { ...twoAssessors.reviews[3], status: 'completed' }
    expect(periodDashboard(twoAssessors).awaitingLead).toEqual([])
    expect(periodDashboard(twoAssessors).inReview).toEqual(['Kota C'])
  })

  it('names the participating cities without any assessor', () => {
    expect(dashboard.unassigned).toEqual(['Kota D'])
  })
})
