/**
 * The findings of the outside attacker test, each replayed over the REST route as it was found:
 * other cities' drafts through the versions API, locks on another city's documents, Payload's own
 * collections open to any account, reviews of an accepted report, malformed input answered with a
 * 500, a decompression-bomb image, a declared body of gigabytes, and file names with bidirectional
 * controls. (Spreadsheet formulas: spreadsheetExports.test.ts; concurrent uploads:
 * evidenceDedupe.test.ts; every route for every person: access/restMatrix.test.ts.)
 */
import { createLocalReq, type Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { COLLECTIONS, REPORT_STATUS } from '../../cms/constants.ts'
import { lockOnlyWhatTheyMayChange } from '../../cms/server/formStateLocks.ts'
import { type ApiResponse, callApi, sendApi, tokenOf, uploadForm } from '../helpers/api.ts'
import { MISSING_ID, onMongo } from '../helpers/engine.ts'
import { pdfFile, pngDeclaring, pngFile } from '../helpers/files.ts'
import { buildFixture, createReport, type Fixture } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'

let payload: Payload
let fixture: Fixture
let tokens: { councilA: string; councilB: string; assessorA: string; secretariat: string }

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
  tokens = {
    councilA: await tokenOf(payload, fixture.users.councilA),
    councilB: await tokenOf(payload, fixture.users.councilB),
    assessorA: await tokenOf(payload, fixture.users.assessorA),
    secretariat: await tokenOf(payload, fixture.users.secretariat),
  }
})

afterEach(() => {
  vi.restoreAllMocks()
})

const versionsOf = async (id: number) =>
  (await payload.findVersions({ collection: COLLECTIONS.updates, where: { parent: { equals: id } }, overrideAccess: true })).docs

describe("another city's drafts through the versions API", () => {
  it("lists none of city A's versions to another city's council", async () => {
    const response = await callApi('GET', '/updates/versions?limit=1000&depth=0', { token: tokens.councilB })
    expect(response.status).toBe(200)
    const cities = response.body.docs.map((doc: { version: { city: number } }) => doc.version.city)
    expect(cities).not.toContain(fixture.cityA.id)
  })

  it("refuses another city's council a version of city A's draft by its id", async () => {
    const [version] = await versionsOf(fixture.updates.draft.id)
    const response = await callApi('GET', `/updates/versions/${version.id}`, { token: tokens.councilB })
    expect([403, 404]).toContain(response.status)
    expect(JSON.stringify(response.body)).not.toContain(fixture.updates.draft.title)
  })

  it('refuses the assessor and the public the history of a draft, which only its writers read', async () => {
    const [version] = await versionsOf(fixture.updates.draft.id)
    for (const token of [tokens.assessorA, undefined]) {
      expect([403, 404]).toContain((await callApi('GET', `/updates/versions/${version.id}`, { token })).status)
    }
  })

  it("still gives city A's council the history of its own draft", async () => {
    const [version] = await versionsOf(fixture.updates.draft.id)
    const response = await callApi('GET', `/updates/versions/${version.id}`, { token: tokens.councilA })
    expect(response.status).toBe(200)
    expect(response.body.version.title).toBe(fixture.updates.draft.title)
  })
})

describe("locks on another city's documents", () => {
  it("refuses another city's council a lock on city A's report, and city A's council keeps saving it", async () => {
    const report = await createReport(payload, fixture, fixture.cityA)
    const lock = await callApi('POST', '/payload-locked-documents', {
      token: tokens.councilB,
      json: {
        document: { relationTo: COLLECTIONS.reports, value: report.id },
        user: { relationTo: COLLECTIONS.users, value: fixture.users.councilB.id },
      },
    })
    expect(lock.status).toBe(403)
    const save = await callApi('PATCH', `/reports/${report.id}`, { token: tokens.councilA, json: { constraintNotes: 'Anggaran terbatas' } })
    expect(save.status).toBe(200)
  })

  it("refuses another city's council taking over or releasing the lock city A's council holds", async () => {
    const lock = await payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: COLLECTIONS.reports, value: fixture.reports.a.id },
        user: { relationTo: COLLECTIONS.users, value: fixture.users.councilA.id },
      },
    })
    const takeOver = await callApi('PATCH', `/payload-locked-documents/${lock.id}`, {
      token: tokens.councilB,
      json: { user: { relationTo: COLLECTIONS.users, value: fixture.users.councilB.id } },
    })
    expect([403, 404]).toContain(takeOver.status)
    expect([403, 404]).toContain((await callApi('DELETE', `/payload-locked-documents/${lock.id}`, { token: tokens.councilB })).status)
    const stored = await payload.findByID({ collection: 'payload-locked-documents', id: lock.id, depth: 0 })
    expect(stored.user.value).toBe(fixture.users.councilA.id)
  })
})

