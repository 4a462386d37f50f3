/** The installation's database engine, as backup and restore work with it (./tables.ts). */
import type { Payload } from 'payload'

import { mongodbTables } from './mongodb.ts'
import { sqliteTables } from './sqlite.ts'
import type { DatabaseTables } from './tables.ts'

export function databaseTables(payload: Payload): DatabaseTables {
  if (payload.db.name === 'sqlite') return sqliteTables(payload)
  if (payload.db.name === 'mongoose') return mongodbTables(payload)
  throw new Error(`Basis data ${payload.db.name} tidak didukung / Database ${payload.db.name} is not supported`)
}
