import { Readable } from 'node:stream'

import type ExcelJS from 'exceljs'
import { fileTypeFromBuffer } from 'file-type'

import { neutraliseFormula, withoutFormulaGuard } from '../domain/formulaGuard.ts'
import { type Cell, COLUMN_LABELS, type SheetColumn } from '../domain/measurementSheet.ts'
import { problem } from '../domain/problems.ts'
import { loadExcelJS } from './excel.ts'

/** A file that is neither an .xlsx workbook nor CSV text; its problem says so in the reader's words. */
export class SpreadsheetFormatError extends Error {
  readonly problem = problem('upload.spreadsheetType')
  constructor() {
    super('upload.spreadsheetType')
    this.name = 'SpreadsheetFormatError'
  }
}

/** CSV has no signature: it is text without NUL bytes that no known file type claims. */
const looksLikeText = (data: Buffer) => !data.subarray(0, 4096).includes(0)

/**
 * What a person sees in a cell: the result of a formula, the text of a link or of rich text; text
 * without the guard a template put on formula-like text.
 */
export function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return withoutFormulaGuard(value)
  if (typeof value !== 'object' || value instanceof Date) return value
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('text' in value) return cellValue(value.text as ExcelJS.CellValue)
  return null
}

/**
 * Indonesian spreadsheet programs write CSV with `;` because the comma is the decimal mark;
 * the header line says which one this file uses.
 */
const delimiterOf = (textData: string) => {
  const header = textData.split(/\r?\n/, 1)[0] ?? ''
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ','
}

/**
 * The first worksheet of an .xlsx or a .csv file as rows of cell values with their row numbers,
 * empty rows left out. CSV cells stay text (no guessing of dates), so "12,5" reaches the number
 * parser as typed.
 */
export async function readTable(data: Buffer): Promise<{ row: number; cells: Cell[] }[]> {
  const workbook = new (await loadExcelJS()).Workbook()
  let sheet: ExcelJS.Worksheet | undefined
  // Judged by content, not name: a PDF or an old .xls renamed to .csv is refused, not misread.
  const detected = await fileTypeFromBuffer(data)
  if (detected?.ext === 'xlsx' || detected?.ext === 'zip') {
    try {
      await workbook.xlsx.load(data as unknown as ArrayBuffer)
    } catch {
      throw new SpreadsheetFormatError()
    }
    sheet = workbook.worksheets[0]
  } else if (!detected && looksLikeText(data)) {
    const textData = data.toString('utf8').replace(/^\uFEFF/, '')
    sheet = await workbook.csv.read(Readable.from([textData]), {
      map: (value: unknown) => value,
      parserOptions: { delimiter: delimiterOf(textData) },
    })
  } else {
    throw new SpreadsheetFormatError()
  }
  const table: { row: number; cells: Cell[] }[] = []
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value)
    })
    if (cells.some((cell) => cell !== null && cell !== undefined && String(cell).trim() !== '')) {
      table.push({ row: rowNumber, cells })
    }
  })
  return table
}

export interface TemplateRow {
  indicator: number
  program: string
  name: string
  unit: string
  target: number
  year: number
  month: number | null
}

const TEMPLATE_COLUMNS: { key: SheetColumn | 'name' | 'unit' | 'target'; header: string; width: number }[] = [
  { key: 'indicator', header: COLUMN_LABELS.indicator, width: 12 },
  { key: 'program', header: COLUMN_LABELS.program, width: 24 },
  { key: 'name', header: 'nama indikator / indicator name (info)', width: 40 },
  { key: 'unit', header: 'satuan / unit (info)', width: 12 },
  { key: 'target', header: 'target (info)', width: 10 },
  { key: 'year', header: COLUMN_LABELS.year, width: 10 },
  { key: 'month', header: COLUMN_LABELS.month, width: 10 },
  { key: 'value', header: COLUMN_LABELS.value, width: 12 },
  { key: 'source', header: COLUMN_LABELS.source, width: 24 },
  { key: 'note', header: COLUMN_LABELS.note, width: 30 },
]

/**
 * An .xlsx template with one row per indicator and period (twelve for a monthly indicator), ready
 * for the values. The "(info)" columns are for the reader; the import ignores them.
 */
export async function measurementTemplate(rows: TemplateRow[]): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook()
  const sheet = workbook.addWorksheet('Capaian')
  sheet.columns = TEMPLATE_COLUMNS
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const row of rows) {
    sheet.addRow({
      ...row,
      program: neutraliseFormula(row.program),
      name: neutraliseFormula(row.name),
      unit: neutraliseFormula(row.unit),
      month: row.month ?? undefined,
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
