/**
 * The evening a period closes (issue "national scale"): every council has its report open in "Isi
 * laporan", whose autosave sends the whole form after 1.2 s without typing, so each one saves about
 * once a second. Target: "50 concurrent councils saving once a second: >= 50 saves/s sustained,
 * p95 <= 300 ms, no errors, each client's last answers stored."
 *
 * 50 cities, each with one council member and one draft report in an open period, made on this
 * file's throw-away SQLite database (see the `bench` project in vitest.config.ts). The CMS is served
 * by its production build (`next start cms`, as test/e2e/twoInstances.test.ts starts it; built here
 * with `next build cms` when there is none) on localhost, running the job queue as the one instance
 * of a small installation does. One client per council, in this process, saves its report as the
 * admin form does (`PATCH /api/reports/:id?depth=0` with its 20 answers, constraints and notes, and
 * the `updatedAt` of the version its previous save returned), evenly paced: a save every second,
 * the 50 clients spread over the second. A client waits for each answer before its next save, as
 * the form does; a save due while the previous one is still running is sent as soon as that one is
 * answered and counted late (further seconds missed meanwhile are merged into it, as the form
 * merges typing). The load runs for PANTAU_BENCH_DEADLINE_SECONDS (30).
 *
 * Printed against the target: saves per second, latency p50/p95/p99/max as the client sees it and
 * as the server's request log gives it (the difference is time spent queued in a busy server), late
 * saves, the server's CPU time per save and share of a core (Linux), the load average at start and
 * end. The clients share the machine's cores with the server, so the figures are the server's under
 * that load; nothing fails on a slow machine. Fails only on wrong results: an answer other than 200
 * (a 409 would mean a client's own previous save was not taken as its base), a 200 whose returned
 * answers are not those sent, or a report whose stored answers, constraints and notes, read through
 * the Local API once the load ends, are not the last ones its client was answered 200 for (a lost
 * write).
 *
 * PANTAU_BENCH_DEADLINE_CPU_PROF=<dir> writes a CPU profile of the server (Node's `--cpu-prof`) there.
 */
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, test } from 'vitest'

import { COLLECTIONS, REPORT_STATUS, ROLES } from '../../cms/constants.ts'
import type { City, Report } from '../../cms/payload-types.ts'
import { buildFixture, cityData, openUntil, periodData } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'
import { type CmsServer, ensureCmsBuild, startCmsServer } from '../helpers/processes.ts'
import { createUser, TEST_PASSWORD } from '../helpers/users.ts'

const COUNCILS = 50
const SAVE_EVERY_MS = 1000
const DURATION_MS = Number(process.env.PANTAU_BENCH_DEADLINE_SECONDS || 30) * 1000
const ANSWERS = 20
const TARGET = { savesPerSecond: 50, p95Ms: 300 }
const CPU_PROFILE_DIR = process.env.PANTAU_BENCH_DEADLINE_CPU_PROF
/** A build of the CMS on two busy cores takes several minutes. */
const BUILD_TIMEOUT_MS = 20 * 60_000
const START_TIMEOUT_MS = 3 * 60_000
const QUEUE_DRAIN_TIMEOUT_MS = 5 * 60_000

type Council = { city: City; email: string; report: Report }
type Form = { answers: { question: string; value: number | string; comment: string }[]; constraints: string[]; constraintNotes: string }
type Save = { report: number; sentAt: number; ms: number; status: number; late: boolean; message?: string }
type Client = {
  council: Council
  token: string
  /** The `updatedAt` of the version the next save is based on: what the previous save returned. */
  basedOn: string
  /** What the last save answered with 200 sent, and the `updatedAt` it returned. */
  acknowledged?: { form: Form; updatedAt: string }
  round: number
  saves: Save[]
  /** Seconds whose save was merged into a late one. */
  merged: number
  /** Saves answered 200 whose returned answers were not those sent. */
  misanswered: string[]
}

let payload: Payload
const councils: Council[] = []
let server: CmsServer | undefined

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' / ')

