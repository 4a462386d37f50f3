/**
 * How long the admin makes each role wait (the goal: start pages and list pages answer in under 1 s
 * on the demo data). `npm run bench` prints, per role, the median and p95 of the server's whole
 * answer (status and body read) for:
 *
 * - the start page `/admin`, every page the role's navigation links to (read from the start page
 *   the server renders for that person, so it is the navigation they see), and the view where the
 *   work is done: the council's "Isi laporan" and the assessor's "Tinjau" of the report their start
 *   page leads to;
 * - the queries those pages send from the browser once loaded. The start pages, the lists and both
 *   report views are rendered on the server, with their data read there; what the browser asks the
 *   REST API for afterwards (Payload's `users/me` and locale preference on every page, the names in
 *   a list's relationship columns, "Tinjau"'s changes since the last submission) is found by loading
 *   each page once in Chromium, and each distinct query is timed the same way.
 *
 * Every timed answer must be 200 and be the one meant (see `isMeant`): Next streams a redirect to
 * the login page with status 200, so a status alone would time the wrong page. Nothing fails on a
 * slow machine: the figures (a page is within budget when its p95 is under 1 s) and the load
 * average before and after are printed.
 *
 * The system runs as `npm start` runs it (test/helpers/system.ts), on a throw-away database with the
 * demo data, on ports BENCH_PORT / BENCH_SITE_PORT (3330 / 4630). PANTAU_BENCH_ADMIN_ITERATIONS sets
 * the samples per page and query (20).
 */
import os from 'node:os'

import { afterAll, beforeAll, expect, test } from 'vitest'

import { ROLES, type Role } from '../../cms/constants.ts'
import { DEMO_ACCOUNTS, DEMO_ASSESSOR_EMAIL } from '../../seed/data/accounts.ts'
import { SEMARANG } from '../../seed/data/cities.ts'
import { launchChromium } from '../helpers/browser.ts'
import { login } from '../helpers/rest.ts'
import { type StartedSystem, startSystem } from '../helpers/system.ts'

const PORT = Number(process.env.BENCH_PORT || 3330)
const SITE_PORT = Number(process.env.BENCH_SITE_PORT || 4630)
const ITERATIONS = Number(process.env.PANTAU_BENCH_ADMIN_ITERATIONS || 20)
const BUDGET_MS = 1000
/** The first start builds Next.js: several minutes on two busy cores. */
const START_TIMEOUT_MS = 20 * 60 * 1000

const account = (predicate: (candidate: (typeof DEMO_ACCOUNTS)[number]) => boolean) => {
  const found = DEMO_ACCOUNTS.find(predicate)
  if (!found) throw new Error('the demo accounts lack a role this bench needs')
  return found
}
const ACCOUNTS: Record<Role, (typeof DEMO_ACCOUNTS)[number]> = {
  council: account((candidate) => candidate.role === ROLES.council && candidate.cityCodes.includes(SEMARANG)),
  assessor: account((candidate) => candidate.email === DEMO_ASSESSOR_EMAIL),
  secretariat: account((candidate) => candidate.role === ROLES.secretariat),
}

/** Where the council and the assessor do their work: the report view their start page links to first. */
const WORK_VIEW: Partial<Record<Role, { name: string; link: RegExp; mark: string }>> = {
  council: { name: 'Isi laporan', link: /href="(\/admin\/collections\/reports\/\d+\/isi)"/, mark: 'data-testid="save-state"' },
  assessor: { name: 'Tinjau', link: /href="(\/admin\/collections\/reports\/\d+\/tinjau)"/, mark: 'data-testid="review-report-status"' },
}

type Row = {
  role: Role
  kind: 'page' | 'query'
  path: string
  /** For a query: the first page seen sending it. */
  from: string
  'median ms': number
  'p95 ms': number
  'p95 under 1 s': string
  samples: number
}

let system: StartedSystem
const cookies = new Map<Role, string>()
const rows: Row[] = []
const loadBefore = os.loadavg()

beforeAll(async () => {
  system = await startSystem({
    port: PORT,
    sitePort: SITE_PORT,
    // Only the start script's own progress lines; the servers' output would bury the figures.
    echo: (text) => {
      for (const line of text.split('\n')) if (line.includes('[pantau]')) process.stdout.write(`${line}\n`)
    },
  })
  for (const [role, { email, password }] of Object.entries(ACCOUNTS)) {
    cookies.set(role as Role, `payload-token=${await login(system.adminURL, email, password)}`)
  }
}, START_TIMEOUT_MS)

afterAll(async () => {
  await system?.stop()
  const loadAfter = os.loadavg()
  const load = (figures: number[]) => figures.map((figure) => figure.toFixed(2)).join(' / ')
  console.log(`\nAdmin answers on the demo data (${ITERATIONS} samples each; budget ${BUDGET_MS} ms):`)
  console.table(rows)
  console.log(`Load average (1 / 5 / 15 min) on ${os.cpus().length} cores: before ${load(loadBefore)}, after ${load(loadAfter)}`)
})

/**
 * The server's whole answer to a signed-in GET, as the browser asks within the admin: the cookie,
 * and `Sec-Fetch-Site`, without which Payload does not take the cookie from a non-browser client.
 * No redirect is followed; the body is read.
 */
