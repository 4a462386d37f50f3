/**
 * `npm run restore -- <archive> [--force]`: puts a backup (./backup.ts) back into this installation.
 *
 * Before it writes anything it reads the whole archive and checks it against its manifest
 * (./archive.ts), then checks that the archive suits this installation: the same database engine
 * (moving between SQLite and MongoDB is not supported), the same migrations as this code base
 * brings, upload collections it knows, and an empty installation: no row in any table but the
 * migrations' and no stored file, unless `force` says to replace everything there.
 *
 * Then it applies the committed migrations (a fresh installation gets its schema), replaces every
 * table's rows with the archive's (SQLite in one transaction) and the stored files, and checks the
 * restored audit chain against the head the manifest recorded.
 */
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { readVerifiedArchive, type StagedMember } from './archive.ts'
import { auditState, describeAudit, sameAuditState } from './audit.ts'
import { databaseTables } from './database.ts'
import { BackupError } from './errors.ts'
import { uploadCollections, type UploadFileStore, uploadFileStore } from './files.ts'
import { type AuditState, fileMember, type Manifest, tableMember } from './manifest.ts'
import { type DatabaseTables, readLines } from './tables.ts'

export interface RestoreOptions {
  archive: string
  /** Replace the data of an installation that is not empty. */
  force?: boolean
  log?: (line: string) => void
}

export interface RestoreSummary {
  manifest: Manifest
  tables: number
  rows: number
  files: number
  audit: AuditState
  durationMs: number
}

const listed = (names: string[]) => names.join(', ')

/** The migration names the archive's own migrations table holds (not the manifest's copy: the rows are what gets loaded). */
async function archiveMigrations(database: DatabaseTables, members: Map<string, StagedMember>): Promise<string[]> {
  const member = members.get(tableMember(database.migrationsTable))
  const names: string[] = []
  if (member) for await (const line of readLines(member.staged)) names.push(String(database.decodeRow(line).name))
  return names
}

function refuseOtherMigrations(archive: string[], committed: string[], applied: string[]): void {
  const ahead = applied.filter((name) => !committed.includes(name))
  if (ahead.length > 0) {
    throw new BackupError(
      'migrations',
      `Basis data ini sudah dimigrasi melewati versi Pantau ini (${listed(ahead)}); pulihkan ke basis data kosong / ` +
        `This database was migrated beyond this release of Pantau (${listed(ahead)}); restore into an empty database instead`,
    )
  }
  const newer = archive.filter((name) => !committed.includes(name))
  if (newer.length > 0) {
    throw new BackupError(
      'migrations',
      `Arsip berasal dari Pantau yang lebih baru (migrasi yang tidak dikenal di sini: ${listed(newer)}); pasang versi itu dulu / ` +
        `The archive comes from a newer Pantau (migrations unknown here: ${listed(newer)}); install that version first`,
    )
  }
  const older = committed.filter((name) => !archive.includes(name))
  if (older.length > 0) {
    throw new BackupError(
      'migrations',
      `Arsip berasal dari Pantau yang lebih lama (tanpa migrasi: ${listed(older)}); pulihkan dengan versi itu, lalu perbarui / ` +
        `The archive comes from an older Pantau (without migrations: ${listed(older)}); restore it with that version, then upgrade`,
    )
  }
}

/**
 * Pauses this process's job queue (its crons: the Next.js server's, or a test process's whose REST
 * calls started them) until `resume` is called, once a run in progress has ended. On SQLite every
 * statement of this process goes through the adapter's one connection, so a job writing while the
 * tables are replaced would write inside the restore's transaction (the job statistics saved again
 * between emptying their table and loading the archive's row broke the load). Other processes wait
 * for the restore's write lock.
 */
async function pauseJobQueue(payload: Payload): Promise<{ resume: () => void }> {
  const paused = payload.crons.filter((cron) => cron.isRunning() && cron.pause())
  while (paused.some((cron) => cron.isBusy())) await new Promise((resolve) => setTimeout(resolve, 50))
  return { resume: () => paused.forEach((cron) => cron.resume()) }
}

