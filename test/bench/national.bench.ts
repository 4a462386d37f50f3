/**
 * Pantau at national size (issue "national scale"): the demo data plus every one of Indonesia's 514
 * kabupaten/kota with 7 years of programmes, measurements and accepted evaluations
 * (`PANTAU_BENCH_NATIONAL_CITIES`, `PANTAU_BENCH_NATIONAL_YEARS`), seeded once and kept
 * (test/helpers/benchData.ts). Printed against the issue's targets, each with the load average:
 *
 * - the seed: wall time and peak memory (when it ran, kept with the data set);
 * - a full publish: the snapshot (`payload run scripts/snapshot.ts`, as the publish job runs it) and
 *   `astro build` of every page, wall time and peak memory, once with no share card drawn yet and
 *   once as later publishes build (the cards taken from their cache), then as the publish job builds
 *   (the search index carried over, written once the pages are live); each build's pages per second
 *   against a bare Astro site of as many pages (one route, a 12-row table each) built in the same run;
 * - the CMS (`next start cms`, its production build) on that database: `GET
 *   /api/programs?limit=50&depth=1` as fast as 4 clients can (requests per second) and evenly paced
 *   at 30 a second (p95); a report read at depth 1, 30 a second in bursts of 10 (p95); a private
 *   programme of one city made public by the secretariat, timed from the save's answer to the
 *   rebuilt site holding its page, first as the first publish after the server started (the whole
 *   site), then for a second city (a partial publish: that city's snapshot, then its pages and the
 *   pages about all cities, the rest taken from the published site), and until the search index
 *   that follows the page is written; a pillar saved (a change to no city: the tables of no city
 *   read again, the whole site built); a pillar deleted (everything read again and the whole site
 *   built: the job's full publish); the server's peak memory.
 *
 * API p95 during a publish against idle is `publish.bench.ts` (`PANTAU_BENCH_PUBLISH_CITIES=514`
 * uses the same kept data set); 50 councils saving at once is `deadline.bench.ts`.
 * Nothing fails on a slow machine; only wrong answers fail.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, expect, test } from 'vitest'

import { ROLES } from '../../cms/constants.ts'
import { SITE_SEARCH_LATER_ENV } from '../../cms/contract/index.ts'
import { DEMO_ACCOUNTS } from '../../seed/data/accounts.ts'
import { prepareInstallation, type Prepared } from '../helpers/benchData.ts'
import { installationEnv } from '../helpers/installation.ts'
import { type CmsServer, ensureCmsBuild, PAYLOAD_BIN, root, runNode, startCmsServer } from '../helpers/processes.ts'

const CITIES = Number(process.env.PANTAU_BENCH_NATIONAL_CITIES || 514)
const YEARS = Number(process.env.PANTAU_BENCH_NATIONAL_YEARS || 7)
const ASTRO_BIN = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs')
const LONG_MS = 30 * 60_000
const PUBLISH_TIMEOUT_MS = 5 * 60_000

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-national-bench-'))
const siteDir = path.join(scratch, 'site')
/** Beside the installation, finding Astro through a link to the project's node_modules. */
const BARE_SITE = path.join(scratch, 'bare-astro')
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...installationEnv(scratch),
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
  PANTAU_SITE_TARGET: siteDir,
  PANTAU_PUBLISH_BUILD_SITE: 'true',
  // The secretariat's demo account signs in, as `npm start` allows it.
  PANTAU_DEMO_ACCOUNTS: 'true',
  // Share cards drawn into this run's own cache, so the first build draws them all.
  PANTAU_SHARE_CARD_CACHE: path.join(scratch, 'share-cards'),
}

let prepared: Prepared
let server: CmsServer | undefined
const rows: Record<string, string | number>[] = []

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const load = () => os.loadavg().map((value) => value.toFixed(2)).join(' / ')
const seconds = (ms: number) => Number((ms / 1000).toFixed(1))
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] : NaN)
const mb = (value: number | undefined) => (value === undefined ? 'n/a' : value)

function record(figure: string, value: string | number, target: string, loadBefore: string) {
  rows.push({ figure, value, target, 'load avg 1/5/15 min before': loadBefore, after: load() })
}

function countPages(dir: string): number {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name === 'index.html').length
}

