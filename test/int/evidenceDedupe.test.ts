import { createHash } from 'node:crypto'

import { type Payload, ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { callApi, tokenOf, uploadForm } from '../helpers/api.ts'
import { EMULATOR_GAPS, needsRealMongo } from '../helpers/engine.ts'
import { expectFieldError } from '../helpers/errors.ts'
import { pdfFile, pngFile, type UploadFile } from '../helpers/files.ts'
import { buildFixture, type Fixture } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'

let payload: Payload
let fixture: Fixture
let tokens: { councilA: string; councilB: string; assessorA: string }

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
  tokens = {
    councilA: await tokenOf(payload, fixture.users.councilA),
    councilB: await tokenOf(payload, fixture.users.councilB),
    assessorA: await tokenOf(payload, fixture.users.assessorA),
  }
})

let distinct = 0
/** A PDF whose bytes no other test uses, so fingerprints only collide where a test means them to. */
const uniquePdf = (name = 'sk-walikota.pdf') => pdfFile(name, `Bukti dukung ${(distinct += 1)} ${Date.now()}`)

const sha256 = (file: UploadFile) => createHash('sha256').update(file.data).digest('hex')
const copiesOf = async (file: UploadFile, city: number) =>
  (await payload.count({ collection: 'evidence', where: { sha256: { equals: sha256(file) }, city: { equals: city } } })).totalDocs

const upload = (token: string | undefined, file: UploadFile, data: Record<string, unknown>) =>
  callApi('POST', '/evidence/upload', { token, form: uploadForm(file, data) })

describe('POST /api/evidence/upload', () => {
  it('stores a new file with its fingerprint and answers 201', async () => {
    const file = uniquePdf()
    const response = await upload(tokens.councilA, file, { city: fixture.cityA.id, report: fixture.reports.a.id, question: 'G1' })
    expect(response.status).toBe(201)
    expect(response.body).toMatchObject({ reused: false, doc: { sha256: sha256(file), city: fixture.cityA.id }, use: { question: 'G1' } })
    expect(response.body.doc.uploadedBy).toBe(fixture.users.councilA.id)
  })

  it('attaches the file to the question it was uploaded for', async () => {
    const file = uniquePdf()
    const response = await upload(tokens.councilA, file, { city: fixture.cityA.id, report: fixture.reports.a.id, question: 'G1' })
    expect(response.body).toMatchObject({ linked: true, use: { report: fixture.reports.a.id, question: 'G1', evidence: response.body.doc.id, verdict: 'pending' } })
  })

  it('answers the same file a second time with the library file already stored, and stores nothing', async () => {
    const file = uniquePdf()
    const first = await upload(tokens.councilA, file, { city: fixture.cityA.id })
    const again = await upload(tokens.councilA, { ...file, name: 'salinan.pdf' }, { city: fixture.cityA.id })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ reused: true, linked: false, use: null, doc: { id: first.body.doc.id, filename: first.body.doc.filename } })
    expect(again.body.message).toBe('Berkas yang sama sudah ada di pustaka bukti kota ini; berkas itu yang dipakai')
    expect(await copiesOf(file, fixture.cityA.id)).toBe(1)
  })

  it('attaches the library file to a second question instead of refusing it', async () => {
    const file = uniquePdf('laporan-survei.pdf')
    const first = await upload(tokens.councilA, file, { city: fixture.cityA.id, report: fixture.reports.a.id, question: 'G1' })
    const again = await upload(tokens.councilA, file, { city: fixture.cityA.id, report: fixture.reports.a.id, question: 'G2' })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ reused: true, linked: true, doc: { id: first.body.doc.id }, use: { question: 'G2', evidence: first.body.doc.id } })
    const uses = await payload.find({ collection: 'evidence-uses', where: { evidence: { equals: first.body.doc.id } }, depth: 0 })
    expect(uses.docs.map((use) => use.question).sort()).toEqual(['G1', 'G2'])
    expect(await copiesOf(file, fixture.cityA.id)).toBe(1)
  })

  it('says so, and attaches nothing more, when the file already supports that question', async () => {
    const file = uniquePdf()
    const first = await upload(tokens.councilA, file, { city: fixture.cityA.id, report: fixture.reports.a.id, question: 'G1' })
    const again = await upload(tokens.councilA, file, { city: fixture.cityA.id, report: fixture.reports.a.id, question: 'G1' })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ reused: true, linked: false, use: { id: first.body.use.id } })
    expect(again.body.message).toBe('Berkas yang sama sudah menjadi bukti pertanyaan ini')
  })

  it('answers in English to a person whose admin language is English', async () => {
    const file = uniquePdf()
    await upload(tokens.councilA, file, { city: fixture.cityA.id })
    const again = await callApi('POST', '/evidence/upload', { token: tokens.councilA, form: uploadForm(file, { city: fixture.cityA.id }), language: 'en' })
    expect(again.body.message).toBe("The same file is already in this city's evidence library; that file is used")
  })

  it("refuses attaching to another city's report before storing anything", async () => {
    const file = uniquePdf()
    const response = await upload(tokens.councilA, file, { city: fixture.cityA.id, report: fixture.reports.b.id, question: 'G1' })
    expect(response.status).toBe(403)
    expect(await copiesOf(file, fixture.cityA.id)).toBe(0)
  })

  it('recognises a photo as well as a PDF', async () => {
    const photo = await pngFile('lokasi.png', 90, 30)
    const first = await upload(tokens.councilA, photo, { city: fixture.cityA.id })
    const again = await upload(tokens.councilA, photo, { city: fixture.cityA.id })
    expect([first.status, again.status]).toEqual([201, 200])
    expect(again.body.doc.id).toBe(first.body.doc.id)
  })

  it("keeps another city's copy of the same file separate", async () => {
    const file = uniquePdf()
    const mine = await upload(tokens.councilA, file, { city: fixture.cityA.id })
    const theirs = await upload(tokens.councilB, file, { city: fixture.cityB.id })
    expect(theirs.status).toBe(201)
    expect(theirs.body.reused).toBe(false)
    expect(theirs.body.doc.id).not.toBe(mine.body.doc.id)
    expect([await copiesOf(file, fixture.cityA.id), await copiesOf(file, fixture.cityB.id)]).toEqual([1, 1])
  })

  it("refuses another city's council filing under city A, without revealing A's copy", async () => {
    const file = uniquePdf()
    await upload(tokens.councilA, file, { city: fixture.cityA.id })
    const response = await upload(tokens.councilB, file, { city: fixture.cityA.id })
    expect(response.status).toBe(403)
    expect(JSON.stringify(response.body)).not.toContain('sk-walikota')
  })

  it('refuses an assessor, even for a file it may read', async () => {
    const file = uniquePdf()
    await upload(tokens.councilA, file, { city: fixture.cityA.id })
    expect((await upload(tokens.assessorA, file, { city: fixture.cityA.id })).status).toBe(403)
  })

  it('refuses an anonymous upload', async () => {
    expect((await upload(undefined, uniquePdf(), { city: fixture.cityA.id })).status).toBe(401)
  })

  it("asks for the city and the file, in the person's language only", async () => {
    const noCity = await upload(tokens.councilA, uniquePdf(), {})
    expect(noCity.status).toBe(400)
    expect(noCity.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'city', message: 'Pilih kota pemilik bukti ini' })])
    const form = new FormData()
    form.append('_payload', JSON.stringify({ city: fixture.cityA.id }))
    const noFile = await callApi('POST', '/evidence/upload', { token: tokens.councilA, form, language: 'en' })
    expect(noFile.status).toBe(400)
    expect(noFile.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'file', message: 'Choose a file to upload' })])
  })

  it('still checks the content type of a new file', async () => {
    const fake = { ...uniquePdf('palsu.pdf'), data: Buffer.from('<html><script>alert(1)</script></html>') }
    const response = await upload(tokens.councilA, fake, { city: fixture.cityA.id })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toMatch(/tidak sesuai/)
  })
})

