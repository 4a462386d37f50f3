import { Forbidden, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, ROLES } from '../../../cms/constants.ts'
import { type Actor, ACTOR_NAMES, as, attempt, everyRole, reading, type Verdict, ONLY_THE_SECRETARIAT } from '../../helpers/access.ts'
import { buildFixture, type Fixture } from '../../helpers/fixture.ts'
import { testPayload } from '../../helpers/payload.ts'
import { createUser } from '../../helpers/users.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

const stored = (id: number) => payload.findByID({ collection: COLLECTIONS.users, id, depth: 0 })

/** The secretariat and the account's owner (city A's council member) themselves. */
const secretariatOrSelf: Record<Actor, Verdict> = { ...ONLY_THE_SECRETARIAT, councilA: 'allowed' }

const signedIn = (Object.keys(ACTOR_NAMES) as Actor[]).filter(
  (actor): actor is Exclude<Actor, 'public'> => actor !== 'public',
)

describe('users', () => {
  it.each(everyRole('create an account', ONLY_THE_SECRETARIAT))('$name', async ({ actor, expected }) => {
    const verdict = await attempt(() =>
      payload.create({
        collection: COLLECTIONS.users,
        data: {
          email: `baru-${actor}-${Date.now()}@example.test`,
          password: 'correct-horse-battery-staple',
          name: 'Akun baru',
          role: ROLES.council,
          cities: [fixture.cityA.id],
        },
        ...as(fixture, actor),
      }),
    )
    expect(verdict).toBe(expected)
  })

  it.each(everyRole("read the account of city A's council member", secretariatOrSelf))(
    '$name',
    async ({ actor, expected }) => {
      expect(await reading(payload, fixture, actor, COLLECTIONS.users, fixture.users.councilA.id)).toBe(expected)
    },
  )

  it.each(signedIn.map((actor) => ({ actor, name: `lets ${ACTOR_NAMES[actor]} read its own account` })))(
    '$name',
    async ({ actor }) => {
      expect(await reading(payload, fixture, actor, COLLECTIONS.users, fixture.users[actor].id)).toBe('allowed')
    },
  )

  it.each(everyRole("rename the account of city A's council member", secretariatOrSelf))(
    '$name',
    async ({ actor, expected }) => {
      const name = `Nama dari ${actor}`
      const verdict = await attempt(() =>
        payload.update({
          collection: COLLECTIONS.users,
          id: fixture.users.councilA.id,
          data: { name },
          ...as(fixture, actor),
        }),
      )
      expect(verdict).toBe(expected)
      expect((await stored(fixture.users.councilA.id)).name === name).toBe(expected === 'allowed')
    },
  )

  it.each(everyRole("delete a council member's account", ONLY_THE_SECRETARIAT))('$name', async ({ actor, expected }) => {
    const user = await createUser(payload, ROLES.council, [fixture.cityA.id])
    expect(await attempt(() => payload.delete({ collection: COLLECTIONS.users, id: user.id, ...as(fixture, actor) }))).toBe(
      expected,
    )
  })

  it('rejects a council member deleting its own account', async () => {
    await expect(
      payload.delete({ collection: COLLECTIONS.users, id: fixture.users.councilA.id, ...as(fixture, 'councilA') }),
    ).rejects.toThrow(Forbidden)
  })

  it('keeps a council member from changing its own role', async () => {
    await payload.update({
      collection: COLLECTIONS.users,
      id: fixture.users.councilA.id,
      data: { role: ROLES.secretariat },
      ...as(fixture, 'councilA'),
    })
    expect((await stored(fixture.users.councilA.id)).role).toBe(ROLES.council)
  })

  it('keeps a council member from changing its own cities', async () => {
    await payload.update({
      collection: COLLECTIONS.users,
      id: fixture.users.councilA.id,
      data: { cities: [fixture.cityA.id, fixture.cityB.id] },
      ...as(fixture, 'councilA'),
    })
    expect((await stored(fixture.users.councilA.id)).cities).toEqual([fixture.cityA.id])
  })

  it('keeps an assessor from making itself secretariat', async () => {
    await payload.update({
      collection: COLLECTIONS.users,
      id: fixture.users.assessorA.id,
      data: { role: ROLES.secretariat },
      ...as(fixture, 'assessorA'),
    })
    expect((await stored(fixture.users.assessorA.id)).role).toBe(ROLES.assessor)
  })

  it("lets the secretariat change a council member's role and cities", async () => {
    const user = await createUser(payload, ROLES.council, [fixture.cityA.id])
    await payload.update({
      collection: COLLECTIONS.users,
      id: user.id,
      data: { cities: [fixture.cityB.id] },
      ...as(fixture, 'secretariat'),
    })
    await payload.update({
      collection: COLLECTIONS.users,
      id: user.id,
      data: { role: ROLES.assessor },
      ...as(fixture, 'secretariat'),
    })
    expect(await stored(user.id)).toMatchObject({ role: ROLES.assessor, cities: [fixture.cityB.id] })
  })

  it('rejects a council member listing other accounts', async () => {
    const { docs } = await payload.find({ collection: COLLECTIONS.users, ...as(fixture, 'councilA') })
    expect(docs.map((doc) => doc.id)).toEqual([fixture.users.councilA.id])
  })
})
