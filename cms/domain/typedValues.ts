/**
 * Numbers as people type them, read the one way everywhere they are typed: the cells of an imported
 * spreadsheet and the answers of the guided report. A number takes the Indonesian decimal comma as
 * well as the point (`2,7`, `2.7`). Dates typed day first are read in cms/fields/dates.ts, beside the
 * formats the admin's date fields take.
 */

/** A number typed as `12.5`, `12,5` or `-3`; undefined for anything else (`1.234,5`, `dua belas`, empty). */
export function parseTypedNumber(typed: string): number | undefined {
  const trimmed = typed.trim().replace(/\s/g, '')
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed)
  if (/^-?\d+,\d+$/.test(trimmed)) return Number(trimmed.replace(',', '.'))
  return undefined
}

/** A number as a person of `lang` reads it back: the decimal comma in Indonesian, no grouping. */
export const typedNumber = (value: number, lang: 'id' | 'en'): string => (lang === 'id' ? String(value).replace('.', ',') : String(value))
