/**
 * The whole system, brought up exactly as `npm start` does (migrations, demo data, builds, both
 * servers) on a throw-away database and upload folder: one definition for the browser tests' global
 * setup and the admin benchmark, so both measure and test the same thing. `stop` ends its process
 * group (so no next-server is left holding the port) and removes the folder.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { installationEnv } from './installation.ts'

const root = path.resolve(import.meta.dirname, '..', '..')
/** The first start builds Next.js, several minutes on two busy cores. */
const READY_TIMEOUT_MS = 15 * 60 * 1000

export type StartedSystem = { adminURL: string; siteURL: string; stop: () => Promise<void> }

export type SystemOptions = {
  port: number
  sitePort: number
  /** Another database than a fresh SQLite file in the scratch folder (e.g. a MongoDB URL). */
  databaseURI?: string
  /** Where the servers' output goes; the terminal by default. */
  echo?: (text: string) => void
}

export async function startSystem({ port, sitePort, databaseURI, echo = (text) => process.stdout.write(text) }: SystemOptions): Promise<StartedSystem> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-system-'))
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.ts')], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...installationEnv(scratch),
      ...(databaseURI ? { DATABASE_URI: databaseURI } : {}),
      PORT: String(port),
      SITE_PORT: String(sitePort),
    },
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const log: string[] = []
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('npm start was not ready in time')), READY_TIMEOUT_MS)
    const onData = (chunk: Buffer) => {
      const text = chunk.toString()
      log.push(text)
      echo(text)
      if (/Ready in \d+ s/.test(text)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm start exited early (code ${code}):\n${log.join('').slice(-4000)}`))
    })
  })

  const stop = async () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already stopped
    }
    // start.ts stops its own servers' groups and exits within 1.5 s; the folder goes after that.
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
    fs.rmSync(scratch, { recursive: true, force: true })
  }

  try {
    await ready
  } catch (error) {
    await stop()
    throw error
  }
  child.removeAllListeners('exit')
  return { adminURL: `http://localhost:${port}`, siteURL: `http://localhost:${sitePort}`, stop }
}
