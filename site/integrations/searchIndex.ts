/**
 * The site search's index, written by Pagefind after Astro has written the pages: static files under
 * `/pagefind/`, one index per language (Pagefind reads each page's `lang`), fetched by the search
 * page only when someone searches. Only pages whose `<main>` says `data-pagefind-body` (cities,
 * programmes with their updates, pillars, provinces) are indexed.
 *
 * Pagefind runs as a process of its own. It starts as soon as the pages are written
 * (`astro:build:generated`), so it indexes while Astro finishes the build and the other
 * integrations write the sitemap; `astro:build:done` waits for it.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'
import * as pagefind from 'pagefind'

/** Indexes every page under `site` into `site/pagefind`; resolves with the number of pages indexed. */
async function writeIndex(site: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({})
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`)
  try {
    const added = await index.addDirectory({ path: site })
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`)
    const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') })
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`)
    return added.page_count
  } finally {
    await pagefind.close()
  }
}

export function searchIndex(): AstroIntegration {
  let indexing: { started: number; pages: Promise<number> } | undefined
  const start = (dir: URL) => {
    const pages = writeIndex(fileURLToPath(dir))
    // Awaited in `astro:build:done`; a failure meanwhile is no unhandled rejection.
    pages.catch(() => {})
    indexing = { started: performance.now(), pages }
  }
  return {
    name: 'pantau-search-index',
    hooks: {
      'astro:build:generated': ({ dir }) => start(dir),
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing) start(dir)
        const { started, pages } = indexing as NonNullable<typeof indexing>
        logger.info(`${await pages} pages indexed for search in ${Math.round(performance.now() - started)} ms`)
      },
    },
  }
}
