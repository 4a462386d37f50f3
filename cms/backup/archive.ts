/**
 * Writing and reading the backup's `.tar.gz` with the `tar` package, streaming both ways.
 *
 * Writing: each member is streamed into the archive as it is read (a stored file is never copied
 * first) while its SHA-256 is computed, so the manifest, written last, can list them all. The
 * archive is written beside its final name and renamed at the end: an interrupted backup leaves no
 * file that looks complete. Its mode is 0600: it holds password hashes and private evidence.
 *
 * Reading: the whole archive is read once, every member unpacked into a staging folder under a name
 * of the reader's own (never the archive's path) while its SHA-256 is computed, and only then
 * compared with the manifest. A restore writes to the installation from the staging folder, after
 * every check has passed.
 */
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'

import { Header, Pack, Parser, ReadEntry } from 'tar'

import { BackupError } from './errors.ts'
import { isSafeRelativePath, type Manifest, MANIFEST_MEMBER, parseManifest, promisedMembers } from './manifest.ts'

/** Larger than any manifest of a real installation; a bigger one is refused rather than read into memory. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024

export interface MemberDigest {
  size: number
  sha256: string
}

export class ArchiveWriter {
  readonly file: string
  private readonly partial: string
  private readonly pack: Pack
  private readonly out: fs.WriteStream
  private readonly failed: Promise<never>
  private readonly mtime = new Date()

  constructor(file: string) {
    this.file = file
    this.partial = `${file}.partial`
    this.pack = new Pack({ gzip: true, portable: true })
    this.out = fs.createWriteStream(this.partial, { mode: 0o600 })
    this.failed = new Promise<never>((_, reject) => {
      this.pack.on('error', reject)
      this.out.on('error', reject)
    })
    // Observed by the awaits that race it; this keeps an early failure from being "unhandled".
    this.failed.catch(() => undefined)
    this.pack.pipe(this.out)
  }

  /** Streams one member of exactly `size` bytes into the archive and returns its digest. */
  async add(name: string, size: number, content: Readable | Iterable<Buffer>): Promise<MemberDigest> {
    const entry = new ReadEntry(new Header({ path: name, size, type: 'File', mode: 0o600, mtime: this.mtime }))
    this.pack.add(entry)
    const hash = createHash('sha256')
    let written = 0
    for await (const chunk of content as AsyncIterable<Buffer>) {
      written += chunk.length
      if (written > size) break
      hash.update(chunk)
      if (!entry.write(chunk)) await Promise.race([once(entry, 'drain'), this.failed])
    }
    if (written !== size) {
      throw new BackupError(
        'changedDuringBackup',
        `${name} berubah selama pencadangan (${size} -> ${written}+ bita); jalankan lagi / ` +
          `${name} changed while it was being backed up (${size} -> ${written}+ bytes); run the backup again`,
        { subject: name },
      )
    }
    entry.end()
    return { size, sha256: hash.digest('hex') }
  }

  async addBuffer(name: string, content: Buffer): Promise<MemberDigest> {
    return this.add(name, content.length, [content])
  }

  /** Ends the archive and gives it its final name. */
  async finish(): Promise<void> {
    this.pack.end()
    await Promise.race([once(this.out, 'close'), this.failed])
    await fsp.rename(this.partial, this.file)
  }

  /** Stops writing and removes the unfinished file. */
  async abort(): Promise<void> {
    // Closed before the removal: a file still being opened would otherwise appear after it.
    if (!this.out.closed) {
      const closed = new Promise<void>((resolve) => this.out.once('close', () => resolve()))
      this.out.destroy()
      await closed
    }
    await fsp.rm(this.partial, { force: true })
  }
}

/** A member unpacked into the staging folder. */
export interface StagedMember extends MemberDigest {
  staged: string
}

export interface VerifiedArchive {
  manifest: Manifest
  /** Every member but the manifest, by its name in the archive. */
  members: Map<string, StagedMember>
}

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile'])

/** What a reading error of the tar or gzip layer means for the operator. */
function readingProblem(error: unknown, archive: string): BackupError {
  if (error instanceof BackupError) return error
  const { code, tarCode, message } = error as { code?: string; tarCode?: string; message?: string }
  const text = String(message ?? error)
  if (code === 'Z_BUF_ERROR' || /Truncated input|unexpected end/i.test(text)) {
    return new BackupError(
      'truncated',
      `Arsip terpotong (tidak lengkap), mungkin salinannya belum selesai: ${archive} / The archive is truncated (incomplete), perhaps an unfinished copy: ${archive}`,
      { cause: error },
    )
  }
  if (tarCode === 'TAR_ENTRY_INVALID' || /Unrecognized archive format/.test(text)) {
    return new BackupError('notArchive', `Bukan arsip cadangan Pantau (bukan .tar.gz) / Not a Pantau backup archive (not a .tar.gz): ${archive}`, { cause: error })
  }
  return new BackupError('corrupt', `Arsip rusak / The archive is corrupt (${text}): ${archive}`, { cause: error })
}

