/**
 * Numbers and dates as people type them, read the one way everywhere they are typed: the cells of
 * an imported spreadsheet and the answers of the guided report. A number takes the Indonesian
 * decimal comma as well as the point (`2,7`, `2.7`); a date is typed day first, in the formats the
 * admin's date fields take (cms/fields/dates.ts), and kept as the calendar day `yyyy-MM-dd`.
 */
import { format, isValid, parse } from 'date-fns'
import { enGB, id as idLocale } from 'date-fns/locale'

import { TYPED_DAY } from '../fields/dates.ts'

/** A number typed as `12.5`, `12,5` or `-3`; undefined for anything else (`1.234,5`, `dua belas`, empty). */
export function parseTypedNumber(typed: string): number | undefined {
  const trimmed = typed.trim().replace(/\s/g, '')
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed)
  if (/^-?\d+,\d+$/.test(trimmed)) return Number(trimmed.replace(',', '.'))
  return undefined
}

/** A number as a person of `lang` reads it back: the decimal comma in Indonesian, no grouping. */
export const typedNumber = (value: number, lang: 'id' | 'en'): string => (lang === 'id' ? String(value).replace('.', ',') : String(value))

/** Month names in the day-first formats (`3 Des 2026`, `3 Dec 2026`) are read in either language. */
const MONTH_LOCALES = [idLocale, enGB]
/** Two-digit years are read against this day, so `31/12/26` is 2026. */
const REFERENCE = new Date(2050, 0, 1)
/** As the admin's date picker: a four-digit format given `26` reads year 26, which is no answer. */
const EARLIEST = new Date(1800, 0, 1)

/**
 * A calendar day typed day first (`31/12/2026`, `31/12/26`, `31-12-2026`, `3 Des 2026`) as
 * `yyyy-MM-dd`; undefined when it names no day (`31/02/2026`, `12/31/2026`, empty).
 */
export function parseTypedDay(typed: string): string | undefined {
  const trimmed = typed.trim()
  if (!trimmed) return undefined
  for (const pattern of TYPED_DAY) {
    for (const locale of MONTH_LOCALES) {
      const day = parse(trimmed, pattern, REFERENCE, { locale })
      if (isValid(day) && day >= EARLIEST) return format(day, 'yyyy-MM-dd')
    }
  }
  return undefined
}

/** A calendar day `yyyy-MM-dd` as it is typed: `31/12/2026`. */
export const typedDay = (isoDay: string): string => {
  const [year, month, day] = isoDay.slice(0, 10).split('-')
  return year && month && day ? `${day}/${month}/${year}` : isoDay
}
