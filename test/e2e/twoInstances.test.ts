/**
 * Two CMS instances behind one database and one bucket, as docs/operations.md draws production:
 * the production build (`next start cms`) twice, on ports of their own, one running the job queue
 * (`PANTAU_JOBS_AUTORUN` unset) and one not (`false`), on a fresh SQLite file with the demo data
 * and an S3 bucket (s3rver). What one instance stores, the other serves; what one saves, the other
 * knows (a stale save is refused wherever it arrives); a change is published once, by the runner.
 *
 * Uses the build the browser tests' global setup made (`npm start`).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startBucket, type TestBucket } from '../helpers/bucket.ts'
import { pdfFile } from '../helpers/files.ts'
import { installationEnv } from '../helpers/installation.ts'
import { freePort } from '../helpers/ports.ts'

const root = path.resolve(import.meta.dirname, '..', '..')
const PAYLOAD_BIN = path.join(root, 'node_modules', 'payload', 'bin.js')
const NEXT_BIN = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
const DEMO_PASSWORD = 'pantau-demo-2023'
const PUBLISHED = /Snapshot published to /g

interface Instance {
  url: string
  output: () => string
  process: ChildProcess
}

let bucket: TestBucket
let scratch: string
let env: NodeJS.ProcessEnv
let runner: Instance
let other: Instance

function runToEnd(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}:\n${output.slice(-3000)}`))))
  })
}

async function startInstance(name: string, extra: Record<string, string>): Promise<Instance> {
  const port = await freePort()
  const child = spawn(process.execPath, [NEXT_BIN, 'start', 'cms', '--port', String(port)], {
    cwd: root,
    env: { ...env, ...extra, NODE_ENV: 'production', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} stopped (${child.exitCode}):\n${output.slice(-3000)}`)
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) return { url, output: () => output, process: child }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${name} did not answer in time:\n${output.slice(-3000)}`)
}

function stopInstance(instance: Instance | undefined): void {
  try {
    if (instance?.process.pid) process.kill(-instance.process.pid, 'SIGTERM')
  } catch {
    // already stopped
  }
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await check()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`timed out waiting for ${what}`)
}

async function login(instance: Instance, email: string): Promise<string> {
  const answer = await fetch(`${instance.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  expect(answer.status).toBe(200)
  return (await answer.json()).token
}

const call = (instance: Instance, token: string, pathname: string, init: RequestInit = {}) =>
  fetch(`${instance.url}/api${pathname}`, { ...init, headers: { Authorization: `JWT ${token}`, ...(init.headers ?? {}) } })

/** Publish jobs not yet done, read from the shared database itself (done jobs are deleted; nobody reads the queue over REST). */
function publishJobsLeft(): number {
  const database = new DatabaseSync((env.DATABASE_URI as string).slice('file:'.length), { readOnly: true })
  try {
    return Number((database.prepare("SELECT count(*) AS left FROM payload_jobs WHERE task_slug = 'publish-site'").get() as { left: number }).left)
  } finally {
    database.close()
  }
}

beforeAll(async () => {
  bucket = await startBucket()
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-two-'))
  env = {
    ...process.env,
    ...bucket.env,
    ...installationEnv(scratch),
    PANTAU_DEMO_ACCOUNTS: 'true',
    PANTAU_PUBLISH_BUILD_SITE: 'false',
    NEXT_TELEMETRY_DISABLED: '1',
  }
  await runToEnd([PAYLOAD_BIN, 'migrate'])
  await runToEnd([PAYLOAD_BIN, 'run', 'scripts/seedIfEmpty.ts'])
  runner = await startInstance('runner', {})
  other = await startInstance('other', { PANTAU_JOBS_AUTORUN: 'false' })
}, 600_000)

afterAll(async () => {
  stopInstance(runner)
  stopInstance(other)
  await new Promise((resolve) => setTimeout(resolve, 1500))
  await bucket?.close()
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true })
})

