/**
 * The `publish-site` job: the snapshot of what is public (whole, or only the cities a change
 * touched), then (when enabled) the static site. Both run as processes of their own by default, so a
 * publish never stalls the API: the snapshot's reads are synchronous on SQLite and take most of a
 * minute at national size. `PANTAU_PUBLISH_IN_PROCESS=true` writes the snapshot inside the CMS
 * process instead (quicker to start: the integration tests use it).
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload, TaskConfig } from 'payload'

import {
  isScopeWanted,
  SCOPE_BY_MESSAGE,
  SITE_CITIES_ENV,
  SITE_PREVIOUS_ENV,
  SITE_SCOPE_ENV,
  SITE_SEARCH_LATER_ENV,
  type SiteScopeMessage,
} from '../contract/index.ts'
import type { ID } from '../domain/ids.ts'
import { runNode, spawnNode } from '../infra/nodeProcess.ts'
import { projectRoot, siteOutDir } from '../infra/paths.ts'
import { buildSnapshot } from '../snapshot/index.ts'
import { type SnapshotOutcome, snapshotInSeparateProcess } from '../snapshot/separateProcess.ts'

/** The task that publishes what is public: the snapshot, then (when enabled) the static site. */
export const PUBLISH_SITE_TASK = 'publish-site'

/** What to publish again: the records of these cities (none: only the tables of no city), or (null) everything. */
export type PublishInput = { cities: ID[] | null }

export type PublishOutput = {
  created: string
  files: number
  snapshotMs: number
  siteBuildMs: number | null
  /** Whether the snapshot read only the touched cities again. */
  partial: boolean
  /** Whether the site build rendered only the touched cities' pages (and the pages about all cities). */
  sitePartial?: boolean
  /** How long the search index took, written once the new site was live. */
  searchIndexMs?: number | null
}

/**
 * Where the public site is published, and the static server serves it from: `PANTAU_SITE_TARGET`
 * (relative to the project root) or `dist/site` (cms/infra/paths.ts `siteOutDir`), as the CMS started.
 */
export const SITE_OUT_DIR = siteOutDir()

/**
 * The sites this process has built (by folder), with the date of the snapshot each was built from.
 * A site is the base of a partial build only when this process built it, so with the code now
 * running, and from the very snapshot the partial one merged into: after a failed build, or a
 * snapshot written without a site build, the next publish builds the whole site; so does the first
 * publish after a start (or an upgrade).
 */
const builtFrom = new Map<string, string>()

/** What a site build builds: everything, or the pages of some cities after a partial snapshot. */
export type SiteScope = {
  /** The date of the snapshot the site is built from. */
  created: string
  /** The slugs of the cities whose pages to render again, or null for every page. */
  cities: readonly string[] | null
  /** The date of the snapshot the partial one merged into (null when whole). */
  mergedInto: string | null
}

/**
 * `astro build` in a process of its own, on the Node running the CMS (the project's Node, not the
 * machine's). The publish job starts it while the snapshot is still being written (`startSiteBuild`):
 * Astro starts and bundles the pages meanwhile (about 4 s at national size), and reads the data only
 * once `finish` has sent it the scope, after the snapshot is written (cms/contract/siteBuild.ts
 * `SITE_SCOPE_ENV`).
 *
 * Astro empties its output folder before it writes a single page, so building in place would leave
 * readers with missing pages for the whole build, and with none at all after a failed one. The site
 * is built beside the served folder and swapped in by two renames once it is complete.
 *
 * The build carries the published site's search index over, and the new site's own is written once
 * it is live (`scripts/searchIndex.ts`, a process of its own): Pagefind reads every page again, 5 to
 * 7 s at national size, which the pages need not wait for.
 */
export interface SiteBuild {
  /**
   * Builds what `scope` says and swaps the site in (`live` is called then), then writes its search
   * index. When the scope names cities, and the site in the folder is one this process built from the
   * snapshot the partial one merged into, only those cities' pages and the pages about all cities
   * are rendered; the build takes every other file from the published site. Without a scope the
   * build is whole and the site no partial build's base. Resolves with whether it was partial and how
   * long the search index took.
   */
  finish(scope?: SiteScope, live?: (partial: boolean) => void): Promise<{ partial: boolean; searchIndexMs: number }>
  /** Stops the build (its snapshot failed) and removes what it wrote. */
  abandon(): Promise<void>
  /** Resolves once Astro has started and waits for its scope (never, when it failed first). */
  waiting: Promise<void>
}

