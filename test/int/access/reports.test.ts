import { Forbidden, type Payload, ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, REPORT_STATUS, type ReportStatus } from '../../../cms/constants.ts'
import type { Report } from '../../../cms/payload-types.ts'
import { type Actor, ACTOR_NAMES, as, attempt, everyRole, isDenial, reading, type Verdict, ONLY_THE_SECRETARIAT } from '../../helpers/access.ts'
import { buildFixture, createReport, createSubmittableReport, type Fixture, periodData } from '../../helpers/fixture.ts'
import { testPayload } from '../../helpers/payload.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

const stored = (id: number) => payload.findByID({ collection: COLLECTIONS.reports, id, depth: 0 })

/**
 * Field rules drop what a role may not write instead of failing, so "may edit" is judged by what
 * was stored, not by whether the call returned.
 */
async function editsAnswers(actor: Actor, report: Report): Promise<Verdict> {
  const answers = [{ question: 'G1', value: { text: `jawaban ${actor}` } }]
  try {
    await payload.update({ collection: COLLECTIONS.reports, id: report.id, data: { answers }, ...as(fixture, actor) })
  } catch (error) {
    if (!isDenial(error)) throw error
  }
  const after = await stored(report.id)
  return JSON.stringify(after.answers?.[0]?.value) === JSON.stringify(answers[0].value) ? 'allowed' : 'denied'
}

describe('reports', () => {
  it.each(everyRole("create city A's report for a period", ONLY_THE_SECRETARIAT))('$name', async ({ actor, expected }) => {
    const period = await payload.create({ collection: COLLECTIONS.periods, data: periodData(fixture) })
    const verdict = await attempt(() =>
      payload.create({
        collection: COLLECTIONS.reports,
        data: { title: 'Laporan baru', city: fixture.cityA.id, period: period.id, status: REPORT_STATUS.draft },
        ...as(fixture, actor),
      }),
    )
    expect(verdict).toBe(expected)
  })

  it.each(
    everyRole("read city A's report", {
      secretariat: 'allowed',
      councilA: 'allowed',
      councilB: 'denied',
      assessorA: 'allowed',
      assessorNone: 'denied',
      public: 'denied',
    }),
  )('$name', async ({ actor, expected }) => {
    expect(await reading(payload, fixture, actor, COLLECTIONS.reports, fixture.reports.a.id)).toBe(expected)
  })

  it.each(
    everyRole("edit the answers of city A's draft report", {
      secretariat: 'denied',
      councilA: 'allowed',
      councilB: 'denied',
      assessorA: 'denied',
      assessorNone: 'denied',
      public: 'denied',
    }),
  )('$name', async ({ actor, expected }) => {
    expect(await editsAnswers(actor, fixture.reports.a)).toBe(expected)
  })

  it.each(
    everyRole("edit the answers of city A's submitted report", {
      secretariat: 'denied',
      councilA: 'denied',
      councilB: 'denied',
      assessorA: 'denied',
      assessorNone: 'denied',
      public: 'denied',
    }),
  )('$name', async ({ actor, expected }) => {
    const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)
    expect(await editsAnswers(actor, report)).toBe(expected)
  })

  it.each(everyRole("delete city A's draft report", ONLY_THE_SECRETARIAT))('$name', async ({ actor, expected }) => {
    const report = await createReport(payload, fixture, fixture.cityA)
    expect(await attempt(() => payload.delete({ collection: COLLECTIONS.reports, id: report.id, ...as(fixture, actor) }))).toBe(
      expected,
    )
  })

  it('rejects the secretariat deleting a report that has been submitted', async () => {
    const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)
    await expect(
      payload.delete({ collection: COLLECTIONS.reports, id: report.id, ...as(fixture, 'secretariat') }),
    ).rejects.toThrow(Forbidden)
  })

  it("rejects a council member reading another city's report", async () => {
    const { docs } = await payload.find({
      collection: COLLECTIONS.reports,
      where: { city: { equals: fixture.cityB.id } },
      ...as(fixture, 'councilA'),
    })
    expect(docs).toHaveLength(0)
  })

  it("rejects a council member editing another city's report", async () => {
    await expect(
      payload.update({
        collection: COLLECTIONS.reports,
        id: fixture.reports.b.id,
        data: { constraintNotes: 'Bukan kota saya' },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
    expect((await stored(fixture.reports.b.id)).constraintNotes ?? null).toBeNull()
  })

  it('keeps a report under review out of its assessor\'s hands but for its status', async () => {
    const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)
    await payload.update({
      collection: COLLECTIONS.reports,
      id: report.id,
      data: { title: 'Judul dari asesor', constraints: ['budget'], status: REPORT_STATUS.inReview },
      ...as(fixture, 'assessorA'),
    })
    expect(await stored(report.id)).toMatchObject({ title: report.title, constraints: [], status: REPORT_STATUS.inReview })
  })

  it('rejects the secretariat creating a report that skips the workflow', async () => {
    const period = await payload.create({ collection: COLLECTIONS.periods, data: periodData(fixture) })
    await expect(
      payload.create({
        collection: COLLECTIONS.reports,
        data: { title: 'Langsung diterima', city: fixture.cityA.id, period: period.id, status: REPORT_STATUS.accepted },
        ...as(fixture, 'secretariat'),
      }),
    ).rejects.toThrow(ValidationError)
  })

  it("keeps a report's city and period fixed for its council", async () => {
    const report = await createReport(payload, fixture, fixture.cityA)
    await payload
      .update({
        collection: COLLECTIONS.reports,
        id: report.id,
        data: { city: fixture.cityB.id, period: fixture.period.id },
        ...as(fixture, 'councilA'),
      })
      .catch((error: unknown) => {
        if (!isDenial(error)) throw error
      })
    const period = typeof report.period === 'object' ? report.period.id : report.period
    expect(await stored(report.id)).toMatchObject({ city: fixture.cityA.id, period })
  })
})

