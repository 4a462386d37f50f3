import { Forbidden, type Payload, QueryError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, REPORT_STATUS, ROLES } from '../../../cms/constants.ts'
import type { Report } from '../../../cms/payload-types.ts'
import { type Actor, as, attempt, everyRole, reading, type Verdict } from '../../helpers/access.ts'
import { buildFixture, createReport, type Fixture, periodData } from '../../helpers/fixture.ts'
import { testPayload } from '../../helpers/payload.ts'
import { createUser } from '../../helpers/users.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

const onlyTheAssessor: Record<Actor, Verdict> = {
  secretariat: 'denied',
  councilA: 'denied',
  councilB: 'denied',
  assessorA: 'allowed',
  assessorNone: 'denied',
  public: 'denied',
}

/** A review of `report` by city A's assessor, written as the system. */
const reviewOf = (report: Report = fixture.reports.a, published = false) =>
  payload.create({
    collection: COLLECTIONS.reviews,
    data: {
      report: report.id,
      assessor: fixture.users.assessorA.id,
      city: fixture.cityA.id,
      status: 'in_progress',
      scores: [{ question: 'G1', score: 4 }],
      published,
    },
  })

const stored = (id: number) => payload.findByID({ collection: COLLECTIONS.reviews, id, depth: 0 })

describe('reviews', () => {
  it.each(everyRole("review city A's report", onlyTheAssessor))('$name', async ({ actor, expected }) => {
    const verdict = await attempt(() =>
      payload.create({
        collection: COLLECTIONS.reviews,
        data: { report: fixture.reports.a.id, scores: [{ question: 'G1', score: 3 }] } as never,
        ...as(fixture, actor),
      }),
    )
    expect(verdict).toBe(expected)
  })

  it.each(
    everyRole("read the published review of city A's draft report", {
      secretariat: 'allowed',
      councilA: 'denied',
      councilB: 'denied',
      assessorA: 'allowed',
      assessorNone: 'denied',
      public: 'allowed',
    }),
  )('$name', async ({ actor, expected }) => {
    expect(await reading(payload, fixture, actor, COLLECTIONS.reviews, fixture.review.id)).toBe(expected)
  })

  it.each(everyRole("change city A's assessor's review", onlyTheAssessor))('$name', async ({ actor, expected }) => {
    const review = await reviewOf()
    const verdict = await attempt(() =>
      payload.update({
        collection: COLLECTIONS.reviews,
        id: review.id,
        data: { status: 'completed' },
        ...as(fixture, actor),
      }),
    )
    expect(verdict).toBe(expected)
    expect((await stored(review.id)).status).toBe(expected === 'allowed' ? 'completed' : 'in_progress')
  })

  it.each(everyRole("delete city A's assessor's unpublished review", onlyTheAssessor))(
    '$name',
    async ({ actor, expected }) => {
      const review = await reviewOf()
      expect(
        await attempt(() => payload.delete({ collection: COLLECTIONS.reviews, id: review.id, ...as(fixture, actor) })),
      ).toBe(expected)
    },
  )

  it('files a review under the assessor who wrote it, whoever the data names', async () => {
    const review = await payload.create({
      collection: COLLECTIONS.reviews,
      data: { report: fixture.reports.a.id, assessor: fixture.users.assessorNone.id } as never,
      ...as(fixture, 'assessorA'),
    })
    expect(review.assessor).toMatchObject({ id: fixture.users.assessorA.id })
    expect(review.city).toMatchObject({ id: fixture.cityA.id })
  })

  it("rejects an assessor reviewing a report of a city it is not assigned to", async () => {
    await expect(
      payload.create({
        collection: COLLECTIONS.reviews,
        data: { report: fixture.reports.b.id } as never,
        ...as(fixture, 'assessorA'),
      }),
    ).rejects.toThrow(Forbidden)
  })

  it("rejects an assessor changing another assessor's review of the same city", async () => {
    const second = await createUser(payload, ROLES.assessor)
    await payload.create({
      collection: COLLECTIONS.periods,
      data: { ...periodData(fixture), assignments: [{ city: fixture.cityA.id, assessor: second.id, lead: true }] },
    })
    const review = await reviewOf()
    await expect(
      payload.update({
        collection: COLLECTIONS.reviews,
        id: review.id,
        data: { status: 'completed' },
        overrideAccess: false,
        user: second,
      }),
    ).rejects.toThrow(Forbidden)
  })

  it('rejects an assessor deleting its review once published', async () => {
    const review = await reviewOf(fixture.reports.a, true)
    await expect(
      payload.delete({ collection: COLLECTIONS.reviews, id: review.id, ...as(fixture, 'assessorA') }),
    ).rejects.toThrow(Forbidden)
  })

  it('rejects an assessor publishing its own review', async () => {
    const review = await reviewOf()
    await payload.update({
      collection: COLLECTIONS.reviews,
      id: review.id,
      data: { published: true, overall: 5 },
      ...as(fixture, 'assessorA'),
    })
    // The index is computed from the scores (G1 scored 4 of an instrument with one question), never typed.
    expect(await stored(review.id)).toMatchObject({ published: false, overall: 4 })
  })

  it('hides an unpublished review from the anonymous public', async () => {
    const review = await reviewOf()
    expect(await reading(payload, fixture, 'public', COLLECTIONS.reviews, review.id)).toBe('denied')
  })

  it('shows the anonymous public no per-question scores and no assessor', async () => {
    const { docs } = await payload.find({
      collection: COLLECTIONS.reviews,
      where: { id: { equals: fixture.review.id } },
      ...as(fixture, 'public'),
    })
    expect(docs).toHaveLength(1)
    // Payload leaves an empty array where a hidden array field was: what matters is that no score shows.
    expect(docs[0].scores ?? []).toEqual([])
    expect(docs[0]).not.toHaveProperty('assessor')
  })

  it('rejects the anonymous public filtering reviews by a hidden score', async () => {
    await expect(
      payload.find({
        collection: COLLECTIONS.reviews,
        where: { 'scores.score': { equals: 3 } },
        ...as(fixture, 'public'),
      }),
    ).rejects.toThrow(QueryError)
  })

  it('shows the assessor its per-question scores', async () => {
    const review = await payload.findByID({
      collection: COLLECTIONS.reviews,
      id: fixture.review.id,
      ...as(fixture, 'assessorA'),
    })
    expect(review.scores?.[0]).toMatchObject({ question: 'G1', score: 3 })
  })

  describe('once the report is accepted', () => {
    let reviewId: number

    beforeAll(async () => {
      const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.accepted)
      reviewId = (await reviewOf(report)).id
    })

    it("lets the city's council read the review", async () => {
      expect(await reading(payload, fixture, 'councilA', COLLECTIONS.reviews, reviewId)).toBe('allowed')
    })

    it("rejects another city's council reading the review", async () => {
      expect(await reading(payload, fixture, 'councilB', COLLECTIONS.reviews, reviewId)).toBe('denied')
    })

    it("rejects the city's council changing the review", async () => {
      await expect(
        payload.update({
          collection: COLLECTIONS.reviews,
          id: reviewId,
          data: { status: 'completed' },
          ...as(fixture, 'councilA'),
        }),
      ).rejects.toThrow(Forbidden)
    })
  })
})
