import { type CollectionSlug, createLocalReq, docAccessOperation, Forbidden, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS } from '../../../cms/constants.ts'
import { type Actor, ACTOR_NAMES, as, attempt, everyRole, reading, type Verdict } from '../../helpers/access.ts'
import {
  buildFixture,
  cityData,
  type Fixture,
  indicatorData,
  measurementData,
  programData,
  updateData,
} from '../../helpers/fixture.ts'
import { testPayload } from '../../helpers/payload.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

const councilOfTheCityWrites: Record<Actor, Verdict> = {
  secretariat: 'allowed',
  councilA: 'allowed',
  councilB: 'denied',
  assessorA: 'denied',
  assessorNone: 'denied',
  public: 'denied',
}

const readByTheCity = (publicVerdict: Verdict): Record<Actor, Verdict> => ({
  secretariat: 'allowed',
  councilA: 'allowed',
  councilB: 'denied',
  assessorA: 'allowed',
  assessorNone: 'denied',
  public: publicVerdict,
})

/** A value of each actor's own, so a denied write can never look like an earlier allowed one. */
const actorNumber = (actor: Actor) => Object.keys(ACTOR_NAMES).indexOf(actor) + 1

type Doc = Record<string, unknown> & { id: number }

/** Reads back as the system, to prove what a call really stored. */
const stored = (collection: CollectionSlug, id: number) =>
  payload.findByID({ collection, id, depth: 0 }) as Promise<unknown> as Promise<Doc>

describe('cities', () => {
  it.each(everyRole('create a city', { ...councilOfTheCityWrites, councilA: 'denied' }))(
    '$name',
    async ({ actor, expected }) => {
      const verdict = await attempt(() =>
        payload.create({ collection: COLLECTIONS.cities, data: cityData(), ...as(fixture, actor) }),
      )
      expect(verdict).toBe(expected)
    },
  )

  it.each(everyRole('read city A', readByTheCity('allowed')))('$name', async ({ actor, expected }) => {
    expect(await reading(payload, fixture, actor, COLLECTIONS.cities, fixture.cityA.id)).toBe(expected)
  })

  it.each(everyRole("update city A's masterplan", councilOfTheCityWrites))('$name', async ({ actor, expected }) => {
    const year = 2020 + actorNumber(actor)
    const verdict = await attempt(() =>
      payload.update({
        collection: COLLECTIONS.cities,
        id: fixture.cityA.id,
        data: { masterplan: [{ book: 'I', year }] },
        ...as(fixture, actor),
      }),
    )
    expect(verdict).toBe(expected)
    const city = await payload.findByID({ collection: COLLECTIONS.cities, id: fixture.cityA.id, depth: 0 })
    expect(city.masterplan?.[0]?.year === year).toBe(expected === 'allowed')
  })

  it.each(everyRole('delete a city', { ...councilOfTheCityWrites, councilA: 'denied' }))(
    '$name',
    async ({ actor, expected }) => {
      const city = await payload.create({ collection: COLLECTIONS.cities, data: cityData() })
      expect(await attempt(() => payload.delete({ collection: COLLECTIONS.cities, id: city.id, ...as(fixture, actor) }))).toBe(
        expected,
      )
    },
  )

  it('rejects a council member deleting its own city', async () => {
    await expect(
      payload.delete({ collection: COLLECTIONS.cities, id: fixture.cityA.id, ...as(fixture, 'councilA') }),
    ).rejects.toThrow()
    expect((await stored(COLLECTIONS.cities, fixture.cityA.id)).id).toBe(fixture.cityA.id)
  })

  it("keeps a city's name, region code and cohort out of its council's hands", async () => {
    await payload.update({
      collection: COLLECTIONS.cities,
      id: fixture.cityA.id,
      data: { name: 'Kota Lain', regionCode: '99.99', cohort: '2017' },
      ...as(fixture, 'councilA'),
    })
    const city = await stored(COLLECTIONS.cities, fixture.cityA.id)
    expect(city).toMatchObject({
      name: fixture.cityA.name,
      regionCode: fixture.cityA.regionCode,
      cohort: fixture.cityA.cohort,
    })
  })
})