describe("the admin's form locking a document", () => {
  const formState = async (who: 'councilA' | 'councilB' | 'assessorA', id: number) => {
    const req = await createLocalReq({ user: { ...fixture.users[who], collection: 'users' } }, payload)
    return lockOnlyWhatTheyMayChange({ collectionSlug: COLLECTIONS.reports, id, req, returnLockStatus: true, updateLastEdited: true })
  }

  it("takes no lock for another city's council, nor for a council on its submitted report", async () => {
    const submitted = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)
    expect(await formState('councilB', fixture.reports.a.id)).toMatchObject({ returnLockStatus: false, updateLastEdited: false })
    expect(await formState('councilA', submitted.id)).toMatchObject({ returnLockStatus: false, updateLastEdited: false })
  })

  it('still locks a report for the council editing it, and a submitted one for its assessor', async () => {
    const submitted = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)
    expect(await formState('councilA', fixture.reports.a.id)).toMatchObject({ returnLockStatus: true, updateLastEdited: true })
    expect(await formState('assessorA', submitted.id)).toMatchObject({ returnLockStatus: true, updateLastEdited: true })
  })
})

describe("Payload's own collections", () => {
  it.each([
    ['GET', '/globals/payload-jobs-stats'],
    ['POST', '/globals/payload-jobs-stats'],
    ['GET', '/payload-jobs'],
    ['GET', '/payload-kv'],
  ] as const)('refuse a council member %s %s', async (method, path) => {
    const response = await callApi(method, path, { token: tokens.councilA, ...(method === 'POST' ? { json: { stats: {} } } : {}) })
    expect(response.status).toBe(403)
  })
})

describe('reviews of an accepted report', () => {
  it('refuses the assessor a new review of a report already accepted', async () => {
    const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.accepted)
    const response = await callApi('POST', '/reviews', { token: tokens.assessorA, json: { report: report.id, scores: [{ question: 'G1', score: 5 }] } })
    expect(response.status).toBe(403)
    const { totalDocs } = await payload.count({ collection: COLLECTIONS.reviews, where: { report: { equals: report.id } } })
    expect(totalDocs).toBe(0)
  })
})

