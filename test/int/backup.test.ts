/**
 * `npm run backup` and `npm run restore` end to end, on the demo data (its evidence PDFs, photos in
 * four sizes and audit log). The backup runs in this process; the restore into a second, empty
 * installation (another SQLite file or MongoDB database, another upload folder) runs as the operator
 * runs it, `npm run restore -- <archive>` in a process of its own, and so does `npm run audit:verify`
 * on the restored side. The two installations are then compared by reading their databases directly
 * (every table's rows, SQLite values through `quote()`, so 5 and 5.0 differ; MongoDB documents as
 * canonical Extended JSON) and hashing their upload folders, not through the code under test.
 *
 * The refusals run in this process on the seeded installation, with `force` set, so that only the
 * archive check stands between a bad archive and the data: each must leave the data as it was.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { BSON, type Db } from 'mongodb'
import config from '@payload-config'
import { getPayload, type Payload } from 'payload'
import * as tar from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type BackupSummary, createBackup } from '../../cms/backup/backup.ts'
import { parseManifest, type Manifest } from '../../cms/backup/manifest.ts'
import { restoreBackup } from '../../cms/backup/restore.ts'
import { COLLECTIONS } from '../../cms/constants.ts'
import { projectRoot } from '../../cms/infra/paths.ts'
import { verifyAuditLog } from '../../cms/server/audit.ts'
import { seedDemo } from '../../seed/scenarios/demo.ts'
import { onMongo } from '../helpers/engine.ts'
import { testPayload } from '../helpers/payload.ts'

/** A child's start (loading the config through tsx) takes several seconds, more on a busy machine. */
const CHILD_TIMEOUT_MS = 180_000

type Fingerprint = Record<string, { rows: number; sha256: string }>

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')

/** Every file under `dir` by its path there, with its SHA-256. */
async function folderHashes(dir: string): Promise<Record<string, string>> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
  const hashes: Record<string, string> = {}
  for (const file of files.sort()) hashes[path.relative(dir, file).split(path.sep).join('/')] = sha256(await fs.readFile(file))
  return hashes
}

/** Every SQLite table of `schema` (main, or an attached file) with its row count and a hash of its rows in rowid order. */
async function sqliteFingerprint(payload: Payload, schema: string): Promise<Fingerprint> {
  const client = (payload.db as unknown as SQLiteAdapter).client
  const { rows: tables } = await client.execute(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
  const fingerprint: Fingerprint = {}
  for (const { name } of tables) {
    const { rows: columns } = await client.execute(`PRAGMA ${schema}.table_info("${String(name)}")`)
    const select = columns.map((column) => `quote("${String(column.name)}")`).join(', ')
    const { rows } = await client.execute(`SELECT ${select} FROM ${schema}."${String(name)}" ORDER BY rowid`)
    fingerprint[String(name)] = { rows: rows.length, sha256: sha256(JSON.stringify(rows.map((row) => columns.map((_, index) => row[index])))) }
  }
  return fingerprint
}

/** Every MongoDB collection of `db` with its document count and a hash of its documents in `_id` order. */
async function mongoFingerprint(db: Db): Promise<Fingerprint> {
  const fingerprint: Fingerprint = {}
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((info) => info.name).filter((name) => !name.startsWith('system.'))
  for (const name of names.sort()) {
    const docs = await db.collection(name).find({}).sort({ _id: 1 }).toArray()
    fingerprint[name] = { rows: docs.length, sha256: sha256(docs.map((doc) => BSON.EJSON.stringify(doc, { relaxed: false })).join('\n')) }
  }
  return fingerprint
}

const mongoClientOf = (payload: Payload) => (payload.db as unknown as MongooseAdapter).connection.getClient()

/** Runs an npm script in the project as an operator would, with `env`; resolves with its exit code and output. */
function npmRun(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string; ms: number }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', ...args], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output, ms: Math.round(performance.now() - started) }))
  })
}

/** The archive's members in order, unpacked into `dir`. */
async function unpack(archive: string, dir: string): Promise<string[]> {
  const names: string[] = []
  await tar.t({ file: archive, onReadEntry: (entry) => void names.push(entry.path) })
  await fs.mkdir(dir, { recursive: true })
  await tar.x({ file: archive, cwd: dir })
  return names
}

