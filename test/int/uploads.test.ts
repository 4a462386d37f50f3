import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { callApi, tokenOf, uploadForm } from '../helpers/api.ts'
import { expectFieldError } from '../helpers/errors.ts'
import { htmlDisguisedAsPdf, pdfFile, pngFile, svgFile, temporaryCopiesOf } from '../helpers/files.ts'
import { testPayload } from '../helpers/payload.ts'
import { createUser } from '../helpers/users.ts'

let payload: Payload
let cityId: number
let council: Awaited<ReturnType<typeof createUser>>

beforeAll(async () => {
  payload = await testPayload()
  const city = await payload.create({
    collection: 'cities',
    data: { name: 'Kota Unggah', kind: 'kota', province: 'Maluku', regionCode: '81.98', cohort: '2019' },
  })
  cityId = city.id
  council = await createUser(payload, 'council', [city.id])
})

const asCouncil = () => ({ user: council, overrideAccess: false as const })

describe('evidence uploads', () => {
  it('stores a real PDF with its SHA-256 fingerprint outside any public folder', async () => {
    const file = pdfFile('sk-walikota.pdf')
    const doc = await payload.create({ collection: 'evidence', data: { city: cityId }, file, ...asCouncil() })
    expect(doc.mimeType).toBe('application/pdf')
    expect(doc.sha256).toBe(createHash('sha256').update(file.data).digest('hex'))
    const stored = path.join(process.env.UPLOAD_DIR as string, 'evidence', doc.filename as string)
    expect(fs.readFileSync(stored).equals(file.data)).toBe(true)
    expect(new URL(doc.url as string, 'http://x').pathname).toBe('/api/evidence/file/sk-walikota.pdf')
  })

  it('refuses an HTML page disguised as a PDF with a message in Indonesian and English', async () => {
    const attempt = payload.create({
      collection: 'evidence',
      data: { city: cityId },
      file: htmlDisguisedAsPdf('laporan.pdf'),
      ...asCouncil(),
    })
    await expectFieldError(attempt, 'file', /^Isi berkas "laporan\.pdf" tidak sesuai .*Jenis yang diterima: PDF, JPEG, PNG, WebP, DOCX, XLSX\.$/s)
    const { totalDocs } = await payload.count({ collection: 'evidence', where: { filename: { like: 'laporan' } } })
    expect(totalDocs).toBe(0)
  })

  it('accepts a photo as evidence', async () => {
    const doc = await payload.create({ collection: 'evidence', data: { city: cityId }, file: await pngFile(), ...asCouncil() })
    expect(doc.mimeType).toBe('image/png')
  })
})

describe('media uploads', () => {
  it('makes responsive WebP sizes of a public image', async () => {
    const doc = await payload.create({
      collection: 'media',
      data: { alt: 'Pabrik daur ulang' },
      file: await pngFile('pabrik.png', 1800, 1000),
      ...asCouncil(),
    })
    expect(doc.sizes?.card?.width).toBe(768)
    expect(doc.sizes?.thumbnail?.mimeType).toBe('image/webp')
    expect(doc.uploadedBy).toMatchObject({ id: council.id })
  })

  it.each([
    ['an SVG with a script', svgFile()],
    ['a PDF', pdfFile('brosur.pdf')],
  ])('refuses %s', async (_label, file) => {
    const attempt = payload.create({ collection: 'media', data: { alt: 'x' }, file, ...asCouncil() })
    await expectFieldError(attempt, 'file', /tidak sesuai.*Jenis yang diterima: JPEG, PNG, WebP\.$/s)
  })
})

describe("Payload's temporary copies of uploads (useTempFiles)", () => {
  it.each([
    ['evidence upload, signed out', '/evidence/upload', false, 401],
    ['evidence upload, stored', '/evidence/upload', true, 201],
    ['evidence upload of the same file, reused', '/evidence/upload', true, 200],
    ['measurement import, signed out', '/measurements/import', false, 401],
    ['measurement import, not a spreadsheet', '/measurements/import', true, 400],
    ['instrument import, not the secretariat', '/instruments/import', true, 403],
    ["evidence create on Payload's own route, refused as a disguised PDF", '/evidence', true, 400],
  ] as const)('are removed whatever the answer: %s', async (_case, route, signedIn, status) => {
    // Bytes of this run only, so another test process's uploads are never counted.
    const marker = randomUUID()
    const file = route === '/evidence' ? htmlDisguisedAsPdf('laporan.pdf', marker) : pdfFile('sementara.pdf', `Bukti sementara ${marker}`)
    const token = signedIn ? await tokenOf(payload, council) : undefined
    if (status === 200) await callApi('POST', route, { token, form: uploadForm(file, { city: cityId }) })
    const response = await callApi('POST', route, { token, form: uploadForm(file, { city: cityId }) })
    expect(response.status).toBe(status)
    expect(await temporaryCopiesOf(payload, file.data)).toBe(0)
  })
})
