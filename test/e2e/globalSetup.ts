/**
 * Brings the whole system up exactly as `npm start` does (migrations, demo data, builds, both
 * servers), on a throw-away database and upload folder, and stops its process group afterwards.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    adminURL: string
    siteURL: string
  }
}

const root = path.resolve(import.meta.dirname, '..', '..')
const READY_TIMEOUT_MS = 15 * 60 * 1000

export default async function setup(project: TestProject) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-e2e-'))
  const port = Number(process.env.E2E_PORT || 3210)
  const sitePort = Number(process.env.E2E_SITE_PORT || 4510)
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.ts')], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URI: process.env.E2E_DATABASE_URI || `file:${path.join(scratch, 'e2e.db')}`,
      UPLOAD_DIR: path.join(scratch, 'uploads'),
      MAIL_DIR: path.join(scratch, 'mail'),
      SNAPSHOT_DIR: path.join(scratch, 'snapshot'),
      PAYLOAD_SECRET: 'pantau-e2e-secret-0123456789abcdef0123456789',
      PORT: String(port),
      SITE_PORT: String(sitePort),
    },
  })
  const log: string[] = []
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('npm start was not ready in time')), READY_TIMEOUT_MS)
    const onData = (chunk: Buffer) => {
      const text = chunk.toString()
      log.push(text)
      process.stdout.write(text)
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
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already stopped
    }
  }
  try {
    await ready
  } catch (error) {
    stop()
    throw error
  }
  child.removeAllListeners('exit')
  project.provide('adminURL', `http://localhost:${port}`)
  project.provide('siteURL', `http://localhost:${sitePort}`)
  return async () => {
    stop()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}
