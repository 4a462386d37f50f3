import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { readTable } from '../../cms/infra/spreadsheet.ts'
import type { Indicator } from '../../cms/payload-types.ts'
import { callApi, tokenOf, uploadForm } from '../helpers/api.ts'
import { pdfFile, type UploadFile } from '../helpers/files.ts'
import { buildFixture, type Fixture, indicatorData, programData } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'
import { csvFile, xlsxFile } from '../helpers/sheets.ts'

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

afterEach(() => {
  vi.restoreAllMocks()
})

const HEADER = ['indikator / indicator', 'tahun / year', 'bulan / month', 'nilai / value', 'sumber / source', 'catatan / note']

/** A fresh indicator of city A's public programme, so each test counts only its own measurements. */
const newIndicator = (frequency: 'yearly' | 'monthly' = 'yearly', name?: string): Promise<Indicator> =>
  payload.create({
    collection: 'indicators',
    data: { ...indicatorData(fixture.programs.publicA), frequency, ...(name ? { name } : {}) },
  })

const measurementsOf = async (...indicators: Indicator[]) =>
  (
    await payload.find({
      collection: 'measurements',
      where: { indicator: { in: indicators.map((indicator) => indicator.id) } },
      sort: ['year', 'month'],
      depth: 0,
      pagination: false,
    })
  ).docs

/** As city A's council unless another token, or `null` for an anonymous caller, is given. */
const importSheet = (file: UploadFile, token: string | null = tokens.councilA, language?: 'id' | 'en') =>
  callApi('POST', '/measurements/import', { token: token ?? undefined, form: uploadForm(file), language })

/** Twenty good rows: ten years of a yearly indicator and ten months of a monthly one. */
function twentyRows(yearly: Indicator, monthly: Indicator) {
  return [
    ...Array.from({ length: 10 }, (_, index) => [yearly.id, 2011 + index, null, 100 + index, 'Dinas LH', null]),
    ...Array.from({ length: 10 }, (_, index) => [monthly.id, 2024, index + 1, 10 + index, null, 'bulanan']),
  ]
}

