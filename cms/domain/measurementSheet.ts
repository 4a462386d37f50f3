/**
 * The rules of a measurement spreadsheet (bulk entry of indicator values), as pure functions:
 * header row -> columns, rows -> validated measurement inputs or a list of what is wrong, row by
 * row. Reading the file and touching the database is the endpoint's job
 * (`cms/collections/Measurements/endpoints/importMeasurements.ts`), so every rule here is testable on plain data.
 *
 * Columns (first row; Indonesian or English, case-insensitive, "indikator / indicator" works too;
 * other columns are ignored, so the template can carry unit and target for the reader):
 * - `indikator` / `indicator`: the indicator's ID, or its name (in either language) when the
 *   `program` column gives the programme's slug. An ID is exact; a name is for hand-made sheets.
 * - `program` / `programme`: the programme slug, needed only when `indicator` is a name.
 * - `tahun` / `year` (required), `bulan` / `month` (1-12, only and always for monthly indicators),
 * - `nilai` / `value` (required; `12,5` and `12.5` both read as 12.5), `sumber` / `source`,
 *   `catatan` / `note`.
 * A row with no value, source or note is skipped, so a partly filled template imports.
 */

import { type Problem, problem } from './problems.ts'
import { type ValueRules, valueProblems } from './measurementValue.ts'
import { parseTypedNumber } from './typedValues.ts'

export type Cell = string | number | boolean | Date | null | undefined

/** A record's ID as the database gives it: a number on SQLite, the ObjectId's 24 hex digits on MongoDB. */
export type RecordId = number | string

export const SHEET_COLUMNS = ['indicator', 'program', 'year', 'month', 'value', 'source', 'note'] as const
export type SheetColumn = (typeof SHEET_COLUMNS)[number]

/** Labels written in the template's header row: Indonesian first, and read back by `mapHeader`. */
export const COLUMN_LABELS: Record<SheetColumn, string> = {
  indicator: 'indikator / indicator',
  program: 'program / programme',
  year: 'tahun / year',
  month: 'bulan / month',
  value: 'nilai / value',
  source: 'sumber / source',
  note: 'catatan / note',
}

const ALIASES: Record<string, SheetColumn> = {
  indikator: 'indicator',
  indicator: 'indicator',
  'id indikator': 'indicator',
  'indicator id': 'indicator',
  program: 'program',
  programme: 'program',
  'slug program': 'program',
  'programme slug': 'program',
  tahun: 'year',
  year: 'year',
  bulan: 'month',
  month: 'month',
  nilai: 'value',
  value: 'value',
  capaian: 'value',
  sumber: 'source',
  'sumber data': 'source',
  source: 'source',
  catatan: 'note',
  keterangan: 'note',
  note: 'note',
}

const REQUIRED_COLUMNS: SheetColumn[] = ['indicator', 'year', 'value']

/**
 * More rows than this is almost certainly the wrong file (a city's every indicator, monthly, for
 * years is a few thousand); the write of 10,000 takes well under a second (`npm run bench`).
 */
export const MAX_SHEET_ROWS = 20_000

export interface RowError {
  /** The spreadsheet row number as the person sees it (the header is row 1). */
  row: number
  column: SheetColumn | 'file'
  /** What is wrong, as data: the endpoint words it in the reader's language (./problems.ts). */
  problem: Problem
}

export interface SheetRow {
  row: number
  cells: Partial<Record<SheetColumn, Cell>>
}

export interface SheetIndicator extends ValueRules {
  id: RecordId
  city: RecordId
  programSlug: string
}

export interface ExistingMeasurement {
  id: RecordId
  indicator: RecordId
  year: number
  month: number | null
}

export interface ImportContext {
  indicators: SheetIndicator[]
  /** Measurements already stored for those indicators: a row for the same period updates them. */
  existing: ExistingMeasurement[]
  /** Whether the person importing may write measurements of this city. */
  mayWrite: (city: RecordId) => boolean
}

