import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { expectFieldError } from '../helpers/errors.ts'
import { htmlDisguisedAsPdf, pdfFile, pngFile, svgFile } from '../helpers/files.ts'
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
