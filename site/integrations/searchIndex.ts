/**
 * The site search's index, written by Pagefind from the built pages: static files under
 * `/pagefind/`, one index per language (Pagefind reads each page's `lang`), fetched by the search
 * page only when someone searches. Only pages whose `<main>` says `data-pagefind-body` (cities,
 * programmes with their updates, pillars, provinces) are indexed.
 *
 * Two ways, by who builds:
 * - `astro build` by hand writes the index into the build: Pagefind, a process of its own, starts as
 *   soon as the pages are written (`astro:build:generated`), so it indexes while Astro finishes the
 *   build and the other integrations write the sitemap; `astro:build:done` waits for it.
 * - The publish job (cms/jobs/publishSite.ts) names the published site in `PANTAU_SITE_SEARCH_LATER`:
 *   the build carries that site's index over unchanged, so the new pages go live as soon as they are
 *   built, and the job indexes the new site once it is swapped in (`indexPublishedSite`, run by
 *   `scripts/searchIndex.ts`). Meanwhile, a few seconds, the search answers from the previous index.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'
import * as pagefind from 'pagefind'

import { SITE_SEARCH_LATER_ENV } from '../../cms/contract/index.ts'
import { filesUnder, linkFiles } from './linkFiles.ts'

/** The folder of the index in the site, and its address. */
export const SEARCH_FOLDER = 'pagefind'

/**
 * The file naming each language's index (its `.pf_meta` file, named by a hash of its content, which
 * names the index and fragment files, named so too). Replaced last when an index is installed.
 */
const ENTRY_FILE = 'pagefind-entry.json'

/** Indexes every page under `site` into `output`; resolves with the number of pages indexed. */
async function writeIndex(site: string, output: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({})
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`)
  try {
    const added = await index.addDirectory({ path: site })
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`)
    const written = await index.writeFiles({ outputPath: output })
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`)
    return added.page_count
  } finally {
    await pagefind.close()
  }
}

/**
 * Pagefind names its index, fragment, filter and meta files by a hash of their content
 * (`id_2ab4e1c0.pf_fragment`): a file of that name already installed holds the same bytes.
 */
const namedByContent = (file: string): boolean => /_[0-9a-f]+\.pf_[a-z]+$/.test(file)

/**
 * Puts the index written in `staging` in place of the one in `target`, so that a reader never meets
 * half of either: every file but the entry first (each linked under a temporary name and renamed
 * over the old one), then the entry, then the old index's files are removed. A file named by its
 * content that `target` already has is kept as it is: after a change to one city, all but a few of
 * the national site's 5,250 files are (installing every one took about 1.7 s). Pagefind's own scripts
 * and WebAssembly are put in place each time, in case Pagefind itself changed. `staging` and `target`
 * are on one file system (both beside or inside the published site).
 */
export async function installIndex(staging: string, target: string): Promise<{ installed: number; kept: number }> {
  const files = filesUnder(staging)
  const fresh = new Set(files)
  const before = filesUnder(target)
  const present = new Set(before)
  const changed = files.filter((file) => !(namedByContent(file) && present.has(file)))
  const suffix = `.installing-${process.pid}`
  const install = async (files: readonly string[]) => {
    await linkFiles(files.map((file) => ({ from: path.join(staging, file), to: path.join(target, `${file}${suffix}`) })))
    await Promise.all(files.map((file) => fs.rename(path.join(target, `${file}${suffix}`), path.join(target, file))))
  }
  await install(changed.filter((file) => file !== ENTRY_FILE))
  if (fresh.has(ENTRY_FILE)) await install([ENTRY_FILE])
  await Promise.all(before.filter((file) => !fresh.has(file)).map((file) => fs.rm(path.join(target, file), { force: true })))
  return { installed: changed.length, kept: files.length - changed.length }
}

/**
 * Writes the search index of the site published in `site` and installs it under its `pagefind/`
 * (the publish job, once the site is swapped in). Pagefind writes beside the site, never into a
 * folder the site serves. Resolves with the number of pages indexed and of the index's files put in
 * place and kept.
 */
export async function indexPublishedSite(site: string): Promise<{ pages: number; installed: number; kept: number }> {
  const staging = `${site}.search-${process.pid}-${Date.now()}`
  try {
    const pages = await writeIndex(site, staging)
    return { pages, ...(await installIndex(staging, path.join(site, SEARCH_FOLDER))) }
  } finally {
    await fs.rm(staging, { recursive: true, force: true })
  }
}

/** The index of the published site `previous` linked into the build in `dir` (none when it has none); how many files. */
async function carryOver(previous: string, dir: string): Promise<number> {
  const from = path.join(previous, SEARCH_FOLDER)
  const files = filesUnder(from)
  await linkFiles(files.map((file) => ({ from: path.join(from, file), to: path.join(dir, SEARCH_FOLDER, file) })))
  return files.length
}

export function searchIndex(env: Record<string, string | undefined> = process.env): AstroIntegration {
  const later = env[SITE_SEARCH_LATER_ENV]?.trim() || null
  let indexing: { started: number; pages: Promise<number> } | undefined
  const start = (dir: URL) => {
    const site = fileURLToPath(dir)
    const pages = writeIndex(site, path.join(site, SEARCH_FOLDER))
    // Awaited in `astro:build:done`; a failure meanwhile is no unhandled rejection.
    pages.catch(() => {})
    indexing = { started: performance.now(), pages }
  }
  return {
    name: 'pantau-search-index',
    hooks: {
      'astro:build:generated': async ({ dir, logger }) => {
        if (!later) return start(dir)
        const files = await carryOver(later, fileURLToPath(dir))
        logger.info(`Search index of ${later} carried over (${files} files); the publish job indexes the new site once it is published`)
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (later) return
        if (!indexing) start(dir)
        const { started, pages } = indexing as NonNullable<typeof indexing>
        logger.info(`${await pages} pages indexed for search in ${Math.round(performance.now() - started)} ms`)
      },
    },
  }
}
