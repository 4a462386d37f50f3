/**
 * A change to one city republished by building only that city's pages (and the pages about all
 * cities), the rest taken from the published site: a small synthetic set is published whole, one
 * city's private programme is made public, and the partial publish must give the same snapshot and
 * the same site, byte for byte (search index and sitemap included), as a whole rebuild. Three real
 * `astro build`s, as the publish job runs them, the partial one started before the change is saved
 * and its snapshot written, as the job starts it beside the snapshot.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, CONTEXT_FLAGS } from '../../cms/constants.ts'
import { buildSite, startSiteBuild } from '../../cms/jobs/publishSite.ts'
import { buildSnapshot, snapshotDir } from '../../cms/snapshot/index.ts'
import { seedSynthetic } from '../../seed/scenarios/synthetic.ts'
import { outputOfCities } from '../../site/integrations/partialBuild.ts'
import { onMongo } from '../helpers/engine.ts'
import { testPayload } from '../helpers/payload.ts'

const NOW = new Date('2026-01-02T03:04:05.000Z')
/** Long enough for a build that did not wait for its scope to have rendered its pages (about 3 s here). */
const EARLY_WAIT_MS = 8_000

let payload: Payload
let scratch: string

/** Every file under `dir` with the hash of its bytes, by relative `/`-separated path. */
async function hashes(dir: string): Promise<Record<string, string>> {
  const entries = (await fs.readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
  const names = entries.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')).sort()
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, createHash('sha256').update(await fs.readFile(path.join(dir, name))).digest('hex')] as const)),
  )
}

// The site build does not depend on the database; the partial snapshot on MongoDB is publishProcess.test.ts's.
beforeAll(async () => {
  if (onMongo) return
  payload = await testPayload()
  scratch = process.env.PANTAU_SCRATCH_DIR as string
  await seedSynthetic(payload, { cities: 3, years: 2, seed: 11, lastYear: 2025 })
}, 600_000)