/** A bare Astro site of `pages` pages (one route, a 12-row table each). */
function writeBareSite(pages: number): void {
  fs.rmSync(BARE_SITE, { recursive: true, force: true })
  fs.mkdirSync(path.join(BARE_SITE, 'src', 'pages', 'p'), { recursive: true })
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(BARE_SITE, 'node_modules'))
  fs.writeFileSync(path.join(BARE_SITE, 'astro.config.mjs'), "import { defineConfig } from 'astro/config'\nexport default defineConfig({})\n")
  fs.writeFileSync(
    path.join(BARE_SITE, 'src', 'pages', 'p', '[n].astro'),
    [
      '---',
      `export function getStaticPaths() { return Array.from({ length: ${pages} }, (_, n) => ({ params: { n: String(n) } })) }`,
      'const { n } = Astro.params',
      'const rows = Array.from({ length: 12 }, (_, month) => ({ month: month + 1, value: (Number(n) * 7 + month * 13) % 100 }))',
      '---',
      '<html lang="id"><head><meta charset="utf-8"><title>Halaman {n}</title></head><body><h1>Halaman {n}</h1>',
      '<table><thead><tr><th>Bulan</th><th>Nilai</th></tr></thead><tbody>{rows.map((row) => <tr><td>{row.month}</td><td>{row.value}</td></tr>)}</tbody></table>',
      '</body></html>',
      '',
    ].join('\n'),
  )
}

