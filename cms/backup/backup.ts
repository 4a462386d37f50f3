/**
 * `npm run backup`: one `.tar.gz` with the whole database (every table or collection, through the
 * adapter's own connection), the stored files of every upload collection, and a manifest with the
 * SHA-256 of each member, the row counts, the Pantau version and the audit chain's head (see
 * ./manifest.ts for the layout). The audit head is read before and after the database export; a log
 * that grew meanwhile makes the export run again, so the head recorded is the one of the rows saved.
 *
 * Files are read after the database: a file uploaded meanwhile may be in the archive without its
 * record (harmless), one deleted meanwhile fails the backup. For a copy that is exact to the second,
 * stop the CMS (or run it at a quiet time).
 */
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { projectRoot } from '../infra/paths.ts'
import { ArchiveWriter } from './archive.ts'
import { auditState, describeAudit, sameAuditState } from './audit.ts'
import { databaseTables } from './database.ts'
import { BackupError } from './errors.ts'
import { uploadCollections, uploadFileStore } from './files.ts'
import {
  ARCHIVE_FORMAT,
  type AuditState,
  type FileEntry,
  fileMember,
  FORMAT_VERSION,
  type Manifest,
  MANIFEST_MEMBER,
  type TableEntry,
  tableMember,
} from './manifest.ts'
import { readLines, type DatabaseTables, type TableDump } from './tables.ts'

/** Where `npm run backup` writes when given no path. */
export const DEFAULT_BACKUP_DIR = path.join(projectRoot, 'backups')

/** Exports tried before giving up on a database whose audit log keeps growing. */
const EXPORT_ATTEMPTS = 3

export interface BackupOptions {
  /** A file to write, or a folder to write `pantau-<time>.tar.gz` into; default `backups/`. */
  target?: string
  now?: Date
  log?: (line: string) => void
}

export interface BackupSummary {
  file: string
  bytes: number
  tables: number
  rows: number
  files: number
  fileBytes: number
  audit: AuditState
  durationMs: number
}

/** `pantau-2026-12-02T101500Z.tar.gz`: the ISO time without colons (which some file systems refuse). */
export const archiveName = (now: Date): string =>
  `pantau-${now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '')}.tar.gz`

async function archivePath(target: string | undefined, now: Date): Promise<string> {
  const isFolder = target === undefined || /[/\\]$/.test(target) || fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()
  const folder = isFolder ? path.resolve(target ?? DEFAULT_BACKUP_DIR) : path.dirname(path.resolve(target))
  const file = isFolder ? path.join(folder, archiveName(now)) : path.resolve(target)
  await fsp.mkdir(folder, { recursive: true, mode: 0o700 })
  if (fs.existsSync(file)) throw new Error(`Berkas sudah ada, tidak ditimpa / The file exists already and is not overwritten: ${file}`)
  return file
}

async function pantauVersion(): Promise<string> {
  const pkg = JSON.parse(await fsp.readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { version?: string }
  return pkg.version ?? 'unknown'
}

/** The database's tables, read while the audit head stood still (see the file comment). */
async function exportDatabase(payload: Payload, database: DatabaseTables, scratch: string, log: (line: string) => void) {
  for (let attempt = 1; ; attempt += 1) {
    const before = await auditState(payload)
    const dir = await fsp.mkdtemp(path.join(scratch, 'export-'))
    const dumps = await database.exportTables(dir)
    const after = await auditState(payload)
    if (sameAuditState(before, after)) return { dumps, audit: after }
    await fsp.rm(dir, { recursive: true, force: true })
    if (attempt >= EXPORT_ATTEMPTS) {
      throw new BackupError(
        'changedDuringBackup',
        `Log audit terus bertambah selama ${EXPORT_ATTEMPTS} ekspor; jalankan lagi saat lebih sepi / ` +
          `The audit log kept growing during ${EXPORT_ATTEMPTS} exports; run the backup again at a quieter time`,
      )
    }
    log(`Log audit bertambah selama ekspor, diulang / The audit log grew during the export, exporting again (${attempt})`)
  }
}

async function migrationNames(database: DatabaseTables, dumps: TableDump[]): Promise<string[]> {
  const dump = dumps.find((candidate) => candidate.name === database.migrationsTable)
  const names: string[] = []
  if (dump) for await (const line of readLines(dump.file)) names.push(String(database.decodeRow(line).name))
  return names
}

export async function createBackup(payload: Payload, options: BackupOptions = {}): Promise<BackupSummary> {
  const started = performance.now()
  const log = options.log ?? (() => undefined)
  const now = options.now ?? new Date()
  const database = databaseTables(payload)
  const store = uploadFileStore(payload)
  const file = await archivePath(options.target, now)
  const scratch = await fsp.mkdtemp(path.join(os.tmpdir(), 'pantau-backup-'))
  const writer = new ArchiveWriter(file)
  try {
    const { dumps, audit } = await exportDatabase(payload, database, scratch, log)
    if (!audit.ok) log(`PERINGATAN / WARNING: log audit ${describeAudit(audit)}; dicadangkan apa adanya / backed up as it is`)

    const tables: TableEntry[] = []
    for (const dump of dumps) {
      const { size } = await fsp.stat(dump.file)
      const digest = await writer.add(tableMember(dump.name), size, fs.createReadStream(dump.file))
      tables.push({ name: dump.name, rows: dump.rows, ...digest })
    }
    log(`Basis data / Database (${database.engine}): ${tables.length} tabel / tables, ${tables.reduce((sum, table) => sum + table.rows, 0)} baris / rows`)

    const files: FileEntry[] = []
    for (const collection of uploadCollections(payload)) {
      for (const stored of await store.list(collection)) {
        const member = fileMember(collection, stored.path)
        const digest = await writer.add(member, stored.size, store.read(collection, stored.path)).catch((error: unknown) => {
          if ((error as { code?: string }).code !== 'ENOENT') throw error
          throw new BackupError(
            'changedDuringBackup',
            `${member} dihapus selama pencadangan; jalankan lagi / ${member} was deleted during the backup; run it again`,
            { subject: member, cause: error },
          )
        })
        files.push({ collection, path: stored.path, ...digest })
      }
    }
    log(`Berkas / Files: ${files.length}`)

    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: now.toISOString(),
      pantauVersion: await pantauVersion(),
      engine: database.engine,
      migrations: await migrationNames(database, dumps),
      tables,
      files,
      audit,
    }
    await writer.addBuffer(MANIFEST_MEMBER, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`))
    await writer.finish()
    return {
      file,
      bytes: (await fsp.stat(file)).size,
      tables: tables.length,
      rows: tables.reduce((sum, table) => sum + table.rows, 0),
      files: files.length,
      fileBytes: files.reduce((sum, entry) => sum + entry.size, 0),
      audit,
      durationMs: Math.round(performance.now() - started),
    }
  } catch (error) {
    await writer.abort()
    throw error
  } finally {
    await fsp.rm(scratch, { recursive: true, force: true })
  }
}