/** What the installation holds already, in words; empty when there is nothing. */
async function existingData(payload: Payload, database: DatabaseTables, store: UploadFileStore): Promise<string[]> {
  const found: string[] = []
  for (const [table, rows] of Object.entries(await database.rowCounts())) {
    if (table !== database.migrationsTable && rows > 0) found.push(`${table}: ${rows}`)
  }
  for (const collection of uploadCollections(payload)) {
    const files = (await store.list(collection)).length
    if (files > 0) found.push(`${collection} (berkas / files): ${files}`)
  }
  return found
}

export async function restoreBackup(payload: Payload, options: RestoreOptions): Promise<RestoreSummary> {
  const started = performance.now()
  const log = options.log ?? (() => undefined)
  const database = databaseTables(payload)
  const store = uploadFileStore(payload)
  const staging = await fsp.mkdtemp(path.join(os.tmpdir(), 'pantau-restore-'))
  try {
    const { manifest, members } = await readVerifiedArchive(options.archive, staging)
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0)
    log(
      `Arsip utuh / Archive intact: ${manifest.tables.length} tabel / tables (${rows} baris / rows), ${manifest.files.length} berkas / files, ` +
        `Pantau ${manifest.pantauVersion}, ${manifest.engine}, ${manifest.createdAt}`,
    )

    if (manifest.engine !== database.engine) {
      throw new BackupError(
        'wrongEngine',
        `Arsip dari ${manifest.engine}, instalasi ini memakai ${database.engine}; pemulihan lintas mesin basis data tidak didukung / ` +
          `The archive is from ${manifest.engine}, this installation runs ${database.engine}; restoring across database engines is not supported`,
      )
    }
    refuseOtherMigrations(await archiveMigrations(database, members), database.committedMigrations, await database.appliedMigrations())
    const collections = new Set(uploadCollections(payload))
    const strange = [...new Set(manifest.files.map((file) => file.collection))].filter((collection) => !collections.has(collection))
    if (strange.length > 0) {
      throw new BackupError('unknownCollection', `Koleksi unggahan tidak dikenal / Unknown upload collections: ${listed(strange)}`, { subject: strange[0] })
    }
    const existing = await existingData(payload, database, store)
    if (existing.length > 0 && !options.force) {
      throw new BackupError(
        'notEmpty',
        `Instalasi ini tidak kosong / This installation is not empty (${listed(existing.slice(0, 5))}${existing.length > 5 ? ', ...' : ''}). ` +
          'Pulihkan ke instalasi kosong, atau tambahkan --force untuk mengganti semuanya / ' +
          'Restore into an empty installation, or add --force to replace everything in it',
      )
    }

    const jobs = await pauseJobQueue(payload)
    try {
      await database.migrate()
      const unknown = await database.unknownTables(manifest.tables.map((table) => table.name))
      if (unknown.length > 0) {
        throw new BackupError('schema', `Tabel arsip tidak ada di basis data ini / The archive's tables do not exist in this database: ${listed(unknown)}`, {
          subject: unknown[0],
        })
      }
      await database.replaceAll(
        manifest.tables.map((table) => ({ name: table.name, file: (members.get(tableMember(table.name)) as StagedMember).staged })),
      )
    } finally {
      jobs.resume()
    }
    log(`Basis data dipulihkan / Database restored: ${rows} baris / rows`)

    try {
      if (options.force) for (const collection of collections) await store.clear(collection)
      for (const file of manifest.files) {
        const staged = members.get(fileMember(file.collection, file.path)) as StagedMember
        await store.write(file.collection, file.path, fs.createReadStream(staged.staged))
      }
    } catch (error) {
      throw new BackupError(
        'loadFailed',
        'Basis data sudah dipulihkan, tetapi berkas hanya sebagian; perbaiki penyebabnya lalu jalankan lagi dengan --force / ' +
          `The database is restored but the files only partly; fix the cause and run again with --force: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      )
    }
    log(`Berkas dipulihkan / Files restored: ${manifest.files.length}`)

    const audit = await auditState(payload)
    if (!sameAuditState(audit, manifest.audit)) {
      throw new BackupError(
        'auditMismatch',
        `Log audit setelah pemulihan (${describeAudit(audit)}) tidak sama dengan manifes (${describeAudit(manifest.audit)}) / ` +
          `The audit log after the restore does not match the manifest's head`,
      )
    }
    return { manifest, tables: manifest.tables.length, rows, files: manifest.files.length, audit, durationMs: Math.round(performance.now() - started) }
  } finally {
    await fsp.rm(staging, { recursive: true, force: true })
  }
}
