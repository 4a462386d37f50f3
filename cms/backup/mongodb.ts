/**
 * The MongoDB side of backup and restore, on the adapter's mongoose connection. Export: every
 * collection of the database (`system.*` left out), in `_id` order, one document per line in
 * canonical Extended JSON, so ObjectIds, dates and the number types (int, long, double) come back as
 * they were. MongoDB offers no snapshot across collections here, so they are read one after another;
 * the backup checks the audit head before and after to notice a log that grew meanwhile.
 *
 * Restore: each collection emptied (`deleteMany`, which keeps its indexes) and filled with
 * `insertMany`. There is no transaction around it (a single server has none): a failure part-way
 * leaves a partial database, which the message says, and `--force` runs it again.
 */
import path from 'node:path'

import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import { BSON, type Db } from 'mongodb'
import type { Migration, Payload } from 'payload'

import { migrations } from '../migrations-mongodb/index.ts'
import { BackupError } from './errors.ts'
import { isBackupTableName } from './manifest.ts'
import { type DatabaseTables, readLines, type TableDump, writeLines } from './tables.ts'

/** Documents per `insertMany`. */
const INSERT_BATCH = 1_000

function databaseOf(payload: Payload): Db {
  const db = (payload.db as unknown as MongooseAdapter).connection.db
  if (!db) throw new Error('MongoDB: tidak terhubung / not connected')
  return db as unknown as Db
}

async function collectionNames(db: Db): Promise<string[]> {
  const found = await db.listCollections({}, { nameOnly: true }).toArray()
  return found
    .filter((info) => (info.type ?? 'collection') === 'collection')
    .map((info) => info.name)
    .filter(isBackupTableName)
    .sort()
}

async function* exportDocuments(db: Db, name: string): AsyncGenerator<string> {
  for await (const doc of db.collection(name).find({}).sort({ _id: 1 })) yield BSON.EJSON.stringify(doc, { relaxed: false })
}

export function mongodbTables(payload: Payload): DatabaseTables {
  const db = databaseOf(payload)
  const adapter = payload.db as unknown as MongooseAdapter
  return {
    engine: 'mongodb',
    migrationsTable: adapter.collections['payload-migrations']?.collection.collectionName ?? 'payload-migrations',
    committedMigrations: migrations.map((migration) => migration.name),

    async exportTables(dir) {
      const dumps: TableDump[] = []
      for (const name of await collectionNames(db)) {
        const file = path.join(dir, `${name}.jsonl`)
        dumps.push({ name, file, rows: await writeLines(file, exportDocuments(db, name)) })
      }
      return dumps
    },

    async rowCounts() {
      const counts: Record<string, number> = {}
      for (const name of await collectionNames(db)) counts[name] = await db.collection(name).countDocuments({})
      return counts
    },

    // A collection MongoDB does not have yet is created by the first insert.
    unknownTables: async () => [],

    decodeRow: (line) => BSON.EJSON.parse(line, { relaxed: false }) as Record<string, unknown>,

    async appliedMigrations() {
      const docs = await db.collection(this.migrationsTable).find({}).sort({ _id: 1 }).toArray()
      return docs.map((doc) => String(doc.name))
    },

    async migrate() {
      await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
    },

    async replaceAll(tables) {
      const done: string[] = []
      try {
        const existing = await collectionNames(db)
        for (const name of existing) await db.collection(name).deleteMany({})
        for (const { name, file } of tables) {
          // An empty collection of the archive is there afterwards too.
          if (!existing.includes(name)) await db.createCollection(name)
          let batch: BSON.Document[] = []
          for await (const line of readLines(file)) {
            batch.push(BSON.EJSON.parse(line, { relaxed: false }) as BSON.Document)
            if (batch.length >= INSERT_BATCH) {
              await db.collection(name).insertMany(batch, { ordered: true })
              batch = []
            }
          }
          if (batch.length > 0) await db.collection(name).insertMany(batch, { ordered: true })
          done.push(name)
        }
      } catch (error) {
        throw new BackupError(
          'loadFailed',
          `Pemulihan MongoDB terhenti; basis data kini terisi sebagian (${done.length} koleksi selesai), jalankan lagi dengan --force / ` +
            `The MongoDB restore stopped; the database is now partly filled (${done.length} collections done), run it again with --force: ` +
            (error instanceof Error ? error.message : String(error)),
          { cause: error },
        )
      }
    },
  }
}