/** The environment of the server and of a build: this file's database and folders, a production secret. */
function serverEnv(forServer: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PAYLOAD_SECRET: 'pantau-deadline-bench-secret-0123456789abcdef',
    PANTAU_PUBLISH_BUILD_SITE: 'false',
    // One JSON line per answered request, with the server's own milliseconds.
    PANTAU_LOG_FORMAT: 'json',
    NEXT_TELEMETRY_DISABLED: '1',
  }
  if (forServer && CPU_PROFILE_DIR) {
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${path.resolve(CPU_PROFILE_DIR)}`.trim()
  }
  return env
}

/** A report save's time in the server's JSON request log (written by cms/endpoints/guardRequest.ts), if the line is one. */
function saveTiming(line: string): number | undefined {
  if (!line.startsWith('{') || !line.includes('"PATCH"')) return undefined
  try {
    const logged = JSON.parse(line) as { msg?: string; method?: string; path?: string; ms?: number }
    return logged.msg === 'request' && logged.method === 'PATCH' && logged.path?.startsWith('/api/reports/') ? Number(logged.ms) : undefined
  } catch {
    return undefined
  }
}

let saveTimings: number[] = []
/** The milliseconds the server's request log gave each report save answered since the last call. */
function takeSaveTimings(): number[] {
  const taken = saveTimings
  saveTimings = []
  return taken
}

/** Until the publishes the setup queued are done, so the load meets a server with nothing else to do. */
async function publishesDone(): Promise<void> {
  const deadline = Date.now() + QUEUE_DRAIN_TIMEOUT_MS
  const pending = () =>
    payload.count({ collection: 'payload-jobs', where: { and: [{ taskSlug: { equals: 'publish-site' } }, { hasError: { not_equals: true } }] } })
  while ((await pending()).totalDocs > 0) {
    if (Date.now() > deadline) throw new Error(`the setup's publishes did not end in time:\n${server?.output().slice(-3000)}`)
    await sleep(1000)
  }
}

/** The answers of the form at the client's `round`-th save: every value and comment changes each time. */
function formAt(round: number): Form {
  return {
    answers: Array.from({ length: ANSWERS }, (_, index) => ({
      question: `P${index + 1}`,
      value: index % 4 === 3 ? `Jawaban ${index + 1}, simpan ke-${round}` : (index + round) % 5,
      comment: `Keterangan ${index + 1}, simpan ke-${round}`,
    })),
    constraints: round % 2 === 0 ? ['budget'] : ['budget', 'staff'],
    constraintNotes: `Uraian kendala, simpan ke-${round}`,
  }
}

/** What a report holds of the form, in the form's shape. */
const formOf = (report: Pick<Report, 'answers' | 'constraints' | 'constraintNotes'>): Form => ({
  answers: (report.answers ?? []).map(({ question, value, comment }) => ({ question, value: value as number | string, comment: comment ?? '' })),
  constraints: [...(report.constraints ?? [])],
  constraintNotes: report.constraintNotes ?? '',
})

const headersOf = (client: Client) => ({ Authorization: `JWT ${client.token}`, 'Content-Type': 'application/json' })
const reportURL = (client: Client) => `${server!.url}/api/reports/${client.council.report.id}?depth=0`

/** The report as the form loads it when opened: the version the first save is based on. */
async function open(client: Client): Promise<void> {
  const response = await fetch(reportURL(client), { headers: headersOf(client) })
  if (response.status !== 200) throw new Error(`opening report ${client.council.report.id} answered ${response.status}`)
  client.basedOn = ((await response.json()) as Report).updatedAt
}

/** One save of the form, timed to its whole answer; a failed connection counts as status 0. */
async function save(client: Client, late: boolean): Promise<Save> {
  client.round += 1
  const form = formAt(client.round)
  const sentAt = performance.now()
  let status = 0
  let body: { doc?: Report; errors?: { message?: string }[] } | undefined
  try {
    const response = await fetch(reportURL(client), {
      method: 'PATCH',
      headers: headersOf(client),
      body: JSON.stringify({ ...form, updatedAt: client.basedOn }),
    })
    status = response.status
    body = (await response.json().catch(() => undefined)) as typeof body
  } catch (error) {
    body = { errors: [{ message: String(error) }] }
  }
  const record: Save = { report: client.council.report.id, sentAt, ms: performance.now() - sentAt, status, late }
  if (status === 200 && body?.doc) {
    client.basedOn = body.doc.updatedAt
    client.acknowledged = { form, updatedAt: body.doc.updatedAt }
    if (JSON.stringify(formOf(body.doc)) !== JSON.stringify(form)) client.misanswered.push(`report ${record.report}, save ${client.round}`)
  } else {
    record.message = body?.errors?.[0]?.message ?? `status ${status}`
  }
  return record
}

