/**
 * Pantau's own processes as the benches run them: a command to its end with its wall time and peak
 * memory, and the CMS's production server (`next start cms`, built first when there is none) with its
 * log lines, CPU time and peak memory. Memory and CPU are read from Linux's /proc for the process
 * group the command runs in (its children included); elsewhere they are left undefined.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { cmsBuildExists, cmsBuildIsCurrent } from '../../cms/infra/cmsBuild.ts'
import { freePort } from './ports.ts'

export const root = path.resolve(import.meta.dirname, '..', '..')
export const NEXT_BIN = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
export const PAYLOAD_BIN = path.join(root, 'node_modules', 'payload', 'bin.js')

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const hasProc = () => fs.existsSync('/proc/self/stat')

/** The processes of a process group: pid, CPU ticks so far and peak resident memory (kB). */
function groupMembers(group: number): { pid: number; ticks: number; peakKb: number }[] {
  if (!hasProc()) return []
  const members: { pid: number; ticks: number; peakKb: number }[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) !== group) continue
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8')
      const peakKb = Number(status.match(/^VmHWM:\s+(\d+)/m)?.[1] ?? 0)
      members.push({ pid: Number(entry), ticks: Number(fields[11]) + Number(fields[12]), peakKb })
    } catch {
      // gone meanwhile
    }
  }
  return members
}

/** Follows a process group's peak memory: the largest resident set any one of its processes reached. */
class PeakWatch {
  private peakKb = 0
  private readonly timer: NodeJS.Timeout

  private readonly group: number

  constructor(group: number) {
    this.group = group
    this.timer = setInterval(() => this.read(), 250)
    this.timer.unref()
  }

  read(): void {
    for (const member of groupMembers(this.group)) this.peakKb = Math.max(this.peakKb, member.peakKb)
  }

  /** The peak so far, in MB. */
  current(): number | undefined {
    this.read()
    return hasProc() ? Math.round(this.peakKb / 1024) : undefined
  }

  stop(): number | undefined {
    clearInterval(this.timer)
    return hasProc() ? Math.round(this.peakKb / 1024) : undefined
  }
}

export type Finished = { ms: number; peakMb: number | undefined; output: string }

/** Runs `node <args>` to its end; rejects with the output's tail on a non-zero exit or after `timeoutMs`. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    const peak = new PeakWatch(child.pid!)
    let output = ''
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000))
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGTERM'), timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      const peakMb = peak.stop()
      if (code === 0) resolve({ ms: performance.now() - started, peakMb, output })
      else reject(new Error(`${args.join(' ')} exited with ${code}:\n${output.slice(-3000)}`))
    })
  })
}

/** The production build of the CMS: made when there is none; one older than the sources is only reported. */
export async function ensureCmsBuild(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  if (!cmsBuildExists()) {
    console.log('No CMS build (cms/.next): building it with `next build cms` first, a few minutes')
    await runNode([NEXT_BIN, 'build', 'cms'], env, timeoutMs)
    return
  }
  if (!cmsBuildIsCurrent()) {
    console.log("Note: cms/ or the lock file changed after the CMS build; these figures are the build's (`npm run build:cms` to measure the current code)")
  }
}

export type CmsServer = {
  url: string
  child: ChildProcess
  /** The tail of its output, for an error message. */
  output(): string
  /** Calls `listener` with every line it logs from now on; returns a function that stops it. */
  onLine(listener: (line: string) => void): () => void
  /** The next line matching `pattern`; rejects after `timeoutMs` or when the server stops. */
  next(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>
  /** CPU seconds its processes used so far (Linux). */
  cpuSeconds(): number | undefined
  /** The largest resident memory any of its processes reached so far, in MB (Linux). */
  peakMb(): number | undefined
  stop(): Promise<void>
}

/** `next start cms` with `env`, answering once its health endpoint does. */
export async function startCmsServer(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CmsServer> {
  const port = await freePort()
  const child = spawn(process.execPath, [NEXT_BIN, 'start', 'cms', '--port', String(port)], {
    cwd: root,
    env: { ...env, PORT: String(port), PAYLOAD_PUBLIC_SERVER_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the stop reaches every process it starts.
    detached: true,
  })
  const group = child.pid!
  const peak = new PeakWatch(group)
  const listeners = new Set<(line: string) => void>()
  let output = ''
  let pending = ''
  const keep = (chunk: Buffer) => {
    const text = chunk.toString()
    output = (output + text).slice(-20_000)
    const lines = (pending + text).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) for (const listener of listeners) listener(line)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)

  const server: CmsServer = {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    onLine(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    next(pattern, waitMs) {
      return new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer)
          stopListening()
          child.off('exit', onExit)
        }
        const timer = setTimeout(() => {
          done()
          reject(new Error(`no log line ${pattern} within ${waitMs} ms:\n${output.slice(-3000)}`))
        }, waitMs)
        const onExit = (code: number | null) => {
          done()
          reject(new Error(`the CMS stopped (code ${code}):\n${output.slice(-3000)}`))
        }
        const stopListening = server.onLine((line) => {
          const match = line.match(pattern)
          if (match) {
            done()
            resolve(match)
          }
        })
        child.once('exit', onExit)
      })
    },
    cpuSeconds: () => (hasProc() ? groupMembers(group).reduce((sum, member) => sum + member.ticks, 0) / 100 : undefined),
    peakMb: () => peak.current(),
    async stop() {
      peak.stop()
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      try {
        process.kill(-group, 'SIGTERM')
      } catch {
        // already gone
      }
      await Promise.race([exited, sleep(10_000)])
    },
  }

  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start stopped (${child.exitCode}):\n${output.slice(-3000)}`)
    try {
      if ((await fetch(`${server.url}/api/health`)).status === 200) return server
    } catch {
      // not listening yet
    }
    await sleep(500)
  }
  await server.stop()
  throw new Error(`next start did not answer in time:\n${output.slice(-3000)}`)
}
