import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { CITY_TABLES, type CityTable, cityOfRecord, citiesToRebuild, DATAPACKAGE_FILE, TABLE_NAMES } from '../contract/index.ts'
import type { ID } from '../domain/ids.ts'
import { projectRoot } from '../infra/paths.ts'
import { collectSnapshot, type Snapshot } from './build.ts'
import { snapshotFiles } from './files.ts'

export type { Snapshot } from './build.ts'

/** Where the snapshot is written: `SNAPSHOT_DIR`, relative to the project root, default `data/snapshot`. */
export const snapshotDir = (): string =>
  path.resolve(projectRoot, process.env.SNAPSHOT_DIR || path.join('data', 'snapshot'))

export interface SnapshotSummary {
  dir: string
  created: string
  files: string[]
  counts: Record<keyof Snapshot, number>
  durationMs: number
  /**
   * The slugs of the cities whose pages the site must build again, the rest of the site being as it
   * was (cms/contract/siteBuild.ts); null when every page must be.
   */
  siteCities: string[] | null
  /** The date of the snapshot a partial build merged into (the site built from it can be the base of a partial site build); null when whole. */
  mergedInto: string | null
}

/**
 * Replaces `dir` with the files, so that a reader finds either the whole previous snapshot or the
 * whole new one: the files are written into a sibling folder first (same file system, so the
 * renames are atomic), the old folder is moved aside, the new one moved in, and the old one removed.
 */
export async function writeSnapshotFolder(dir: string, files: { path: string; content: string | Uint8Array }[]): Promise<void> {
  const parent = path.dirname(dir)
  const base = path.basename(dir)
  await fs.mkdir(parent, { recursive: true })
  const staging = await fs.mkdtemp(path.join(parent, `.${base}.new-`))
  // mkdtemp makes the folder private to its owner; the snapshot is public and served by others.
  await fs.chmod(staging, 0o755)
  try {
    const folders = new Set(files.map((file) => path.dirname(path.join(staging, file.path))))
    await Promise.all([...folders].map((folder) => fs.mkdir(folder, { recursive: true, mode: 0o755 })))
    await Promise.all(files.map((file) => fs.writeFile(path.join(staging, file.path), file.content)))
    // Another build may swap its folder in between our two renames; then ours simply follows it.
    for (let attempt = 1; ; attempt += 1) {
      const retired = path.join(parent, `.${base}.old-${randomBytes(4).toString('hex')}`)
      const hadPrevious = await fs.rename(dir, retired).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false
          throw error
        },
      )
      try {
        await fs.rename(staging, dir)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (hadPrevious) {
          const restored = await fs.rename(retired, dir).then(() => true, () => false)
          if (!restored) await fs.rm(retired, { recursive: true, force: true })
        }
        if (attempt < 3 && (code === 'ENOTEMPTY' || code === 'EEXIST')) continue
        throw error
      }
      if (hadPrevious) await fs.rm(retired, { recursive: true, force: true })
      return
    }
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true })
    throw error
  }
}

/** Ids in the order the database sorts them: numbers (SQLite) by value, ObjectIds (MongoDB) as text of one length. */
export const byId = (a: { id: string }, b: { id: string }): number =>
  a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The snapshot this process wrote last, kept to merge the next partial one into without reading and
 * parsing its files again (about half a second at national size: the snapshot child stays up between
 * publishes). Used only while the folder still holds it, its `datapackage.json` carrying its date.
 * Its tables are never changed in place: a merge makes new ones.
 */
let lastWritten: { dir: string; created: string; snapshot: Snapshot } | undefined

/** The snapshot now in `dir`, as written, with its date; undefined when there is none or it cannot be read. */
async function readWritten(dir: string): Promise<{ snapshot: Snapshot; created: string } | undefined> {
  try {
    const { created } = JSON.parse(await fs.readFile(path.join(dir, DATAPACKAGE_FILE), 'utf8')) as { created: string }
    if (lastWritten?.dir === dir && lastWritten.created === created) return { snapshot: lastWritten.snapshot, created }
    const tables = await Promise.all(TABLE_NAMES.map(async (name) => [name, JSON.parse(await fs.readFile(path.join(dir, `${name}.json`), 'utf8'))]))
    return { snapshot: Object.fromEntries(tables) as Snapshot, created }
  } catch {
    return undefined
  }
}

/**
 * The written snapshot with the rows of `cities` replaced by `fresh` (read for those cities only),
 * and the tables that belong to no city taken whole from `fresh`: what a full read gives.
 */
function mergeCities(written: Snapshot, fresh: Snapshot, cities: ID[]): Snapshot {
  const changed = new Set(cities.map(String))
  const merged = { ...fresh } as Record<keyof Snapshot, unknown[]>
  for (const table of CITY_TABLES) {
    const rows = fresh[table] as { id: string; city?: string | null }[]
    const kept = (written[table] as { id: string; city?: string | null }[]).filter((row) => !changed.has(cityOfRecord(table as CityTable, row)))
    merged[table] = [...kept, ...rows].sort(byId)
  }
  return merged as Snapshot
}

/**
 * Reads what the public may see and publishes it as the snapshot folder (JSON, CSV,
 * datapackage.json). With `cities`, only those cities' records are read again and merged into the
 * snapshot already written (a change to one city); the files are the same as a full build's. Without
 * a readable snapshot to merge into, it builds whole.
 */
export async function buildSnapshot(
  payload: Payload,
  options: { dir?: string; now?: Date; cities?: ID[] } = {},
): Promise<SnapshotSummary & { partial: boolean }> {
  const started = performance.now()
  const dir = options.dir ?? snapshotDir()
  const created = options.now ?? new Date()
  const written = options.cities ? await readWritten(dir) : undefined
  const snapshot =
    written && options.cities
      ? mergeCities(written.snapshot, await collectSnapshot(payload, { cities: options.cities }), options.cities)
      : await collectSnapshot(payload)
  const siteCities = written && options.cities ? citiesToRebuild(written.snapshot, snapshot, options.cities.map(String)) : null
  const files = snapshotFiles(snapshot, created)
  lastWritten = undefined
  await writeSnapshotFolder(dir, files)
  lastWritten = { dir, created: created.toISOString(), snapshot }
  const counts = Object.fromEntries(Object.entries(snapshot).map(([name, rows]) => [name, rows.length])) as SnapshotSummary['counts']
  return {
    dir,
    created: created.toISOString(),
    files: files.map((file) => file.path),
    counts,
    durationMs: Math.round(performance.now() - started),
    partial: Boolean(written),
    siteCities,
    mergedInto: written?.created ?? null,
  }
}
