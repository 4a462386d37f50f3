/**
 * The search index integration on a small built site: Pagefind starts when the pages are written
 * (`astro:build:generated`), the build waits for it in `astro:build:done`, and the index has one
 * language per page language with only the pages that say `data-pagefind-body`.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { AstroIntegrationLogger } from 'astro'
import { afterAll, expect, it, vi } from 'vitest'

import { searchIndex } from '../../site/integrations/searchIndex.ts'

const site = await fs.mkdtemp(path.join(os.tmpdir(), 'pantau-search-index-'))

const page = (lang: string, title: string, body: string, searchable = true) =>
  `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><main${searchable ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>${body}</p></main></body></html>`

async function write(file: string, html: string) {
  await fs.mkdir(path.dirname(path.join(site, file)), { recursive: true })
  await fs.writeFile(path.join(site, file), html)
}

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
