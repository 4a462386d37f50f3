import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS } from '../../../cms/constants.ts'
import { as, attempt, everyRole, reading, type Verdict, ONLY_THE_SECRETARIAT } from '../../helpers/access.ts'
import { buildFixture, dimensionData, type Fixture, instrumentData, periodData } from '../../helpers/fixture.ts'
import { testPayload } from '../../helpers/payload.ts'

let payload: Payload
let fixture: Fixture
/** The fixture's instrument is frozen by its open period; access is judged on one no period uses. */
let unusedInstrumentId: number

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
  unusedInstrumentId = (await payload.create({ collection: COLLECTIONS.instruments, data: instrumentData(fixture.dimension) })).id
})

const staffRead = {
  secretariat: 'allowed',
  councilA: 'allowed',
  councilB: 'allowed',
  assessorA: 'allowed',
  assessorNone: 'allowed',
  public: 'denied',
} satisfies Record<string, Verdict>

/** The six pillars are public facts: everyone reads them, the public site included. */
const everyoneReads = { ...staffRead, public: 'allowed' } satisfies Record<string, Verdict>

/** Instruments, periods and dimensions: the secretariat writes them; instruments and periods are read by signed-in roles only. */
const referenceData = [
  {
    collection: COLLECTIONS.dimensions,
    noun: 'a dimension',
    data: () => dimensionData(),
    existing: () => fixture.dimension.id,
    patch: { colour: '#000000' },
    readers: everyoneReads,
  },
  {
    collection: COLLECTIONS.instruments,
    noun: 'an instrument',
    data: () => instrumentData(fixture.dimension),
    existing: () => unusedInstrumentId,
    patch: { version: 2 },
    readers: staffRead,
  },
  {
    collection: COLLECTIONS.periods,
    noun: 'an evaluation period',
    data: () => periodData(fixture),
    existing: () => fixture.period.id,
    patch: { stage: 'Tahap II' },
    readers: staffRead,
  },
] as const

describe.each(referenceData)('$collection', ({ collection, noun, data, existing, patch, readers }) => {
  it.each(everyRole(`create ${noun}`, ONLY_THE_SECRETARIAT))('$name', async ({ actor, expected }) => {
    expect(await attempt(() => payload.create({ collection, data: data() as never, ...as(fixture, actor) }))).toBe(expected)
  })

  it.each(everyRole(`read ${noun}`, readers))('$name', async ({ actor, expected }) => {
    expect(await reading(payload, fixture, actor, collection, existing())).toBe(expected)
  })

  it.each(everyRole(`update ${noun}`, ONLY_THE_SECRETARIAT))('$name', async ({ actor, expected }) => {
    const verdict = await attempt(() =>
      payload.update({ collection, id: existing(), data: patch as never, ...as(fixture, actor) }),
    )
    expect(verdict).toBe(expected)
  })

  it.each(everyRole(`delete ${noun}`, ONLY_THE_SECRETARIAT))('$name', async ({ actor, expected }) => {
    const doc = await payload.create({ collection, data: data() as never })
    expect(await attempt(() => payload.delete({ collection, id: doc.id, ...as(fixture, actor) }))).toBe(expected)
    const left = await payload.find({ collection, where: { id: { equals: doc.id } }, depth: 0 })
    expect(left.totalDocs).toBe(expected === 'allowed' ? 0 : 1)
  })
})
