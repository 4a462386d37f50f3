/**
 * Reading and writing the instrument tables of ./instrumentSheet.ts as XLSX (two sheets) or CSV.
 * A CSV file has one sheet only, so it holds the settings table first, then one empty line, then the
 * questions table; the questions start at the row whose first cell is `section`.
 */
import { Readable } from 'node:stream'

import type ExcelJS from 'exceljs'

import { neutraliseFormula, withoutFormulaGuard } from '../domain/formulaGuard.ts'
import { type InstrumentTables, QUESTION_COLUMNS, type Table } from '../domain/instrumentSheet.ts'
import { type Problem, problem } from '../domain/problems.ts'
import { loadExcelJS } from './excel.ts'

export type SheetFormat = 'xlsx' | 'csv'

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const

/**
 * Writes a cell as a number where the text is one, so a spreadsheet can sum and sort the weights;
 * other text never as something a spreadsheet program would run as a formula.
 */
const cellValue = (text: string): string | number =>
  text !== '' && /^-?\d+(\.\d+)?$/.test(text) && String(Number(text)) === text ? Number(text) : neutraliseFormula(text)

export async function writeWorkbook(tables: InstrumentTables, format: SheetFormat): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook()
  if (format === 'xlsx') {
    const questions = workbook.addWorksheet('questions')
    const settings = workbook.addWorksheet('settings')
    for (const [sheet, table] of [
      [questions, tables.questions],
      [settings, tables.settings],
    ] as const) {
      for (const cells of table.cells) sheet.addRow(cells.map(cellValue))
      sheet.getRow(1).font = { bold: true }
      sheet.views = [{ state: 'frozen', ySplit: 1 }]
    }
    return Buffer.from(await workbook.xlsx.writeBuffer())
  }
  const sheet = workbook.addWorksheet('instrument')
  for (const cells of tables.settings.cells) sheet.addRow(cells.map(neutraliseFormula))
  sheet.addRow([])
  for (const cells of tables.questions.cells) sheet.addRow(cells.map(neutraliseFormula))
  // Every cell is written as it is: the default would turn "2023-05-01" or "1e3" into something else.
  const csv = await workbook.csv.writeBuffer({ map: (value: unknown) => value ?? '' })
  return Buffer.from(csv)
}

/** The text a person sees in a cell, whatever exceljs made of it, without the guard `writeWorkbook` put on formula-like text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return withoutFormulaGuard(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('text' in value && typeof value.text === 'string') return value.text
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
  return String(value)
}

function gridOf(sheet: ExcelJS.Worksheet): string[][] {
  const grid: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : []
    grid[rowNumber - 1] = values.map((value) => cellText(value as ExcelJS.CellValue))
  })
  return Array.from(grid, (cells) => cells ?? [])
}

/** A workbook that cannot be read as an instrument, with the problem to tell the person. */
export class WorkbookError extends Error {
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.code)
    this.problem = problem
  }
}

export async function readWorkbook(data: Buffer, format: SheetFormat): Promise<InstrumentTables> {
  const workbook = new (await loadExcelJS()).Workbook()
  if (format === 'xlsx') {
    try {
      await workbook.xlsx.load(data as unknown as ArrayBuffer)
    } catch {
      throw new WorkbookError(problem('workbook.unreadable'))
    }
    const questions = workbook.getWorksheet('questions')
    const settings = workbook.getWorksheet('settings')
    if (!questions || !settings) {
      throw new WorkbookError(problem('workbook.sheetsMissing'))
    }
    return { settings: { firstRow: 1, cells: gridOf(settings) }, questions: { firstRow: 1, cells: gridOf(questions) } }
  }
  const text = data.toString('utf8').replace(/^\uFEFF/, '')
  const sheet = await workbook.csv.read(Readable.from([text]), { map: (value: unknown) => value })
  return splitCsvGrid(gridOf(sheet))
}

function splitCsvGrid(grid: string[][]): InstrumentTables {
  const start = grid.findIndex((cells) => cells[0]?.trim().toLowerCase() === QUESTION_COLUMNS[0])
  if (start < 0) {
    throw new WorkbookError(problem('workbook.noQuestionHeader'))
  }
  const settings: Table = { firstRow: 1, cells: grid.slice(0, start) }
  return { settings, questions: { firstRow: start + 1, cells: grid.slice(start) } }
}