describe('the ordinary create route', () => {
  it('refuses a person uploading a file the city already has, naming the existing evidence', async () => {
    const file = uniquePdf('perwali.pdf')
    const first = await upload(tokens.councilA, file, { city: fixture.cityA.id })
    const attempt = payload.create({
      collection: 'evidence',
      data: { city: fixture.cityA.id },
      file: { ...file, name: 'perwali-lagi.pdf' },
      user: fixture.users.councilA,
      overrideAccess: false,
    })
    await expectFieldError(
      attempt,
      'file',
      new RegExp(`^Berkas ini sama persis dengan bukti "${first.body.doc.filename}" \\(#${first.body.doc.id}\\) di pustaka bukti kota ini; pilih bukti itu dari pustaka`),
    )
    expect(await copiesOf(file, fixture.cityA.id)).toBe(1)
  })

  it('refuses the same through REST with 400', async () => {
    const file = uniquePdf()
    await upload(tokens.councilA, file, { city: fixture.cityA.id })
    const response = await callApi('POST', '/evidence', { token: tokens.councilA, form: uploadForm(file, { city: fixture.cityA.id }) })
    expect(response.status).toBe(400)
    expect(await copiesOf(file, fixture.cityA.id)).toBe(1)
  })

  it('accepts a new file', async () => {
    const file = uniquePdf()
    const created = await payload.create({
      collection: 'evidence',
      data: { city: fixture.cityA.id },
      file,
      user: fixture.users.councilA,
      overrideAccess: false,
    })
    expect(created.sha256).toBe(sha256(file))
  })

  it('keeps one copy per city even for system code, which skips the check: the database refuses the second', async (context) => {
    needsRealMongo(context, EMULATOR_GAPS.uniqueIndexes)
    const file = uniquePdf()
    await payload.create({ collection: 'evidence', data: { city: fixture.cityA.id }, file })
    await expect(payload.create({ collection: 'evidence', data: { city: fixture.cityA.id }, file: { ...file, name: 'lagi.pdf' } })).rejects.toThrow(
      ValidationError,
    )
    expect(await copiesOf(file, fixture.cityA.id)).toBe(1)
    await payload.create({ collection: 'evidence', data: { city: fixture.cityB.id }, file })
    expect(await copiesOf(file, fixture.cityB.id)).toBe(1)
  })
})

describe('uploads of one file at the same moment', () => {
  it('store it once, and answer every uploader with that evidence', async (context) => {
    // The unique key on (city, sha256) decides the race; the emulator keeps no unique index.
    needsRealMongo(context, EMULATOR_GAPS.uniqueIndexes)
    const file = uniquePdf('serentak.pdf')
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => upload(tokens.councilA, file, { city: fixture.cityA.id, report: fixture.reports.a.id })),
    )
    expect(await copiesOf(file, fixture.cityA.id)).toBe(1)
    // A refused uploader's answer, whole, when there is one.
    expect(answers.filter((answer) => answer.status >= 400).map((answer) => answer.body)).toEqual([])
    const [stored] = (await payload.find({ collection: 'evidence', where: { sha256: { equals: sha256(file) } }, overrideAccess: true })).docs
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(49).fill(200), 201])
    expect(new Set(answers.map((answer) => answer.body.doc.id))).toEqual(new Set([stored.id]))
    expect(answers.filter((answer) => answer.body.reused === false)).toHaveLength(1)
  })
})
