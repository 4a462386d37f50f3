/**
 * A pillar that programmes, instrument sections or evaluation results name cannot be deleted: the
 * secretariat gets a 409 with the reason in its language and the counts as data, and nothing is
 * lost. A pillar nobody names is deleted as before.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, CONTEXT_FLAGS } from '../../cms/constants.ts'
import { callApi, tokenOf } from '../helpers/api.ts'
import { buildFixture, dimensionData, type Fixture, programData } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'

let payload: Payload
let fixture: Fixture
let token: string

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
  token = await tokenOf(payload, fixture.users.secretariat)
})

describe('deleting a pillar', () => {
  it("is refused while a programme names it, in the reader's language, and the pillar and programme stay", async () => {
    const quiet = { [CONTEXT_FLAGS.skipPublish]: true }
    const pillar = await payload.create({ collection: COLLECTIONS.dimensions, data: dimensionData(), context: quiet })
    const programme = await payload.create({ collection: COLLECTIONS.programs, data: programData(fixture.cityA, pillar, true), context: quiet })

    const refused = await callApi('DELETE', `/dimensions/${pillar.id}`, { token, language: 'id' })
    expect(refused.status).toBe(409)
    expect(JSON.stringify(refused.body)).toContain('Pilar ini masih dipakai (program: 1, instrumen: 0, hasil penilaian: 0)')
    expect(JSON.stringify(refused.body)).not.toContain('This pillar')
    const english = await callApi('DELETE', `/dimensions/${pillar.id}`, { token, language: 'en' })
    expect(english.status).toBe(409)
    expect(JSON.stringify(english.body)).toContain('This pillar is still in use (programmes: 1, instruments: 0, evaluation results: 0)')
    expect(JSON.stringify(english.body)).toMatch(/"code":"dimension\.inUse"/)

    expect((await payload.findByID({ collection: COLLECTIONS.dimensions, id: pillar.id, depth: 0 })).id).toBe(pillar.id)
    expect((await payload.findByID({ collection: COLLECTIONS.programs, id: programme.id, depth: 0 })).dimension).toBe(pillar.id)

    // Moved to another pillar, the programme no longer stands in the way.
    await payload.update({ collection: COLLECTIONS.programs, id: programme.id, data: { dimension: fixture.dimension.id }, context: quiet })
    expect((await callApi('DELETE', `/dimensions/${pillar.id}`, { token })).status).toBe(200)
    await expect(payload.findByID({ collection: COLLECTIONS.dimensions, id: pillar.id, depth: 0 })).rejects.toMatchObject({ status: 404 })
  })

  it('is refused while an instrument has a section of it', async () => {
    const used = await payload.find({ collection: COLLECTIONS.instruments, limit: 1, depth: 0 })
    const sectionPillar = used.docs[0]?.sections?.[0]?.dimension
    expect(sectionPillar).toBeDefined()
    const refused = await callApi('DELETE', `/dimensions/${typeof sectionPillar === 'object' ? sectionPillar?.id : sectionPillar}`, { token, language: 'en' })
    expect(refused.status).toBe(409)
    expect(JSON.stringify(refused.body)).toMatch(/still in use \(programmes: \d+, instruments: [1-9]\d*,/)
  })
})