export interface MeasurementInput {
  row: number
  indicator: RecordId
  year: number
  month: number | null
  value: number
  source: string | null
  note: string | null
  /** The stored measurement of the same indicator and period, which this row replaces. */
  existingId?: RecordId
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ')

/** The column a header cell names, if any. */
export function mapHeader(label: Cell): SheetColumn | undefined {
  if (typeof label !== 'string') return undefined
  const whole = ALIASES[normalise(label)]
  if (whole) return whole
  for (const part of label.replace(/\(.*?\)/g, '').split('/')) {
    const column = ALIASES[normalise(part)]
    if (column) return column
  }
  return undefined
}

/**
 * Turns the sheet's rows (header first, as arrays of cells with their row numbers) into rows keyed
 * by column, or says which required column is missing or named twice.
 */
export function readRows(
  table: { row: number; cells: Cell[] }[],
): { rows: SheetRow[]; errors: RowError[] } {
  const [header, ...body] = table
  if (!header) {
    return { rows: [], errors: [{ row: 1, column: 'file', problem: problem('sheet.empty') }] }
  }
  const errors: RowError[] = []
  const columns = header.cells.map(mapHeader)
  for (const column of SHEET_COLUMNS) {
    const count = columns.filter((found) => found === column).length
    if (count > 1) {
      errors.push({
        row: header.row,
        column,
        problem: problem('sheet.columnTwice', { params: { column: COLUMN_LABELS[column], count } }),
      })
    }
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.includes(column)) {
      errors.push({
        row: header.row,
        column,
        problem: problem('sheet.columnMissing', { params: { column: COLUMN_LABELS[column] } }),
      })
    }
  }
  if (body.length > MAX_SHEET_ROWS) {
    errors.push({
      row: header.row,
      column: 'file',
      problem: problem('sheet.tooManyRows', { params: { rows: body.length, max: MAX_SHEET_ROWS } }),
    })
  }
  if (errors.length) return { rows: [], errors }
  const rows = body.map(({ row, cells }) => {
    const keyed: SheetRow['cells'] = {}
    columns.forEach((column, index) => {
      if (column) keyed[column] = cells[index]
    })
    return { row, cells: keyed }
  })
  return { rows, errors }
}

const isBlank = (cell: Cell) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
const text = (cell: Cell): string | null => (isBlank(cell) ? null : String(cell).trim())

/** A number as people type it (`12.5`, `12,5`: ./typedValues.ts) or a numeric cell. */
export function parseNumber(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined
  return typeof cell === 'string' ? parseTypedNumber(cell) : undefined
}

const parseWhole = (cell: Cell): number | undefined => {
  const number = parseNumber(cell)
  return number !== undefined && Number.isInteger(number) ? number : undefined
}

/** The record ID a cell names: an ObjectId's 24 hex digits (MongoDB) or a whole number (SQLite). */
const parseId = (cell: Cell): RecordId | undefined => {
  const trimmed = typeof cell === 'string' ? cell.trim() : undefined
  if (trimmed && /^[0-9a-f]{24}$/i.test(trimmed)) return trimmed.toLowerCase()
  return parseWhole(cell)
}

const sameRecord = (a: RecordId, b: RecordId) => String(a) === String(b)

export const periodKey = (indicator: RecordId, year: number, month: number | null) => `${indicator}:${year}:${month ?? '-'}`

const periodLabel = (year: number, month: number | null) => (month ? `${String(month).padStart(2, '0')}/${year}` : String(year))

/** The IDs and (programme slug, name) pairs the rows name: what the caller has to look up. */
export function indicatorReferences(rows: SheetRow[]): { ids: RecordId[]; programSlugs: string[] } {
  const ids = new Set<RecordId>()
  const programSlugs = new Set<string>()
  for (const { cells } of rows) {
    const id = parseId(cells.indicator)
    if (id !== undefined) ids.add(id)
    else if (!isBlank(cells.program)) programSlugs.add(String(cells.program).trim())
  }
  return { ids: [...ids], programSlugs: [...programSlugs] }
}

type Resolved = { indicator: SheetIndicator } | { error: Problem }