describe.skipIf(onMongo)('a partial publish of the site', () => {
  it("builds only the changed city's pages and gives the site a whole rebuild gives", async () => {
    const published = path.join(scratch, 'site')
    const first = await buildSnapshot(payload, { now: NOW })
    expect((await buildSite(published, { created: first.created, cities: null, mergedInto: null })).partial).toBe(false)

    const [programme] = (await payload.find({ collection: COLLECTIONS.programs, where: { isPublic: { equals: false } }, sort: 'id', limit: 1, depth: 0 })).docs
    const city = await payload.findByID({ collection: COLLECTIONS.cities, id: programme.city as number, depth: 0 })
    const others = (await payload.find({ collection: COLLECTIONS.cities, where: { id: { not_equals: city.id } }, pagination: false, depth: 0 })).docs
    expect(others.length).toBeGreaterThan(0)
    // The publish job starts the build while the snapshot is still being written: Astro starts and
    // waits; the programme made public meanwhile must be on the site, so no page read the data early.
    const early = startSiteBuild(published)
    await early.waiting
    await new Promise((resolve) => setTimeout(resolve, EARLY_WAIT_MS))
    await payload.update({ collection: COLLECTIONS.programs, id: programme.id, data: { isPublic: true }, context: { [CONTEXT_FLAGS.skipPublish]: true } })

    // A later publish: the snapshot's date changes, which every city's download carries.
    const LATER = new Date(NOW.getTime() + 60_000)
    const snapshot = await buildSnapshot(payload, { now: LATER, cities: [city.id] })
    expect(snapshot.partial).toBe(true)
    expect(snapshot.siteCities).toEqual([city.slug])
    expect(snapshot.mergedInto).toBe(first.created)
    const scope = { created: snapshot.created, cities: snapshot.siteCities, mergedInto: snapshot.mergedInto }
    const otherPage = path.join(published, 'kota', String(others[0].slug), 'index.html')
    const cityPage = path.join(published, 'kota', String(city.slug), 'index.html')
    const [otherBefore, cityBefore] = await Promise.all([fs.stat(otherPage), fs.stat(cityPage)])
    const programmePage = `kota/${city.slug}/${programme.slug}/index.html`
    expect(await fs.access(path.join(published, programmePage)).then(() => true, () => false)).toBe(false)

    expect((await early.finish(scope)).partial).toBe(true)
    // The other city's page was taken over (the same file), the changed city's written again.
    expect((await fs.stat(otherPage)).ino).toBe(otherBefore.ino)
    expect((await fs.stat(cityPage)).ino).not.toBe(cityBefore.ino)

    // The whole rebuild from a whole snapshot of the same data.
    const whole = path.join(scratch, 'whole')
    const wholeSnapshot = path.join(scratch, 'whole-snapshot')
    await buildSnapshot(payload, { now: LATER, dir: wholeSnapshot })
    expect(await hashes(wholeSnapshot)).toEqual(await hashes(snapshotDir()))
    expect((await buildSite(whole)).partial).toBe(false)

    const [partialFiles, wholeFiles] = await Promise.all([hashes(published), hashes(whole)])
    expect(partialFiles[programmePage]).toBeDefined()
    expect(Object.keys(partialFiles)).toEqual(Object.keys(wholeFiles))
    for (const name of Object.keys(wholeFiles)) expect(partialFiles[name], name).toBe(wholeFiles[name])

    // The rows of a table and the links to comparable cities carry no scoped-style attribute: a third
    // of the national site's HTML was `data-astro-cid-*` on them (IndicatorChart.astro).
    const cityHtml = await fs.readFile(path.join(whole, 'kota', String(city.slug), 'index.html'), 'utf8')
    const programmeHtml = await fs.readFile(path.join(whole, programmePage), 'utf8')
    const start = cityHtml.indexOf('<div class="comparable">')
    // Up to the paragraph that follows the list, which is the city page's own (scoped) markup.
    const comparable = cityHtml.slice(start, cityHtml.indexOf('</div><p', start))
    expect(comparable).toMatch(/<h3>/)
    expect(comparable).not.toContain('data-astro-cid-')
    expect(programmeHtml).toMatch(/<td class="number">/)
    expect(programmeHtml.match(/<(td|tr)\b[^>]*data-astro-cid-/g) ?? []).toEqual([])

    // Every city and programme page's share card is a file of the site (linked in once the pages are
    // written), so the comparison above cannot pass on two builds that both lack them.
    const cards = new Set<string>()
    for (const name of Object.keys(wholeFiles).filter((file) => file.endsWith('.html'))) {
      const image = /<meta property="og:image" content="([^"]+)"/.exec(await fs.readFile(path.join(whole, name), 'utf8'))?.[1]
      if (image) cards.add(new URL(image).pathname.slice(1))
    }
    expect([...cards].filter((card) => card.startsWith('og/')).length).toBeGreaterThan(2 * others.length)
    for (const card of cards) expect(wholeFiles[card], card).toBeDefined()

    // Every file with a city's name in its path is that city's output, as the partial build knows them,
    // but its download, which every build links from its snapshot.
    for (const slug of [city, ...others].map((record) => String(record.slug))) {
      const named = Object.keys(wholeFiles).filter((file) => file.split('/').some((part) => part === slug || part === `${slug}.jpg`))
      expect(named.length).toBeGreaterThan(0)
      expect(named.filter((file) => !outputOfCities([slug])(file))).toEqual([])
      expect(Object.keys(wholeFiles).filter(outputOfCities([slug]))).toEqual(named)
    }

    // A site built from another snapshot than the one the partial snapshot merged into (here: one
    // built without a scope) is no base for a partial build: the whole site is built.
    expect((await buildSite(whole, scope)).partial).toBe(false)
  }, 600_000)

  it('stops a build started beside a snapshot that failed, and leaves nothing of it', async () => {
    const published = path.join(scratch, 'abandoned')
    const early = startSiteBuild(published)
    await early.waiting
    await early.abandon()
    const left = (await fs.readdir(scratch)).filter((name) => name.startsWith('abandoned'))
    expect(left).toEqual([])
  }, 120_000)
})
