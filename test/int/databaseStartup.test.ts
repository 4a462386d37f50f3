import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'

import { projectRoot } from '../../cms/lib/paths.ts'

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
  let unknownKind: ReturnType<typeof startWith>
  beforeAll(() => {
    unknownKind = startWith('postgres://localhost/pantau')
  })

  it('fails at once naming the accepted forms when the URI is of an unknown kind', () => {
    expect(unknownKind.status).not.toBe(0)
    expect(unknownKind.output).toMatch(/DATABASE_URI "postgres:\/\/localhost\/pantau" tidak dikenali \/ is not recognised/)
    expect(unknownKind.output).toMatch(/mongodb\+srv:\/\//)
  })

  it('fails within seconds, not the driver default of 30, when no MongoDB server answers', () => {
    const run = startWith('mongodb://127.0.0.1:9/pantau')
    expect(run.status).not.toBe(0)
    expect(run.output).toMatch(/cannot connect to MongoDB/)
    // Loading the CLI and the config takes 5 s on a quiet machine and 40 s on a busy one; the wait
    // for a server comes on top of that, and the start refused before connecting has none.
    expect(run.seconds - unknownKind.seconds).toBeLessThan(20)
  }, 120_000)
})
