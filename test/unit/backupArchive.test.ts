/**
 * The parts of backup and restore that need no database: the member paths a restore accepts, the
 * SQLite values' storage classes through JSON, and the archive check against the manifest on small
 * archives made here (the round trip on the demo data is test/int/backup.test.ts).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ArchiveWriter, readVerifiedArchive } from '../../cms/backup/archive.ts'
import { ARCHIVE_FORMAT, FORMAT_VERSION, isSafeRelativePath, type Manifest } from '../../cms/backup/manifest.ts'
import { decodeValue, encodeValue, type ReadValue } from '../../cms/backup/sqliteValues.ts'

describe.each([
  ['ambon/laporan.pdf', true],
  ['laporan-400x300.webp', true],
  ['../laporan.pdf', false],
  ['ambon/../../etc/passwd', false],
  ['/etc/passwd', false],
  ['C:/Windows/win.ini', false],
  ['ambon\\laporan.pdf', false],
  ['ambon//laporan.pdf', false],
  ['./laporan.pdf', false],
  ['', false],
])('the member path %j', (value, safe) => {
  it(`is ${safe ? 'accepted' : 'refused'}`, () => {
    expect(isSafeRelativePath(value)).toBe(safe)
  })
})

describe.each<[string, ReadValue, string, unknown]>([
  ['an integer', 5, 'integer', 5n],
  ['a real with a whole value', 5, 'real', 5],
  ['a real with a fraction', 2.5, 'real', 2.5],
  ['negative zero as a real', -0, 'real', -0],
  ['an infinite real', Infinity, 'real', Infinity],
  ['text that looks like a number', '5', 'text', '5'],
  ['null', null, 'null', null],
  ['a large integer', 2n ** 60n, 'integer', 2n ** 60n],
])('a SQLite value: %s', (_name, value, type, bound) => {
  it('comes back through JSON as the value and class it had', () => {
    const through = JSON.parse(JSON.stringify(encodeValue(value, type)))
    // Object.is tells 5 from 5n (an integer from a real) and 0 from -0.
    expect(Object.is(decodeValue(through, 't.c'), bound)).toBe(true)
  })
})

it('keeps a blob byte for byte', () => {
  const bytes = new Uint8Array([0, 255, 10, 13, 34])
  const through = JSON.parse(JSON.stringify(encodeValue(bytes.buffer, 'blob')))
  expect(Buffer.from(decodeValue(through, 't.c') as Uint8Array)).toEqual(Buffer.from(bytes))
})

it('refuses a value it does not know, naming where', () => {
  expect(() => decodeValue({ $date: 1 }, 'users:3.created_at')).toThrow(/users:3\.created_at/)
})

describe('the archive check', () => {
  let dir: string
  const content = Buffer.from('%PDF-1.4 bukti dukung\n')
  const rows = Buffer.from('{"id":1,"name":"20261123_094727_initial"}\n')
  const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

  const manifestOf = (overrides: Partial<Manifest> = {}): Manifest => ({
    format: ARCHIVE_FORMAT,
    formatVersion: FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    pantauVersion: '0.0.0',
    engine: 'sqlite',
    migrations: ['20261123_094727_initial'],
    tables: [{ name: 'payload_migrations', rows: 1, size: rows.length, sha256: sha256(rows) }],
    files: [{ collection: 'evidence', path: 'ambon/laporan.pdf', size: content.length, sha256: sha256(content) }],
    audit: { ok: true, count: 0, head: null },
    ...overrides,
  })

  /** Writes an archive of `members` (name, content) in that order, the manifest last. */
  async function archiveOf(name: string, members: [string, Buffer][], manifest: unknown = manifestOf()): Promise<string> {
    const file = path.join(dir, name)
    const writer = new ArchiveWriter(file)
    for (const [member, data] of members) await writer.addBuffer(member, data)
    await writer.addBuffer('manifest.json', Buffer.from(JSON.stringify(manifest)))
    await writer.finish()
    return file
  }

  const complete: [string, Buffer][] = [
    ['database/payload_migrations.jsonl', rows],
    ['files/evidence/ambon/laporan.pdf', content],
  ]

  const staging = async () => fs.mkdtemp(path.join(dir, 'staging-'))

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pantau-backup-unit-'))
  })
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true })
  })

  it('accepts a complete archive and stages every member as it was', async () => {
    const { manifest, members } = await readVerifiedArchive(await archiveOf('complete.tar.gz', complete), await staging())
    expect(manifest.files[0].path).toBe('ambon/laporan.pdf')
    expect(await fs.readFile(members.get('files/evidence/ambon/laporan.pdf')!.staged)).toEqual(content)
    expect([...members.keys()].sort()).toEqual(complete.map(([name]) => name).sort())
  })

  it('refuses a member that climbs out of its folder', async () => {
    const archive = await archiveOf('climbing.tar.gz', [...complete, ['files/evidence/../../../../tmp/x', content]])
    await expect(readVerifiedArchive(archive, await staging())).rejects.toMatchObject({ problem: 'unsafePath', subject: 'files/evidence/../../../../tmp/x' })
  })

  it('refuses a member the manifest does not list', async () => {
    const archive = await archiveOf('extra.tar.gz', [...complete, ['files/evidence/ambon/extra.pdf', content]])
    await expect(readVerifiedArchive(archive, await staging())).rejects.toMatchObject({ problem: 'unexpectedMember', subject: 'files/evidence/ambon/extra.pdf' })
  })

  it('refuses an archive missing a member the manifest lists', async () => {
    const archive = await archiveOf('missing.tar.gz', complete.slice(0, 1))
    await expect(readVerifiedArchive(archive, await staging())).rejects.toMatchObject({ problem: 'missingMember', subject: 'files/evidence/ambon/laporan.pdf' })
  })

  it('refuses a member whose size differs from the manifest', async () => {
    const archive = await archiveOf('longer.tar.gz', [complete[0], ['files/evidence/ambon/laporan.pdf', Buffer.concat([content, Buffer.from('x')])]])
    await expect(readVerifiedArchive(archive, await staging())).rejects.toMatchObject({ problem: 'checksum', subject: 'files/evidence/ambon/laporan.pdf' })
  })

  it('refuses a manifest of a newer format, saying to upgrade', async () => {
    const archive = await archiveOf('newer.tar.gz', complete, { ...manifestOf(), formatVersion: FORMAT_VERSION + 1 })
    await expect(readVerifiedArchive(archive, await staging())).rejects.toMatchObject({
      problem: 'unsupportedFormat',
      message: expect.stringContaining('upgrade Pantau first'),
    })
  })

  it('refuses a manifest naming a file outside its collection', async () => {
    const manifest = manifestOf({ files: [{ collection: 'evidence', path: '../media/x.webp', size: 1, sha256: '0'.repeat(64) }] })
    const archive = await archiveOf('bad-manifest.tar.gz', complete.slice(0, 1), manifest)
    await expect(readVerifiedArchive(archive, await staging())).rejects.toMatchObject({ problem: 'unsafePath' })
  })

  it('leaves no file behind when a member changes size while it is written', async () => {
    const file = path.join(dir, 'changing.tar.gz')
    const writer = new ArchiveWriter(file)
    await expect(writer.add('files/evidence/a.pdf', content.length + 5, [content])).rejects.toMatchObject({ problem: 'changedDuringBackup' })
    await writer.abort()
    expect((await fs.readdir(dir)).filter((name) => name.startsWith('changing'))).toEqual([])
  })
})