let payload: Payload
let scratch: string
let uploadDir: string
let summary: BackupSummary
let manifest: Manifest
let seeded: { database: Fingerprint; files: Record<string, string> }
let restoredEnv: NodeJS.ProcessEnv
let restoredUploads: string
let restoredMongoName: string | undefined

const databaseState = () =>
  onMongo ? mongoFingerprint((payload.db as unknown as MongooseAdapter).connection.db as unknown as Db) : sqliteFingerprint(payload, 'main')

const installationState = async () => ({ database: await databaseState(), files: await folderHashes(uploadDir) })

beforeAll(async () => {
  payload = await testPayload()
  scratch = process.env.PANTAU_SCRATCH_DIR as string
  uploadDir = process.env.UPLOAD_DIR as string
  const seedStarted = performance.now()
  await seedDemo(payload)
  console.log(`demo seeded in ${Math.round(performance.now() - seedStarted)} ms`)
  seeded = await installationState()
  summary = await createBackup(payload, { target: `${path.join(scratch, 'backups')}${path.sep}` })
  console.log(
    `backup: ${summary.tables} tables, ${summary.rows} rows, ${summary.files} files (${summary.fileBytes} bytes), ` +
      `archive ${summary.bytes} bytes, ${summary.durationMs} ms`,
  )
  const manifestText = await new Promise<string>((resolve, reject) => {
    tar
      .t({
        file: summary.file,
        onReadEntry: (entry) => {
          if (entry.path !== 'manifest.json') return
          const chunks: Buffer[] = []
          entry.on('data', (chunk: Buffer) => chunks.push(chunk))
          entry.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
        },
      })
      .catch(reject)
  })
  manifest = parseManifest(manifestText)

  restoredUploads = path.join(scratch, 'restored-uploads')
  let restoredDatabase = `file:${path.join(scratch, 'restored.db')}`
  if (onMongo) {
    const url = new URL(process.env.DATABASE_URI as string)
    restoredMongoName = `${url.pathname.slice(1)}_restored`
    url.pathname = `/${restoredMongoName}`
    restoredDatabase = url.toString()
  }
  restoredEnv = { ...process.env, DATABASE_URI: restoredDatabase, UPLOAD_DIR: restoredUploads }
})

afterAll(async () => {
  if (restoredMongoName) await mongoClientOf(payload).db(restoredMongoName).dropDatabase().catch(() => undefined)
})

describe('npm run backup', () => {
  it('names the archive after the time it was taken, in the folder given', () => {
    expect(path.dirname(summary.file)).toBe(path.join(scratch, 'backups'))
    expect(path.basename(summary.file)).toMatch(/^pantau-\d{4}-\d{2}-\d{2}T\d{6}Z\.tar\.gz$/)
  })

  it('holds every table with its row count, every stored file with its hash, and the audit head', async () => {
    const tables = Object.fromEntries(manifest.tables.map((table) => [table.name, table.rows]))
    expect(tables).toEqual(Object.fromEntries(Object.entries(seeded.database).map(([name, { rows }]) => [name, rows])))
    const files = Object.fromEntries(manifest.files.map((file) => [`${file.collection}/${file.path}`, file.sha256]))
    expect(files).toEqual(seeded.files)
    // The demo has evidence PDFs, photos in their sizes and an audit log: all three are in the archive.
    expect(manifest.files.filter((file) => file.collection === COLLECTIONS.evidence).length).toBeGreaterThan(0)
    expect(manifest.files.filter((file) => file.collection === COLLECTIONS.media).length).toBeGreaterThan(3)
    const audit = await verifyAuditLog(payload)
    expect(audit.ok && audit.count).toBeGreaterThan(0)
    expect(manifest.audit).toEqual({ ok: true, count: audit.ok ? audit.count : -1, head: audit.ok ? audit.head : null })
    const { version } = JSON.parse(await fs.readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }
    expect(manifest).toMatchObject({ format: 'pantau-backup', engine: onMongo ? 'mongodb' : 'sqlite', pantauVersion: version })
    expect(manifest.migrations.length).toBeGreaterThan(onMongo ? 0 : 5)
  })

  it('lists every member of the archive in the manifest, which comes last', async () => {
    const names: string[] = []
    await tar.t({ file: summary.file, onReadEntry: (entry) => void names.push(entry.path) })
    expect(names.at(-1)).toBe('manifest.json')
    expect(names.slice(0, -1).sort()).toEqual(
      [...manifest.tables.map((table) => `database/${table.name}.jsonl`), ...manifest.files.map((file) => `files/${file.collection}/${file.path}`)].sort(),
    )
  })
})

