import { Forbidden, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, REPORT_STATUS, ROLES } from '../../../cms/constants.ts'
import { as, reading } from '../../helpers/access.ts'
import { callApi, tokenOf } from '../../helpers/api.ts'
import { expectFieldError } from '../../helpers/errors.ts'
import { buildFixture, createEvidence, type Fixture, periodData } from '../../helpers/fixture.ts'
import { testPayload } from '../../helpers/payload.ts'
import { createUser } from '../../helpers/users.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

const period = (assignments: { city: number; assessor: number; lead?: boolean }[]) =>
  payload.create({
    collection: COLLECTIONS.periods,
    data: { ...periodData(fixture), assignments },
    ...as(fixture, 'secretariat'),
  })

describe('assigning assessors to a period', () => {
  it('refuses an assessor whose own record lists the city (conflict of interest), naming the row in words', async () => {
    const tied = await createUser(payload, ROLES.assessor, [fixture.cityA.id])
    await expectFieldError(
      period([{ city: fixture.cityA.id, assessor: tied.id, lead: true }]),
      'assignments.0.assessor',
      /^.+ terhubung dengan .+ \(konflik kepentingan\) dan tidak dapat menilainya$/,
    )
    const refused = period([{ city: fixture.cityA.id, assessor: tied.id, lead: true }])
    await expect(refused).rejects.toMatchObject({
      message: 'Isian berikut tidak valid: Penugasan asesor 1 > Asesor',
      data: { errors: [expect.objectContaining({ label: 'Penugasan asesor 1 > Asesor' })] },
    })
  })

  it('refuses it in English to a person whose admin language is English', async () => {
    const tied = await createUser(payload, ROLES.assessor, [fixture.cityA.id])
    const response = await callApi('POST', '/periods', {
      token: await tokenOf(payload, fixture.users.secretariat),
      language: 'en',
      json: { ...periodData(fixture), assignments: [{ city: fixture.cityA.id, assessor: tied.id, lead: true }] },
    })
    expect(response.status).toBe(400)
    const text = JSON.stringify(response.body)
    expect(text).toMatch(/is tied to .+ \(conflict of interest\) and cannot assess it/)
    expect(text).toMatch(/The following field is invalid: Assessor assignments 1 > Assessor/)
    expect(text).not.toMatch(/konflik|Penugasan|tidak valid/)
  })

  it('assigns the same assessor to a city its record does not list', async () => {
    const tied = await createUser(payload, ROLES.assessor, [fixture.cityA.id])
    const saved = await period([{ city: fixture.cityB.id, assessor: tied.id, lead: true }])
    expect(saved.assignments).toHaveLength(1)
  })

  it('refuses a second lead for one city', async () => {
    const second = await createUser(payload, ROLES.assessor)
    await expectFieldError(
      period([
        { city: fixture.cityA.id, assessor: fixture.users.assessorA.id, lead: true },
        { city: fixture.cityA.id, assessor: second.id, lead: true },
      ]),
      'assignments.1.lead',
      /sudah memiliki ketua tim; satu kota hanya boleh satu ketua$/,
    )
  })

  it('refuses a city whose assessors have no lead', async () => {
    await expectFieldError(
      period([{ city: fixture.cityB.id, assessor: fixture.users.assessorNone.id, lead: false }]),
      'assignments.0.lead',
      /^Tunjuk satu ketua tim asesor untuk /,
    )
  })

  it('refuses a user who is not an assessor', async () => {
    await expectFieldError(
      period([{ city: fixture.cityB.id, assessor: fixture.users.councilA.id, lead: true }]),
      'assignments.0.assessor',
      /^.+ bukan asesor dan tidak dapat ditugaskan$/,
    )
  })

  it('refuses the same assessor twice for one city', async () => {
    await expectFieldError(
      period([
        { city: fixture.cityA.id, assessor: fixture.users.assessorA.id, lead: true },
        { city: fixture.cityA.id, assessor: fixture.users.assessorA.id, lead: false },
      ]),
      'assignments.1.assessor',
      /^.+ sudah ditugaskan ke .+$/,
    )
  })

  it('accepts several assessors with one lead per city', async () => {
    const second = await createUser(payload, ROLES.assessor)
    const saved = await period([
      { city: fixture.cityA.id, assessor: fixture.users.assessorA.id, lead: true },
      { city: fixture.cityA.id, assessor: second.id, lead: false },
      { city: fixture.cityB.id, assessor: second.id, lead: true },
    ])
    expect(saved.assignments).toHaveLength(3)
  })
})

describe("what an assessor reads: only the reports of its assignments, in that report's period", () => {
  it("rejects city A's assessor reading city A's report of a period it is not assigned in", async () => {
    const other = await payload.create({
      collection: COLLECTIONS.periods,
      data: { ...periodData(fixture), assignments: [{ city: fixture.cityA.id, assessor: fixture.users.assessorNone.id, lead: true }] },
    })
    const report = await payload.create({
      collection: COLLECTIONS.reports,
      data: { title: 'Laporan periode lain', city: fixture.cityA.id, period: other.id, status: REPORT_STATUS.draft },
    })
    const evidence = await createEvidence(payload, fixture.cityA, report)
    expect(await reading(payload, fixture, 'assessorA', COLLECTIONS.reports, report.id)).toBe('denied')
    expect(await reading(payload, fixture, 'assessorA', COLLECTIONS.evidence, evidence.id)).toBe('denied')
    // The assessor who is assigned in that period does read them.
    expect(await reading(payload, fixture, 'assessorNone', COLLECTIONS.reports, report.id)).toBe('allowed')
    expect(await reading(payload, fixture, 'assessorNone', COLLECTIONS.evidence, evidence.id)).toBe('allowed')
    // ...and not the other period's report of the same city.
    expect(await reading(payload, fixture, 'assessorNone', COLLECTIONS.reports, fixture.reports.a.id)).toBe('denied')
  })

  it("still lets city A's assessor read city A's report and evidence of its own period", async () => {
    expect(await reading(payload, fixture, 'assessorA', COLLECTIONS.reports, fixture.reports.a.id)).toBe('allowed')
    expect(await reading(payload, fixture, 'assessorA', COLLECTIONS.evidence, fixture.evidence.a.id)).toBe('allowed')
  })

  it('grants nothing through an assignment made before the assessor became tied to the city', async () => {
    const assessor = await createUser(payload, ROLES.assessor)
    const round = await payload.create({
      collection: COLLECTIONS.periods,
      data: { ...periodData(fixture), assignments: [{ city: fixture.cityB.id, assessor: assessor.id, lead: true }] },
    })
    const report = await payload.create({
      collection: COLLECTIONS.reports,
      data: { title: 'Laporan B', city: fixture.cityB.id, period: round.id, status: REPORT_STATUS.draft },
    })
    const read = () =>
      payload.find({
        collection: COLLECTIONS.reports,
        where: { id: { equals: report.id } },
        overrideAccess: false,
        user: assessor,
      })
    expect((await read()).docs).toHaveLength(1)
    await payload.update({ collection: COLLECTIONS.users, id: assessor.id, data: { cities: [fixture.cityB.id] } })
    const tied = { ...assessor, cities: [fixture.cityB.id] }
    // Its only assignment is void, so it has no reports to read at all.
    await expect(
      payload.find({
        collection: COLLECTIONS.reports,
        where: { id: { equals: report.id } },
        overrideAccess: false,
        user: tied,
      }),
    ).rejects.toThrow(Forbidden)
  })
})
