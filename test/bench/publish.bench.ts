/**
 * Whether a publish slows the API down (target: "API p95 during a publish within 2x of its idle
 * value"). `npm run bench` prints the figures; nothing here fails on a slow machine, only an answer
 * other than 200 fails the run.
 *
 * The CMS runs as `npm start` runs it (scripts/start.ts, as the e2e global setup starts it) on a
 * copy of a kept installation (test/helpers/benchData.ts) holding the demo data and synthetic cities,
 * `PANTAU_BENCH_PUBLISH_CITIES` in all (default 60: the demo's 10 and 50 synthetic; 514 is the
 * national set of national.bench.ts). `GET /api/programs?limit=50&depth=1` is sent evenly paced,
 * 10 a second whatever the answers' speed: first for 20 s with the CMS idle, then for as long as
 * publishes run back to back (at least 20 s), each queued by the secretariat saving a dimension (a
 * change to no city, so a full publish), each ending when the CMS logs "Snapshot published".
 *
 * Each mode of `PANTAU_BENCH_PUBLISH_MODES` (default `child,in-process`) starts the CMS afresh on the
 * same data: `child` is the default (the snapshot in a process of its own), `in-process` is
 * `PANTAU_PUBLISH_IN_PROCESS=true`, the way it ran before. The publish writes the snapshot only:
 * `astro build` always ran as a process of its own, and on a small machine it would measure the
 * cores it takes, not the API's event loop; `PANTAU_BENCH_PUBLISH_BUILD_SITE=true` includes it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, expect, test } from 'vitest'
import { prepareInstallation } from '../helpers/benchData.ts'
import { installationEnv } from '../helpers/installation.ts'
import { freePort } from '../helpers/ports.ts'

import { DEMO_ACCOUNTS } from '../../seed/data/accounts.ts'
import { ROLES } from '../../cms/constants.ts'

const root = path.resolve(import.meta.dirname, '..', '..')
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-publish-bench-'))

const CITIES = Number(process.env.PANTAU_BENCH_PUBLISH_CITIES || 60)
const MODES = (process.env.PANTAU_BENCH_PUBLISH_MODES || 'child,in-process').split(',').map((mode) => mode.trim()) as Mode[]
const BUILD_SITE = process.env.PANTAU_BENCH_PUBLISH_BUILD_SITE === 'true'
const RATE_PER_SECOND = 10
const PHASE_MS = 20_000
const API_PATH = '/api/programs?limit=50&depth=1'
/** Longest a CMS start (a Next.js build the first time) or one publish may take. */
const START_TIMEOUT_MS = 20 * 60_000
const PUBLISH_TIMEOUT_MS = 10 * 60_000

type Mode = 'child' | 'in-process'
type Env = Record<string, string>
type Sample = { ms: number; status: number }

const env: Env = installationEnv(scratch)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const load = () => os.loadavg().map((value) => value.toFixed(2)).join(' / ')

/** The CMS of `npm start`, its log read line by line so a publish's end can be awaited. */
class Cms {
  readonly url: string
  private readonly child: ChildProcess
  private log = ''
  private readonly waiters = new Set<{ pattern: RegExp; resolve: (match: RegExpMatchArray) => void }>()

  private constructor(port: number, sitePort: number, mode: Mode) {
    this.url = `http://localhost:${port}`
    const startEnv: Record<string, string | undefined> = {
      ...process.env,
      ...env,
      PORT: String(port),
      SITE_PORT: String(sitePort),
      PANTAU_PUBLISH_IN_PROCESS: mode === 'in-process' ? 'true' : 'false',
      PANTAU_PUBLISH_BUILD_SITE: BUILD_SITE ? 'true' : 'false',
      PANTAU_JOBS_AUTORUN: 'true',
    }
    // As `npm start` runs: vitest's NODE_ENV=test would keep `next start` out of production mode.
    delete startEnv.NODE_ENV
    this.child = spawn(process.execPath, [path.join(root, 'scripts', 'start.ts')], {
      cwd: root,
      // Its own process group, so the stop reaches next-server and astro preview too.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: startEnv as NodeJS.ProcessEnv,
    })
    let pending = ''
    const read = (chunk: Buffer) => {
      const text = chunk.toString()
      this.log = (this.log + text).slice(-20_000)
      pending += text
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        for (const waiter of this.waiters) {
          const match = line.match(waiter.pattern)
          if (match) {
            this.waiters.delete(waiter)
            waiter.resolve(match)
          }
        }
      }
    }
    this.child.stdout?.on('data', read)
    this.child.stderr?.on('data', read)
  }

  static async start(mode: Mode): Promise<Cms> {
    const cms = new Cms(await freePort(), await freePort(), mode)
    await cms.next(/Ready in \d+ s/, START_TIMEOUT_MS, 'npm start was not ready in time')
    return cms
  }

  /** The next log line matching `pattern`; fails with the log's tail after `timeoutMs` or when the CMS stops. */
  next(pattern: RegExp, timeoutMs: number, what: string): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const fail = (reason: string) => {
        this.waiters.delete(waiter)
        clearTimeout(timer)
        this.child.off('exit', onExit)
        reject(new Error(`${reason}:\n${this.log.slice(-4000)}`))
      }
      const timer = setTimeout(() => fail(what), timeoutMs)
      const onExit = (code: number | null) => fail(`the CMS stopped (code ${code})`)
      const waiter = {
        pattern,
        resolve: (match: RegExpMatchArray) => {
          clearTimeout(timer)
          this.child.off('exit', onExit)
          resolve(match)
        },
      }
      this.child.once('exit', onExit)
      this.waiters.add(waiter)
    })
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.pid) return
    const exited = new Promise((resolve) => this.child.once('exit', resolve))
    try {
      process.kill(-this.child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
    await exited
    // start.ts gives its children a moment; wait until the ports are free for the next start.
    await sleep(2000)
  }
}