/**
 * Programmes and the records hanging from them. `create` makes the data of a new record of city A,
 * `existing` is the private record of city A the read and update cases act on, `patch` a change any
 * writer of the city may make.
 */
const cityRecords = [
  {
    collection: COLLECTIONS.programs,
    noun: 'a programme',
    create: () => programData(fixture.cityA, fixture.dimension),
    existing: () => fixture.programs.privateA.id,
    publicOne: () => fixture.programs.publicA.id,
    patch: { agency: 'Bappeda' },
  },
  {
    collection: COLLECTIONS.indicators,
    noun: 'an indicator',
    create: () => indicatorData(fixture.programs.privateA),
    existing: () => fixture.indicators.privateA.id,
    publicOne: () => fixture.indicators.publicA.id,
    patch: { target: 300 },
  },
  {
    collection: COLLECTIONS.measurements,
    noun: 'a measurement',
    create: () => measurementData(fixture.indicators.privateA),
    existing: () => fixture.measurements.privateA.id,
    publicOne: () => fixture.measurements.publicA.id,
    patch: { value: 180 },
  },
] as const

describe.each(cityRecords)('$collection', ({ collection, noun, create, existing, publicOne, patch }) => {
  it.each(everyRole(`create ${noun} of city A`, councilOfTheCityWrites))('$name', async ({ actor, expected }) => {
    const verdict = await attempt(() => payload.create({ collection, data: create() as never, ...as(fixture, actor) }))
    expect(verdict).toBe(expected)
  })

  it.each(everyRole(`read ${noun} of a private programme of city A`, readByTheCity('denied')))(
    '$name',
    async ({ actor, expected }) => {
      expect(await reading(payload, fixture, actor, collection, existing())).toBe(expected)
    },
  )

  it(`lets the anonymous public read ${noun} of a public programme`, async () => {
    expect(await reading(payload, fixture, 'public', collection, publicOne())).toBe('allowed')
  })

  it.each(everyRole(`update ${noun} of city A`, councilOfTheCityWrites))('$name', async ({ actor, expected }) => {
    const before = await stored(collection, existing())
    const change = Object.fromEntries(
      Object.entries(patch).map(([key, value]) => [key, typeof value === 'number' ? value + actorNumber(actor) : `${value} ${actor}`]),
    )
    const verdict = await attempt(() =>
      payload.update({ collection, id: existing(), data: change as never, ...as(fixture, actor) }),
    )
    expect(verdict).toBe(expected)
    const after = await stored(collection, existing())
    expect(after).toMatchObject(expected === 'allowed' ? change : Object.fromEntries(Object.keys(change).map((key) => [key, before[key]])))
  })

  it.each(everyRole(`delete ${noun} of city A`, councilOfTheCityWrites))('$name', async ({ actor, expected }) => {
    const doc = await payload.create({ collection, data: create() as never })
    expect(await attempt(() => payload.delete({ collection, id: doc.id, ...as(fixture, actor) }))).toBe(expected)
  })
})

