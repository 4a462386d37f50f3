/**
 * The search index on a small built site. Built by hand: Pagefind starts when the pages are written
 * (`astro:build:generated`), the build waits for it in `astro:build:done`, and the index has one
 * language per page language with only the pages that say `data-pagefind-body`. Built by the publish
 * job: the build carries the published site's index over untouched, and the new site's index is put
 * in place of it once the site is live, nothing of the old one left.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { AstroIntegrationLogger } from 'astro'
import { afterAll, expect, it, vi } from 'vitest'

import { SITE_SEARCH_LATER_ENV } from '../../cms/contract/index.ts'
import { filesUnder } from '../../site/integrations/linkFiles.ts'
import { indexPublishedSite, searchIndex } from '../../site/integrations/searchIndex.ts'

const site = await fs.mkdtemp(path.join(os.tmpdir(), 'pantau-search-index-'))

const page = (lang: string, title: string, body: string, searchable = true) =>
  `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><main${searchable ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>${body}</p></main></body></html>`

async function write(file: string, html: string, root = site) {
  await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true })
  await fs.writeFile(path.join(root, file), html)
}

const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() }) as unknown as AstroIntegrationLogger & { info: ReturnType<typeof vi.fn> }
const hooksOf = (integration: ReturnType<typeof searchIndex>) => integration.hooks as Record<string, (options: object) => Promise<unknown>>

afterAll(async () => {
  await fs.rm(site, { recursive: true, force: true })
})

it('indexes the searchable pages of each language once the pages are written, and the build waits for it', async () => {
  await write('kota/kota-ambon/index.html', page('id', 'Kota Ambon', 'Bank sampah kelurahan di Ambon'))
  await write('kota/kota-tual/index.html', page('id', 'Kota Tual', 'Pelatihan UMKM digital'))
  await write('en/kota/kota-ambon/index.html', page('en', 'Ambon City', 'Neighbourhood waste bank in Ambon'))
  await write('index.html', page('id', 'Beranda', 'Halaman depan', false))

  const integration = searchIndex()
  const dir = pathToFileURL(`${site}${path.sep}`)
  const info = vi.fn()
  const logger = { info, warn: vi.fn(), error: vi.fn() } as unknown as AstroIntegrationLogger
  const hooks = integration.hooks as Record<string, (options: object) => unknown>

  const entryFile = path.join(site, 'pagefind', 'pagefind-entry.json')
  await hooks['astro:build:generated']({ dir, logger })
  // The index is written without waiting for `astro:build:done`: it started with the pages.
  await vi.waitFor(() => fs.access(entryFile), { timeout: 20_000, interval: 50 })
  await hooks['astro:build:done']({ dir, logger })

  const entry = JSON.parse(await fs.readFile(entryFile, 'utf8'))
  expect(Object.keys(entry.languages).sort()).toEqual(['en', 'id'])
  expect(entry.languages.id.page_count).toBe(2)
  expect(entry.languages.en.page_count).toBe(1)
  expect(await fs.readdir(path.join(site, 'pagefind', 'fragment'))).toHaveLength(3)
  // The log counts the pages Pagefind read, the home page without `data-pagefind-body` included.
  expect(info).toHaveBeenCalledWith(expect.stringMatching(/^4 pages indexed for search in \d+ ms$/))
}, 30_000)

it('in a publish, carries the published index into the build and leaves the new one for after it is live', async () => {
  const published = path.join(site, 'kota')
  const build = await fs.mkdtemp(path.join(os.tmpdir(), 'pantau-search-build-'))
  try {
    // The published "site" is the folder indexed above's `kota/`: give it the index written there.
    await fs.cp(path.join(site, 'pagefind'), path.join(published, 'pagefind'), { recursive: true })
    const before = filesUnder(path.join(published, 'pagefind'))
    await write('kota/kota-baru/index.html', page('id', 'Kota Baru', 'Rumah susun sewa'), build)
    const hooks = hooksOf(searchIndex({ [SITE_SEARCH_LATER_ENV]: published }))
    const log = logger()
    const dir = pathToFileURL(`${build}${path.sep}`)
    await hooks['astro:build:generated']({ dir, logger: log })
    await hooks['astro:build:done']({ dir, logger: log })
    // The same files, the same bytes (links): no index written for the build's own pages.
    expect(filesUnder(path.join(build, 'pagefind')).sort()).toEqual([...before].sort())
    const entry = 'pagefind/pagefind-entry.json'
    expect((await fs.stat(path.join(build, entry))).ino).toBe((await fs.stat(path.join(published, entry))).ino)
    expect(log.info).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`^Search index of .+ carried over \\(${before.length} files\\)`)))
  } finally {
    await fs.rm(build, { recursive: true, force: true })
  }
}, 30_000)

it('puts the index of a live site in place of the one it carried, nothing of the old one left', async () => {
  const live = await fs.mkdtemp(path.join(os.tmpdir(), 'pantau-search-live-'))
  try {
    await write('kota/kota-tual/index.html', page('id', 'Kota Tual', 'Pelatihan UMKM digital, angkatan kedua'), live)
    await write('en/kota/kota-tual/index.html', page('en', 'Tual City', 'Digital training for small businesses'), live)
    // The index it carried: another site's, with a file of an index older still.
    await fs.cp(path.join(site, 'pagefind'), path.join(live, 'pagefind'), { recursive: true })
    await write('pagefind/fragment/id_stale.pf_fragment', 'old', live)
    const carried = new Set(filesUnder(path.join(live, 'pagefind')))

    expect(await indexPublishedSite(live)).toMatchObject({ pages: 2 })

    const entry = JSON.parse(await fs.readFile(path.join(live, 'pagefind', 'pagefind-entry.json'), 'utf8'))
    expect(entry.languages.id.page_count).toBe(1)
    expect(entry.languages.en.page_count).toBe(1)
    const now = filesUnder(path.join(live, 'pagefind'))
    // Exactly the new index: two fragments, no file of the carried index but Pagefind's own scripts.
    expect(now.filter((file) => file.startsWith('fragment/'))).toHaveLength(2)
    expect(now.filter((file) => carried.has(file) && /_[0-9a-f]+\.pf_/.test(file))).toEqual([])
    expect(now.some((file) => file.includes('.installing-'))).toBe(false)
    // Pagefind wrote beside the site, and nothing of that is left either.
    expect((await fs.readdir(path.dirname(live))).filter((name) => name.startsWith(`${path.basename(live)}.search-`))).toEqual([])
  } finally {
    await fs.rm(live, { recursive: true, force: true })
  }
}, 30_000)

it('keeps the files of an installed index that the new one has too, and replaces only what changed', async () => {
  const live = await fs.mkdtemp(path.join(os.tmpdir(), 'pantau-search-again-'))
  try {
    await write('kota/kota-tual/index.html', page('id', 'Kota Tual', 'Pelatihan UMKM digital'), live)
    await write('kota/kota-ambon/index.html', page('id', 'Kota Ambon', 'Bank sampah kelurahan'), live)
    await write('en/kota/kota-ambon/index.html', page('en', 'Ambon City', 'Neighbourhood waste bank'), live)
    const first = await indexPublishedSite(live)
    expect(first).toMatchObject({ pages: 3, kept: 0 })
    const folder = path.join(live, 'pagefind')
    const inodes = async () =>
      new Map(await Promise.all(filesUnder(folder).map(async (file) => [file, (await fs.stat(path.join(folder, file))).ino] as const)))
    const installed = await inodes()

    // The same pages again: every file named by its content stays the file it was.
    const same = await indexPublishedSite(live)
    const byContent = [...installed.keys()].filter((file) => /\.pf_[a-z]+$/.test(file))
    expect(byContent.length).toBeGreaterThan(3)
    expect(same.kept).toBe(byContent.length)
    const after = await inodes()
    for (const file of byContent) expect(after.get(file), file).toBe(installed.get(file))
    // Pagefind's own scripts and the entry are put in place again.
    expect(after.get('pagefind-entry.json')).not.toBe(installed.get('pagefind-entry.json'))

    // One page changed: its fragment is new, the other pages' fragments are kept, the old one is gone.
    await write('kota/kota-tual/index.html', page('id', 'Kota Tual', 'Pelatihan UMKM digital, angkatan ketiga'), live)
    const changed = await indexPublishedSite(live)
    const now = await inodes()
    const fragments = (files: Iterable<string>) => [...files].filter((file) => file.startsWith('fragment/'))
    expect(fragments(now.keys())).toHaveLength(3)
    const newFragments = fragments(now.keys()).filter((file) => !installed.has(file))
    expect(newFragments).toHaveLength(1)
    expect(fragments(installed.keys()).filter((file) => !now.has(file))).toHaveLength(1)
    expect(changed.kept).toBeGreaterThan(0)
    const entry = JSON.parse(await fs.readFile(path.join(folder, 'pagefind-entry.json'), 'utf8'))
    expect([entry.languages.id.page_count, entry.languages.en.page_count]).toEqual([2, 1])
    expect([...now.keys()].some((file) => file.includes('.installing-'))).toBe(false)
  } finally {
    await fs.rm(live, { recursive: true, force: true })
  }
}, 60_000)
