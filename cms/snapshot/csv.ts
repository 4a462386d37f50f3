/**
 * CSV as RFC 4180 describes it: comma-separated fields, CRLF line ends, and a field quoted when it
 * holds a comma, a double quote, CR or LF (inner quotes doubled). Leading and trailing spaces are
 * kept as data, so a field starting or ending with a space is quoted too, for readers that trim.
 * Text that a spreadsheet program would run as a formula is neutralised first (../domain/formulaGuard.ts).
 */
import { neutraliseFormula } from '../domain/formulaGuard.ts'

export type CsvValue = string | number | boolean | null | undefined

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/

/** One field: empty for null and undefined, numbers in JavaScript's shortest round-trip form. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' && !Number.isFinite(value)) return ''
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value)
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A header row then one row per record, each read from the record in the header's order. */
export function toCsv<T>(columns: readonly { name: string; value: (row: T) => CsvValue }[], rows: readonly T[]): string {
  const lines = [columns.map((column) => csvField(column.name)).join(',')]
  for (const row of rows) lines.push(columns.map((column) => csvField(column.value(row))).join(','))
  return `${lines.join('\r\n')}\r\n`
}
