/**
 * What backup and restore ask of a database engine: every table (SQLite) or collection (MongoDB)
 * read through the adapter's own connection into JSON lines, and written back as they were, ids,
 * versions, drafts and the audit chain included. One implementation per engine (./sqlite.ts,
 * ./mongodb.ts); ./database.ts picks the installation's.
 */
import fs from 'node:fs'
import readline from 'node:readline'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import type { Engine } from './manifest.ts'

/** One exported table: its rows as JSON lines in `file`. */
export interface TableDump {
  name: string
  rows: number
  file: string
}

export interface DatabaseTables {
  readonly engine: Engine
  /** The table or collection in which Payload records the migrations it has applied. */
  readonly migrationsTable: string
  /** The migrations this code base brings for the engine, oldest first. */
  readonly committedMigrations: string[]
  /** Writes every table into `dir`, from one consistent read where the engine offers one. */
  exportTables(dir: string): Promise<TableDump[]>
  /** The number of rows in every table of the installation now. */
  rowCounts(): Promise<Record<string, number>>
  /** Table names an archive holds that this installation could not take (SQLite: no such table). */
  unknownTables(names: string[]): Promise<string[]>
  /** Reads back one exported line. */
  decodeRow(line: string): Record<string, unknown>
  /** The migrations this database records as applied (none for a fresh one). */
  appliedMigrations(): Promise<string[]>
  /** Applies the committed migrations, so the schema is this code base's. */
  migrate(): Promise<void>
  /** Empties every table and fills those in `tables` from their exported files. */
  replaceAll(tables: { name: string; file: string }[]): Promise<void>
}

/** Writes `lines` (each without its newline) to `file` and returns how many there were. */
export async function writeLines(file: string, lines: AsyncIterable<string>): Promise<number> {
  let count = 0
  async function* withNewlines() {
    for await (const line of lines) {
      count += 1
      yield `${line}\n`
    }
  }
  await pipeline(Readable.from(withNewlines()), fs.createWriteStream(file))
  return count
}

/** The lines of a file written by `writeLines`. */
export async function* readLines(file: string): AsyncGenerator<string> {
  const reader = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })
  for await (const line of reader) if (line) yield line
}