function resolveIndicator(cells: SheetRow['cells'], context: ImportContext): Resolved {
  const raw = text(cells.indicator)
  if (raw === null) return { error: problem('sheet.indicatorMissing') }
  const notFound = { error: problem('sheet.indicatorUnknown', { params: { name: raw } }) }
  const id = parseId(cells.indicator)
  let matches: SheetIndicator[]
  if (id !== undefined) {
    matches = context.indicators.filter((indicator) => sameRecord(indicator.id, id))
  } else {
    const program = text(cells.program)
    if (program === null) {
      return { error: problem('sheet.indicatorNeedsProgramme', { params: { name: raw } }) }
    }
    const wanted = normalise(raw)
    matches = context.indicators.filter(
      (indicator) => indicator.programSlug === program && Object.values(indicator.name).some((name) => name !== undefined && normalise(name) === wanted),
    )
    if (matches.length > 1) {
      return { error: problem('sheet.indicatorAmbiguous', { params: { name: raw } }) }
    }
  }
  const [indicator] = matches
  // The same answer for "no such indicator" and "another city's": a sheet must not reveal what
  // other cities track.
  if (!indicator || !context.mayWrite(indicator.city)) return notFound
  return { indicator }
}

/**
 * Checks every row against its indicator and the rest of the sheet, as `validateMeasurement` checks
 * one measurement: a known indicator of a city the person may write, a year, a month exactly when
 * the indicator is monthly, a number that is not negative unless the indicator allows it, and each
 * indicator and period once. A row for a period that already has a value replaces that value:
 * what a council expects when it uploads a corrected sheet again. All errors are collected, so the
 * person can fix the whole sheet at once.
 */
export function validateMeasurementRows(
  rows: SheetRow[],
  context: ImportContext,
): { inputs: MeasurementInput[]; errors: RowError[]; skipped: number } {
  const inputs: MeasurementInput[] = []
  const errors: RowError[] = []
  let skipped = 0
  const stored = new Map(context.existing.map((doc) => [periodKey(doc.indicator, doc.year, doc.month), doc.id]))
  const firstRowOf = new Map<string, number>()

  for (const { row, cells } of rows) {
    if (isBlank(cells.value) && isBlank(cells.source) && isBlank(cells.note)) {
      skipped += 1
      continue
    }
    const fail = (column: SheetColumn, found: Problem) => errors.push({ row, column, problem: found })
    const before = errors.length

    const resolved = resolveIndicator(cells, context)
    const indicator = 'indicator' in resolved ? resolved.indicator : undefined
    if ('error' in resolved) fail('indicator', resolved.error)

    const year = parseWhole(cells.year)
    if (year === undefined || year < 2000 || year > 2100) {
      fail('year', problem('measurement.yearRange'))
    }

    // Undefined while what was typed is no month (reported here), null when none was typed.
    let month: number | null | undefined = null
    if (!isBlank(cells.month)) {
      const parsed = parseWhole(cells.month)
      month = parsed === undefined || parsed < 1 || parsed > 12 ? undefined : parsed
      if (month === undefined) fail('month', problem('measurement.monthRange'))
    }

    const value = parseNumber(cells.value)
    if (value === undefined) fail('value', problem('measurement.notNumber'))
    if (indicator) for (const found of valueProblems(indicator, value, month)) fail(found.field, found.problem)

    if (errors.length > before || !indicator || year === undefined || value === undefined || month === undefined) continue
    const key = periodKey(indicator.id, year, month)
    const first = firstRowOf.get(key)
    if (first !== undefined) {
      const when = periodLabel(year, month)
      fail(month ? 'month' : 'year', problem('sheet.rowRepeated', { params: { first, when } }))
      continue
    }
    firstRowOf.set(key, row)
    inputs.push({
      row,
      indicator: indicator.id,
      year,
      month,
      value,
      source: text(cells.source),
      note: text(cells.note),
      ...(stored.has(key) ? { existingId: stored.get(key) } : {}),
    })
  }
  return { inputs, errors, skipped }
}
