/**
 * The share cards of the city and programme pages (site/lib/shareCard.ts) as files of the built
 * site. From the start of a build (`astro:build:start`) the city and programme pages draw their
 * cards into the card cache while they render; once Astro has written the pages
 * (`astro:build:generated`) each card's file is linked from the cache to its address
 * (`/og/id/kota/kota-ambon.jpg`). No card passes through Astro's renderer: at national size that was
 * some 5,000 pictures (350 MB) read, copied into responses and written again on every build.
 * The dev server has a route that draws a card when it is asked for.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'

import { collectShareCards, takePreparedShareCards } from '../lib/shareCard.ts'
import { injectDevRoutes, linkFiles } from './linkFiles.ts'

export function shareCards(): AstroIntegration {
  return {
    name: 'pantau-share-cards',
    hooks: {
      'astro:config:setup': (options) => injectDevRoutes(options, ['og/[locale]/kota/[city].jpg', 'og/[locale]/kota/[city]/[program].jpg']),
      'astro:build:start': () => collectShareCards(),
      'astro:build:generated': async ({ dir, logger }) => {
        const started = performance.now()
        const cards = await takePreparedShareCards()
        const site = fileURLToPath(dir)
        await linkFiles([...cards].map(([address, file]) => ({ from: file, to: path.join(site, ...address.split('/')) })))
        logger.info(`${cards.size} share cards linked from the card cache in ${Math.round(performance.now() - started)} ms`)
      },
    },
  }
}