async function signIn(): Promise<string> {
  const secretariat = DEMO_ACCOUNTS.find((account) => account.role === ROLES.secretariat)!
  const response = await fetch(`${server!.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: secretariat.email, password: secretariat.password }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

type Sample = { ms: number; status: number }

/**
 * Saves a change as the secretariat (answered with `status`) and waits for the publish job it queues
 * to have rebuilt the site, then for the search index that follows; times both from the save's answer.
 */
async function timedPublish(save: () => Promise<Response>, status = 200) {
  const before = load()
  const rebuilt = server!.next(/Public site rebuilt in (\d+) ms( \(pages of)?/, PUBLISH_TIMEOUT_MS)
  const indexed = server!.next(/Search index of the public site written in (\d+) ms/, PUBLISH_TIMEOUT_MS)
  const published = server!.next(/Snapshot published to \S+ in (\d+) ms/, PUBLISH_TIMEOUT_MS)
  const saved = await save()
  expect(saved.status).toBe(status)
  const answeredAt = performance.now()
  const [, snapshotMs] = await published
  const [, buildMs, partial] = await rebuilt
  const shownAfter = performance.now() - answeredAt
  // The search index follows the pages: the next figure starts once the publish has ended.
  const [, searchMs] = await indexed
  const searchAfter = performance.now() - answeredAt
  return { before, shownAfter, snapshotMs: Number(snapshotMs), buildMs: Number(buildMs), searchMs: Number(searchMs), searchAfter, sitePartial: partial !== undefined }
}

/** A publish's two figures: from the save to its pages (snapshot / site build after it), and to its search index. */
function recordPublish(figure: string, timed: Awaited<ReturnType<typeof timedPublish>>, target: string) {
  record(`${figure}: s (snapshot s / build s)`, `${seconds(timed.shownAfter)} (${seconds(timed.snapshotMs)} / ${seconds(timed.buildMs)})`, target, timed.before)
  record('  the same, search index written after the pages: s (index s)', `${seconds(timed.searchAfter)} (${seconds(timed.searchMs)})`, '', timed.before)
}

/**
 * Makes a private programme public (of another city than `notOf`) as the secretariat and waits for
 * the publish job to have rebuilt the site with its page; times it from the save's answer.
 */
async function makePublic(headers: Record<string, string>, notOf?: string) {
  const cityFilter = notOf ? `&where[city.slug][not_equals]=${notOf}` : ''
  const { docs } = (await (
    await fetch(`${server!.url}/api/programs?limit=1&depth=1&where[isPublic][equals]=false${cityFilter}`, { headers })
  ).json()) as { docs: { id: number; slug: string; city: { slug: string } }[] }
  const [programme] = docs
  const pagePath = path.join(siteDir, 'kota', programme.city.slug, programme.slug, 'index.html')
  expect(fs.existsSync(pagePath)).toBe(false)
  const timed = await timedPublish(() =>
    fetch(`${server!.url}/api/programs/${programme.id}`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ isPublic: true }),
    }),
  )
  expect(fs.existsSync(pagePath)).toBe(true)
  return { city: programme.city.slug, ...timed }
}

/**
 * Changes a pillar's description as the secretariat: a change to no city, so the snapshot reads only
 * the tables of no city again and the whole site is built.
 */
async function savePillar(headers: Record<string, string>) {
  const { docs } = (await (await fetch(`${server!.url}/api/dimensions?limit=1&depth=0`, { headers })).json()) as { docs: { id: number }[] }
  return timedPublish(() =>
    fetch(`${server!.url}/api/dimensions/${docs[0].id}`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ description: `Deskripsi pilar, diperbarui ${new Date().toISOString()}` }),
    }),
  )
}

/**
 * Adds a pillar, waits for its publish, then deletes it as the secretariat: deleting a record of no
 * city republishes everything, so the second publish is the job's full one (every record read, the
 * whole site built). Resolves with that publish's figures.
 */
async function publishEverything(headers: Record<string, string>) {
  const json = { ...headers, 'Content-Type': 'application/json' }
  let id: number | undefined
  await timedPublish(async () => {
    const response = await fetch(`${server!.url}/api/dimensions`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'Pilar sementara', order: 99, colour: '#1F7A5C' }),
    })
    if (response.ok) id = ((await response.json()) as { doc: { id: number } }).doc.id
    return response
  }, 201)
  expect(id).toBeDefined()
  return timedPublish(() => fetch(`${server!.url}/api/dimensions/${id}`, { method: 'DELETE', headers }))
}

async function timedGet(url: string, headers: Record<string, string>): Promise<Sample> {
  const started = performance.now()
  try {
    const response = await fetch(url, { headers })
    await response.arrayBuffer()
    return { ms: performance.now() - started, status: response.status }
  } catch {
    return { ms: performance.now() - started, status: 0 }
  }
}

/** `clients` clients each sending the next request when the last is answered, for `ms`. */
async function closedLoop(url: string, headers: Record<string, string>, clients: number, ms: number): Promise<Sample[]> {
  const samples: Sample[] = []
  const until = performance.now() + ms
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) samples.push(await timedGet(url, headers))
    }),
  )
  return samples
}

/** `perSecond` requests a second for `ms`, sent in bursts of `burst` at once, not waiting for answers. */
async function paced(url: string, headers: Record<string, string>, perSecond: number, burst: number, ms: number): Promise<Sample[]> {
  const interval = (1000 * burst) / perSecond
  const started = performance.now()
  const answers: Promise<Sample>[] = []
  for (let n = 0; n * interval < ms; n += 1) {
    const wait = started + n * interval - performance.now()
    if (wait > 0) await sleep(wait)
    for (let b = 0; b < burst; b += 1) answers.push(timedGet(url, headers))
  }
  return Promise.all(answers)
}

const p95 = (samples: Sample[]) => Math.round(percentile(samples.map((sample) => sample.ms).sort((a, b) => a - b), 95))
const p50 = (samples: Sample[]) => Math.round(percentile(samples.map((sample) => sample.ms).sort((a, b) => a - b), 50))
const failures = (samples: Sample[]) => samples.filter((sample) => sample.status !== 200)

beforeAll(async () => {
  prepared = await prepareInstallation(scratch, { cities: CITIES, years: YEARS, seed: 2017 })
  await ensureCmsBuild(env, LONG_MS)
}, 2 * LONG_MS)

afterAll(async () => {
  await server?.stop()
  fs.rmSync(scratch, { recursive: true, force: true })
  console.log(`\nPantau at ${CITIES} x ${YEARS} (plus the demo data), ${os.cpus().length} cores`)
  console.table(rows)
})

test(
  `a full publish of ${CITIES} cities: snapshot, site build, and a bare Astro site of as many pages`,
  async () => {
    const { seed } = prepared
    record(
      `seed ${CITIES} x ${YEARS}${prepared.kept ? ` (kept from ${seed.at})` : ''}: s / peak MB`,
      `${seconds(seed.ms)} s / ${mb(seed.peakMb)}`,
      'minutes; <= 2,048 MB',
      seed.load,
    )

    let before = load()
    const snapshot = await runNode([PAYLOAD_BIN, 'run', 'scripts/snapshot.ts', '--disable-transpile'], env, LONG_MS)
    record('full snapshot: s / peak MB', `${seconds(snapshot.ms)} s / ${mb(snapshot.peakMb)}`, '<= 2,048 MB', before)

    // First with no share card drawn yet (a new installation), then again as every later publish
    // builds: the cards whose figures did not change taken from the cache.
    const builds: { label: string; ms: number; peakMb: number | undefined; loadBefore: string }[] = []
    for (const label of ['no share card cached', 'share cards cached']) {
      const loadBefore = load()
      const build = await runNode([ASTRO_BIN, 'build', '--outDir', siteDir], env, LONG_MS)
      builds.push({ label, ms: build.ms, peakMb: build.peakMb, loadBefore })
    }
    // As the publish job builds: the pages only, the published site's search index carried over
    // (Pagefind reads the pages once they are live, timed with the publishes below).
    const jobLoadBefore = load()
    const jobBuild = await runNode([ASTRO_BIN, 'build', '--outDir', path.join(scratch, 'site-job')], { ...env, [SITE_SEARCH_LATER_ENV]: siteDir }, LONG_MS)
    fs.rmSync(path.join(scratch, 'site-job'), { recursive: true, force: true })
    builds.push({ label: 'cards cached, search index after (as the publish job)', ms: jobBuild.ms, peakMb: jobBuild.peakMb, loadBefore: jobLoadBefore })
    const pages = countPages(siteDir)
    for (const build of builds) {
      record(`astro build, ${pages} pages, ${build.label}: s / pages per s / peak MB`, `${seconds(build.ms)} s / ${Math.round(pages / (build.ms / 1000))} / ${mb(build.peakMb)}`, '<= 2,048 MB', build.loadBefore)
    }
    const pantauRate = pages / (builds[1].ms / 1000)
    const jobRate = pages / (jobBuild.ms / 1000)
    record('full publish (snapshot + build, cards cached): s', seconds(snapshot.ms + builds[1].ms), '<= 30 s', builds[1].loadBefore)

    writeBareSite(pages)
    before = load()
    const bare = await runNode([ASTRO_BIN, 'build', '--root', BARE_SITE], { ...env, PANTAU_SITE_TARGET: '' }, LONG_MS)
    const bareRate = countPages(path.join(BARE_SITE, 'dist')) / (bare.ms / 1000)
    record('bare Astro, as many pages: pages per s', Math.round(bareRate), '', before)
    record('site build with its search index / bare Astro ceiling', Number((pantauRate / bareRate).toFixed(2)), '>= 0.6', before)
    record("site build as the publish job's (index after) / bare Astro ceiling", Number((jobRate / bareRate).toFixed(2)), '>= 0.6', before)

    expect(pages).toBeGreaterThan(CITIES)
  },
  2 * LONG_MS,
)

test(
  `the CMS API on ${CITIES} cities, and one city's programme made public`,
  async () => {
    server = await startCmsServer(env, LONG_MS)
    const token = await signIn()
    const headers = { Authorization: `JWT ${token}` }
    // A city's private programme made public: the first publish after the server started builds the
    // whole site (only a site this server built is the base of a partial build).
    const first = await makePublic(headers)
    const firstCity = first.city
    recordPublish("one city's programme made public, first publish after a start (whole site)", first, '')
    const programs = `${server.url}/api/programs?limit=50&depth=1`
    // Warm the routes and the database's pages before anything is timed.
    for (let n = 0; n < 20; n += 1) await timedGet(programs, headers)

    let before = load()
    const flat = await closedLoop(programs, headers, 4, 15_000)
    record('programs?limit=50&depth=1, 4 clients flat out: requests/s / p95 ms', `${Math.round(flat.length / 15)} / ${p95(flat)}`, '>= 50 requests/s', before)

    before = load()
    const steady = await paced(programs, headers, 30, 1, 20_000)
    record('programs?limit=50&depth=1 at 30/s: p50 / p95 ms', `${p50(steady)} / ${p95(steady)}`, 'p95 <= 100 ms', before)

    const { docs: reports } = (await (await fetch(`${server.url}/api/reports?limit=1&depth=0&sort=-updatedAt`, { headers })).json()) as { docs: { id: number }[] }
    const report = `${server.url}/api/reports/${reports[0].id}?depth=1`
    for (let n = 0; n < 10; n += 1) await timedGet(report, headers)
    before = load()
    const bursts = await paced(report, headers, 30, 10, 20_000)
    record('report read depth 1, 30/s in bursts of 10: p50 / p95 ms', `${p50(bursts)} / ${p95(bursts)}`, 'p95 <= 100 ms', before)

    // A second city's private programme made public: the server built the site once since it
    // started, so this publish builds only that city's pages (and the pages about all cities).
    const second = await makePublic(headers, firstCity)
    recordPublish("one city's programme made public, save answered to page built (partial)", second, '<= 10 s')
    expect(second.sitePartial).toBe(true)

    // A pillar saved: a change to no city, so the job reads only the tables of no city and builds every page.
    const pillar = await savePillar(headers)
    recordPublish('a pillar saved (no city read again), save answered to the whole site rebuilt', pillar, '')
    expect(pillar.sitePartial).toBe(false)
    // A pillar deleted: the job reads every record and builds every page, its full publish.
    const everything = await publishEverything(headers)
    recordPublish('a pillar deleted (everything read again), answer to the whole site rebuilt', everything, '<= 30 s')
    expect(everything.sitePartial).toBe(false)
    record('CMS server peak MB', mb(server.peakMb()), '<= 2,048 MB', before)

    expect(failures([...flat, ...steady, ...bursts])).toEqual([])
  },
  2 * LONG_MS,
)