describe('npm run restore', () => {
  it(
    'restores into an empty installation every table row for row, every file byte for byte, and the same audit head',
    async () => {
      const restored = await npmRun(['restore', '--', summary.file], restoredEnv)
      console.log(`restore (npm run restore, child process): ${restored.ms} ms\n${restored.output.trim().split('\n').slice(-6).join('\n')}`)
      expect(restored.code, restored.output).toBe(0)

      let database: Fingerprint
      if (onMongo) {
        database = await mongoFingerprint(mongoClientOf(payload).db(restoredMongoName))
      } else {
        const client = (payload.db as unknown as SQLiteAdapter).client
        await client.execute({ sql: 'ATTACH DATABASE ? AS restored', args: [path.join(scratch, 'restored.db')] })
        try {
          database = await sqliteFingerprint(payload, 'restored')
        } finally {
          await client.execute('DETACH DATABASE restored')
        }
      }
      expect(database).toEqual(seeded.database)
      expect(await folderHashes(restoredUploads)).toEqual(seeded.files)

      const source = await verifyAuditLog(payload)
      const check = await npmRun(['audit:verify'], restoredEnv)
      expect(check.code, check.output).toBe(0)
      expect(source.ok).toBe(true)
      if (source.ok) expect(check.output).toContain(`OK: ${source.count} entri log audit utuh / ${source.count} audit log entries intact, terbaru / newest #${source.head?.sequence} ${source.head?.hash}`)
    },
    CHILD_TIMEOUT_MS * 2,
  )

  it(
    'refuses to restore over an installation that is not empty, without --force, and says so',
    async () => {
      const before = await folderHashes(restoredUploads)
      const refused = await npmRun(['restore', '--', summary.file], restoredEnv)
      expect(refused.code).toBe(1)
      expect(refused.output).toContain('This installation is not empty')
      expect(refused.output).toContain('--force')
      expect(await folderHashes(restoredUploads)).toEqual(before)
      await expect(restoreBackup(payload, { archive: summary.file })).rejects.toMatchObject({ problem: 'notEmpty' })
      expect(await installationState()).toEqual(seeded)
    },
    CHILD_TIMEOUT_MS,
  )

  it('refuses a truncated archive and writes nothing, even with force', async () => {
    const bytes = await fs.readFile(summary.file)
    const truncated = path.join(scratch, 'truncated.tar.gz')
    await fs.writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    await expect(restoreBackup(payload, { archive: truncated, force: true })).rejects.toMatchObject({
      problem: 'truncated',
      message: expect.stringContaining('The archive is truncated'),
    })
    expect(await installationState()).toEqual(seeded)
  })

  it('refuses an archive in which one byte of one file changed, naming that file, and writes nothing', async () => {
    const dir = path.join(scratch, 'altered')
    const names = await unpack(summary.file, dir)
    const evidence = manifest.files.find((file) => file.collection === COLLECTIONS.evidence && file.size > 100)!
    const member = `files/${evidence.collection}/${evidence.path}`
    const content = await fs.readFile(path.join(dir, member))
    content[Math.floor(content.length / 2)] ^= 0x01
    await fs.writeFile(path.join(dir, member), content)
    const altered = path.join(scratch, 'altered.tar.gz')
    await tar.c({ gzip: true, portable: true, file: altered, cwd: dir }, names)

    await expect(restoreBackup(payload, { archive: altered, force: true })).rejects.toMatchObject({
      problem: 'checksum',
      subject: member,
      message: expect.stringContaining(`does not match the manifest (SHA-256/size): ${member}`),
    })
    expect(await installationState()).toEqual(seeded)
  })

  it("refuses an archive of the other database engine", async () => {
    const dir = path.join(scratch, 'other-engine')
    const names = await unpack(summary.file, dir)
    const other = { ...manifest, engine: onMongo ? 'sqlite' : 'mongodb' }
    await fs.writeFile(path.join(dir, 'manifest.json'), JSON.stringify(other))
    const archive = path.join(scratch, 'other-engine.tar.gz')
    await tar.c({ gzip: true, file: archive, cwd: dir }, names)
    await expect(restoreBackup(payload, { archive, force: true })).rejects.toMatchObject({
      problem: 'wrongEngine',
      message: expect.stringContaining('restoring across database engines is not supported'),
    })
    expect(await installationState()).toEqual(seeded)
  })

  it('refuses a missing file, a file that is no archive and an archive without a manifest', async () => {
    const missing = path.join(scratch, 'nothing-here.tar.gz')
    await expect(restoreBackup(payload, { archive: missing, force: true })).rejects.toMatchObject({ problem: 'notFound' })
    const text = path.join(scratch, 'notes.tar.gz')
    await fs.writeFile(text, 'not an archive at all\n'.repeat(100))
    await expect(restoreBackup(payload, { archive: text, force: true })).rejects.toMatchObject({ problem: 'notArchive' })
    const foreign = path.join(scratch, 'foreign.tar.gz')
    await tar.c({ gzip: true, file: foreign, cwd: scratch }, ['notes.tar.gz'])
    await expect(restoreBackup(payload, { archive: foreign, force: true })).rejects.toMatchObject({
      problem: 'notArchive',
      message: expect.stringContaining('no manifest.json'),
    })
    expect(await installationState()).toEqual(seeded)
  })

  it('with force, replaces everything in the installation by the archive, changes made since the backup included', async () => {
    const { docs: [photo] } = await payload.find({ collection: COLLECTIONS.media, limit: 1, depth: 0 })
    await payload.delete({ collection: COLLECTIONS.media, id: photo.id })
    await fs.writeFile(path.join(uploadDir, 'media', 'stray.txt'), 'left over')
    expect(await installationState()).not.toEqual(seeded)

    const started = performance.now()
    const result = await restoreBackup(payload, { archive: summary.file, force: true })
    console.log(`restore with force (in process, over the seeded installation): ${Math.round(performance.now() - started)} ms`)
    expect(result).toMatchObject({ tables: manifest.tables.length, files: manifest.files.length, audit: manifest.audit })
    expect(await installationState()).toEqual(seeded)
  })
  it("pauses the job queue of the process it runs in while it replaces the tables, and resumes it", async () => {
    // The CMS server's process runs the queue every second; its jobs write (the queue's statistics
    // among them), on SQLite through the one connection the restore's transaction is on.
    const cron = await getPayload({ config, cron: true })
    expect(cron).toBe(payload)
    expect(payload.crons.length).toBeGreaterThan(0)
    const running = () => payload.crons.map((job) => job.isRunning())
    const during: boolean[][] = []
    const migrate = payload.db.migrate
    payload.db.migrate = async (...args) => {
      during.push(running())
      return migrate.apply(payload.db, args)
    }
    // The queue resumes once the tables are loaded, and may then run a job at once and write (a job's
    // state, the queue's statistics): the tables are read as the restore leaves them, before the first
    // cron resumes; the files once the restore has ended.
    const atResume: Promise<Fingerprint>[] = []
    const resumes = payload.crons.map((job) => job.resume)
    payload.crons.forEach((job, index) => {
      job.resume = () => {
        atResume.push(databaseState().finally(() => resumes[index].call(job)))
        return true
      }
    })
    try {
      await restoreBackup(payload, { archive: summary.file, force: true })
      expect(during).toEqual([payload.crons.map(() => false)])
      expect(atResume).toHaveLength(payload.crons.length)
      const [tables] = await Promise.all(atResume)
      expect(running().every(Boolean)).toBe(true)
      expect(tables).toEqual(seeded.database)
      expect(await folderHashes(uploadDir)).toEqual(seeded.files)
    } finally {
      payload.db.migrate = migrate
      payload.crons.forEach((job, index) => (job.resume = resumes[index]))
      await Promise.all(payload.crons.splice(0).map((job) => job.stop()))
    }
  })
})
