/**
 * `node scripts/searchIndex.ts <site>`: writes the search index of a published site and puts it in
 * place of the one it has (site/integrations/searchIndex.ts `indexPublishedSite`). The publish job
 * runs it once it has swapped a new site in (cms/jobs/publishSite.ts); Pagefind reads every page, so
 * it runs in a process of its own, never on the CMS's event loop.
 */
import path from 'node:path'

import { indexPublishedSite } from '../site/integrations/searchIndex.ts'

const [folder] = process.argv.slice(2)
if (!folder) {
  console.error('Pakai / usage: node scripts/searchIndex.ts <folder situs / site folder>')
  process.exit(2)
}
const started = performance.now()
const { pages, installed, kept } = await indexPublishedSite(path.resolve(folder))
console.log(
  `${pages} halaman diindeks untuk pencarian / pages indexed for search in ${Math.round(performance.now() - started)} ms ` +
    `(berkas indeks: ${installed} baru, ${kept} tetap / index files: ${installed} new, ${kept} unchanged)`,
)
