import type { CollectionSlug, PayloadRequest } from 'payload'
import { eq } from '@payloadcms/db-sqlite/drizzle'

import type { ID } from '../domain/ids.ts'

/**
 * Many rows of one collection written at once: the measurement import and the synthetic seed.
 * The callers have judged every row by the collection's own rules first (the import with the same
 * checks its hooks and access rules make, the seed by generating only valid rows) and fill in what
 * the hooks would (a measurement's city and programme), so no hook runs here, and the callers queue
 * what the hooks would have queued (one publish).
 *
 * On the SQL adapters every row goes into one batch: one transaction, all or nothing, a few
 * statements for a thousand rows instead of eight per row through the Local API. Elsewhere (MongoDB)
 * row by row through the adapter, inside the request's transaction when the database has one; without
 * one, a failure undoes the rows already written (created ones deleted, changed ones put back).
 */

export type RowChange = { id: ID; data: Record<string, unknown>; before: Record<string, unknown> }
export type BulkRows = { create: Record<string, unknown>[]; update: RowChange[] }

/** Rows per INSERT: about ten columns each stays far below SQLite's 32,766 bound variables. */
const ROWS_PER_INSERT = 500

type DrizzleQuery = unknown
type SqlAdapter = {
  drizzle: {
    batch(queries: DrizzleQuery[]): Promise<unknown>
    insert(table: unknown): { values(rows: object[]): DrizzleQuery }
    update(table: unknown): { set(values: object): { where(condition: unknown): DrizzleQuery } }
  }
  tables: Record<string, Record<string, unknown> & { id: unknown }>
}

function sqlAdapterOf(req: PayloadRequest, collection: CollectionSlug): SqlAdapter | undefined {
  const db = req.payload.db as unknown as Partial<SqlAdapter>
  return db.drizzle && typeof db.drizzle.batch === 'function' && db.tables?.[collection] ? (db as SqlAdapter) : undefined
}

export async function writeRows(req: PayloadRequest, collection: CollectionSlug, rows: BulkRows): Promise<void> {
  if (rows.create.length === 0 && rows.update.length === 0) return
  const now = new Date().toISOString()
  const sql = sqlAdapterOf(req, collection)
  if (sql) {
    const table = sql.tables[collection]
    const queries: DrizzleQuery[] = rows.update.map((change) =>
      sql.drizzle.update(table).set({ ...change.data, updatedAt: now }).where(eq(table.id as never, change.id)),
    )
    for (let start = 0; start < rows.create.length; start += ROWS_PER_INSERT) {
      const chunk = rows.create.slice(start, start + ROWS_PER_INSERT)
      queries.push(sql.drizzle.insert(table).values(chunk.map((row) => ({ ...row, createdAt: now, updatedAt: now }))))
    }
    await sql.drizzle.batch(queries)
    return
  }

  const transactional = Boolean(await req.transactionID)
  const created: ID[] = []
  const changed: RowChange[] = []
  try {
    for (const change of rows.update) {
      await req.payload.db.updateOne({ collection, id: change.id as string, data: { ...change.data, updatedAt: now }, req })
      changed.push(change)
    }
    for (const data of rows.create) {
      const doc = await req.payload.db.create({ collection, data: { ...data, createdAt: now, updatedAt: now }, req })
      created.push(doc.id as ID)
    }
  } catch (error) {
    if (!transactional) {
      for (const id of created.reverse()) await req.payload.db.deleteOne({ collection, where: { id: { equals: id } } })
      for (const change of changed.reverse()) await req.payload.db.updateOne({ collection, id: change.id as string, data: change.before })
    }
    throw error
  }
}
