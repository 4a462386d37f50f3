import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

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

/** Reads what the public may see and publishes it as the snapshot folder (JSON, CSV, datapackage.json). */
export async function buildSnapshot(payload: Payload, options: { dir?: string; now?: Date } = {}): Promise<SnapshotSummary> {
  const started = performance.now()
  const dir = options.dir ?? snapshotDir()
  const created = options.now ?? new Date()
  const snapshot = await collectSnapshot(payload)
  const files = snapshotFiles(snapshot, created)
  await writeSnapshotFolder(dir, files)
  const counts = Object.fromEntries(Object.entries(snapshot).map(([name, rows]) => [name, rows.length])) as SnapshotSummary['counts']
  return {
    dir,
    created: created.toISOString(),
    files: files.map((file) => file.path),
    counts,
    durationMs: Math.round(performance.now() - started),
  }
}