describe('programmes of another city', () => {
  it("rejects a council member creating a programme for another city", async () => {
    await expect(
      payload.create({
        collection: COLLECTIONS.programs,
        data: programData(fixture.cityB, fixture.dimension),
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
  })

  it('rejects a council member moving its programme to another city', async () => {
    const program = await payload.create({
      collection: COLLECTIONS.programs,
      data: programData(fixture.cityA, fixture.dimension),
    })
    await expect(
      payload.update({
        collection: COLLECTIONS.programs,
        id: program.id,
        data: { city: fixture.cityB.id },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
    expect((await stored(COLLECTIONS.programs, program.id)).city).toBe(fixture.cityA.id)
  })

  it("rejects a council member creating an indicator under another city's programme", async () => {
    await expect(
      payload.create({
        collection: COLLECTIONS.indicators,
        data: { ...indicatorData(fixture.programs.privateB), city: fixture.cityA.id },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
  })

  it("rejects a council member moving its indicator under another city's programme", async () => {
    await expect(
      payload.update({
        collection: COLLECTIONS.indicators,
        id: fixture.indicators.privateA.id,
        data: { program: fixture.programs.privateB.id },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
    expect((await stored(COLLECTIONS.indicators, fixture.indicators.privateA.id)).program).toBe(fixture.programs.privateA.id)
  })

  it("rejects a council member creating a measurement of another city's indicator", async () => {
    await expect(
      payload.create({
        collection: COLLECTIONS.measurements,
        data: measurementData(fixture.indicators.privateB),
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
  })

  it("rejects a council member moving its measurement to another city's indicator", async () => {
    await expect(
      payload.update({
        collection: COLLECTIONS.measurements,
        id: fixture.measurements.privateA.id,
        data: { indicator: fixture.indicators.privateB.id },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
    expect((await stored(COLLECTIONS.measurements, fixture.measurements.privateA.id)).city).toBe(fixture.cityA.id)
  })

  it("files an indicator under its programme's city whatever city the council names", async () => {
    const indicator = await payload.create({
      collection: COLLECTIONS.indicators,
      data: { ...indicatorData(fixture.programs.privateA), city: fixture.cityB.id },
      ...as(fixture, 'councilA'),
    })
    expect(indicator.city).toMatchObject({ id: fixture.cityA.id })
  })
})

describe('updates', () => {
  it.each(everyRole('create an update on a programme of city A', councilOfTheCityWrites))(
    '$name',
    async ({ actor, expected }) => {
      const verdict = await attempt(() =>
        payload.create({
          collection: COLLECTIONS.updates,
          data: updateData(fixture.programs.privateA),
          ...as(fixture, actor),
        }),
      )
      expect(verdict).toBe(expected)
    },
  )

  it.each(everyRole('read a published update of city A', readByTheCity('allowed')))(
    '$name',
    async ({ actor, expected }) => {
      expect(await reading(payload, fixture, actor, COLLECTIONS.updates, fixture.updates.published.id)).toBe(expected)
    },
  )

  it.each(everyRole('read a draft update of city A', readByTheCity('denied')))('$name', async ({ actor, expected }) => {
    expect(await reading(payload, fixture, actor, COLLECTIONS.updates, fixture.updates.draft.id)).toBe(expected)
  })

  it('hides a published update on a private programme from the anonymous public', async () => {
    const onPrivate = await payload.create({
      collection: COLLECTIONS.updates,
      data: { ...updateData(fixture.programs.privateA), _status: 'published' },
    })
    expect(await reading(payload, fixture, 'public', COLLECTIONS.updates, onPrivate.id)).toBe('denied')
    expect(await reading(payload, fixture, 'councilA', COLLECTIONS.updates, onPrivate.id)).toBe('allowed')
  })

  it('shows the anonymous public a published update of the city as a whole', async () => {
    const cityNews = await payload.create({
      collection: COLLECTIONS.updates,
      data: { ...updateData(fixture.programs.publicA), program: null, city: fixture.cityA.id, _status: 'published' },
    })
    expect(await reading(payload, fixture, 'public', COLLECTIONS.updates, cityNews.id)).toBe('allowed')
  })

  it('hides a draft update from the anonymous public even when asked for drafts', async () => {
    const { docs } = await payload.find({
      collection: COLLECTIONS.updates,
      where: { id: { equals: fixture.updates.draft.id } },
      draft: true,
      ...as(fixture, 'public'),
    })
    expect(docs).toHaveLength(0)
  })

  it.each(everyRole('update an update of city A', councilOfTheCityWrites))('$name', async ({ actor, expected }) => {
    const title = `Kabar diubah oleh ${actor}`
    const verdict = await attempt(() =>
      payload.update({
        collection: COLLECTIONS.updates,
        id: fixture.updates.published.id,
        data: { title },
        ...as(fixture, actor),
      }),
    )
    expect(verdict).toBe(expected)
    expect((await stored(COLLECTIONS.updates, fixture.updates.published.id)).title === title).toBe(expected === 'allowed')
  })

  it.each(everyRole('delete an update of city A', councilOfTheCityWrites))('$name', async ({ actor, expected }) => {
    const update = await payload.create({
      collection: COLLECTIONS.updates,
      data: { ...updateData(fixture.programs.publicA), _status: 'published' },
    })
    const verdict = await attempt(() =>
      payload.delete({ collection: COLLECTIONS.updates, id: update.id, ...as(fixture, actor) }),
    )
    expect(verdict).toBe(expected)
  })

  it("rejects a council member posting an update on another city's programme", async () => {
    await expect(
      payload.create({
        collection: COLLECTIONS.updates,
        data: { ...updateData(fixture.programs.publicB), city: fixture.cityA.id },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
  })

  it('rejects a council member moving an update without a programme to another city', async () => {
    const update = await payload.create({
      collection: COLLECTIONS.updates,
      data: { title: 'Kabar kota', date: '2023-05-01T00:00:00.000Z', city: fixture.cityA.id },
      ...as(fixture, 'councilA'),
    })
    await expect(
      payload.update({
        collection: COLLECTIONS.updates,
        id: update.id,
        data: { city: fixture.cityB.id },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
    expect((await stored(COLLECTIONS.updates, update.id)).city).toBe(fixture.cityA.id)
  })
})

describe("the admin's create form of a city's record", () => {
  // Payload asks the create rule with the form's defaults only (`_status: draft`, nothing naming a
  // city) before it shows the create view; a refusal there shows "not allowed" instead of the form.
  const formPermission = async (slug: CollectionSlug, actor: Actor) => {
    const user = actor === 'public' ? null : fixture.users[actor]
    const req = await createLocalReq({ user: user ? { ...user, collection: COLLECTIONS.users } : undefined }, payload)
    const permissions = await docAccessOperation({ collection: { config: payload.collections[slug].config }, data: { _status: 'draft' }, req })
    return Boolean(permissions.create)
  }

  it.each([COLLECTIONS.programs, COLLECTIONS.indicators, COLLECTIONS.measurements, COLLECTIONS.updates])(
    'opens for a council member and the secretariat, not for an assessor or the public (%s)',
    async (slug) => {
      const verdicts = Object.fromEntries(
        await Promise.all((['secretariat', 'councilA', 'councilB', 'assessorA', 'public'] as const).map(async (actor) => [actor, await formPermission(slug, actor)])),
      )
      expect(verdicts).toEqual({ secretariat: true, councilA: true, councilB: true, assessorA: false, public: false })
    },
  )

  it('opens the evidence upload form for a council member only: files are uploaded by councils', async () => {
    const verdicts = Object.fromEntries(
      await Promise.all(
        (['secretariat', 'councilA', 'councilB', 'assessorA', 'public'] as const).map(async (actor) => [actor, await formPermission(COLLECTIONS.evidence, actor)]),
      ),
    )
    expect(verdicts).toEqual({ secretariat: false, councilA: true, councilB: true, assessorA: false, public: false })
  })

  it("still refuses a council member's save that names a parent of another city", async () => {
    await expect(
      payload.create({ collection: COLLECTIONS.indicators, data: indicatorData(fixture.programs.publicB), ...as(fixture, 'councilA') }),
    ).rejects.toThrow(Forbidden)
  })

  it("starts a council member's new programme in its one city", async () => {
    const { city: _named, ...withoutCity } = programData(fixture.cityA, fixture.dimension)
    const created = await payload.create({ collection: COLLECTIONS.programs, data: withoutCity, draft: true, depth: 0, ...as(fixture, 'councilA') })
    expect(created.city).toBe(fixture.cityA.id)
  })
})