describe('two CMS instances on one database and one bucket', () => {
  it('serve through one the evidence uploaded through the other, from the bucket', async () => {
    const token = await login(runner, 'dewan.ambon@pantau.example')
    const me = await (await call(runner, token, '/users/me')).json()
    const city = me.user.cities[0]
    const file = pdfFile('notulen-rapat.pdf', `Notulen rapat ${Date.now()}`)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
    form.append('_payload', JSON.stringify({ city: typeof city === 'object' ? city.id : city, description: 'Notulen' }))
    const uploaded = await call(runner, token, '/evidence/upload', { method: 'POST', body: form })
    expect(uploaded.status).toBe(201)
    const { doc } = await uploaded.json()
    expect(await bucket.exists(`evidence/${doc.filename}`)).toBe(true)

    const otherToken = await login(other, 'dewan.ambon@pantau.example')
    const downloaded = await call(other, otherToken, `/evidence/file/${doc.filename}`)
    expect(downloaded.status).toBe(200)
    const bytes = Buffer.from(await downloaded.arrayBuffer())
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc.sha256)
    // A council of another city is refused on either instance.
    const stranger = await login(other, 'dewan.semarang@pantau.example')
    expect((await call(other, stranger, `/evidence/file/${doc.filename}`)).status).toBe(403)
  })

  it('refuse on one a save based on a copy the other has since changed (409)', async () => {
    const token = await login(runner, 'dewan.semarang@pantau.example')
    const drafts = await (await call(runner, token, '/reports?where[status][equals]=draft&depth=0&limit=1')).json()
    const report = drafts.docs[0]
    expect(report).toBeDefined()
    const saved = await call(runner, token, `/reports/${report.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: `${report.title} (A)`, updatedAt: report.updatedAt }),
    })
    expect(saved.status).toBe(200)
    const stale = await call(other, token, `/reports/${report.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en', 'X-Request-Id': 'two-instances-stale-1' },
      body: JSON.stringify({ title: `${report.title} (B)`, updatedAt: report.updatedAt }),
    })
    expect(stale.status).toBe(409)
    expect(stale.headers.get('x-request-id')).toBe('two-instances-stale-1')
    // Production logs are JSON lines, each carrying the id of the request it was written for.
    const logged = await waitFor('the request in the log', () =>
      other
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line))
        .find((line) => line.requestId === 'two-instances-stale-1' && line.msg === 'request'),
    )
    expect(logged).toMatchObject({ method: 'PATCH', path: `/api/reports/${report.id}`, status: 409 })
    const stored = await (await call(other, token, `/reports/${report.id}?depth=0`)).json()
    expect(stored.title).toBe(`${report.title} (A)`)
  })

  it('publish a change saved on the other instance once, on the runner only', { timeout: 420_000 }, async () => {
    // The demo's own publishes are done first.
    await waitFor('the publishes of the demo', () => (publishJobsLeft() === 0 ? true : undefined), 300_000)
    const before = runner.output().match(PUBLISHED)?.length ?? 0

    const token = await login(other, 'sekretariat@pantau.example')
    const programs = await (await call(other, token, '/programs?where[isPublic][equals]=true&depth=0&limit=1')).json()
    const program = programs.docs[0]
    const title = `${program.title} ${Date.now()}`
    const saved = await call(other, token, `/programs/${program.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title }),
    })
    expect(saved.status).toBe(200)

    const snapshotFile = path.join(env.SNAPSHOT_DIR as string, 'programs.json')
    await waitFor('the change in the published snapshot', () =>
      fs.existsSync(snapshotFile) && fs.readFileSync(snapshotFile, 'utf8').includes(title) ? true : undefined,
    )
    await waitFor('the publish job to end', () => (publishJobsLeft() === 0 ? true : undefined))
    // Two more cron ticks of the runner: nothing publishes the same change again.
    await new Promise((resolve) => setTimeout(resolve, 5000))
    expect((runner.output().match(PUBLISHED)?.length ?? 0) - before).toBe(1)
    expect(other.output()).not.toMatch(PUBLISHED)
  })
})

describe('an instance that does not allow the demo accounts', () => {
  let strict: Instance | undefined

  beforeAll(async () => {
    strict = await startInstance('strict', { PANTAU_DEMO_ACCOUNTS: 'false', PANTAU_JOBS_AUTORUN: 'false' })
  }, 300_000)

  afterAll(() => stopInstance(strict))

  // Over the production bundle, where the refusal's class has lost its name to minifying and Payload
  // alone would answer "An unknown error occurred.".
  it.each([
    ['id', 'Akun demo dinonaktifkan di server produksi'],
    ['en', 'Demo accounts are disabled on a production server (set PANTAU_DEMO_ACCOUNTS=true to allow them)'],
  ])('refuses a demo sign-in with 403 and says why, in %s', async (language, message) => {
    const answer = await fetch(`${strict!.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
      body: JSON.stringify({ email: 'dewan.ambon@pantau.example', password: DEMO_PASSWORD }),
    })
    expect(answer.status).toBe(403)
    expect((await answer.json()).errors).toEqual([expect.objectContaining({ message })])
  })
})
