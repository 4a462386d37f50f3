/**
 * The files a build links into the site instead of rendering them: the open data package from the
 * snapshot (site/integrations/openData.ts) and the share cards from their cache
 * (site/integrations/shareCards.ts). Each must land at its address as the very file it came from,
 * and nothing else may.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { AstroIntegration, AstroIntegrationLogger } from 'astro'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'

import { snapshotFiles } from '../../cms/snapshot/files.ts'
import { filesUnder as listFiles } from '../../site/integrations/linkFiles.ts'
import { writeSnapshotFolder } from '../../cms/snapshot/index.ts'
import { sampleSnapshot } from '../helpers/sampleSnapshot.ts'

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'pantau-linked-files-'))
afterAll(() => fs.rm(scratch, { recursive: true, force: true }))
afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
})

/** Every file under `dir`, relative and `/`-separated, sorted. */
const filesUnder = (dir: string) => listFiles(dir).sort()

/** Runs an integration's `astro:build:generated` on `site`, returning what it logged. */
async function generated(integration: AstroIntegration, site: string): Promise<string[]> {
  const info = vi.fn()
  const logger = { info, warn: vi.fn(), error: vi.fn() } as unknown as AstroIntegrationLogger
  await fs.mkdir(site, { recursive: true })
  const hook = (integration.hooks as Record<string, (options: object) => Promise<void>>)['astro:build:generated']
  await hook({ dir: pathToFileURL(`${site}${path.sep}`), logger })
  return info.mock.calls.map(([message]) => String(message))
}

const sameFile = async (a: string, b: string) => (await fs.stat(a)).ino === (await fs.stat(b)).ino

describe('the open data package', () => {
  it("is every file the snapshot's package lists and every city's ZIP, linked under /data/, and nothing else", async () => {
    const snapshot = path.join(scratch, 'snapshot')
    const sample = sampleSnapshot()
    const files = snapshotFiles(sample, new Date('2024-01-02T03:04:05Z'))
    await writeSnapshotFolder(snapshot, files)
    // A file in the snapshot's folder that the package does not list is not published.
    await fs.writeFile(path.join(snapshot, 'catatan.txt'), 'not part of the package')
    vi.stubEnv('SNAPSHOT_DIR', snapshot)
    const { openData } = await import('../../site/integrations/openData.ts')

    const site = path.join(scratch, 'site-data')
    const logged = await generated(openData(), site)

    const published = filesUnder(path.join(site, 'data'))
    expect(published).toEqual(files.map((file) => file.path).sort())
    expect(published.filter((file) => file.startsWith('kota/'))).toEqual(sample.cities.map((city) => `kota/${city.slug}.zip`).sort())
    for (const file of published) expect(await sameFile(path.join(site, 'data', file), path.join(snapshot, file)), file).toBe(true)
    expect(logged).toEqual([expect.stringMatching(new RegExp(`^${published.length} open data files linked from `))])
  })
})

describe('the share cards', () => {
  it('are linked from the card cache to the addresses the pages prepared, once per build', async () => {
    const cache = path.join(scratch, 'cards')
    vi.stubEnv('PANTAU_SHARE_CARD_CACHE', cache)
    const { prepareShareCards } = await import('../../site/lib/shareCard.ts')
    const { shareCards } = await import('../../site/integrations/shareCards.ts')
    const card = (title: string) => ({ kicker: 'Maluku', title, figure: '2,95', caption: 'Indeks 2022', footer: 'Pantau' })
    const integration = shareCards()
    const hooks = integration.hooks as Record<string, () => void>

    // Before a build starts (the dev server) a page's card is not drawn ahead.
    prepareShareCards([{ path: '/og/id/kota/kota-tual.jpg', card: card('Kota Tual') }])
    await expect(fs.readdir(cache)).rejects.toThrow()

    hooks['astro:build:start']()
    prepareShareCards([
      { path: '/og/id/kota/kota-ambon.jpg', card: card('Kota Ambon') },
      { path: '/og/en/kota/kota-ambon.jpg', card: card('Ambon City') },
      { path: '/og/id/kota/kota-ambon/bank-sampah.jpg', card: card('Bank Sampah') },
    ])

    const site = path.join(scratch, 'site-cards')
    const logged = await generated(integration, site)

    expect(filesUnder(site)).toEqual(['og/en/kota/kota-ambon.jpg', 'og/id/kota/kota-ambon.jpg', 'og/id/kota/kota-ambon/bank-sampah.jpg'])
    const cached = await fs.readdir(cache)
    expect(cached.filter((file) => file.endsWith('.jpg'))).toHaveLength(3)
    const linked = await Promise.all(filesUnder(site).map(async (file) => (await fs.stat(path.join(site, file))).ino))
    const inCache = await Promise.all(cached.map(async (file) => (await fs.stat(path.join(cache, file))).ino))
    expect(new Set(linked)).toEqual(new Set(inCache))
    expect(logged).toEqual([expect.stringMatching(/^3 share cards linked from the card cache in \d+ ms$/)])

    // Collecting ends with the build: the next one in the same process links only what its own pages prepare.
    prepareShareCards([{ path: '/og/id/kota/kota-tual.jpg', card: card('Kota Tual') }])
    const next = path.join(scratch, 'site-cards-next')
    hooks['astro:build:start']()
    expect(await generated(integration, next)).toEqual([expect.stringMatching(/^0 share cards linked/)])
    expect(filesUnder(next)).toEqual([])
  })
})