async function answer(role: Role, path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${system.adminURL}${path}`, {
    headers: { Cookie: cookies.get(role) ?? '', 'Sec-Fetch-Site': 'same-origin' },
    redirect: 'manual',
  })
  return { status: response.status, body: await response.text() }
}

/** The p-th quantile of sorted samples, interpolated between the two nearest. */
function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p
  const below = Math.floor(position)
  const above = Math.min(below + 1, sorted.length - 1)
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below)
}

/**
 * Whether the answer is the one meant: a page carries its mark; a query answers JSON, a list with
 * the documents the browser asked for and `users/me` with the person (signed out, both answer 200
 * with nothing in them).
 */
function isMeant(mark: string | null, body: string): boolean {
  if (mark) return body.includes(mark)
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return false
  }
  const answer = (parsed ?? {}) as { docs?: unknown[]; user?: unknown }
  if ('docs' in answer) return (answer.docs?.length ?? 0) > 0
  if ('user' in answer) return answer.user != null
  return true
}

type Target = { kind: Row['kind']; path: string; mark: string | null; from?: string }

/** The pages a role's navigation links to (the start page itself aside), as its start page lists them. */
function navigationOf(startPage: string): string[] {
  const links = [...startPage.matchAll(/<a class="nav__link"[^>]*href="([^"]+)"/g)].map((match) => match[1])
  return [...new Set(links)].filter((link) => link !== '/admin')
}

/** The mark of a list or custom page: Payload's list view names its collection in a class. */
function markOf(path: string): string {
  const collection = /^\/admin\/collections\/([a-z-]+)$/.exec(path)
  if (collection) return `collection-list--${collection[1]}`
  if (path === '/admin/ringkasan') return 'data-testid="dashboard-cities"'
  throw new Error(`no mark known for ${path}`)
}

/** After hydration, the lists' relationship cells ask within about a second; two quiet seconds end a page. */
const QUIET_MS = 2000
const SETTLE_TIMEOUT_MS = 60_000

/**
 * The GET requests to the REST API that the pages send from the browser once loaded, signed in as
 * `role`, each with the first page that sent it. Only fetch and XHR count: the files a page shows
 * (evidence thumbnails) are downloads, and Next's prefetches of linked pages (`?_rsc=`) are not the
 * page's queries. Playwright's "network idle" comes before hydration on a busy machine, so each page
 * is watched until Payload's own `users/me` (sent on hydration) has gone and the API has been quiet
 * for QUIET_MS.
 */
async function browserQueries(role: Role, pages: string[]): Promise<Map<string, string>> {
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1366, height: 2000 } })
    const [name, value] = (cookies.get(role) ?? '').split('=')
    await context.addCookies([{ name, value, url: system.adminURL }])
    const queries = new Map<string, string>()
    for (const path of pages) {
      const page = await context.newPage()
      let hydrated = false
      let lastQuery = Date.now()
      page.on('request', (request) => {
        const url = new URL(request.url())
        if (request.method() !== 'GET' || !['fetch', 'xhr'].includes(request.resourceType())) return
        if (url.origin !== system.adminURL || !url.pathname.startsWith('/api/')) return
        if (!queries.has(url.pathname + url.search)) queries.set(url.pathname + url.search, path)
        lastQuery = Date.now()
        if (url.pathname === '/api/users/me') hydrated = true
      })
      await page.goto(`${system.adminURL}${path}`, { waitUntil: 'load', timeout: 120_000 })
      const deadline = Date.now() + SETTLE_TIMEOUT_MS
      while (!(hydrated && Date.now() - lastQuery > QUIET_MS) && Date.now() < deadline) await page.waitForTimeout(250)
      expect(hydrated, `${path} hydrated in the browser`).toBe(true)
      await page.close()
    }
    return queries
  } finally {
    await browser.close()
  }
}

const ROLE_ORDER: Role[] = [ROLES.council, ROLES.assessor, ROLES.secretariat]

test.for(ROLE_ORDER)('admin pages of the %s', async (role, { bench }) => {
  const start = await answer(role, '/admin')
  expect(start.status, '/admin').toBe(200)
  expect(start.body, 'the start page of this role').toContain(`data-role="${role}"`)

  const targets: Target[] = [{ kind: 'page', path: '/admin', mark: `data-role="${role}"` }]
  const navigation = navigationOf(start.body)
  expect(navigation, 'the navigation on the start page').toContain('/admin/collections/reports')
  for (const path of navigation) targets.push({ kind: 'page', path, mark: markOf(path) })
  const work = WORK_VIEW[role]
  if (work) {
    const link = work.link.exec(start.body)
    expect(link, `the start page's link to ${work.name}`).not.toBeNull()
    targets.push({ kind: 'page', path: link![1], mark: work.mark })
  }
  const queries = await browserQueries(role, targets.map((target) => target.path))
  for (const path of [...queries.keys()].sort()) targets.push({ kind: 'query', path, mark: null, from: queries.get(path) })
  console.log(`${role}: ${targets.length - queries.size} pages, ${queries.size} queries from the browser`)

  for (const target of targets) {
    const first = await answer(role, target.path)
    expect(first.status, target.path).toBe(200)
    expect(isMeant(target.mark, first.body), `${target.path} is the page meant (${target.mark ?? 'JSON'})`).toBe(true)

    const result = await bench(`${role} ${target.path}`, async () => {
      const { status, body } = await answer(role, target.path)
      if (status !== 200 || !isMeant(target.mark, body)) throw new Error(`${target.path} answered ${status} without its mark`)
    }).run({ iterations: ITERATIONS, time: 0, warmup: true, warmupIterations: 1, warmupTime: 0, retainSamples: true })

    const samples = [...(result.latency.samples ?? [])].sort((a, b) => a - b)
    expect(samples.length, `${target.path} samples`).toBe(ITERATIONS)
    const p95 = quantile(samples, 0.95)
    rows.push({
      role,
      kind: target.kind,
      path: decodeURIComponent(target.path),
      from: target.from ?? '',
      'median ms': Math.round(quantile(samples, 0.5)),
      'p95 ms': Math.round(p95),
      'p95 under 1 s': p95 < BUDGET_MS ? 'yes' : 'NO',
      samples: samples.length,
    })
  }
})
