import { spawnSync } from 'node:child_process'
import path from 'node:path'

import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { databaseAdapter } from '../../cms/infra/database.ts'
import { projectRoot } from '../../cms/infra/paths.ts'

/** Starts the Payload CLI as an operator would, with the given DATABASE_URI, and reports how it ended. */
function startWith(databaseUri: string) {
  const started = Date.now()
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules', 'payload', 'bin.js'), 'migrate:status'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URI: databaseUri, NODE_ENV: 'development' },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, seconds: (Date.now() - started) / 1000 }
}

describe('starting with a bad DATABASE_URI', () => {
  it('fails at once naming the accepted forms when the URI is of an unknown kind', () => {
    const run = startWith('postgres://localhost/pantau')
    expect(run.status).not.toBe(0)
    expect(run.output).toMatch(/DATABASE_URI "postgres:\/\/localhost\/pantau" tidak dikenali \/ is not recognised/)
    expect(run.output).toMatch(/mongodb\+srv:\/\//)
  })

  it('fails within seconds, not the driver default of 30, when no MongoDB server answers', async () => {
    const run = startWith('mongodb://127.0.0.1:9/pantau')
    expect(run.status).not.toBe(0)
    expect(run.output).toMatch(/cannot connect to MongoDB/)

    // The wait itself, timed in this process: the CLI's own start took from 5 s to 40 s, as busy as
    // the machine was, which no bound on the whole run can tell apart from the driver's 30 s.
    const quiet = { logger: { error: () => {}, info: () => {} } } as unknown as Payload
    const adapter = databaseAdapter('mongodb://127.0.0.1:9/pantau').init({ payload: quiet })
    const started = Date.now()
    await expect(adapter.connect?.()).rejects.toThrow(/cannot connect to MongoDB/)
    expect((Date.now() - started) / 1000).toBeLessThan(25)
  }, 120_000)
})
