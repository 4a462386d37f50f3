import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as mongoMigrations } from '../migrations-mongodb/index.ts'
import { migrations as sqliteMigrations } from '../migrations/index.ts'
import { projectRoot } from './paths.ts'

export type DatabaseKind = 'sqlite' | 'mongodb'

export const DEFAULT_SQLITE_URL = `file:${path.join(projectRoot, 'data', 'pantau.db')}`

/** How long a MongoDB start waits for a server before it fails with a clear error (ms). */
const MONGO_SERVER_SELECTION_TIMEOUT_MS = 5_000

export class DatabaseUriError extends Error {
  constructor(uri: string) {
    const shown = uri.replace(/\/\/[^@/]*@/, '//***@')
    super(
      `DATABASE_URI "${shown}" tidak dikenali / is not recognised. ` +
        'Gunakan / use one of: (unset) for the embedded SQLite file data/pantau.db, ' +
        '"file:<path>" for another SQLite file, "mongodb://..." or "mongodb+srv://..." for MongoDB.',
    )
    this.name = 'DatabaseUriError'
  }
}

/** Decides the database engine from `DATABASE_URI`, refusing anything it does not understand. */
export function resolveDatabase(uri: string | undefined): { kind: DatabaseKind; url: string } {
  const value = uri?.trim()
  if (!value) return { kind: 'sqlite', url: DEFAULT_SQLITE_URL }
  if (value.startsWith('file:')) {
    const file = value.slice('file:'.length)
    if (!file) throw new DatabaseUriError(value)
    return { kind: 'sqlite', url: `file:${path.resolve(projectRoot, file)}` }
  }
  if (/^mongodb(\+srv)?:\/\/./.test(value)) return { kind: 'mongodb', url: value }
  throw new DatabaseUriError(value)
}

/**
 * Test-only: `npm run test:mongo` sets PANTAU_TEST_MONGO_EMULATOR for its wire-protocol emulator,
 * which cannot run the `$lookup` pipelines that join fields use by default. Never set in production.
 */
function mongoEmulatorSettings() {
  return process.env.PANTAU_TEST_MONGO_EMULATOR ? { useJoinAggregations: false } : {}
}

/**
 * The database adapter for `DATABASE_URI`. SQLite never pushes its schema on the main database:
 * committed migrations create it (`payload migrate`, and on a production start). Only throw-away
 * test databases may set `PAYLOAD_DB_PUSH=true`.
 */
export function databaseAdapter(uri = process.env.DATABASE_URI): DatabaseAdapterObj {
  const { kind, url } = resolveDatabase(uri)
  if (kind === 'mongodb') {
    return mongooseAdapter({
      url,
      connectOptions: { serverSelectionTimeoutMS: MONGO_SERVER_SELECTION_TIMEOUT_MS },
      migrationDir: path.join(projectRoot, 'cms', 'migrations-mongodb'),
      prodMigrations: mongoMigrations,
      ...mongoEmulatorSettings(),
    })
  }
  fs.mkdirSync(path.dirname(url.slice('file:'.length)), { recursive: true })
  return sqliteAdapter({
    client: { url },
    migrationDir: path.join(projectRoot, 'cms', 'migrations'),
    prodMigrations: sqliteMigrations,
    push: process.env.PAYLOAD_DB_PUSH === 'true',
  })
}
