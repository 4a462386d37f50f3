/**
 * The partial build of the site (cms/contract/siteBuild.ts): the pages of the cities a change touched
 * and the pages about all cities are rendered (site/lib/siteData.ts `builds`); every other file is
 * taken from the published site, so the result is the site a whole build writes.
 *
 * Once Astro has written the pages (`astro:build:generated`), each file of the published site that
 * this build did not write, and that is no output of a touched city, is linked into the new build
 * (a hard link: no copy of the data, and the published site stays as it is until the new one is
 * swapped in). The files are listed once (`takenOver`); the sitemap lists the pages among them
 * (`previousPages`, its `customPages`), and the search index, written after this hook, indexes the
 * whole site.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'

import type { PartialSiteBuild } from '../../cms/contract/index.ts'
import { cityPath } from '../lib/cityPage.ts'
import { LOCALES } from '../lib/locale.ts'
import { shareImagePath } from '../lib/siteData.ts'
import { filesUnder, linkFiles } from './linkFiles.ts'

const relative = (href: string) => href.replace(/^\//, '')

/**
 * What the routes of one city write, relative to the site's root: its page in each language with its
 * programmes' pages below it, and its share cards (the city's, and its programmes' below a folder of
 * its name). Its download is not among them: every build links every file of the open data package
 * from the snapshot it was built from (./openData.ts), each city's ZIP included.
 */
export function cityOutputs(slug: string): { folders: string[]; files: string[] } {
  const city = { slug }
  const folders: string[] = []
  const files: string[] = []
  for (const locale of LOCALES) {
    const page = cityPath(locale, city)
    const card = relative(shareImagePath(locale, page))
    folders.push(relative(page), `${card.replace(/\.jpg$/, '')}/`)
    files.push(card)
  }
  return { folders, files }
}

/** Whether a file of the site (relative, `/`-separated) is an output of one of these cities. */
export function outputOfCities(slugs: Iterable<string>): (file: string) => boolean {
  const folders: string[] = []
  const files = new Set<string>()
  for (const slug of slugs) {
    const outputs = cityOutputs(slug)
    folders.push(...outputs.folders)
    for (const file of outputs.files) files.add(file)
  }
  return (file) => files.has(file) || folders.some((folder) => file.startsWith(folder))
}

/**
 * Written by the integrations after the pages in every build (the open data files, the search index,
 * the sitemap, the headers file): never taken from the published site.
 */
const WRITTEN_AFTER_PAGES = [/^data\//, /^pagefind\//, /^sitemap-[^/]*\.xml$/, /^_headers$/]

/**
 * The files of the published site a partial build takes over (none for a whole build), listed once:
 * the sitemap and the linking both read this list.
 */
export function takenOver(partial: PartialSiteBuild | null): string[] {
  if (!partial) return []
  const rebuilt = outputOfCities(partial.cities)
  return filesUnder(partial.previous).filter((file) => !rebuilt(file) && !WRITTEN_AFTER_PAGES.some((pattern) => pattern.test(file)))
}

/** The addresses of the pages among the files taken over, for the sitemap. */
export function previousPages(files: readonly string[], site: string): string[] {
  return files.filter((file) => file === 'index.html' || file.endsWith('/index.html')).map((file) => new URL(`/${file.slice(0, -'index.html'.length)}`, site).href)
}

/** Links the files taken over from `previous` into `dir`, leaving every file this build wrote; returns how many. */
export async function linkTakenOver(files: readonly string[], previous: string, dir: string): Promise<number> {
  const written = new Set(filesUnder(dir))
  const missing = files.filter((file) => !written.has(file))
  await linkFiles(missing.map((file) => ({ from: path.join(previous, file), to: path.join(dir, file) })))
  return missing.length
}

/**
 * Takes the untouched files of the published site into a partial build, once the scope is known (a
 * build the publish job started early learns it when the snapshot is written): the files to take
 * over are listed then, and their pages added to `sitemapPages`, the sitemap's `customPages`, which
 * it reads when the build is done. Listed before the search index, whose hook of the same name then
 * finds the whole site.
 */
export function partialBuild(scope: Promise<PartialSiteBuild | null>, sitemapPages: string[], site: string): AstroIntegration {
  return {
    name: 'pantau-partial-build',
    hooks: {
      'astro:build:generated': async ({ dir, logger }) => {
        const partial = await scope
        if (!partial) return
        const started = performance.now()
        const files = takenOver(partial)
        sitemapPages.push(...previousPages(files, site))
        const linked = await linkTakenOver(files, partial.previous, fileURLToPath(dir))
        const cities = [...partial.cities].join(', ') || '-'
        logger.info(
          `Partial build: pages of ${cities} rendered; ${linked} files taken from ${partial.previous} in ${Math.round(performance.now() - started)} ms`,
        )
      },
    },
  }
}
