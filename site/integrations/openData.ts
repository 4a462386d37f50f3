/**
 * The open data package under `/data/`: every file of the snapshot the site was built from that the
 * package lists (`datapackage.json`, each table as JSON and CSV, the README and each city's ZIP),
 * byte for byte. Linked from the snapshot once Astro has written the pages (`astro:build:generated`)
 * rather than rendered as routes: at national size that was some 90 MB read into responses and
 * written again on every build. The dev server has routes that serve the same files.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'

import { OPEN_DATA_PATH } from '../lib/openData.ts'
import { publishedDataFiles } from '../lib/openDataFiles.ts'
import { snapshotDirectory } from '../lib/siteData.ts'
import { injectDevRoutes, linkFiles } from './linkFiles.ts'

const DEV_ROUTES = ['[file].json', '[file].csv', 'README.md', 'kota/[slug].zip']

export function openData(): AstroIntegration {
  return {
    name: 'pantau-open-data',
    hooks: {
      'astro:config:setup': (options) => injectDevRoutes(options, DEV_ROUTES.map((route) => `${OPEN_DATA_PATH.slice(1)}${route}`)),
      'astro:build:generated': async ({ dir, logger }) => {
        const started = performance.now()
        const snapshot = snapshotDirectory()
        const files = await publishedDataFiles(snapshot)
        const site = path.join(fileURLToPath(dir), ...OPEN_DATA_PATH.split('/'))
        await linkFiles(files.map((file) => ({ from: path.join(snapshot, ...file.split('/')), to: path.join(site, ...file.split('/')) })))
        logger.info(`${files.length} open data files linked from ${snapshot} in ${Math.round(performance.now() - started)} ms`)
      },
    },
  }
}