const ASTRO_BIN = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs')
const SEARCH_INDEX_SCRIPT = path.join(projectRoot, 'scripts', 'searchIndex.ts')

/** The folders a publish writes beside the site (`<site>.building-<pid>-<time>`, `.previous-`, and the search index's `.search-`). */
const BESIDE_SITE = /^\.(building|previous|search)-(\d+)-\d+$/

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes what a publish stopped midway left beside the site in `outDir` (a CMS that crashed or
 * was killed during a build leaves its `.building-` folder, some 170 MB at national size, and never
 * comes back for it): the folders whose process has ended. Resolves with the names removed.
 */
export async function removeLeftovers(outDir: string): Promise<string[]> {
  const base = path.basename(outDir)
  const names = await fs.promises.readdir(path.dirname(outDir)).catch(() => [] as string[])
  const left = names.filter((name) => {
    const match = name.startsWith(base) ? name.slice(base.length).match(BESIDE_SITE) : null
    return match !== null && !isAlive(Number(match[2]))
  })
  await Promise.all(left.map((name) => fs.promises.rm(path.join(path.dirname(outDir), name), { recursive: true, force: true })))
  return left
}

/** Starts the build of the site to publish in `outDir`; it waits for `finish` to learn what to build. */
export function startSiteBuild(outDir: string = SITE_OUT_DIR): SiteBuild {
  const staging = `${outDir}.building-${process.pid}-${Date.now()}`
  // Beside the build's start; awaited before the new site is swapped in. A folder that cannot be
  // removed now is tried again by the next publish.
  const leftovers = removeLeftovers(outDir).catch(() => [])
  let wanted: () => void = () => {}
  const listening = new Promise<void>((resolve) => {
    wanted = resolve
  })
  const astro = spawnNode([ASTRO_BIN, 'build', '--outDir', staging], {
    label: 'astro build',
    background: true,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ASTRO_TELEMETRY_DISABLED: '1',
      // Set even when empty: a partial build named in the server's own environment must not narrow this one.
      [SITE_CITIES_ENV]: '',
      [SITE_PREVIOUS_ENV]: '',
      [SITE_SCOPE_ENV]: SCOPE_BY_MESSAGE,
      [SITE_SEARCH_LATER_ENV]: outDir,
    },
    // The channel the scope goes through, once the build says it listens.
    onMessage: (message) => {
      if (isScopeWanted(message)) wanted()
    },
  })
  // Awaited by `finish` or `abandon`; a failure meanwhile is no unhandled rejection.
  astro.exited.catch(() => {})
  const removeStaging = () => fs.promises.rm(staging, { recursive: true, force: true })
  return {
    async finish(scope, live) {
      const base = builtFrom.get(outDir)
      const cities = scope?.cities
      const partial = cities != null && base !== undefined && base === scope?.mergedInto && fs.existsSync(outDir)
      builtFrom.delete(outDir)
      try {
        const message: SiteScopeMessage = { siteScope: partial ? { cities: [...cities], previous: outDir } : null }
        // A build that ended before it listened has no channel: its end says why.
        await Promise.race([listening, astro.exited])
        if (astro.child.connected) astro.child.send(message, () => {})
        await astro.exited
        await leftovers
        const previous = `${outDir}.previous-${process.pid}-${Date.now()}`
        if (fs.existsSync(outDir)) fs.renameSync(outDir, previous)
        fs.renameSync(staging, outDir)
        if (scope) builtFrom.set(outDir, scope.created)
        live?.(partial)
        // Thousands of files at national size: removed off the event loop, while the API answers.
        await fs.promises.rm(previous, { recursive: true, force: true })
      } finally {
        await removeStaging()
      }
      const started = performance.now()
      await runNode([SEARCH_INDEX_SCRIPT, outDir], { label: 'Search index', background: true, env: process.env })
      return { partial, searchIndexMs: Math.round(performance.now() - started) }
    },
    waiting: listening,
    async abandon() {
      astro.child.kill()
      await astro.exited.catch(() => {})
      await removeStaging()
    },
  }
}

/** Builds the site (started and finished at once: `startSiteBuild`), swaps it in and writes its search index. */
export const buildSite = (outDir: string = SITE_OUT_DIR, scope?: SiteScope, live?: (partial: boolean) => void) =>
  startSiteBuild(outDir).finish(scope, live)

