import fs from 'node:fs/promises'
import path from 'node:path'

import { z } from 'astro/zod'

import {
  type Datapackage,
  DATAPACKAGE_FILE,
  datapackageSchema,
  SNAPSHOT_TABLES,
  type SnapshotRecord,
  type SnapshotTables,
  TABLE_NAMES,
  type TableDefinition,
  type TableName,
} from '../../cms/contract/index.ts'

/**
 * The publish snapshot (`npm run snapshot`, or the CMS's `publish-site` job) as the site reads it,
 * with the contract the CMS writes it by (cms/contract/). A snapshot that does not match stops the
 * build with the file and the path of the first problem.
 */

export type { Datapackage }

export type Snapshot = SnapshotTables & {
  /** When the CMS wrote the snapshot: the "last updated" of the open data. */
  created: string
  /** The data package as read, for the open-data page's list of files and licence. */
  datapackage: Datapackage
}
export type SnapshotCity = SnapshotRecord<'cities'>
export type SnapshotProgram = SnapshotRecord<'programs'>
export type SnapshotUpdate = SnapshotRecord<'updates'>
export type SnapshotMedia = SnapshotRecord<'media'>
export type SnapshotScore = SnapshotRecord<'scores'>
export type SnapshotDimension = SnapshotRecord<'dimensions'>

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SnapshotError'
  }
}

/** `[3].title.id`: where in a file a problem sits, as a reader would look it up. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`)).join('').replace(/^\./, '') || '(root)'
}

function mismatch(dir: string, file: string, where: string, problem: string): SnapshotError {
  return new SnapshotError(
    `Snapshot tidak sesuai skema / The snapshot does not match its schema: ${path.join(dir, file)} at ${where}: ${problem}`,
  )
}

async function readJson(dir: string, file: string): Promise<unknown> {
  const full = path.join(dir, file)
  let text: string
  try {
    text = await fs.readFile(full, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new SnapshotError(
      code === 'ENOENT'
        ? `Berkas snapshot tidak ada / Snapshot file missing: ${full}. Jalankan / run \`npm run snapshot\` first.`
        : `Berkas snapshot tidak terbaca / Cannot read snapshot file ${full}: ${(error as Error).message}`,
    )
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new SnapshotError(`Berkas snapshot bukan JSON yang sah / Snapshot file is not valid JSON: ${full}: ${(error as Error).message}`)
  }
}

function parseFile<T extends z.ZodType>(dir: string, file: string, schema: T, data: unknown): z.output<T> {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  const [issue] = result.error.issues
  throw mismatch(dir, file, formatPath(issue.path), issue.message)
}

/** Every reference points at a record of the snapshot, so no page links to something left out. */
function checkReferences(dir: string, snapshot: Snapshot): void {
  const known = new Map<TableName, Set<string>>()
  const idsOf = (target: TableName) => {
    let ids = known.get(target)
    if (!ids) {
      ids = new Set(snapshot[target].map((record) => record.id))
      known.set(target, ids)
    }
    return ids
  }
  for (const file of TABLE_NAMES) {
    const table: TableDefinition = SNAPSHOT_TABLES[file]
    for (const [field, target] of Object.entries(table.references ?? {}) as [string, TableName][]) {
      const records = snapshot[file] as unknown as Record<string, unknown>[]
      records.forEach((record, index) => {
        const value = record[field]
        const values = Array.isArray(value) ? value : [value]
        values.forEach((reference, position) => {
          if (reference === null || reference === undefined || idsOf(target).has(String(reference))) return
          const where = formatPath(Array.isArray(value) ? [index, field, position] : [index, field])
          throw mismatch(dir, `${file}.json`, where, `"${String(reference)}" is not in ${target}.json`)
        })
      })
    }
  }
}

/**
 * Reads and checks the snapshot in `dir`: every JSON file against its schema, the data package's
 * date and licence, and every reference between files. Throws a `SnapshotError` naming the file and
 * the path of the first problem.
 */
export async function loadSnapshot(dir: string): Promise<Snapshot> {
  const datapackage = parseFile(dir, DATAPACKAGE_FILE, datapackageSchema, await readJson(dir, DATAPACKAGE_FILE))
  const contents = await Promise.all(TABLE_NAMES.map((name) => readJson(dir, `${name}.json`)))
  // Checked one file after the other, so the first problem reported is always the same one.
  const entries = TABLE_NAMES.map((name, index) => {
    const records = parseFile(dir, `${name}.json`, z.array(SNAPSHOT_TABLES[name].record as z.ZodType), contents[index])
    return [name, records] as const
  })
  const snapshot = { ...Object.fromEntries(entries), created: datapackage.created, datapackage } as Snapshot
  checkReferences(dir, snapshot)
  return snapshot
}
