import { type Payload, ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, REPORT_STATUS, REVIEW_STATUS } from '../../../cms/constants.ts'
import type { Review } from '../../../cms/payload-types.ts'
import { buildFixture, type Fixture } from '../../helpers/fixture.ts'
import { testPayload } from '../../helpers/payload.ts'
import { createRound, type Round, scoreAll } from '../../helpers/reviewRound.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

const stored = (review: Review) => payload.findByID({ collection: COLLECTIONS.reviews, id: review.id, depth: 0 })
const fours = { Q1: 4, Q2: 4, Q3: 4, Q4: 4, Q5: 4, Q6: 4 }
const pillarId = (row: { pillar: unknown }) => (typeof row.pillar === 'object' ? (row.pillar as { id: number }).id : row.pillar)

/**
 * The round's instrument: Q1-Q3 in an Output section of pillar 1, Q4-Q6 in an Outcome section of
 * pillar 2; Output weighs 40, Outcome 60. Hand-computed results are in each test.
 */
describe('scores computed by the server', () => {
  let round: Round

  beforeAll(async () => {
    round = await createRound(payload, fixture)
  })

  it("stores the index, evaluation-dimension and pillar scores of the assessors' scores, not what was typed", async () => {
    const review = await scoreAll(payload, round, round.lead, 4, { overall: 1, dimensionScores: [{ key: 'output', score: 1 }] } as never)
    expect(review.overall).toBe(4)
    expect(review.dimensionScores).toEqual([
      expect.objectContaining({ key: 'output', score: 4 }),
      expect.objectContaining({ key: 'outcome', score: 4 }),
    ])
    expect(review.pillarScores?.map((row) => [pillarId(row), row.score])).toEqual([
      [round.pillars[0].id, 4],
      [round.pillars[1].id, 4],
    ])
  })

  it("recomputes every assessor's stored results when another assessor scores", async () => {
    const leadReview = await scoreAll(payload, round, round.lead, 4)
    // Member: 5 on Q4, one level above the lead: Q4 counts 4.5 for now (the mean), flagged.
    // Outcome = (4.5 + 4 + 4) / 3 = 4.1667; index = 0.4 × 4 + 0.6 × 4.1667 = 4.1.
    const memberReview = await scoreAll(payload, round, round.member, { ...fours, Q4: 5 })
    expect(memberReview.overall).toBe(4.1)
    const lead = await stored(leadReview)
    expect(lead.overall).toBe(4.1)
    expect(lead.dimensionScores?.find((row) => row.key === 'outcome')?.score).toBe(4.17)
    expect(lead.disagreements).toEqual([expect.objectContaining({ question: 'Q4', spread: 1, resolved: false })])
  })

  it("lets the lead's explanation settle a disagreement: the lead's score stands", async () => {
    const leadReview = await scoreAll(payload, round, round.lead, 4, {
      resolutions: [{ question: 'Q4', explanation: 'Bukti layanan daring belum terintegrasi penuh' }],
    })
    expect(leadReview.overall).toBe(4)
    expect(leadReview.disagreements).toEqual([expect.objectContaining({ question: 'Q4', resolved: true })])
  })

  it('refuses an explanation from an assessor who is not the lead', async () => {
    await expect(
      scoreAll(payload, round, round.member, { ...fours, Q4: 5 }, { resolutions: [{ question: 'Q4', explanation: 'Saya yakin 5' }] }),
    ).rejects.toThrow(ValidationError)
  })

  it('refuses a score for a question the instrument does not have, and a score outside 1-5', async () => {
    await expect(
      payload.update({
        collection: COLLECTIONS.reviews,
        id: (await scoreAll(payload, round, round.member, 4)).id,
        data: { scores: [{ question: 'Q99', score: 3 }] },
        overrideAccess: false,
        user: round.member,
      }),
    ).rejects.toThrow(ValidationError)
    await expect(scoreAll(payload, round, round.member, 6)).rejects.toThrow(ValidationError)
  })

  it("bases the Baseline on the city's previous accepted index", async () => {
    // 2023: both assessors score 4 everywhere: index 4, accepted.
    const earlier = await createRound(payload, fixture)
    await scoreAll(payload, earlier, earlier.lead, 4, { status: REVIEW_STATUS.completed })
    await scoreAll(payload, earlier, earlier.member, 4, { status: REVIEW_STATUS.completed })
    await payload.update({
      collection: COLLECTIONS.reports,
      id: earlier.report.id,
      data: { status: REPORT_STATUS.accepted },
      overrideAccess: false,
      user: earlier.lead,
    })
    // 2024, same city, Baseline 20 / Output 40 / Outcome 40: Output 5, Outcome 4, so the index
    // without Baseline is 4.5, up 0.5 from 4: Baseline = 3 + 2 × 0.5 = 4.
    // Index = 0.2 × 4 + 0.4 × 5 + 0.4 × 4 = 4.4.
    const later = await createRound(payload, fixture, { city: earlier.city, opensAt: '2024-03-01T00:00:00.000Z', baseline: true })
    const review = await scoreAll(payload, later, later.lead, { Q1: 5, Q2: 5, Q3: 5, Q4: 4, Q5: 4, Q6: 4 })
    expect(review.dimensionScores).toEqual([
      expect.objectContaining({ key: 'baseline', score: 4 }),
      expect.objectContaining({ key: 'output', score: 5 }),
      expect.objectContaining({ key: 'outcome', score: 4 }),
    ])
    expect(review.overall).toBe(4.4)
  })

  it('leaves the Baseline empty for a first evaluation, and the index to the other dimensions', async () => {
    const first = await createRound(payload, fixture, { baseline: true })
    const review = await scoreAll(payload, first, first.lead, { Q1: 5, Q2: 5, Q3: 5, Q4: 4, Q5: 4, Q6: 4 })
    expect(review.dimensionScores?.map((row) => row.key)).toEqual(['output', 'outcome'])
    expect(review.overall).toBe(4.5)
  })
})