describe('malformed input', () => {
  const multipart = (boundary: string, body: string) => ({ headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body })
  const brokenPayload = '--zzz\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{bukan json\r\n--zzz--\r\n'

  type Attempt = [string, () => Promise<ApiResponse>, number, RegExp]
  const attempts = (): Attempt[] => [
    ['GET /api/reports/abc', () => callApi('GET', '/reports/abc', { token: tokens.councilA }), 400, /"abc" bukan id dokumen/],
    ['DELETE /api/programs/abc', () => callApi('DELETE', '/programs/abc', { token: tokens.councilA }), 400, /bukan id dokumen/],
    [
      "GET /api/reports/2' OR '1'='1",
      () => callApi('GET', `/reports/${fixture.reports.a.id}'%20OR%20'1'%3D'1`, { token: tokens.councilA }),
      400,
      onMongo ? /bukan id dokumen: id di sini terdiri atas 24 digit heksadesimal/ : /bukan id dokumen: id di sini berupa bilangan bulat/,
    ],
    ['GET /api/reports/2abc', () => callApi('GET', `/reports/${fixture.reports.a.id}abc/changes`, { token: tokens.councilA }), 400, /bukan id dokumen/],
    ['GET /api/reports?where[city][equals]=abc', () => callApi('GET', '/reports?where[city][equals]=abc', { token: tokens.councilA }), 400, /"abc" bukan id dokumen/],
    [
      'GET /api/reports?where[id][in]=<an id>,abc',
      () => callApi('GET', `/reports?where[id][in]=${MISSING_ID},abc`, { token: tokens.councilA }),
      400,
      /"abc" bukan id dokumen/,
    ],
    ['GET /api/reports/versions (no versions kept)', () => callApi('GET', '/reports/versions', { token: tokens.councilA }), 404, /tidak menyediakan riwayat versi/],
    [
      'a PATCH whose JSON body is a bare string',
      () => callApi('PATCH', `/programs/${fixture.programs.publicA.id}`, { token: tokens.councilA, headers: { 'Content-Type': 'application/json' }, body: '"teks"' }),
      400,
      /harus berupa objek JSON/,
    ],
    [
      'a PATCH whose body is broken JSON',
      () => callApi('PATCH', `/programs/${fixture.programs.publicA.id}`, { token: tokens.councilA, headers: { 'Content-Type': 'application/json' }, body: '{"title":' }),
      400,
      /bukan JSON yang sah/,
    ],
    [
      'POST /api/programs as text/plain',
      () => callApi('POST', '/programs', { token: tokens.councilA, headers: { 'Content-Type': 'text/plain' }, body: 'title=x' }),
      415,
      /"text\/plain" tidak didukung/,
    ],
    [
      'POST /api/programs as application/xml',
      () => callApi('POST', '/programs', { token: tokens.councilA, headers: { 'Content-Type': 'application/xml' }, body: '<program/>' }),
      415,
      /"application\/xml" tidak didukung/,
    ],
    [
      'an upload without a multipart boundary',
      () => callApi('POST', '/evidence/upload', { token: tokens.councilA, headers: { 'Content-Type': 'multipart/form-data' }, body: 'x' }),
      400,
      /Formulir unggahan tidak dapat dibaca/,
    ],
    [
      'an upload whose multipart body is broken',
      () => callApi('POST', '/evidence/upload', { token: tokens.councilA, ...multipart('zzz', '--zzz\r\nsampah') }),
      400,
      /Formulir unggahan tidak dapat dibaca/,
    ],
    [
      'an upload whose _payload is not JSON (custom route)',
      () => callApi('POST', '/evidence/upload', { token: tokens.councilA, ...multipart('zzz', brokenPayload) }),
      400,
      /Formulir unggahan tidak dapat dibaca/,
    ],
    [
      "an upload whose _payload is not JSON (Payload's own route)",
      () => callApi('POST', '/evidence', { token: tokens.councilA, ...multipart('zzz', brokenPayload) }),
      400,
      /Formulir unggahan tidak dapat dibaca/,
    ],
    [
      'an upload whose file name holds NUL',
      () => callApi('POST', '/evidence/upload', { token: tokens.councilA, form: uploadForm(pdfFile('sk\u0000walikota.pdf', 'nul'), { city: fixture.cityA.id }) }),
      400,
      /Formulir unggahan tidak dapat dibaca/,
    ],
    ['GET /api/media/file/x%00.pdf', () => callApi('GET', '/media/file/x%00.pdf'), 400, /Alamat tidak sah/],
    ['GET /api/media/file/%E0%A4%A', () => callApi('GET', '/media/file/%E0%A4%A'), 400, /Alamat tidak sah/],
  ]

  it.each(attempts().map(([name], index) => ({ name, index })))('answers $name with a 4xx that says what is wrong, and logs no error', async ({ index }) => {
    const [, attempt, status, message] = attempts()[index]
    const logged = vi.spyOn(payload.logger, 'error')
    const response = await attempt()
    expect(response.status).toBe(status)
    expect(response.body.errors[0].message).toMatch(message)
    expect(response.body.errors[0].data.problems[0].code).toMatch(/^request\./)
    expect(logged).not.toHaveBeenCalled()
  })

  it("answers in the caller's language", async () => {
    const response = await callApi('GET', '/reports/abc', { token: tokens.councilA, headers: { 'Accept-Language': 'en' } })
    expect(response.body.errors[0].message).toBe(
      `"abc" is not a document id: ids here ${onMongo ? 'are 24 hexadecimal digits' : 'are whole numbers, e.g. 12'}`,
    )
    const typed = await callApi('POST', '/programs', { headers: { 'Content-Type': 'text/plain', Cookie: 'payload-lng=en' }, body: 'x' })
    expect(typed.body.errors[0].message).toMatch(/^The content type "text\/plain" is not supported/)
  })

  it('still answers a well-formed id that names nothing with 404', async () => {
    expect((await callApi('GET', `/reports/${MISSING_ID}`, { token: tokens.councilA })).status).toBe(404)
  })
})