describe('POST /api/measurements/import', () => {
  it('saves every row of a good sheet and answers 201 with counts', async () => {
    const yearly = await newIndicator()
    const monthly = await newIndicator('monthly')
    const response = await importSheet(await xlsxFile([HEADER, ...twentyRows(yearly, monthly)]))
    expect(response.status).toBe(201)
    expect(response.body).toMatchObject({ rows: 20, created: 20, updated: 0, skipped: 0 })
    const saved = await measurementsOf(yearly, monthly)
    expect(saved).toHaveLength(20)
    expect(saved[0]).toMatchObject({ year: 2011, value: 100, source: 'Dinas LH', city: fixture.cityA.id, program: fixture.programs.publicA.id })
    expect(saved.find((doc) => doc.month === 3)).toMatchObject({ value: 12, note: 'bulanan' })
  })

  it("queues the public site's republish of the sheet's city, once for the whole sheet", async () => {
    await payload.delete({ collection: 'payload-jobs', where: { taskSlug: { equals: 'publish-site' } }, overrideAccess: true })
    const yearly = await newIndicator()
    const monthly = await newIndicator('monthly')
    expect((await importSheet(await xlsxFile([HEADER, ...twentyRows(yearly, monthly)]))).status).toBe(201)
    const { docs } = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'publish-site' } }, overrideAccess: true, depth: 0 })
    expect(docs.map((job) => job.input)).toEqual([{ cities: [fixture.cityA.id] }])
  })

  it('saves nothing when 3 of 20 rows are wrong, and lists all 3', async () => {
    const yearly = await newIndicator()
    const monthly = await newIndicator('monthly')
    const rows = twentyRows(yearly, monthly)
    rows[2]![3] = 'banyak'
    rows[7]![2] = 5
    rows[14]![2] = null
    const before = await payload.count({ collection: 'measurements' })

    const response = await importSheet(await xlsxFile([HEADER, ...rows]))

    expect(response.status).toBe(400)
    expect(response.body.message).toBe('Tidak ada yang disimpan: perbaiki 3 kesalahan lalu unggah lagi')
    expect(response.body.errors).toEqual([
      { row: 4, column: 'value', code: 'measurement.notNumber', message: 'Nilai harus berupa angka, mis. 12,5' },
      { row: 9, column: 'month', code: 'measurement.monthForbidden', message: 'Indikator ini dilaporkan tahunan: kosongkan bulan' },
      { row: 16, column: 'month', code: 'measurement.monthRequired', message: 'Indikator ini dilaporkan bulanan: isi bulannya' },
    ])
    expect(await payload.count({ collection: 'measurements' })).toEqual(before)

    const english = await importSheet(await xlsxFile([HEADER, ...rows]), tokens.councilA, 'en')
    expect(english.body.message).toBe('Nothing was saved: fix the 3 problem(s) and upload again')
    expect(english.body.errors.map((error: { message: string }) => error.message)).toEqual([
      'The value must be a number, e.g. 12.5',
      'This indicator is reported yearly: leave the month empty',
      'This indicator is reported monthly: fill in the month',
    ])
  })

  it('updates the values of periods already stored, as a corrected sheet uploaded again', async () => {
    const yearly = await newIndicator()
    const monthly = await newIndicator('monthly')
    await importSheet(await xlsxFile([HEADER, ...twentyRows(yearly, monthly)]))
    const corrected = twentyRows(yearly, monthly).map((row) => [...row.slice(0, 3), Number(row[3]) + 1000, 'Koreksi', null])
    const response = await importSheet(await xlsxFile([HEADER, ...corrected, [yearly.id, 2030, null, 1, null, null]]))
    expect(response.status).toBe(201)
    expect(response.body).toMatchObject({ created: 1, updated: 20 })
    const saved = await measurementsOf(yearly, monthly)
    expect(saved).toHaveLength(21)
    expect(saved[0]).toMatchObject({ year: 2011, value: 1100, source: 'Koreksi' })
  })

  it('reads a semicolon CSV with decimal commas and indicators named within their programme', async () => {
    const named = await newIndicator('yearly', `Bank sampah aktif ${Date.now()}`)
    const csv = csvFile(
      [
        ['indikator', 'program', 'tahun', 'nilai', 'sumber'],
        [named.name, fixture.programs.publicA.slug, 2022, '12,5', 'Survei; 2022'],
      ],
      ';',
    )
    const response = await importSheet(csv)
    expect(response.status).toBe(201)
    expect(await measurementsOf(named)).toMatchObject([{ year: 2022, value: 12.5, source: 'Survei; 2022' }])
  })

  it("refuses a council filling in another city's indicator, as if it did not exist", async () => {
    const yearly = await newIndicator()
    const response = await importSheet(await xlsxFile([HEADER, [yearly.id, 2024, null, 1, null, null]]), tokens.councilB)
    expect(response.status).toBe(400)
    expect(response.body.errors).toEqual([
      { row: 2, column: 'indicator', code: 'sheet.indicatorUnknown', message: expect.stringMatching(/tidak ditemukan atau bukan milik kota Anda$/) },
    ])
    expect(await measurementsOf(yearly)).toEqual([])
  })

  it('answers an ID in the form of the other database engine (a number or an ObjectId) as not found', async () => {
    const sheet = await xlsxFile([HEADER, [9_999_999, 2024, null, 1, null, null], ['6b0f72220ed633b35595aa99', 2024, null, 1, null, null]])
    const response = await importSheet(sheet)
    expect(response.status).toBe(400)
    expect(response.body.errors).toEqual([
      { row: 2, column: 'indicator', code: 'sheet.indicatorUnknown', message: expect.stringMatching(/^Indikator "9999999" tidak ditemukan/) },
      { row: 3, column: 'indicator', code: 'sheet.indicatorUnknown', message: expect.stringMatching(/^Indikator "6b0f72220ed633b35595aa99" tidak ditemukan/) },
    ])
  })

  it('refuses assessors (403) and anonymous callers (401)', async () => {
    const sheet = await xlsxFile([HEADER, [fixture.indicators.publicA.id, 2024, null, 1, null, null]])
    expect((await importSheet(sheet, tokens.assessorA)).status).toBe(403)
    expect((await importSheet(sheet, null)).status).toBe(401)
  })

  it('refuses a file that is not a spreadsheet, and a sheet without the needed columns', async () => {
    const pdf = await importSheet(pdfFile('capaian.pdf'))
    expect(pdf.status).toBe(400)
    expect(pdf.body.errors[0].message).toBe('Unggah berkas .xlsx atau .csv')
    const wrong = await importSheet(csvFile([['nama', 'angka'], ['x', 1]]))
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors.map((error: { column: string }) => error.column)).toEqual(['indicator', 'year', 'value'])
  })

  it('saves nothing, and changes no stored value, when the database refuses a row while writing', async () => {
    const yearly = await newIndicator()
    await importSheet(await xlsxFile([HEADER, [yearly.id, 2011, null, 5, 'Lama', null]]))
    // A corrected 2011 value first, then three new years, the third of which the database refuses.
    const rows = [[yearly.id, 2011, null, 6, 'Baru', null], ...[2012, 2013, 2014].map((year) => [yearly.id, year, null, year === 2014 ? 13 : 1, null, null])]
    const refuse = await refuseValueWhileWriting(13)
    try {
      const response = await importSheet(await xlsxFile([HEADER, ...rows]))
      expect(response.status).toBe(500)
    } finally {
      await refuse.stop()
    }
    expect(await measurementsOf(yearly)).toMatchObject([{ year: 2011, value: 5, source: 'Lama' }])
  })
})

