/**
 * Uploads in an S3-compatible bucket (`S3_BUCKET` set): evidence is written to the bucket, private,
 * and read only through Pantau's access check; photos and their sizes get public bucket addresses;
 * a delete removes the objects; the duplicate check still holds; the health check asks the bucket.
 * The bucket is s3rver, a real S3 HTTP API on a local port.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startBucket, type TestBucket } from '../helpers/bucket.ts'
import { pdfFile, pngFile } from '../helpers/files.ts'

// The bucket must be named in the environment before the Payload config is read, so everything that
// imports the config is imported after this.
const bucket: TestBucket = await startBucket()
Object.assign(process.env, bucket.env)

const { testPayload } = await import('../helpers/payload.ts')
const { buildFixture } = await import('../helpers/fixture.ts')
const { callApi, tokenOf, uploadForm } = await import('../helpers/api.ts')
const { COLLECTIONS } = await import('../../cms/constants.ts')
const { bucketAnswers } = await import('../../cms/infra/objectStorage.ts')
const { bucketSettings } = await import('../../cms/infra/bucket.ts')
const { createBackup } = await import('../../cms/backup/backup.ts')
const { restoreBackup } = await import('../../cms/backup/restore.ts')

type Fixture = Awaited<ReturnType<typeof buildFixture>>

let payload: Payload
let fixture: Fixture
const tokens: Record<string, string> = {}

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
  for (const [role, user] of Object.entries(fixture.users)) tokens[role] = await tokenOf(payload, user)
}, 180_000)

afterAll(async () => {
  await bucket.close()
})

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')
const diskFiles = (folder: string) => {
  const dir = path.join(process.env.UPLOAD_DIR as string, folder)
  return fs.existsSync(dir) ? fs.readdirSync(dir) : []
}

describe('evidence in the bucket', () => {
  it('is written to the bucket under evidence/, not to the upload folder', async () => {
    const file = fixture.evidence.a
    const stored = await bucket.read(`evidence/${file.filename}`)
    expect(stored).not.toBeNull()
    expect(sha256(stored as Buffer)).toBe(file.sha256)
    expect(diskFiles('evidence')).toEqual([])
    // Its address is Pantau's access-checked route, never the bucket's.
    expect(new URL(file.url as string, 'http://x').pathname).toBe(`/api/evidence/file/${file.filename}`)
    expect(file.url).not.toContain(bucket.endpoint)
  })

  it.each([
    ['councilA', 200],
    ['assessorA', 200],
    ['secretariat', 200],
    ['councilB', 403],
    ['assessorNone', 403],
  ] as const)('is downloaded by %s as its access rule says (%i)', async (role, status) => {
    const file = fixture.evidence.a
    const answer = await callApi('GET', `/evidence/file/${file.filename}`, { token: tokens[role] })
    expect(answer.status).toBe(status)
    if (status === 200) {
      // Streamed by Pantau with its download headers, the bytes as uploaded.
      expect(sha256(answer.body as Buffer)).toBe(file.sha256)
      expect(answer.headers.get('content-disposition')).toMatch(/^attachment/)
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
      expect(answer.headers.get('location')).toBeNull()
    }
  })

  it('is refused to the anonymous public unless marked public', async () => {
    expect((await callApi('GET', `/evidence/file/${fixture.evidence.a.filename}`)).status).toBe(403)
    const open = await callApi('GET', `/evidence/file/${fixture.evidence.publicA.filename}`)
    expect(open.status).toBe(200)
    expect(sha256(open.body as Buffer)).toBe(fixture.evidence.publicA.sha256)
  })

  it('keeps its place in the bucket whatever a save sends as its prefix or object key', async () => {
    const file = fixture.evidence.a
    const answer = await callApi('PATCH', `/evidence/${file.id}`, {
      token: tokens.councilA,
      json: { description: 'Diperbarui', prefix: 'media', _objectKey: '../media' },
    })
    expect(answer.status).toBe(200)
    // Code with every right (an import, a script) cannot move it either.
    await payload.update({
      collection: COLLECTIONS.evidence,
      id: file.id,
      data: { prefix: 'media', _objectKey: 'elsewhere' } as Record<string, unknown>,
    })
    const after = await payload.findByID({ collection: COLLECTIONS.evidence, id: file.id, depth: 0 })
    expect(after.description).toBe('Diperbarui')
    expect(after.prefix).toBe(file.prefix)
    expect(after._objectKey ?? null).toBe(file._objectKey ?? null)
    expect(await bucket.keys('media/')).not.toContain(`media/${file.filename}`)
    const download = await callApi('GET', `/evidence/file/${file.filename}`, { token: tokens.councilA })
    expect(sha256(download.body as Buffer)).toBe(file.sha256)
  })

  it('is uploaded through the REST upload route and deleted from the bucket with its record', async () => {
    const file = pdfFile('rencana-aksi.pdf', 'Rencana aksi daerah 2026')
    const uploaded = await callApi('POST', '/evidence/upload', {
      token: tokens.councilA,
      form: uploadForm(file, { city: fixture.cityA.id, description: 'Rencana aksi' }),
    })
    expect(uploaded.status).toBeLessThan(300)
    const doc = uploaded.body.doc ?? uploaded.body
    const key = `evidence/${doc.filename}`
    expect(sha256((await bucket.read(key)) as Buffer)).toBe(sha256(file.data))

    const removed = await callApi('DELETE', `/evidence/${doc.id}`, { token: tokens.councilA })
    expect(removed.status).toBe(200)
    expect(await bucket.exists(key)).toBe(false)
  })

  it("keeps one copy of a file per city: the upload route reuses it, a plain create is refused, the bucket unchanged", async () => {
    const first = await payload.create({
      collection: COLLECTIONS.evidence,
      data: { city: fixture.cityA.id },
      file: pdfFile('rencana-kerja.pdf', 'Rencana kerja'),
    })
    const before = await bucket.keys('evidence/')
    expect(before).toContain(`evidence/${first.filename}`)

    const reused = await callApi('POST', '/evidence/upload', {
      token: tokens.councilA,
      form: uploadForm(pdfFile('salinan.pdf', 'Rencana kerja'), { city: fixture.cityA.id }),
    })
    expect(reused.status).toBe(200)
    expect(reused.body).toMatchObject({ reused: true, doc: { id: first.id } })

    const refused = await callApi('POST', '/evidence', {
      token: tokens.councilA,
      form: uploadForm(pdfFile('salinan-lagi.pdf', 'Rencana kerja'), { city: fixture.cityA.id }),
    })
    expect(refused.status).toBe(400)
    expect(await bucket.keys('evidence/')).toEqual(before)
  })
})

describe('photos in the bucket', () => {
  it('get public bucket addresses for the photo and every size, readable without signing in', async () => {
    const photo = await payload.create({
      collection: COLLECTIONS.media,
      data: { alt: 'Pabrik daur ulang', uploadedBy: fixture.users.councilA.id },
      file: await pngFile('pabrik.png', 1800, 1000),
    })
    const urls = [photo.url, ...Object.values(photo.sizes ?? {}).map((size) => size?.url)]
    expect(Object.keys(photo.sizes ?? {}).sort()).toEqual(['card', 'thumbnail', 'wide'])
    for (const url of urls) {
      expect(url).toMatch(new RegExp(`^${bucket.endpoint}/${bucket.name}/media/`))
      const answer = await fetch(url as string)
      expect(answer.status).toBe(200)
      expect(answer.headers.get('content-type')).toBe('image/webp')
    }
    expect(diskFiles('media')).toEqual([])
  })

  it('are removed from the bucket, every size with them, when deleted', async () => {
    const photo = await payload.create({
      collection: COLLECTIONS.media,
      data: { alt: 'Konser', uploadedBy: fixture.users.councilA.id },
      file: await pngFile('konser.png', 900, 600),
    })
    const sizes = Object.values(photo.sizes ?? {}).flatMap((size) => (size?.filename ? [size.filename] : []))
    const keys = [photo.filename, ...sizes].map((name) => `media/${name}`)
    expect(keys.length).toBeGreaterThan(1)
    for (const key of keys) expect(await bucket.exists(key)).toBe(true)
    const removed = await callApi('DELETE', `/media/${photo.id}`, { token: tokens.councilA })
    expect(removed.status).toBe(200)
    for (const key of keys) expect(await bucket.exists(key)).toBe(false)
  })
})

describe('the health check with a bucket', () => {
  it('asks the bucket, and fails for a bucket that does not answer', async () => {
    const answer = await callApi('GET', '/health')
    expect(answer.status).toBe(200)
    expect(answer.body.checks.storage.ok).toBe(true)
    const settings = bucketSettings()
    expect(settings).not.toBeNull()
    await expect(bucketAnswers({ ...settings!, bucket: 'no-such-bucket' })).rejects.toThrow()
  })
})

describe('backup and restore with a bucket', () => {
  it("archive the bucket's files and put them back as they were", async () => {
    const keys = [...(await bucket.keys('evidence/')), ...(await bucket.keys('media/'))]
    expect(keys.length).toBeGreaterThan(3)
    const before = Object.fromEntries(await Promise.all(keys.map(async (key) => [key, sha256((await bucket.read(key)) as Buffer)] as const)))
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-bucket-backup-'))
    const summary = await createBackup(payload, { target, log: () => undefined })
    expect(summary.files).toBe(keys.length)

    // A photo lost and a file of the wrong content: the restore puts back exactly what was archived.
    const [lost, spoiled] = [keys.find((key) => key.startsWith('media/')) as string, keys.find((key) => key.startsWith('evidence/')) as string]
    await bucket.client.send(new DeleteObjectCommand({ Bucket: bucket.name, Key: lost }))
    await bucket.client.send(new PutObjectCommand({ Bucket: bucket.name, Key: spoiled, Body: 'rusak' }))
    await bucket.client.send(new PutObjectCommand({ Bucket: bucket.name, Key: 'media/tidak-tercatat.webp', Body: 'x' }))
    await restoreBackup(payload, { archive: summary.file, force: true, log: () => undefined })

    const after = [...(await bucket.keys('evidence/')), ...(await bucket.keys('media/'))]
    expect(after).toEqual(keys)
    for (const key of keys) expect(sha256((await bucket.read(key)) as Buffer), key).toBe(before[key])
    const photo = await fetch(`${bucket.endpoint}/${bucket.name}/${lost}`)
    expect(photo.headers.get('content-type')).toBe('image/webp')
    fs.rmSync(target, { recursive: true, force: true })
  })
})
