/**
 * The partial site build's rules (cms/contract/siteBuild.ts) and its handling of files
 * (site/integrations/partialBuild.ts): which change lets the other cities' pages stay, which files are
 * a city's, and what a partial build takes from the published site.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { AstroIntegrationLogger } from 'astro'
import { afterAll, describe, expect, it, vi } from 'vitest'

import { citiesToRebuild, partialSiteBuild, SITE_CITIES_ENV, SITE_PREVIOUS_ENV } from '../../cms/contract/index.ts'
import { filesUnder } from '../../site/integrations/linkFiles.ts'
import { cityOutputs, outputOfCities, partialBuild, previousPages, takenOver } from '../../site/integrations/partialBuild.ts'
import { sampleSnapshot } from '../helpers/sampleSnapshot.ts'

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'pantau-partial-build-'))
afterAll(() => fs.rm(scratch, { recursive: true, force: true }))

describe('which pages a change to some cities rebuilds', () => {
  const before = sampleSnapshot()
  const [ambon] = before.cities
  const programme = before.programs.find((program) => String(program.city) === String(ambon.id))

  it("rebuilds only the touched city's pages when the list of cities and the tables of no city stayed", () => {
    expect(programme).toBeDefined()
    const after = { ...before, programs: before.programs.map((program) => (program === programme ? { ...program, title: { id: 'Baru', en: 'New' } } : program)) }
    expect(citiesToRebuild(before, after, [String(ambon.id)])).toEqual([ambon.slug])
    // A touched city the public does not see has no pages; the pages about all cities are still built.
    expect(citiesToRebuild(before, after, ['999999'])).toEqual([])
  })

  it('rebuilds every page when a city record or a table of no city changed', () => {
    const renamed = { ...before, cities: before.cities.map((city) => (city === ambon ? { ...city, name: 'Kota Ambon Manise' } : city)) }
    expect(citiesToRebuild(before, renamed, [String(ambon.id)])).toBeNull()
    const pillar = { ...before, dimensions: before.dimensions.map((dimension, n) => (n === 0 ? { ...dimension, order: 99 } : dimension)) }
    expect(citiesToRebuild(before, pillar, [String(ambon.id)])).toBeNull()
    const photo = { ...before, media: [] }
    expect(before.media.length).toBeGreaterThan(0)
    expect(citiesToRebuild(before, photo, [String(ambon.id)])).toBeNull()
  })

  it('reads a partial build from the environment, and a whole build without a published site to start from', () => {
    expect(partialSiteBuild({})).toBeNull()
    expect(partialSiteBuild({ [SITE_CITIES_ENV]: 'kota-ambon', [SITE_PREVIOUS_ENV]: '' })).toBeNull()
    const partial = partialSiteBuild({ [SITE_CITIES_ENV]: ' kota-ambon, kota-tual ,', [SITE_PREVIOUS_ENV]: '/srv/site' })
    expect(partial && [...partial.cities]).toEqual(['kota-ambon', 'kota-tual'])
    expect(partial?.previous).toBe('/srv/site')
    expect(partialSiteBuild({ [SITE_CITIES_ENV]: '', [SITE_PREVIOUS_ENV]: '/srv/site' })?.cities.size).toBe(0)
  })
})

describe("a city's files", () => {
  it("are its pages in both languages with its programmes and its share cards, and no other city's", () => {
    const isAmbon = outputOfCities(['kota-ambon'])
    for (const file of [
      'kota/kota-ambon/index.html',
      'kota/kota-ambon/pabrik-daur-ulang/index.html',
      'en/kota/kota-ambon/index.html',
      'og/id/kota/kota-ambon.jpg',
      'og/en/kota/kota-ambon/pabrik-daur-ulang.jpg',
    ])
      expect(isAmbon(file), file).toBe(true)
    // Its download carries the snapshot's date: every build writes every city's.
    for (const file of ['kota/kota-ambon-baru/index.html', 'og/id/kota/kota-ambon-baru.jpg', 'data/kota/kota-ambon.zip', 'index.html', 'bandingkan/index.html', 'provinsi/maluku/index.html'])
      expect(isAmbon(file), file).toBe(false)
    expect(cityOutputs('kota-ambon').files).toEqual(['og/id/kota/kota-ambon.jpg', 'og/en/kota/kota-ambon.jpg'])
  })
})

describe('a partial build', () => {
  const previous = path.join(scratch, 'published')
  const build = path.join(scratch, 'build')
  const files: Record<string, string> = {
    'index.html': 'old home',
    'kota/kota-ambon/index.html': 'old Ambon',
    'kota/kota-ambon/program-lama/index.html': 'a programme made private since',
    'kota/kota-tual/index.html': 'Tual',
    'en/kota/kota-tual/index.html': 'Tual (en)',
    'og/id/kota/kota-tual.jpg': 'card',
    'data/kota/kota-tual.zip': 'zip',
    'data/kota/kota-lama.zip': 'the download of a city since removed',
    '_astro/old.css': 'styles the pages taken over use',
    'pagefind/pagefind-entry.json': 'old index',
    'sitemap-0.xml': 'old sitemap',
    _headers: 'old headers',
  }

  it('takes every untouched file of the published site and none of the touched city, the home page or the generated files', async () => {
    for (const [file, content] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(previous, file)), { recursive: true })
      await fs.writeFile(path.join(previous, file), content)
    }
    // What this build wrote: the home page and Ambon's page, and the open data package of its snapshot
    // (linked by its integration on the same hook, before or after this one).
    for (const [file, content] of Object.entries({ 'index.html': 'new home', 'kota/kota-ambon/index.html': 'new Ambon', 'data/kota/kota-tual.zip': 'new zip' })) {
      await fs.mkdir(path.dirname(path.join(build, file)), { recursive: true })
      await fs.writeFile(path.join(build, file), content)
    }
    const partial = { cities: new Set(['kota-ambon']), previous }
    const listed = takenOver(partial)
    // No download comes from the published site: the package is the snapshot's, whole.
    expect(listed.filter((file) => file.startsWith('data/'))).toEqual([])
    const sitemapPages: string[] = []
    const hooks = partialBuild(Promise.resolve(partial), sitemapPages, 'https://pantau.example').hooks as Record<string, (options: object) => Promise<void>>
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() } as unknown as AstroIntegrationLogger
    await hooks['astro:build:generated']({ dir: pathToFileURL(`${build}${path.sep}`), logger })

    const built = filesUnder(build).sort()
    expect(built).toEqual(
      ['index.html', 'kota/kota-ambon/index.html', 'kota/kota-tual/index.html', 'en/kota/kota-tual/index.html', 'og/id/kota/kota-tual.jpg', 'data/kota/kota-tual.zip', '_astro/old.css'].sort(),
    )
    expect(await fs.readFile(path.join(build, 'index.html'), 'utf8')).toBe('new home')
    expect(await fs.readFile(path.join(build, 'kota/kota-ambon/index.html'), 'utf8')).toBe('new Ambon')
    expect(await fs.readFile(path.join(build, 'data/kota/kota-tual.zip'), 'utf8')).toBe('new zip')
    // Linked, not copied: the same file as the published one.
    const [taken, published] = await Promise.all([fs.stat(path.join(build, 'kota/kota-tual/index.html')), fs.stat(path.join(previous, 'kota/kota-tual/index.html'))])
    expect(taken.ino).toBe(published.ino)

    // The sitemap lists the pages taken over (the home page is rendered, so listed by Astro anyway),
    // added by the hook to the list the sitemap reads when the build is done.
    const pages = ['https://pantau.example/', 'https://pantau.example/en/kota/kota-tual/', 'https://pantau.example/kota/kota-tual/'].sort()
    expect(previousPages(listed, 'https://pantau.example').sort()).toEqual(pages)
    expect([...sitemapPages].sort()).toEqual(pages)
    expect(takenOver(null)).toEqual([])
  })
})