/**
 * Reads the whole archive into `staging` and checks it against its manifest: readable to the end,
 * safe member names, no member missing or left out of the manifest, every size and SHA-256 as
 * listed. Refuses with a `BackupError` naming the first problem; writes nothing outside `staging`.
 */
export async function readVerifiedArchive(archive: string, staging: string): Promise<VerifiedArchive> {
  try {
    const stat = await fsp.stat(archive)
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' })
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      throw new BackupError('notFound', `Berkas arsip tidak ditemukan / Archive file not found: ${archive}`, { subject: archive })
    }
    throw error
  }

  const members = new Map<string, StagedMember>()
  const outs: fs.WriteStream[] = []
  const writes: Promise<void>[] = []
  let manifestText: string | undefined
  const parser = new Parser({ strict: true })
  const input = fs.createReadStream(archive)

  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('error', reject)
    input.on('error', reject)
    parser.on('end', resolve)
  })
  const refuse = (problem: BackupError, entry: ReadEntry) => {
    entry.resume()
    parser.abort(problem)
  }

  parser.on('entry', (entry: ReadEntry) => {
    const name = entry.path
    if (!isSafeRelativePath(name)) return refuse(new BackupError('unsafePath', `Jalur anggota arsip tidak aman / Unsafe member path in the archive: ${name}`, { subject: name }), entry)
    if (!FILE_TYPES.has(entry.type)) {
      return refuse(new BackupError('unexpectedMember', `Anggota arsip bukan berkas biasa / Archive member is not a plain file: ${name} (${entry.type})`, { subject: name }), entry)
    }
    if (members.has(name) || (name === MANIFEST_MEMBER && manifestText !== undefined)) {
      return refuse(new BackupError('unexpectedMember', `Anggota arsip muncul dua kali / Archive member appears twice: ${name}`, { subject: name }), entry)
    }
    if (name === MANIFEST_MEMBER) {
      if (entry.size > MAX_MANIFEST_BYTES) return refuse(new BackupError('notArchive', `${MANIFEST_MEMBER} terlalu besar / is too large`), entry)
      const chunks: Buffer[] = []
      entry.on('data', (chunk: Buffer) => chunks.push(chunk))
      entry.on('end', () => {
        manifestText = Buffer.concat(chunks).toString('utf8')
      })
      return
    }
    const staged = path.join(staging, String(members.size))
    const member: StagedMember = { staged, size: 0, sha256: '' }
    members.set(name, member)
    const hash = createHash('sha256')
    const out = fs.createWriteStream(staged)
    outs.push(out)
    writes.push(
      new Promise<void>((resolve, reject) => {
        out.on('error', reject)
        out.on('close', resolve)
      }),
    )
    entry.on('data', (chunk: Buffer) => {
      member.size += chunk.length
      hash.update(chunk)
      if (!out.write(chunk)) {
        entry.pause()
        out.once('drain', () => entry.resume())
      }
    })
    entry.on('end', () => {
      member.sha256 = hash.digest('hex')
      out.end()
    })
  })

  input.pipe(parser)
  try {
    await parsed
  } catch (error) {
    input.destroy()
    // The member being read when it failed never ends: its staging file is closed here.
    for (const out of outs) out.destroy()
    await Promise.allSettled(writes)
    throw readingProblem(error, archive)
  }
  await Promise.all(writes)

  if (manifestText === undefined) {
    throw new BackupError('notArchive', `Bukan arsip cadangan Pantau: tidak ada ${MANIFEST_MEMBER} / Not a Pantau backup archive: no ${MANIFEST_MEMBER}: ${archive}`)
  }
  const manifest = parseManifest(manifestText)
  const promised = promisedMembers(manifest)
  for (const name of members.keys()) {
    if (!promised.has(name)) {
      throw new BackupError('unexpectedMember', `Anggota arsip tidak tercatat di manifes / Archive member not in the manifest: ${name}`, { subject: name })
    }
  }
  for (const [name, expected] of promised) {
    const found = members.get(name)
    if (!found) throw new BackupError('missingMember', `Anggota arsip hilang / Archive member missing: ${name}`, { subject: name })
    if (found.size !== expected.size || found.sha256 !== expected.sha256) {
      throw new BackupError(
        'checksum',
        `Isi anggota arsip tidak cocok dengan manifes (SHA-256/ukuran) / Archive member does not match the manifest (SHA-256/size): ${name}`,
        { subject: name },
      )
    }
  }
  return { manifest, members }
}
