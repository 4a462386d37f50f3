import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS } from '../../../cms/constants.ts'
import { type Actor, as, attempt, everyRole, reading, type Verdict } from '../../helpers/access.ts'
import { buildFixture, type Fixture } from '../../helpers/fixture.ts'
import { pngFile } from '../../helpers/files.ts'
import { testPayload } from '../../helpers/payload.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

const stored = (id: number) => payload.findByID({ collection: COLLECTIONS.media, id, depth: 0 })

/** The secretariat, and the council member who uploaded the image (city A's, in the fixture). */
const secretariatOrUploader: Record<Actor, Verdict> = {
  secretariat: 'allowed',
  councilA: 'allowed',
  councilB: 'denied',
  assessorA: 'denied',
  assessorNone: 'denied',
  public: 'denied',
}

describe('media', () => {
  it.each(everyRole('upload an image', { ...secretariatOrUploader, councilB: 'allowed' }))(
    '$name',
    async ({ actor, expected }) => {
      const file = await pngFile()
      const verdict = await attempt(() =>
        payload.create({ collection: COLLECTIONS.media, data: { alt: 'Taman kota' }, file, ...as(fixture, actor) }),
      )
      expect(verdict).toBe(expected)
    },
  )

  it.each(
    everyRole('see a public image', {
      secretariat: 'allowed',
      councilA: 'allowed',
      councilB: 'allowed',
      assessorA: 'allowed',
      assessorNone: 'allowed',
      public: 'allowed',
    }),
  )('$name', async ({ actor, expected }) => {
    expect(await reading(payload, fixture, actor, COLLECTIONS.media, fixture.media.id)).toBe(expected)
  })

  it.each(everyRole("edit the caption of city A's council's image", secretariatOrUploader))(
    '$name',
    async ({ actor, expected }) => {
      const alt = `Keterangan dari ${actor}`
      const verdict = await attempt(() =>
        payload.update({ collection: COLLECTIONS.media, id: fixture.media.id, data: { alt }, ...as(fixture, actor) }),
      )
      expect(verdict).toBe(expected)
      expect((await stored(fixture.media.id)).alt === alt).toBe(expected === 'allowed')
    },
  )

  it.each(everyRole("delete city A's council's image", secretariatOrUploader))('$name', async ({ actor, expected }) => {
    const image = await payload.create({
      collection: COLLECTIONS.media,
      data: { alt: 'Untuk dihapus', uploadedBy: fixture.users.councilA.id },
      file: await pngFile(),
    })
    expect(await attempt(() => payload.delete({ collection: COLLECTIONS.media, id: image.id, ...as(fixture, actor) }))).toBe(
      expected,
    )
  })

  it("credits an upload to the council member who made it, not to whoever it names", async () => {
    const image = await payload.create({
      collection: COLLECTIONS.media,
      data: { alt: 'Pasar', uploadedBy: fixture.users.councilA.id },
      file: await pngFile(),
      ...as(fixture, 'councilB'),
    })
    expect((await stored(image.id)).uploadedBy).toBe(fixture.users.councilB.id)
  })
})
