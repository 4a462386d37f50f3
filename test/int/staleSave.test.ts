import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { problem, problemMessage } from '../../cms/domain/problems.ts'

/** What a person whose admin language is Indonesian (the default) reads on a stale save. */
const STALE_REPORT_MESSAGE = problemMessage(problem('report.stale'), 'id')
import type { Report } from '../../cms/payload-types.ts'
import { callApi, tokenOf } from '../helpers/api.ts'
import { buildFixture, createReport, type Fixture } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'

let payload: Payload
let fixture: Fixture
let councilToken: string

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
  councilToken = await tokenOf(payload, fixture.users.councilA)
})

const asCouncilA = () => ({ user: fixture.users.councilA, overrideAccess: false as const })

/** A draft report of city A of its own, opened (read) by the council as an editor would. */
async function openReport(): Promise<Report> {
  const report = await createReport(payload, fixture, fixture.cityA)
  return payload.findByID({ collection: 'reports', id: report.id, depth: 0, ...asCouncilA() })
}

/** A colleague saves the report in between, moving its `updatedAt` on. */
async function colleagueSaves(report: Report): Promise<Report> {
  await new Promise((resolve) => setTimeout(resolve, 5))
  return payload.update({
    collection: 'reports',
    id: report.id,
    data: { title: `${report.title} (rekan)` },
    ...asCouncilA(),
  })
}

describe('a save based on a stale copy of a report', () => {
  it("is refused through the REST API with 409, a message in the person's language, and nothing changed", async () => {
    const opened = await openReport()
    const theirs = await colleagueSaves(opened)

    const response = await callApi('PATCH', `/reports/${opened.id}`, {
      token: councilToken,
      json: { title: 'Judul saya', answers: [{ question: 'G1', value: 1 }], updatedAt: opened.updatedAt },
    })

    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toBe(STALE_REPORT_MESSAGE)
    const stored = await payload.findByID({ collection: 'reports', id: opened.id, depth: 0 })
    expect(stored.title).toBe(theirs.title)
    expect(stored.answers ?? []).toEqual([])
    expect(stored.updatedAt).toBe(theirs.updatedAt)
  })

  it('is refused through the Local API acting for a person, with status 409', async () => {
    const opened = await openReport()
    await colleagueSaves(opened)
    const attempt = payload.update({
      collection: 'reports',
      id: opened.id,
      data: { title: 'Judul saya', updatedAt: opened.updatedAt },
      ...asCouncilA(),
    })
    await expect(attempt).rejects.toMatchObject({ status: 409, message: STALE_REPORT_MESSAGE })
  })

  it('is refused in English to a person whose admin language is English', async () => {
    const opened = await openReport()
    await colleagueSaves(opened)
    const response = await callApi('PATCH', `/reports/${opened.id}`, {
      token: councilToken,
      language: 'en',
      json: { title: 'My title', updatedAt: opened.updatedAt },
    })
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toBe(problemMessage(problem('report.stale'), 'en'))
  })

  it('is refused however the client spells the same instant, but not when it is the same instant', async () => {
    const opened = await openReport()
    const sameInstant = new Date(opened.updatedAt).toISOString().replace('Z', '+00:00')
    const saved = await payload.update({
      collection: 'reports',
      id: opened.id,
      data: { title: 'Ejaan lain', updatedAt: sameInstant },
      ...asCouncilA(),
    })
    expect(saved.title).toBe('Ejaan lain')
  })

  it('does not tell a council of another city anything about the report', async () => {
    const opened = await openReport()
    await colleagueSaves(opened)
    const response = await callApi('PATCH', `/reports/${opened.id}`, {
      token: await tokenOf(payload, fixture.users.councilB),
      json: { title: 'Bukan laporan saya', updatedAt: opened.updatedAt },
    })
    expect([403, 404]).toContain(response.status)
  })
})

describe('a save based on the current report', () => {
  it('is accepted through the REST API, and Payload stamps a new updatedAt', async () => {
    const opened = await openReport()
    await new Promise((resolve) => setTimeout(resolve, 5))
    const response = await callApi('PATCH', `/reports/${opened.id}`, {
      token: councilToken,
      json: { title: 'Judul baru', answers: [{ question: 'G1', value: 4 }], updatedAt: opened.updatedAt },
    })
    expect(response.status).toBe(200)
    expect(response.body.doc.title).toBe('Judul baru')
    expect(response.body.doc.answers).toMatchObject([{ question: 'G1', value: 4 }])
    expect(new Date(response.body.doc.updatedAt).getTime()).toBeGreaterThan(new Date(opened.updatedAt).getTime())
  })

  it('can be followed by a second save based on the version the first one returned, as the admin form does', async () => {
    const opened = await openReport()
    const first = await payload.update({
      collection: 'reports',
      id: opened.id,
      data: { title: 'Simpan pertama', updatedAt: opened.updatedAt },
      ...asCouncilA(),
    })
    const second = await payload.update({
      collection: 'reports',
      id: opened.id,
      data: { title: 'Simpan kedua', updatedAt: first.updatedAt },
      ...asCouncilA(),
    })
    expect(second.title).toBe('Simpan kedua')
  })

  it('needs no updatedAt: the seed, hooks and system updates are not affected', async () => {
    const opened = await openReport()
    await colleagueSaves(opened)
    const saved = await payload.update({ collection: 'reports', id: opened.id, data: { title: 'Sistem' } })
    expect(saved.title).toBe('Sistem')
    const byPerson = await payload.update({ collection: 'reports', id: opened.id, data: { constraintNotes: 'Tanpa versi' }, ...asCouncilA() })
    expect(byPerson.constraintNotes).toBe('Tanpa versi')
  })
})

describe('document locking', () => {
  it('stays on for reports, so the admin shows who is editing and REST saves respect the lock', () => {
    expect(payload.collections.reports.config.lockDocuments).not.toBe(false)
  })

  it('makes the REST API refuse a save while another person holds the lock', async () => {
    const opened = await openReport()
    await payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'reports', value: opened.id },
        globalSlug: null,
        user: { relationTo: 'users', value: fixture.users.secretariat.id },
      },
    })
    const response = await callApi('PATCH', `/reports/${opened.id}`, {
      token: councilToken,
      json: { title: 'Terkunci', updatedAt: opened.updatedAt },
    })
    expect(response.status).toBe(423)
    const stored = await payload.findByID({ collection: 'reports', id: opened.id, depth: 0 })
    expect(stored.title).toBe(opened.title)
  })
})
