/**
 * The `publish-site` job: the snapshot of what is public (whole, or only the cities a change
 * touched), then (when enabled) the static site.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload, TaskConfig } from 'payload'

import type { ID } from '../domain/ids.ts'
import { projectRoot } from '../infra/paths.ts'
import { buildSnapshot } from '../snapshot/index.ts'

/** The task that publishes what is public: the snapshot, then (when enabled) the static site. */
export const PUBLISH_SITE_TASK = 'publish-site'

/** What to publish again: the records of these cities, or (null) everything. */
export type PublishInput = { cities: ID[] | null }

export type PublishOutput = { created: string; files: number; snapshotMs: number; siteBuildMs: number | null; partial: boolean }

/** Keeps the last lines of a child's output, enough to say why a build failed. */
const tail = (text: string, lines = 20) => text.trim().split('\n').slice(-lines).join('\n')

/** Where `astro build` writes the public site (astro.config.mjs `outDir`), and the static host serves it from. */
export const SITE_OUT_DIR = path.join(projectRoot, 'dist', 'site')

/**
 * `astro build` in a process of its own, on the Node running the CMS (the project's Node, not the
 * machine's). Astro reads the published data itself, so it only starts after the snapshot is written.
 *
 * Astro empties its output folder before it writes a single page, so building in place would leave
 * readers with missing pages for the whole build, and with none at all after a failed one. The site
 * is built beside the served folder and swapped in by two renames once it is complete.
 */
export async function buildSite(outDir: string = SITE_OUT_DIR): Promise<void> {
  const staging = `${outDir}.building-${process.pid}-${Date.now()}`
  try {
    await runAstroBuild(staging)
    const previous = `${outDir}.previous-${process.pid}-${Date.now()}`
    if (fs.existsSync(outDir)) fs.renameSync(outDir, previous)
    fs.renameSync(staging, outDir)
    fs.rmSync(previous, { recursive: true, force: true })
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}

function runAstroBuild(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const astro = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs')
    const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = tail(output + chunk.toString(), 200)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`astro build gagal / failed (${signal ?? `exit code ${code}`}):\n${tail(output)}`))
    })
  })
}

/**
 * Publishes in this process: the snapshot (only the touched cities' records read again, when the
 * input names cities and a snapshot is already written), then the site when `PANTAU_PUBLISH_BUILD_SITE`.
 */
export async function publish(payload: Payload, input: PublishInput): Promise<PublishOutput> {
  const summary = await buildSnapshot(payload, input.cities ? { cities: input.cities } : {})
  payload.logger.info(`Snapshot published to ${summary.dir} in ${summary.durationMs} ms${summary.partial ? ` (cities ${input.cities?.join(', ')})` : ''}`)
  let siteBuildMs: number | null = null
  if (process.env.PANTAU_PUBLISH_BUILD_SITE === 'true') {
    const started = performance.now()
    await buildSite()
    siteBuildMs = Math.round(performance.now() - started)
    payload.logger.info(`Public site rebuilt in ${siteBuildMs} ms`)
  }
  return { created: summary.created, files: summary.files.length, snapshotMs: summary.durationMs, siteBuildMs, partial: summary.partial }
}

export const publishSiteTask: TaskConfig<{ input: PublishInput; output: PublishOutput }> = {
  slug: PUBLISH_SITE_TASK,
  label: 'Terbitkan situs publik / Publish the public site',
  // One publish at a time: two would build the site into the same folder.
  concurrency: () => PUBLISH_SITE_TASK,
  // A database busy for a moment should not leave the site stale until the next change.
  retries: { attempts: 2, backoff: { type: 'fixed', delay: 5_000 } },
  // Ids of the touched cities; null (or a job queued before there were partial republishes) means everything.
  inputSchema: [{ name: 'cities', type: 'json' }],
  outputSchema: [
    { name: 'created', type: 'text', required: true },
    { name: 'files', type: 'number', required: true },
    { name: 'snapshotMs', type: 'number', required: true },
    { name: 'siteBuildMs', type: 'number' },
    { name: 'partial', type: 'checkbox' },
  ],
  handler: async ({ input, req }) => {
    const request: PublishInput = { cities: Array.isArray(input?.cities) && input.cities.length > 0 ? input.cities : null }
    return { output: await publish(req.payload, request) }
  },
}
