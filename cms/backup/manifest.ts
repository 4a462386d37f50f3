/**
 * The layout of a Pantau backup archive and its `manifest.json`, the last member, which lists every
 * other member with its size and SHA-256, so a restore can check the whole archive before it
 * writes anything:
 *
 *   database/<table>.jsonl         one line per row (SQLite: JSON; MongoDB: canonical Extended JSON)
 *   files/<collection>/<path>      the stored files of each upload collection
 *   manifest.json                  what, from which engine and Pantau version, and the audit head
 */
import { z } from 'zod'

import { BackupError } from './errors.ts'

export const MANIFEST_MEMBER = 'manifest.json'
export const ARCHIVE_FORMAT = 'pantau-backup'
/** Raised when the layout changes in a way an older restore could not read. */
export const FORMAT_VERSION = 1

export type Engine = 'sqlite' | 'mongodb'

/** The audit chain as `verifyAuditLog` found it when the backup was taken. */
export type AuditState =
  | { ok: true; count: number; head: { sequence: number; hash: string } | null }
  | { ok: false; index: number; reason: string }

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)
const size = z.number().int().nonnegative()

const auditSchema = z.union([
  z.object({
    ok: z.literal(true),
    count: z.number().int().nonnegative(),
    head: z.object({ sequence: z.number().int().nonnegative(), hash: sha256 }).nullable(),
  }),
  z.object({ ok: z.literal(false), index: z.number().int().nonnegative(), reason: z.string() }),
])

const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  pantauVersion: z.string(),
  engine: z.enum(['sqlite', 'mongodb']),
  /** The migrations the backed-up database had applied, oldest first. */
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string(), rows: size, size, sha256 })),
  files: z.array(z.object({ collection: z.string(), path: z.string(), size, sha256 })),
  audit: auditSchema,
})

export type Manifest = z.infer<typeof manifestSchema>
export type TableEntry = Manifest['tables'][number]
export type FileEntry = Manifest['files'][number]

/** Table (SQLite) and collection (MongoDB) names a backup takes and a restore accepts. */
const TABLE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/

export const isBackupTableName = (name: string): boolean =>
  TABLE_NAME.test(name) && !name.startsWith('sqlite_') && !name.startsWith('system.')

/** A relative path of plain segments: no `..`, `.`, empty segment, backslash, NUL or leading slash. */
export function isSafeRelativePath(value: string): boolean {
  if (!value || value.startsWith('/') || /[\\\0]/.test(value) || /^[A-Za-z]:/.test(value)) return false
  return value.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}

export const tableMember = (table: string): string => `database/${table}.jsonl`
export const fileMember = (collection: string, filePath: string): string => `files/${collection}/${filePath}`

/** Every member the manifest promises, by name, with its expected size and hash. */
export function promisedMembers(manifest: Manifest): Map<string, { size: number; sha256: string }> {
  const members = new Map<string, { size: number; sha256: string }>()
  const promise = (name: string, entry: { size: number; sha256: string }) => {
    if (members.has(name) || name === MANIFEST_MEMBER) {
      throw new BackupError('notArchive', `Manifes menyebut ${name} dua kali / The manifest lists ${name} twice`, { subject: name })
    }
    members.set(name, { size: entry.size, sha256: entry.sha256 })
  }
  for (const table of manifest.tables) promise(tableMember(table.name), table)
  for (const file of manifest.files) promise(fileMember(file.collection, file.path), file)
  return members
}

const NOT_PANTAU = 'Bukan arsip cadangan Pantau / Not a Pantau backup archive'

/** Reads and checks `manifest.json`; anything that is not a manifest this version understands is refused. */
export function parseManifest(text: string): Manifest {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new BackupError('notArchive', `${NOT_PANTAU}: ${MANIFEST_MEMBER} bukan JSON / is not JSON`)
  }
  const head = raw as { format?: unknown; formatVersion?: unknown } | null
  if (head?.format !== ARCHIVE_FORMAT) throw new BackupError('notArchive', `${NOT_PANTAU} (format: ${String(head?.format)})`)
  if (typeof head.formatVersion === 'number' && head.formatVersion > FORMAT_VERSION) {
    throw new BackupError(
      'unsupportedFormat',
      `Arsip dibuat oleh Pantau yang lebih baru (format ${head.formatVersion}); perbarui Pantau dulu / ` +
        `The archive was made by a newer Pantau (format ${head.formatVersion}, this one reads ${FORMAT_VERSION}); upgrade Pantau first`,
    )
  }
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new BackupError('notArchive', `${NOT_PANTAU}: ${MANIFEST_MEMBER} ${issue.path.join('.')}: ${issue.message}`)
  }
  const manifest = parsed.data
  const badTable = manifest.tables.find((table) => !isBackupTableName(table.name))
  if (badTable) throw new BackupError('unsafePath', `Nama tabel tidak aman / Unsafe table name: ${badTable.name}`, { subject: badTable.name })
  const badFile = manifest.files.find((file) => !isBackupTableName(file.collection) || !isSafeRelativePath(file.path))
  if (badFile) {
    const name = fileMember(badFile.collection, badFile.path)
    throw new BackupError('unsafePath', `Jalur berkas tidak aman / Unsafe file path: ${name}`, { subject: name })
  }
  return manifest
}
