/**
 * The SQLite side of backup and restore, on the adapter's libsql client. Export: every table of
 * `sqlite_master` but SQLite's own (`sqlite_*`), read inside one read transaction (in WAL mode a
 * consistent view while the CMS goes on writing), in rowid order, as one JSON object per row whose
 * values keep their storage class (./sqliteValues.ts).
 *
 * Restore: one write transaction that empties every table and inserts the archive's rows, with
 * foreign keys off for the load and checked (`PRAGMA foreign_key_check`) before the commit, so a
 * load that fails, or would leave a dangling reference, leaves the database as it was.
 */
import path from 'node:path'

import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Migration, Payload } from 'payload'

import { analyzeDatabase } from '../infra/database.ts'
import { migrations } from '../migrations/index.ts'
import { BackupError } from './errors.ts'
import { isBackupTableName } from './manifest.ts'
import { decodeValue, type Encoded, encodeValue, type InValue } from './sqliteValues.ts'
import { type DatabaseTables, readLines, type TableDump, writeLines } from './tables.ts'

type Client = SQLiteAdapter['client']
type ResultRow = Awaited<ReturnType<Client['execute']>>['rows'][number]

/** Rows read per query while exporting. */
const EXPORT_PAGE = 500
/** Bound parameters per insert, under SQLite's limit of 32,766. */
const MAX_PARAMETERS = 30_000
const MAX_ROWS_PER_INSERT = 500

const quote = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`

async function tableNames(client: Client): Promise<string[]> {
  const { rows } = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
  return rows.map((row) => String(row.name)).filter(isBackupTableName)
}

async function columnsOf(client: Client, table: string): Promise<string[]> {
  const { rows } = await client.execute(`PRAGMA table_info(${quote(table)})`)
  return rows.map((row) => String(row.name))
}

async function* exportRows(client: Client, table: string): AsyncGenerator<string> {
  const columns = await columnsOf(client, table)
  const select = columns.map((column) => `${quote(column)}, typeof(${quote(column)})`).join(', ')
  let after: ResultRow[number] | null = null
  for (;;) {
    const { rows } = await client.execute({
      sql: `SELECT rowid, ${select} FROM ${quote(table)}${after === null ? '' : ' WHERE rowid > ?'} ORDER BY rowid LIMIT ${EXPORT_PAGE}`,
      args: after === null ? [] : [after],
    })
    for (const row of rows) {
      const record: Record<string, Encoded> = {}
      columns.forEach((column, index) => {
        record[column] = encodeValue(row[1 + 2 * index], String(row[2 + 2 * index]))
      })
      yield JSON.stringify(record)
    }
    if (rows.length < EXPORT_PAGE) return
    after = rows[rows.length - 1][0]
  }
}

/** Inserts the rows of one exported file, several rows per statement while their columns agree. */
async function insertRows(client: Client, table: string, file: string, known: Set<string>): Promise<void> {
  let columns: string[] = []
  let pending: InValue[][] = []
  const flush = async () => {
    if (pending.length === 0) return
    const row = `(${columns.map(() => '?').join(', ')})`
    await client.execute({
      sql: `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${pending.map(() => row).join(', ')}`,
      args: pending.flat(),
    })
    pending = []
  }
  let line = 0
  for await (const text of readLines(file)) {
    line += 1
    const record = JSON.parse(text) as Record<string, unknown>
    const names = Object.keys(record)
    const unknown = names.find((name) => !known.has(name))
    if (unknown !== undefined) {
      throw new BackupError(
        'schema',
        `Kolom ${table}.${unknown} dari arsip tidak ada di basis data ini / The archive's column ${table}.${unknown} does not exist in this database`,
        { subject: table },
      )
    }
    const perInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / Math.max(1, names.length))))
    if (names.join('\0') !== columns.join('\0') || pending.length >= perInsert) {
      await flush()
      columns = names
    }
    pending.push(names.map((name) => decodeValue(record[name], `${table}:${line}.${name}`)))
  }
  await flush()
}

export function sqliteTables(payload: Payload): DatabaseTables {
  const client = (payload.db as unknown as SQLiteAdapter).client
  return {
    engine: 'sqlite',
    migrationsTable: 'payload_migrations',
    committedMigrations: migrations.map((migration) => migration.name),

    async exportTables(dir) {
      const dumps: TableDump[] = []
      await client.execute('BEGIN')
      try {
        for (const name of await tableNames(client)) {
          const file = path.join(dir, `${name}.jsonl`)
          dumps.push({ name, file, rows: await writeLines(file, exportRows(client, name)) })
        }
      } finally {
        await client.execute('COMMIT')
      }
      return dumps
    },

    async rowCounts() {
      const counts: Record<string, number> = {}
      for (const name of await tableNames(client)) {
        const { rows } = await client.execute(`SELECT count(*) AS count FROM ${quote(name)}`)
        counts[name] = Number(rows[0].count)
      }
      return counts
    },

    async unknownTables(names) {
      const existing = new Set(await tableNames(client))
      return names.filter((name) => !existing.has(name))
    },

    decodeRow: (line) => JSON.parse(line) as Record<string, unknown>,

    async appliedMigrations() {
      if (!(await tableNames(client)).includes('payload_migrations')) return []
      const { rows } = await client.execute('SELECT name FROM payload_migrations ORDER BY rowid')
      return rows.map((row) => String(row.name))
    },

    async migrate() {
      await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
    },

    async replaceAll(tables) {
      // Off for the load (it can only be switched outside a transaction): emptying a table must not
      // fire its ON DELETE actions on the others, and rows go in table by table in any order.
      const { rows: setting } = await client.execute('PRAGMA foreign_keys')
      await client.execute('PRAGMA foreign_keys = OFF')
      try {
        await client.execute('BEGIN IMMEDIATE')
        try {
          for (const name of await tableNames(client)) await client.execute(`DELETE FROM ${quote(name)}`)
          for (const { name, file } of tables) await insertRows(client, name, file, new Set(await columnsOf(client, name)))
          const { rows } = await client.execute('PRAGMA foreign_key_check')
          if (rows.length > 0) {
            const broken = [...new Set(rows.map((row) => `${String(row.table)} -> ${String(row.parent)}`))].join(', ')
            throw new BackupError('loadFailed', `Baris arsip melanggar kunci asing; tidak ada yang diubah / The archive's rows break foreign keys; nothing was changed: ${broken}`)
          }
          await client.execute('COMMIT')
        } catch (error) {
          await client.execute('ROLLBACK').catch(() => undefined)
          throw error
        }
      } finally {
        if (Number(setting[0]?.foreign_keys) === 1) await client.execute('PRAGMA foreign_keys = ON')
      }
      await analyzeDatabase(payload)
    },
  }
}
