/**
 * CSV as RFC 4180 describes it: comma-separated fields, CRLF line ends, and a field quoted when it
 * holds a comma, a double quote, CR or LF (inner quotes doubled). Leading and trailing spaces are
 * kept as data, so a field starting or ending with a space is quoted too, for readers that trim.
 * Text that a spreadsheet program would run as a formula is neutralised first (../domain/formulaGuard.ts).
 */
import type { CsvValue } from '../contract/index.ts'
import { neutraliseFormula } from '../domain/formulaGuard.ts'

export type { CsvValue }

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/

/** One field: empty for null and undefined, numbers in JavaScript's shortest round-trip form. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' && !Number.isFinite(value)) return ''
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value)
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * The lines of a CSV file: the header, then one row per record, each read from the record in the
 * header's order, without line ends. `context` is handed to every column beside the record (the
 * snapshot's names by id, see `CsvNames`).
 */
export function csvLines<T, Context = undefined>(
  columns: readonly { name: string; value: (row: T, context: Context) => CsvValue }[],
  rows: readonly T[],
  context?: Context,
): { header: string; rows: string[] } {
  return {
    header: columns.map((column) => csvField(column.name)).join(','),
    rows: rows.map((row) => columns.map((column) => csvField(column.value(row, context as Context))).join(',')),
  }
}

/** A CSV file of these lines, each ended with CRLF. */
export const csvText = (header: string, rows: readonly string[]): string => `${[header, ...rows].join('\r\n')}\r\n`

/** A header row then one row per record (`csvLines`), as a CSV file. */
export function toCsv<T, Context = undefined>(
  columns: readonly { name: string; value: (row: T, context: Context) => CsvValue }[],
  rows: readonly T[],
  context?: Context,
): string {
  const lines = csvLines(columns, rows, context)
  return csvText(lines.header, lines.rows)
}