/**
 * One council's form for the load's duration: a save due every second from `startAt + offsetMs`;
 * one still running when the next is due makes that one late (sent on its answer), and seconds
 * passed meanwhile are merged into it. After an error the report is opened again, as a person
 * reloading the page would, so one failure does not make every later save fail.
 */
async function runClient(client: Client, startAt: number, offsetMs: number): Promise<void> {
  const dueAt = (slot: number) => startAt + offsetMs + slot * SAVE_EVERY_MS
  let slot = 0
  let late = false
  while (dueAt(slot) < startAt + DURATION_MS) {
    const wait = dueAt(slot) - performance.now()
    if (wait > 0) await sleep(wait)
    const done = await save(client, late)
    client.saves.push(done)
    if (done.status !== 200) await open(client).catch(() => undefined)
    const answeredAt = performance.now()
    slot += 1
    late = answeredAt > dueAt(slot)
    while (answeredAt > dueAt(slot + 1) && dueAt(slot + 1) < startAt + DURATION_MS) {
      slot += 1
      client.merged += 1
    }
  }
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] : NaN)

beforeAll(async () => {
  const started = performance.now()
  payload = await testPayload()
  const fixture = await buildFixture(payload)
  const cities: City[] = []
  for (let n = 0; n < COUNCILS; n += 1) cities.push(await payload.create({ collection: COLLECTIONS.cities, data: cityData() }))
  const period = await payload.create({
    collection: COLLECTIONS.periods,
    data: { ...periodData(fixture), cities: cities.map((city) => city.id), assignments: [], closesAt: openUntil() },
  })
  for (const city of cities) {
    const council = await createUser(payload, ROLES.council, [city.id])
    const report = await payload.create({
      collection: COLLECTIONS.reports,
      data: { title: `Laporan ${city.name}`, city: city.id, period: period.id, status: REPORT_STATUS.draft },
    })
    councils.push({ city, email: council.email, report })
  }
  console.log(`\n${COUNCILS} cities, councils and draft reports made in ${Math.round((performance.now() - started) / 1000)} s`)

  await ensureCmsBuild(serverEnv(false), BUILD_TIMEOUT_MS)
  server = await startCmsServer(serverEnv(true), START_TIMEOUT_MS)
  server.onLine((line) => {
    const ms = saveTiming(line)
    if (ms !== undefined) saveTimings.push(ms)
  })
  await publishesDone()
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS + QUEUE_DRAIN_TIMEOUT_MS + 10 * 60_000)

afterAll(async () => {
  await server?.stop()
})

test(
  `${COUNCILS} councils saving their report once a second`,
  async () => {
    const clients: Client[] = []
    for (const council of councils) {
      const login = await fetch(`${server!.url}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: council.email, password: TEST_PASSWORD }),
      })
      expect(login.status, `sign-in of ${council.email}`).toBe(200)
      const { token } = (await login.json()) as { token: string }
      clients.push({ council, token, basedOn: '', round: 0, saves: [], merged: 0, misanswered: [] })
    }
    // Each form opened and saved once before anything is timed: the route and the database's pages warm.
    for (const client of clients) {
      await open(client)
      const warm = await save(client, false)
      expect(warm.status, `warm-up save of report ${warm.report}: ${warm.message ?? ''}`).toBe(200)
    }
    takeSaveTimings()

    const loadBefore = loadAverage()
    const serverCpuBefore = server!.cpuSeconds()
    const clientCpuBefore = process.cpuUsage()
    const startAt = performance.now() + 100
    const windowStart = process.hrtime.bigint() / 1000n
    await Promise.all(clients.map((client, index) => runClient(client, startAt, (index * SAVE_EVERY_MS) / COUNCILS)))
    const elapsedS = (performance.now() - startAt) / 1000
    const loadAfter = loadAverage()
    const serverCpuAfter = server!.cpuSeconds()
    const clientCpu = process.cpuUsage(clientCpuBefore)
    if (CPU_PROFILE_DIR) {
      // The profile's sample times are on the same monotonic clock (Linux): the load's part of it.
      console.log(`CPU profile in ${CPU_PROFILE_DIR}; the load ran from ${windowStart} to ${process.hrtime.bigint() / 1000n} (monotonic µs)`)
    }

    const saves = clients.flatMap((client) => client.saves)
    const ok = saves.filter((one) => one.status === 200)
    const sorted = saves.map((one) => one.ms).sort((a, b) => a - b)
    // The log line of the last answer may still be on its way.
    await sleep(500)
    const onServer = takeSaveTimings().sort((a, b) => a - b)
    const failedByStatus = new Map<number, Save[]>()
    for (const one of saves) if (one.status !== 200) failedByStatus.set(one.status, [...(failedByStatus.get(one.status) ?? []), one])
    const errors = [...failedByStatus].map(([status, failed]) => `${status} × ${failed.length} (${failed[0].message})`)
    const savesPerSecond = ok.length / elapsedS
    const p95 = percentile(sorted, 95)
    const late = saves.filter((one) => one.late).length
    const merged = clients.reduce((sum, client) => sum + client.merged, 0)

    console.log(
      `\n${COUNCILS} councils, a save (${ANSWERS} answers) due every ${SAVE_EVERY_MS} ms each, for ${DURATION_MS / 1000} s;` +
        ` served by next start (production build) on localhost; the clients run in the bench process on the same ${os.cpus().length} cores`,
    )
    console.table([
      {
        'saves answered 200': ok.length,
        'saves/s': Number(savesPerSecond.toFixed(1)),
        [`target >= ${TARGET.savesPerSecond}`]: savesPerSecond >= TARGET.savesPerSecond ? 'met' : 'MISSED',
        'p50 ms': Math.round(percentile(sorted, 50)),
        'p95 ms': Math.round(p95),
        [`target <= ${TARGET.p95Ms}`]: p95 <= TARGET.p95Ms ? 'met' : 'MISSED',
        'p99 ms': Math.round(percentile(sorted, 99)),
        'max ms': Math.round(sorted.at(-1) ?? 0),
        'saves due': saves.length + merged,
        'late saves': late,
        'seconds merged': merged,
      },
    ])
    console.log(
      `Server's own time per save (request log, ${onServer.length} saves): p50 ${Math.round(percentile(onServer, 50))} ms,` +
        ` p95 ${Math.round(percentile(onServer, 95))} ms, max ${Math.round(onServer.at(-1) ?? NaN)} ms`,
    )
    if (serverCpuBefore !== undefined && serverCpuAfter !== undefined) {
      const serverCpu = serverCpuAfter - serverCpuBefore
      const clientCpuS = (clientCpu.user + clientCpu.system) / 1e6
      console.log(
        `CPU during the load: server ${serverCpu.toFixed(1)} s (${(serverCpu / elapsedS).toFixed(2)} of a core,` +
          ` ${Math.round((serverCpu * 1000) / Math.max(1, ok.length))} ms a save), clients ${clientCpuS.toFixed(1)} s` +
          ` (${(clientCpuS / elapsedS).toFixed(2)} of a core), over ${elapsedS.toFixed(1)} s`,
      )
    }
    console.log(`Errors: ${errors.length ? errors.join('; ') : 'none'}`)
    console.log(`Load average (1 / 5 / 15 min) on ${os.cpus().length} cores: at start ${loadBefore}, at end ${loadAfter}`)

    // No write lost: each report holds what its client was last answered 200 for.
    const lost: string[] = []
    for (const client of clients) {
      const stored = await payload.findByID({ collection: COLLECTIONS.reports, id: client.council.report.id, depth: 0 })
      const expected = client.acknowledged
      if (!expected) lost.push(`report ${stored.id}: no save answered 200`)
      else if (JSON.stringify(formOf(stored)) !== JSON.stringify(expected.form)) lost.push(`report ${stored.id}: stored answers, constraints or notes are not the last acknowledged`)
      else if (new Date(stored.updatedAt).getTime() !== new Date(expected.updatedAt).getTime()) {
        lost.push(`report ${stored.id}: stored version ${stored.updatedAt}, last acknowledged ${expected.updatedAt}`)
      }
    }
    const misanswered = clients.flatMap((client) => client.misanswered)
    console.log(`Lost writes: ${lost.length}; answers returned other than sent: ${misanswered.length}`)

    expect(lost).toEqual([])
    expect(misanswered).toEqual([])
    expect(errors).toEqual([])
    expect(ok.length).toBeGreaterThan(0)
  },
  DURATION_MS + 10 * 60_000,
)
