import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, REPORT_STATUS, REVIEW_STATUS, ROLES } from '../../cms/constants.ts'
import { loadReportScoring } from '../../cms/server/reportScoring.ts'
import { storedResults } from '../../cms/domain/reviewScores.ts'
import { computeScores } from '../../cms/domain/scoring.ts'
import { type SubmissionInstrument, visibleQuestions } from '../../cms/domain/submission.ts'
import type { Instrument, Period, Report, Review, User } from '../../cms/payload-types.ts'
import { collectSnapshot } from '../../cms/snapshot/build.ts'
import { INSTRUMENT } from '../../seed/data/instrument.ts'
import { seedSynthetic, type SyntheticCounts } from '../../seed/scenarios/synthetic.ts'
import { SYNTHETIC_ASSESSOR_EMAIL } from '../../seed/scenarios/syntheticRounds.ts'
import { testPayload } from '../helpers/payload.ts'

const YEARS = [2024, 2025]

describe('the synthetic data set, 2 cities x 2 years', () => {
  let payload: Payload
  let summary: SyntheticCounts
  let assessor: number
  let periods: (Period & { instrument: Instrument })[]
  let reports: Report[]
  let reviews: Review[]

  beforeAll(async () => {
    payload = await testPayload()
    summary = await seedSynthetic(payload, { cities: 2, years: YEARS.length, seed: 2017, lastYear: 2025 })
    const { docs: [user] } = await payload.find({ collection: COLLECTIONS.users, where: { email: { equals: SYNTHETIC_ASSESSOR_EMAIL } } })
    expect(user).toMatchObject({ role: ROLES.assessor, cities: [] })
    assessor = user.id
    periods = (await payload.find({ collection: COLLECTIONS.periods, sort: 'year', pagination: false, depth: 1 })).docs as typeof periods
    reports = (await payload.find({ collection: COLLECTIONS.reports, sort: 'id', pagination: false, depth: 0 })).docs
    reviews = (await payload.find({ collection: COLLECTIONS.reviews, sort: 'id', pagination: false, depth: 0 })).docs
  })

  it('holds a closed round per year, on the demo instrument, led for every city by the synthetic assessor', () => {
    expect(summary).toMatchObject({ cities: 2, periods: 2, reports: 4, reviews: 4 })
    expect(periods.map((period) => [period.year, period.status])).toEqual(YEARS.map((year) => [year, 'closed']))
    for (const period of periods) {
      expect(period.instrument.title).toBe(INSTRUMENT.title.id)
      expect(period.assignments?.map((row) => [(row.assessor as User).id, row.lead])).toEqual([
        [assessor, true],
        [assessor, true],
      ])
    }
  })

  it("accepts each city's report of each year, answering the questions the instrument shows", () => {
    expect(reports.map((report) => report.status)).toEqual(Array(4).fill(REPORT_STATUS.accepted))
    for (const report of reports) {
      const instrument = periods[0].instrument as SubmissionInstrument
      const shown = visibleQuestions(instrument, report.answers ?? []).map((question) => question.key)
      expect((report.answers ?? []).map((answer) => answer.question).sort()).toEqual(shown.sort())
      expect(report.history?.map(({ to }) => to).at(-1)).toBe(REPORT_STATUS.accepted)
    }
  })

  it("publishes the assessor's completed review of each report, with whole scores 1-5 and the scores of several pillars", () => {
    expect(reviews.map((review) => review.report).sort()).toEqual(reports.map((report) => report.id).sort())
    for (const review of reviews) {
      expect(review).toMatchObject({ assessor, status: REVIEW_STATUS.completed, published: true })
      for (const { score } of review.scores ?? []) expect(Number.isInteger(score) && score >= 1 && score <= 5, String(score)).toBe(true)
      expect(review.pillarScores?.length).toBeGreaterThanOrEqual(3)
      expect(review.overall).toBeGreaterThanOrEqual(1)
    }
  })

  it('stores the scores the server computes, the Baseline measured against the year before', async () => {
    const req = await createLocalReq({}, payload)
    for (const review of reviews) {
      const scoring = await loadReportScoring(req, review.report as number)
      const expected = storedResults(computeScores(scoring!.input))
      expect(review.overall).toBe(expected.overall)
      expect(review.dimensionScores?.map(({ key, score }) => [key, score])).toEqual(expected.dimensionScores.map(({ key, score }) => [key, score]))
      expect(review.pillarScores?.map(({ pillar, score }) => [pillar, score])).toEqual(expected.pillarScores.map(({ pillar, score }) => [pillar, score]))
      const earlier = reviews.find((other) => other.city === review.city && other.period === periods[0].id)!
      expect(scoring!.input.previousIndex).toBe(review.period === periods[0].id ? null : earlier.overall)
    }
  })

  it('exports one score per city and year in the publish snapshot', async () => {
    const { scores } = await collectSnapshot(payload)
    expect(scores.map((score) => score.periodYear).sort()).toEqual([...YEARS, ...YEARS].sort())
    for (const score of scores) {
      expect(score.overall).not.toBeNull()
      expect(score.pillarScores.length).toBeGreaterThanOrEqual(3)
    }
  })
})