/**
 * Makes the database itself refuse a measurement of `value` while the rows are written, after the
 * sheet passed every check: on SQLite a trigger (the import writes in one batch), elsewhere the
 * adapter's insert (the import writes row by row).
 */
async function refuseValueWhileWriting(value: number): Promise<{ stop: () => Promise<void> }> {
  if (payload.db.name === 'sqlite') {
    const { sql } = await import('@payloadcms/db-sqlite/drizzle')
    const drizzle = (payload.db as unknown as { drizzle: { run(query: unknown): Promise<unknown> } }).drizzle
    await drizzle.run(sql.raw(`CREATE TRIGGER refuse_value BEFORE INSERT ON measurements WHEN NEW.value = ${value} BEGIN SELECT RAISE(ABORT, 'refused'); END`))
    return { stop: async () => void (await drizzle.run(sql.raw('DROP TRIGGER refuse_value'))) }
  }
  const create = payload.db.create.bind(payload.db)
  vi.spyOn(payload.db, 'create').mockImplementation((async (args: Parameters<typeof create>[0]) => {
    if (args.collection === 'measurements' && args.data.value === value) throw new Error('refused')
    return create(args)
  }) as typeof payload.db.create)
  return { stop: async () => void vi.restoreAllMocks() }
}

describe('GET /api/measurements/template', () => {
  it("gives a council its programme's indicators, a row per period, ready to fill in and import", async () => {
    const program = await payload.create({
      collection: 'programs',
      data: { ...programData(fixture.cityA, fixture.dimension), title: 'Templat' },
    })
    const yearly = await payload.create({ collection: 'indicators', data: indicatorData(program) })
    const monthly = await payload.create({ collection: 'indicators', data: { ...indicatorData(program), frequency: 'monthly' } })

    const response = await callApi('GET', `/measurements/template?program=${program.id}&year=2025`, { token: tokens.councilA })

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/)
    expect(response.headers.get('content-disposition')).toContain(`capaian-${program.slug}-2025.xlsx`)
    const table = await readTable(response.body as Buffer)
    expect(table).toHaveLength(1 + 1 + 12)
    expect(table[1]?.cells.slice(0, 6)).toEqual([yearly.id, program.slug, yearly.name, 'ton', 250, 2025])
    expect(table[1]?.cells[6] ?? null).toBeNull()
    expect(table[13]?.cells.slice(5, 7)).toEqual([2025, 12])

    const filled = table.map(({ cells }, index) => (index === 0 ? cells : [...cells.slice(0, 6), cells[6] ?? null, index * 2]))
    const imported = await importSheet(await xlsxFile(filled as (string | number | null)[][]))
    expect(imported.body).toMatchObject({ created: 13, updated: 0 })
    expect(await measurementsOf(monthly)).toHaveLength(12)
  })

  it("refuses another city's programme", async () => {
    const response = await callApi('GET', `/measurements/template?program=${fixture.programs.privateA.id}`, { token: tokens.councilB })
    expect([403, 404]).toContain(response.status)
  })
})
