/**
 * The site search's index, written by Pagefind after Astro has written the pages: static files under
 * `/pagefind/`, one index per language (Pagefind reads each page's `lang`), fetched by the search
 * page only when someone searches. Only pages whose `<main>` says `data-pagefind-body` (cities,
 * programmes with their updates, pillars, provinces) are indexed.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'
import * as pagefind from 'pagefind'

export function searchIndex(): AstroIntegration {
  return {
    name: 'pantau-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now()
        const site = fileURLToPath(dir)
        const { index, errors } = await pagefind.createIndex({})
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`)
        try {
          const added = await index.addDirectory({ path: site })
          if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`)
          const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') })
          if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`)
          logger.info(`${added.page_count} pages indexed for search in ${Math.round(performance.now() - started)} ms`)
        } finally {
          await pagefind.close()
        }
      },
    },
  }
}