/** One request timed to its last byte; a failed connection counts as status 0. */
async function timedGet(url: string): Promise<Sample> {
  const started = performance.now()
  try {
    const response = await fetch(url)
    await response.arrayBuffer()
    return { ms: performance.now() - started, status: response.status }
  } catch {
    return { ms: performance.now() - started, status: 0 }
  }
}

/** Requests sent every 1/RATE s from now on while `more(elapsedMs)`, not waiting for earlier answers. */
async function paced(url: string, more: (elapsedMs: number) => boolean): Promise<Sample[]> {
  const interval = 1000 / RATE_PER_SECOND
  const started = performance.now()
  const answers: Promise<Sample>[] = []
  for (let n = 0; more(n * interval); n += 1) {
    const wait = started + n * interval - performance.now()
    if (wait > 0) await sleep(wait)
    answers.push(timedGet(url))
  }
  return Promise.all(answers)
}

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]

function figures(phase: string, samples: Sample[], loadBefore: string) {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b)
  return {
    phase,
    requests: samples.length,
    'p50 ms': Math.round(percentile(sorted, 50)),
    'p95 ms': Math.round(percentile(sorted, 95)),
    'max ms': Math.round(sorted.at(-1) ?? 0),
    'load avg 1/5/15 min, before': loadBefore,
    'after': load(),
  }
}

async function signIn(cms: Cms): Promise<string> {
  const secretariat = DEMO_ACCOUNTS.find((account) => account.role === ROLES.secretariat)
  const response = await fetch(`${cms.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: secretariat?.email, password: secretariat?.password }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

/** Saves a dimension as the secretariat, unchanged: a change to no city, which queues a full publish. */
async function queueFullPublish(cms: Cms, token: string): Promise<void> {
  const headers = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
  const { docs } = (await (await fetch(`${cms.url}/api/dimensions?limit=1&depth=0`, { headers })).json()) as { docs: { id: number; order: number }[] }
  const response = await fetch(`${cms.url}/api/dimensions/${docs[0].id}`, { method: 'PATCH', headers, body: JSON.stringify({ order: docs[0].order }) })
  expect(response.status).toBe(200)
}

type Measured = { mode: Mode; rows: ReturnType<typeof figures>[]; publishes: { wallS: number; snapshotMs: number }[]; samples: Sample[] }

async function measure(mode: Mode): Promise<Measured> {
  const cms = await Cms.start(mode)
  try {
    const token = await signIn(cms)
    const url = `${cms.url}${API_PATH}`
    // Warm the route and the database's pages before anything is timed.
    for (let n = 0; n < 20; n += 1) await timedGet(url)

    const idleLoad = load()
    const idle = await paced(url, (elapsed) => elapsed < PHASE_MS)

    const duringLoad = load()
    const publishes: Measured['publishes'] = []
    let publishing = true
    const publisher = (async () => {
      const phaseStarted = performance.now()
      do {
        const published = cms.next(/Snapshot published to \S+ in (\d+) ms/, PUBLISH_TIMEOUT_MS, 'a publish did not end in time')
        const queued = performance.now()
        await queueFullPublish(cms, token)
        const [, snapshotMs] = await published
        publishes.push({ wallS: Math.round((performance.now() - queued) / 100) / 10, snapshotMs: Number(snapshotMs) })
        // With the site: the publish ends with the search index, written once the new site is live.
        if (BUILD_SITE) await cms.next(/Search index of the public site written in \d+ ms/, PUBLISH_TIMEOUT_MS, 'the site build did not end in time')
      } while (performance.now() - phaseStarted < PHASE_MS)
    })().finally(() => {
      publishing = false
    })
    const during = await paced(url, () => publishing)
    await publisher
    // The job is marked done just after it logs; a CMS stopped before that would leave it
    // "processing", which keeps every later publish-site job from starting.
    await sleep(5000)

    return {
      mode,
      rows: [figures(`${mode}: idle`, idle, idleLoad), figures(`${mode}: during publish`, during, duringLoad)],
      publishes,
      samples: [...idle, ...during],
    }
  } finally {
    await cms.stop()
  }
}

beforeAll(async () => {
  const prepared = await prepareInstallation(scratch, { cities: CITIES, years: 7, seed: 2017 })
  console.log(`\nDemo data and synthetic cities, ${CITIES} in all${prepared.kept ? `, kept from ${prepared.seed.at}` : ''}`)
}, 60 * 60_000)

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true })
})

test(
  `API p95 idle vs during a publish (${API_PATH}, ${RATE_PER_SECOND} requests/s)`,
  async () => {
    const results: Measured[] = []
    for (const mode of MODES) results.push(await measure(mode))

    console.log(
      `\n${API_PATH} at ${RATE_PER_SECOND} requests/s, idle ${PHASE_MS / 1000} s then during back-to-back full publishes` +
        ` (${BUILD_SITE ? 'snapshot and site build' : 'snapshot only'}), ${os.cpus().length} cores, demo data + ${CITIES} synthetic cities`,
    )
    console.table(results.flatMap((result) => result.rows))
    for (const result of results) {
      const [idle, during] = result.rows
      const publishes = result.publishes.map((publish) => `${publish.wallS} s (snapshot ${publish.snapshotMs} ms)`).join(', ')
      console.log(`${result.mode}: p95 during / idle = ${(during['p95 ms'] / idle['p95 ms']).toFixed(2)}x; publishes, queued to logged: ${publishes}`)
    }

    for (const result of results) {
      expect(result.publishes.length).toBeGreaterThan(0)
      expect(result.samples.filter((sample) => sample.status !== 200)).toEqual([])
    }
  },
  2 * 60 * 60_000,
)