/** Whether the job writes the snapshot inside the CMS process (`PANTAU_PUBLISH_IN_PROCESS=true`) rather than in a child. */
export const publishesInProcess = (): boolean => process.env.PANTAU_PUBLISH_IN_PROCESS === 'true'

/**
 * Publishes in this process: the snapshot (only the touched cities' records read again, when the
 * input names cities and a snapshot is already written), then the site when `PANTAU_PUBLISH_BUILD_SITE`.
 */
export async function publish(payload: Payload, input: PublishInput): Promise<PublishOutput> {
  const summary = await buildSnapshot(payload, input.cities ? { cities: input.cities } : {})
  return afterSnapshot(payload, input, summary)
}

/**
 * Publishes as `publish` does, with the snapshot written by a child process
 * (cms/snapshot/separateProcess.ts), and the site build started beside it: it waits for the snapshot
 * to learn what to build, and is stopped when the snapshot fails.
 */
export async function publishInSeparateProcess(payload: Payload, input: PublishInput): Promise<PublishOutput> {
  const build = buildsSite() ? startSiteBuild(SITE_OUT_DIR) : undefined
  let summary: SnapshotOutcome
  try {
    summary = await snapshotInSeparateProcess(input.cities)
  } catch (error) {
    await build?.abandon()
    throw error
  }
  return afterSnapshot(payload, input, summary, build)
}

/** Whether a publish builds the static site too (`PANTAU_PUBLISH_BUILD_SITE=true`). */
const buildsSite = (): boolean => process.env.PANTAU_PUBLISH_BUILD_SITE === 'true'

/**
 * Logs the snapshot written, then builds the site when `PANTAU_PUBLISH_BUILD_SITE` (finishing the
 * build started beside the snapshot, if any); its time is counted from the snapshot's end.
 */
async function afterSnapshot(payload: Payload, input: PublishInput, summary: SnapshotOutcome, build?: SiteBuild): Promise<PublishOutput> {
  payload.logger.info(`Snapshot published to ${summary.dir} in ${summary.durationMs} ms${summary.partial ? ` (cities ${input.cities?.join(', ') || 'none: the tables of no city only'})` : ''}`)
  let siteBuildMs: number | null = null
  let searchIndexMs: number | null = null
  let sitePartial = false
  if (buildsSite()) {
    const started = performance.now()
    const scope = { created: summary.created, cities: summary.siteCities, mergedInto: summary.mergedInto }
    const built = await (build ?? startSiteBuild(SITE_OUT_DIR)).finish(scope, (partial) => {
      siteBuildMs = Math.round(performance.now() - started)
      const pages = partial ? ` (pages of ${summary.siteCities?.join(', ') || 'no city'} and of all cities)` : ''
      payload.logger.info(`Public site rebuilt in ${siteBuildMs} ms${pages}`)
    })
    sitePartial = built.partial
    searchIndexMs = built.searchIndexMs
    payload.logger.info(`Search index of the public site written in ${searchIndexMs} ms`)
  }
  return { created: summary.created, files: summary.files.length, snapshotMs: summary.durationMs, siteBuildMs, partial: summary.partial, sitePartial, searchIndexMs }
}

export const publishSiteTask: TaskConfig<{ input: PublishInput; output: PublishOutput }> = {
  slug: PUBLISH_SITE_TASK,
  label: 'Terbitkan situs publik / Publish the public site',
  // One publish at a time: two would build the site into the same folder.
  concurrency: () => PUBLISH_SITE_TASK,
  // A database busy for a moment should not leave the site stale until the next change.
  retries: { attempts: 2, backoff: { type: 'fixed', delay: 5_000 } },
  // Ids of the touched cities (none: only the tables of no city); null or absent means everything.
  inputSchema: [{ name: 'cities', type: 'json' }],
  outputSchema: [
    { name: 'created', type: 'text', required: true },
    { name: 'files', type: 'number', required: true },
    { name: 'snapshotMs', type: 'number', required: true },
    { name: 'siteBuildMs', type: 'number' },
    { name: 'partial', type: 'checkbox' },
    { name: 'sitePartial', type: 'checkbox' },
    { name: 'searchIndexMs', type: 'number' },
  ],
  handler: async ({ input, req }) => {
    const request: PublishInput = { cities: Array.isArray(input?.cities) ? input.cities : null }
    const run = publishesInProcess() ? publish : publishInSeparateProcess
    return { output: await run(req.payload, request) }
  },
}
