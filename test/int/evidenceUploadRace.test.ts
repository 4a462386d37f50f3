/**
 * The moment of the upload race that is too short to hit on purpose: an upload whose first look
 * finds nothing, while another upload of the same file is stored before this one's duplicate check
 * runs. The endpoint must answer with the stored evidence (200), as it does for any reuse.
 */
import { type Payload } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { callApi, tokenOf, uploadForm } from '../helpers/api.ts'
import { pdfFile } from '../helpers/files.ts'
import { buildFixture, type Fixture } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'

/** When set, the next look for the same file finds nothing, as the first look of a racing upload does. */
const race = vi.hoisted(() => ({ missNextLook: false }))

vi.mock('../../cms/server/evidenceDuplicates.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../cms/server/evidenceDuplicates.ts')>()
  return {
    ...real,
    findSameEvidence: async (...args: Parameters<typeof real.findSameEvidence>) => {
      if (race.missNextLook) {
        race.missNextLook = false
        return undefined
      }
      return real.findSameEvidence(...args)
    },
  }
})

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

describe('an upload that loses the race to the duplicate check', () => {
  it('answers 200 with the evidence the other upload stored, and stores nothing', async () => {
    const token = await tokenOf(payload, fixture.users.councilA)
    const file = pdfFile('balapan.pdf', `Bukti yang diunggah dua kali ${Date.now()}`)
    const data = { city: fixture.cityA.id, report: fixture.reports.a.id }
    const first = await callApi('POST', '/evidence/upload', { token, form: uploadForm(file, data) })
    expect(first.status).toBe(201)
    const before = (await payload.count({ collection: 'evidence' })).totalDocs

    race.missNextLook = true
    const second = await callApi('POST', '/evidence/upload', { token, form: uploadForm(file, data) })
    expect(race.missNextLook).toBe(false)
    expect(second.body.errors).toBeUndefined()
    expect(second.status).toBe(200)
    expect(second.body).toMatchObject({ reused: true, doc: { id: first.body.doc.id } })
    expect((await payload.count({ collection: 'evidence' })).totalDocs).toBe(before)
  })
})
