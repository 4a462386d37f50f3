import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { BaseDatabaseAdapter, DatabaseAdapterObj, Payload } from 'payload'

import { migrations as mongoMigrations } from '../migrations-mongodb/index.ts'
import { migrations as sqliteMigrations } from '../migrations/index.ts'
import { runAfterCommit } from './afterCommit.ts'
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
 * `PANTAU_SKIP_BOOT_TASKS=true`, set by the publish job for the snapshot process it starts (never for
 * a server): the CMS that started it has applied the committed migrations already, and a second
 * pass would only run SQLite's ANALYZE again, which holds the write lock while it reads every index,
 * so the CMS's saves would wait on it. A development start's type generation is skipped as well.
 */
export const bootTasksSkipped = (): boolean => process.env.PANTAU_SKIP_BOOT_TASKS === 'true'

/** How long a statement waits for another process's write lock (a script run beside the server). */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000

/**
 * Payload gives each `*_locales` table (the texts of localized fields, one row per language) only a
 * unique index on (`_locale`, `_parent_id`), which cannot serve the lookup every localized read
 * makes: all languages of these parents. Without an index on `_parent_id` alone, each read of a
 * page of programmes scans the whole table. (Array and relationship tables get one already.)
 */
type RawTables = Record<string, { name: string; indexes?: Record<string, { name: string; on: string | string[] }> }>
const indexLocaleParents = <Schema>({ adapter, schema }: { adapter: unknown; schema: Schema }): Schema => {
  const tables = (adapter as { rawTables: RawTables }).rawTables
  for (const table of Object.values(tables)) {
    if (!table.name.endsWith('_locales')) continue
    const name = `${table.name}_parent_id_idx`
    table.indexes = { ...table.indexes, [name]: { name, on: '_parentID' } }
  }
  return schema
}

/**
 * Test-only: `npm run test:mongo` sets PANTAU_TEST_MONGO_EMULATOR for its wire-protocol emulator,
 * which cannot run the `$lookup` pipelines that join fields use by default. Never set in production.
 */
function mongoEmulatorSettings() {
  return process.env.PANTAU_TEST_MONGO_EMULATOR ? { useJoinAggregations: false } : {}
}

/** Refreshes the query planner's statistics (SQLite's ANALYZE); MongoDB keeps its own. */
export async function analyzeDatabase(payload: Payload): Promise<void> {
  const db = payload.db as unknown as { name: string; client?: { execute(sql: string): Promise<unknown> } }
  if (db.name === 'sqlite' && db.client) await db.client.execute('ANALYZE')
}

type SqliteInternals = BaseDatabaseAdapter & {
  client?: unknown
  clientConfig: { url: string }
}

/**
 * The SQLite adapter, tuned for many people reading while some write: the file in WAL mode (readers
 * never wait for the writer), a busy timeout for a script writing beside the server, the planner's
 * statistics refreshed after migrations, and indexes on the locale tables' parents. Saves are not
 * wrapped in transactions (the adapter's default): libsql gives each transaction a connection of its
 * own, and a hook writing outside its request's transaction would then wait on the very save it
 * belongs to.
 */
function sqlite(url: string): DatabaseAdapterObj {
  fs.mkdirSync(path.dirname(url.slice('file:'.length)), { recursive: true })
  const base = sqliteAdapter({
    client: { url },
    migrationDir: path.join(projectRoot, 'cms', 'migrations'),
    prodMigrations: bootTasksSkipped() ? undefined : sqliteMigrations,
    push: process.env.PAYLOAD_DB_PUSH === 'true',
    beforeSchemaInit: [indexLocaleParents as never],
  })
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args) as SqliteInternals
      const { connect, migrate } = adapter
      adapter.connect = async function (options) {
        await connect!.call(this, options)
        const client = (this as SqliteInternals).client as { execute(sql: string): Promise<{ rows: Record<string, unknown>[] }> }
        const mode = await client.execute('PRAGMA journal_mode')
        if (String(mode.rows[0]?.journal_mode) !== 'wal') await client.execute('PRAGMA journal_mode = WAL')
        await client.execute(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)
        // In WAL mode NORMAL is durable once checkpointed and never corrupts the file.
        await client.execute('PRAGMA synchronous = NORMAL')
      }
      adapter.migrate = async function (options) {
        await migrate.call(this, options)
        await analyzeDatabase(this.payload)
      }
      return adapter
    },
  }
}

/** Work registered with `afterCommit` runs once the change it belongs to is committed, and never if it is rolled back. */
function withAfterCommit(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      const { commitTransaction, rollbackTransaction } = adapter
      adapter.commitTransaction = async function (id) {
        await commitTransaction.call(this, id)
        await runAfterCommit(id, true)
      }
      adapter.rollbackTransaction = async function (id) {
        await rollbackTransaction.call(this, id)
        await runAfterCommit(id, false)
      }
      return adapter
    },
  }
}

/**
 * The database adapter for `DATABASE_URI`. SQLite never pushes its schema on the main database:
 * committed migrations create it (`payload migrate`, and on a production start). Only throw-away
 * test databases may set `PAYLOAD_DB_PUSH=true`. MongoDB runs each save in a transaction when the
 * server is a replica set (the adapter's default; a single server has none).
 */
export function databaseAdapter(uri = process.env.DATABASE_URI): DatabaseAdapterObj {
  const { kind, url } = resolveDatabase(uri)
  if (kind === 'mongodb') {
    return withAfterCommit(
      mongooseAdapter({
        url,
        connectOptions: { serverSelectionTimeoutMS: MONGO_SERVER_SELECTION_TIMEOUT_MS },
        migrationDir: path.join(projectRoot, 'cms', 'migrations-mongodb'),
        prodMigrations: bootTasksSkipped() ? undefined : mongoMigrations,
        ...mongoEmulatorSettings(),
      }),
    )
  }
  return withAfterCommit(sqlite(url))
}