type Move = [Actor, ReportStatus, ReportStatus, Verdict]
const { draft, submitted, inReview, revisionRequested, accepted } = REPORT_STATUS

/** Who may move city A's report from one state to the next (the workflow of DESIGN.md). */
const moves: Move[] = [
  ['councilA', draft, submitted, 'allowed'],
  ['councilA', revisionRequested, submitted, 'allowed'],
  ['councilA', draft, accepted, 'denied'],
  ['councilA', draft, inReview, 'denied'],
  ['councilA', submitted, accepted, 'denied'],
  ['councilA', submitted, draft, 'denied'],
  ['councilB', draft, submitted, 'denied'],
  ['assessorA', submitted, inReview, 'allowed'],
  ['assessorA', submitted, revisionRequested, 'allowed'],
  // Accepting also needs every assessor's completed review; test/int/review/acceptance.test.ts covers the allowed case.
  ['assessorA', submitted, accepted, 'denied'],
  ['assessorA', inReview, accepted, 'denied'],
  ['assessorA', inReview, revisionRequested, 'allowed'],
  ['assessorA', draft, submitted, 'denied'],
  ['assessorA', accepted, revisionRequested, 'denied'],
  ['assessorNone', submitted, accepted, 'denied'],
  ['secretariat', accepted, revisionRequested, 'allowed'],
  ['secretariat', submitted, revisionRequested, 'allowed'],
  ['secretariat', submitted, accepted, 'denied'],
  ['secretariat', draft, submitted, 'denied'],
  ['public', submitted, accepted, 'denied'],
]

describe('the report workflow', () => {
  it.each(
    moves.map(([actor, from, to, expected]) => ({
      actor,
      from,
      to,
      expected,
      name: `${ACTOR_NAMES[actor]} ${expected === 'allowed' ? 'may' : 'may not'} move a report from ${from} to ${to}`,
    })),
  )('$name', async ({ actor, from, to, expected }) => {
    // Complete, on time and with a reason, so the move is judged by who makes it alone.
    const report = await createSubmittableReport(payload, fixture, fixture.cityA, from)
    const verdict = await payload
      .update({ collection: COLLECTIONS.reports, id: report.id, data: { status: to, transitionReason: 'Alasan uji' }, ...as(fixture, actor) })
      .then(
        () => 'allowed',
        (error: unknown) => {
          if (isDenial(error) || error instanceof ValidationError) return 'denied'
          throw error
        },
      )
    expect(verdict).toBe(expected)
    expect((await stored(report.id)).status).toBe(expected === 'allowed' ? to : from)
  })

  it("rejects a council member accepting its own city's report", async () => {
    const report = await createReport(payload, fixture, fixture.cityA)
    await expect(
      payload.update({
        collection: COLLECTIONS.reports,
        id: report.id,
        data: { status: accepted },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(ValidationError)
  })

  it('lets a council member submit a draft and then locks the report for it', async () => {
    const report = await createSubmittableReport(payload, fixture, fixture.cityA)
    const sent = await payload.update({
      collection: COLLECTIONS.reports,
      id: report.id,
      data: { status: submitted, transitionReason: 'Siap dinilai' },
      ...as(fixture, 'councilA'),
    })
    expect(sent.status).toBe(submitted)
    await expect(
      payload.update({
        collection: COLLECTIONS.reports,
        id: report.id,
        data: { constraintNotes: 'Tambahan setelah diajukan' },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
    expect((await stored(report.id)).constraintNotes ?? null).toBeNull()
  })

  it('records who moved a report, when and why', async () => {
    const report = await createReport(payload, fixture, fixture.cityA, submitted)
    await payload.update({
      collection: COLLECTIONS.reports,
      id: report.id,
      data: { status: revisionRequested, transitionReason: 'Bukti kurang' },
      ...as(fixture, 'assessorA'),
    })
    const history = (await stored(report.id)).history ?? []
    expect(history.at(-1)).toMatchObject({
      from: submitted,
      to: revisionRequested,
      by: fixture.users.assessorA.id,
      reason: 'Bukti kurang',
    })
  })

  it("rejects an assessor editing a submitted report's answers while it reviews it", async () => {
    const report = await createReport(payload, fixture, fixture.cityA, submitted)
    await payload.update({
      collection: COLLECTIONS.reports,
      id: report.id,
      data: { status: inReview, answers: [{ question: 'G1', value: 5 }], constraintNotes: 'Diubah asesor' },
      ...as(fixture, 'assessorA'),
    })
    const after = await stored(report.id)
    expect(after.status).toBe(inReview)
    expect(after.answers ?? []).toEqual([])
    expect(after.constraintNotes ?? null).toBeNull()
  })
})
