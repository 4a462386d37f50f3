import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { databaseAdapter, DatabaseUriError, DEFAULT_SQLITE_URL, resolveDatabase } from '../../cms/infra/database.ts'
import { migrations as mongoMigrations } from '../../cms/migrations-mongodb/index.ts'
import { migrations as sqliteMigrations } from '../../cms/migrations/index.ts'
import { projectRoot } from '../../cms/infra/paths.ts'
import { DEVELOPMENT_SECRET, resolveSecret } from '../../cms/infra/secret.ts'

describe('resolveDatabase', () => {
  it.each([
    [undefined, 'sqlite', DEFAULT_SQLITE_URL],
    ['', 'sqlite', DEFAULT_SQLITE_URL],
    ['file:./data/other.db', 'sqlite', `file:${path.join(projectRoot, 'data', 'other.db')}`],
    ['file:/srv/pantau/pantau.db', 'sqlite', 'file:/srv/pantau/pantau.db'],
    ['mongodb://db.internal:27017/pantau', 'mongodb', 'mongodb://db.internal:27017/pantau'],
    ['mongodb+srv://user:pw@cluster0.example.net/pantau', 'mongodb', 'mongodb+srv://user:pw@cluster0.example.net/pantau'],
  ])('reads %j as %s', (uri, kind, url) => {
    expect(resolveDatabase(uri)).toEqual({ kind, url })
  })

  it.each(['postgres://localhost/pantau', 'mysql://x', 'pantau.db', 'file:', 'mongodb://'])(
    'refuses %j naming the accepted forms',
    (uri) => {
      expect(() => resolveDatabase(uri)).toThrow(DatabaseUriError)
      expect(() => resolveDatabase(uri)).toThrow(/file:<path>.*mongodb:\/\/.*mongodb\+srv:\/\//)
    },
  )

  it('hides the password of a refused URI in its message', () => {
    expect(() => resolveDatabase('postgres://admin:s3cret@db/pantau')).toThrow(/postgres:\/\/\*\*\*@db/)
    expect(() => resolveDatabase('postgres://admin:s3cret@db/pantau')).not.toThrow(/s3cret/)
  })
})

describe('databaseAdapter for MongoDB', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  /** The adapter's settings, read without connecting: Payload's init only gathers them. */
  const settingsWith = (emulator: string) => {
    vi.stubEnv('PANTAU_TEST_MONGO_EMULATOR', emulator)
    return databaseAdapter('mongodb://db.internal:27017/pantau').init({ payload: {} as Payload }) as unknown as Record<string, unknown>
  }

  it('applies the committed MongoDB migrations on a production start and joins in the database', () => {
    expect(settingsWith('')).toMatchObject({ name: 'mongoose', prodMigrations: mongoMigrations, useJoinAggregations: true })
  })

  it("turns join aggregations off only for the test harness's emulator", () => {
    expect(settingsWith('congodb')).toMatchObject({ useJoinAggregations: false })
  })

  it("leaves the migrations to the CMS in the publish job's snapshot process", () => {
    vi.stubEnv('PANTAU_SKIP_BOOT_TASKS', 'true')
    expect(settingsWith('')).toMatchObject({ name: 'mongoose', prodMigrations: undefined })
  })
})

describe('databaseAdapter for SQLite', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  const settings = () => databaseAdapter(`file:${path.join(os.tmpdir(), 'pantau-unit', 'never-opened.db')}`).init({ payload: {} as Payload }) as unknown as Record<string, unknown>

  it('applies the committed migrations on a production start', () => {
    expect(settings()).toMatchObject({ name: 'sqlite', prodMigrations: sqliteMigrations })
  })

  it("leaves them (and the ANALYZE after them) to the CMS in the publish job's snapshot process", () => {
    vi.stubEnv('PANTAU_SKIP_BOOT_TASKS', 'true')
    expect(settings()).toMatchObject({ name: 'sqlite', prodMigrations: undefined })
  })
})

describe('resolveSecret', () => {
  const long = 'a'.repeat(40)
  it.each([
    [{ NODE_ENV: 'development' }, DEVELOPMENT_SECRET],
    [{ NODE_ENV: 'test', PAYLOAD_SECRET: 'x' }, 'x'],
    [{ NODE_ENV: 'production', PAYLOAD_SECRET: long }, long],
  ])('accepts %j', (env, expected) => {
    expect(resolveSecret(env as NodeJS.ProcessEnv)).toBe(expected)
  })

  it.each([
    { NODE_ENV: 'production' },
    { NODE_ENV: 'production', PAYLOAD_SECRET: DEVELOPMENT_SECRET },
    { NODE_ENV: 'production', PAYLOAD_SECRET: 'short' },
  ])('refuses to start production with %j', (env) => {
    expect(() => resolveSecret(env as NodeJS.ProcessEnv)).toThrow(/PAYLOAD_SECRET must be set in production/)
  })
})
