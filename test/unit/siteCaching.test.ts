/**
 * The public site's cache rules (cms/infra/siteCaching.ts): which paths count as hashed, and the
 * `_headers` file the build writes for a static host or CDN, as astro.config.mjs's integration
 * writes it, with the security headers and the cache rules the static server sends.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { AstroIntegration } from 'astro'
import { describe, expect, it } from 'vitest'

import astroConfig from '../../astro.config.mjs'
import { cacheControlFor, cacheHeadersFile, IMMUTABLE_CACHE, REVALIDATE_CACHE } from '../../cms/infra/siteCaching.ts'

describe('the cache rule of a site path', () => {
  it.each([
    ['/_astro/index.Bx9k2L.css', IMMUTABLE_CACHE],
    ['/_astro/chart.DbY1x0aQ.js', IMMUTABLE_CACHE],
    ['/pagefind/fragment/id_e610de2.pf_fragment', IMMUTABLE_CACHE],
    ['/pagefind/index/id_e21d876.pf_index', IMMUTABLE_CACHE],
    ['/', REVALIDATE_CACHE],
    ['/kota/kota-ambon/', REVALIDATE_CACHE],
    ['/data/scores.json', REVALIDATE_CACHE],
    ['/data-terbuka/pantau-data.zip', REVALIDATE_CACHE],
    ['/og/kota/kota-ambon.png', REVALIDATE_CACHE],
    ['/pagefind/pagefind.js', REVALIDATE_CACHE],
    ['/pagefind/pagefind-entry.json', REVALIDATE_CACHE],
    ['/kota/_astro/not-hashed.css', REVALIDATE_CACHE],
  ])('%s: %s', (pathname, expected) => {
    expect(cacheControlFor(pathname)).toBe(expected)
  })

  it('keeps hashed files a year, immutable, and revalidates everything else', () => {
    expect(IMMUTABLE_CACHE).toBe('public, max-age=31536000, immutable')
    expect(REVALIDATE_CACHE).toBe('public, max-age=0, must-revalidate')
  })
})

describe('the _headers file of the built site', () => {
  it('is written by the build with the security headers for every path and the cache rules of the hashed folders', async () => {
    const integration = (astroConfig.integrations ?? []).find((entry): entry is AstroIntegration => !!entry && 'name' in entry && entry.name === 'pantau-security-headers')
    const buildDone = integration?.hooks['astro:build:done'] as ((options: { dir: URL }) => void) | undefined
    expect(buildDone).toBeTypeOf('function')

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-headers-'))
    try {
      buildDone?.({ dir: pathToFileURL(`${dir}${path.sep}`) })
      const text = fs.readFileSync(path.join(dir, '_headers'), 'utf8')
      const lines = text.split('\n')

      expect(lines).toContain('/*')
      expect(lines).toContain('  X-Content-Type-Options: nosniff')
      expect(text).toMatch(/\n {2}Content-Security-Policy: default-src 'self'; /)
      expect(text).toContain(cacheHeadersFile())
      for (const folder of ['/_astro/*', '/pagefind/fragment/*', '/pagefind/index/*']) {
        expect(lines[lines.indexOf(folder) + 1]).toBe('  Cache-Control: public, max-age=31536000, immutable')
      }
      // No rule for every path: a host would join its value with the hashed folders' one.
      const cacheLines = lines.filter((line) => line.trim().startsWith('Cache-Control:'))
      expect(cacheLines).toHaveLength(3)
      const blockOfEveryPath = lines.slice(lines.indexOf('/*') + 1, lines.findIndex((line, at) => at > lines.indexOf('/*') && !line.startsWith('  ')))
      expect(blockOfEveryPath.some((line) => line.includes('Cache-Control'))).toBe(false)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
