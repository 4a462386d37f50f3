import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { buildFixture, type Fixture } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

describe('report answers', () => {
  it.each([
    ['a chosen option', 'partnership'],
    ['a date', '2023-06-13'],
    ['free text with quotes', 'Dewan "Smart City" rapat tiap bulan'],
    ['a maturity level', 3],
    ['a yes/no answer', true],
    ['several options', ['csr', 'apbd']],
  ])('keeps %s exactly as the council gave it', async (_label, value) => {
    const saved = await payload.update({
      collection: 'reports',
      id: fixture.reports.a.id,
      data: { answers: [{ question: 'Q1', value }] },
      user: fixture.users.councilA,
      overrideAccess: false,
    })
    expect(saved.answers?.[0]?.value).toEqual(value)
    const reread = await payload.findByID({ collection: 'reports', id: fixture.reports.a.id, depth: 0 })
    expect(reread.answers?.[0]?.value).toEqual(value)
  })
})
