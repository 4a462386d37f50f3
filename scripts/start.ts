/**
 * `npm start`: brings up Pantau on one machine with nothing else installed. It prepares the
 * database (migrations, demo data on first start), builds what is out of date, then serves the
 * admin and API (Next.js) and the public site (static Astro build, scripts/serveSite.ts) until stopped.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { cmsBuildIsCurrent } from '../cms/infra/cmsBuild.ts'

type Env = Record<string, string | undefined>

const root = path.resolve(import.meta.dirname, '..')
const port = Number(process.env.PORT || 3000)
const sitePort = Number(process.env.SITE_PORT || 4321)
const adminURL = `http://localhost:${port}`
const siteURL = `http://localhost:${sitePort}`

const say = (line: string) => console.log(`\x1b[36m[pantau]\x1b[0m ${line}`)

/** A secret of this installation, made once and kept in data/ (never committed). */
function ensureSecret(): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  const file = path.join(root, 'data', '.payload-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
    say('Membuat PAYLOAD_SECRET baru di data/.payload-secret / Created a new secret in data/.payload-secret')
  }
  return fs.readFileSync(file, 'utf8').trim()
}

const env: Env = {
  ...process.env,
  PAYLOAD_SECRET: ensureSecret(),
  PAYLOAD_PUBLIC_SERVER_URL: process.env.PAYLOAD_PUBLIC_SERVER_URL || adminURL,
  PANTAU_SITE_URL: process.env.PANTAU_SITE_URL || siteURL,
  // The quick start is a demo: its published demo accounts stay usable unless the operator says no.
  PANTAU_DEMO_ACCOUNTS: process.env.PANTAU_DEMO_ACCOUNTS ?? 'true',
  // The site served here is the one the publish job builds, so an accepted result reaches it.
  PANTAU_PUBLISH_BUILD_SITE: process.env.PANTAU_PUBLISH_BUILD_SITE ?? 'true',
  // A person watches this terminal: readable log lines unless JSON is asked for (infra/requestLog.ts).
  PANTAU_LOG_FORMAT: process.env.PANTAU_LOG_FORMAT || 'pretty',
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
}

const children = new Set<ChildProcess>()

function run(command: string, args: string[], extraEnv: Env = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...env, ...extraEnv } as NodeJS.ProcessEnv, stdio: 'inherit', detached: true })
    children.add(child)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      children.delete(child)
      if (code === 0) resolve()
      else reject(new Error(`${command} ${args.join(' ')} berhenti / stopped (${signal ?? `exit code ${code}`})`))
    })
  })
}

function serve(command: string, args: string[], extraEnv: Env = {}): ChildProcess {
  const child = spawn(command, args, { cwd: root, env: { ...env, ...extraEnv } as NodeJS.ProcessEnv, stdio: 'inherit', detached: true })
  children.add(child)
  child.on('exit', (code, signal) => {
    children.delete(child)
    if (!stopping) {
      console.error(`[pantau] ${command} berhenti / stopped (${signal ?? `exit code ${code}`}); menghentikan semua / stopping all`)
      stop(1)
    }
  })
  return child
}

let stopping = false
/** Stops every child's whole process group, so no next-server is left holding the port. */
function stop(code = 0): void {
  stopping = true
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(code), 1500).unref()
  if (children.size === 0) process.exit(code)
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

/** Waits until a URL answers, so "ready" is only said when it is true. */
async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: 'manual' })
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} tidak menjawab dalam ${timeoutMs / 1000} dtk / did not answer within ${timeoutMs / 1000} s`)
}

/**
 * Payload's CLI loads the config and the scripts through tsx unless told not to; Node runs the
 * project's TypeScript itself (imports by relative path, no `@payload-config` alias), as the publish
 * job's snapshot process does. On 2 cores this takes about 10 s off each of the three steps below
 * that load the config (migrations 13.4 -> 7.8 s, the demo seed 24.8 -> 14.2 s, the snapshot).
 */
const NATIVE_TS = '--disable-transpile'

async function main(): Promise<void> {
  const started = Date.now()
  say('1/5 Menerapkan migrasi basis data / Applying database migrations…')
  await run('payload', ['migrate', NATIVE_TS])

  say('2/5 Memeriksa data demo / Checking demo data (seeded only into an empty database)…')
  await run('payload', ['run', 'scripts/seedIfEmpty.ts', NATIVE_TS])

  if (cmsBuildIsCurrent() && !process.argv.includes('--rebuild')) {
    say('3/5 Build CMS sudah terbaru / CMS build is up to date')
  } else {
    say('3/5 Membangun CMS (Next.js), sekitar 1-2 menit / Building the CMS (Next.js), about 1-2 minutes…')
    await run('next', ['build', 'cms'])
  }

  say('4/5 Membangun situs publik dari data terbitan / Building the public site from published data…')
  // The site is built from the publish snapshot only, so it is written first from what is public now.
  await run('payload', ['run', 'scripts/snapshot.ts', NATIVE_TS])
  await run('astro', ['build'], { NODE_ENV: 'production' })

  say('5/5 Menjalankan server / Starting the servers…')
  serve('next', ['start', 'cms', '--port', String(port)])
  serve(process.execPath, [path.join(root, 'scripts', 'serveSite.ts')], { SITE_PORT: String(sitePort) })

  await Promise.all([waitForHttp(`${adminURL}/admin`), waitForHttp(`${siteURL}/`)])
  const seconds = Math.round((Date.now() - started) / 1000)
  say(`Siap dalam ${seconds} dtk / Ready in ${seconds} s`)
  say(`  Admin (CMS):        ${adminURL}/admin`)
  say(`  Situs publik/site:  ${siteURL}/`)
  say('  Akun demo / demo accounts: see README.md (password pantau-demo-2023). Ctrl+C to stop.')
}

main().catch((error: unknown) => {
  console.error(`\x1b[31m[pantau] Gagal / Failed:\x1b[0m ${error instanceof Error ? error.message : String(error)}`)
  stop(1)
})