describe('a body declared larger than any upload', () => {
  it('is refused with 413 at once, without reading it', async () => {
    let pulled = 0
    // A body that never ends: reading it would hang the test.
    const endless = new ReadableStream({
      pull(controller) {
        pulled += 1
        controller.enqueue(new Uint8Array(1024))
      },
    })
    const request = new Request('http://localhost:3000/api/evidence/upload', {
      method: 'POST',
      headers: { Authorization: `JWT ${tokens.councilA}`, 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': '5368709120' },
      body: endless,
      duplex: 'half',
    } as RequestInit)
    const response = await sendApi(request)
    expect(response.status).toBe(413)
    expect((await response.json()).errors[0].message).toMatch(/Permintaan terlalu besar \(5120 MB\); batasnya 26 MB/)
    expect(pulled).toBeLessThan(2)
  })
})

describe('images that declare more pixels than they hold', () => {
  it.each([
    ['evidence', () => callApi('POST', '/evidence/upload', { token: tokens.councilA, form: uploadForm(pngDeclaring(60_000, 60_000), { city: fixture.cityA.id }) })],
    ['media', () => callApi('POST', '/media', { token: tokens.councilA, form: uploadForm(pngDeclaring(60_000, 60_000), { alt: 'Peta' }) })],
  ] as const)('are refused as %s with 400 and the size, and logged without an error', async (collection, upload) => {
    const logged = vi.spyOn(payload.logger, 'error')
    const response = await upload()
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toMatch(/60000 × 60000 piksel, melebihi batas 50 megapiksel/)
    expect(logged).not.toHaveBeenCalled()
    const { totalDocs } = await payload.count({ collection, where: { filename: { like: 'peta' } } })
    expect(totalDocs).toBe(0)
  })

  it('lets an ordinary photo through', async () => {
    const response = await callApi('POST', '/evidence/upload', { token: tokens.councilA, form: uploadForm(await pngFile('foto-lokasi.png', 1200, 800), { city: fixture.cityA.id }) })
    expect(response.status).toBe(201)
  })
})

describe('file names', () => {
  it('are stored without bidirectional controls, so they show what they are', async () => {
    const response = await callApi('POST', '/evidence/upload', {
      token: tokens.councilA,
      form: uploadForm(pdfFile('laporan\u202Efdp.exe.pdf', 'nama berkas'), { city: fixture.cityA.id }),
    })
    expect(response.status).toBe(201)
    expect(response.body.doc.filename).toBe('laporanfdp.exe.pdf')
    const media = await callApi('POST', '/media', {
      token: tokens.councilA,
      form: uploadForm(await pngFile('foto\u2067gpj.exe\u2069.png'), { alt: 'Foto' }),
    })
    expect(media.status).toBe(201)
    expect(media.body.doc.filename).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
  })
})

describe('records named by another at depth 1', () => {
  it("give a report's period its dates and deadlines, not every city and assessor of the round", async () => {
    const { status, body } = await callApi('GET', `/reports/${fixture.reports.a.id}?depth=1`, { token: tokens.councilA })
    expect(status).toBe(200)
    expect(body.period).toMatchObject({ id: fixture.period.id, title: fixture.period.title, opensAt: fixture.period.opensAt, closesAt: fixture.period.closesAt })
    expect(body.period).not.toHaveProperty('assignments')
    expect(body.period).not.toHaveProperty('cities')
  })

  it("give a programme's city its name and codes, not its profile", async () => {
    const { status, body } = await callApi('GET', `/programs/${fixture.programs.publicA.id}?depth=1`, { token: tokens.councilA })
    expect(status).toBe(200)
    expect(body.city).toMatchObject({ id: fixture.cityA.id, name: fixture.cityA.name, regionCode: fixture.cityA.regionCode })
    expect(body.city).not.toHaveProperty('profile')
    expect(body.city).not.toHaveProperty('masterplan')
  })

  it("give a programme's pillar its name, slug, colour and order, and its indicators as ids", async () => {
    const { status, body } = await callApi('GET', `/programs/${fixture.programs.publicA.id}?depth=1`, { token: tokens.councilA })
    expect(status).toBe(200)
    expect(body.dimension).toMatchObject({ id: fixture.dimension.id, slug: fixture.dimension.slug, colour: fixture.dimension.colour, order: fixture.dimension.order })
    expect(body.dimension).not.toHaveProperty('subDimensions')
    expect(body.dimension).not.toHaveProperty('description')
    expect(body.indicators.docs).toContain(fixture.indicators.publicA.id)
    // An id is a number on SQLite and a string on MongoDB; a populated indicator would be an object.
    expect(body.indicators.docs.every((indicator: unknown) => ['number', 'string'].includes(typeof indicator))).toBe(true)
  })
})
