import { format, isValid, parse } from 'date-fns'
import { enGB, id as idLocale } from 'date-fns/locale'
import type { DateField } from 'payload'

/**
 * How dates are typed and shown in the admin. Payload's picker takes typed dates as MM/dd/yyyy, so
 * an Indonesian "31/12/2026" came back empty; here a date is typed day first (31/12/2026, also
 * 31/12/26 or 31-12-2026) and shown as "31 Des 2026" (month names in the person's admin language),
 * and a moment with its time as 24-hour local time. Each list of formats is tried in order when a
 * person types; the first one is how the picker writes the date.
 */
export const TYPED_DAY = ['dd/MM/yyyy', 'd/M/yyyy', 'd/M/yy', 'd-M-yyyy', 'd MMM yyyy']
const TYPED_MOMENT = ['dd/MM/yyyy HH:mm', 'd/M/yyyy HH:mm', 'd/M/yyyy H:mm', 'd MMM yyyy HH:mm']

/** A calendar date (a period's opening day, a document's date). */
export const dayPicker: NonNullable<DateField['admin']>['date'] = {
  pickerAppearance: 'dayOnly',
  displayFormat: 'd MMM yyyy',
  overrides: { dateFormat: TYPED_DAY },
}

/**
 * The admin of a calendar-day field: the day picker, shown by Payload's date field with a word when
 * what was typed is no day (cms/components/DayField).
 */
export const dayAdmin = {
  date: dayPicker,
  components: { Field: '/components/DayField/index.tsx#DayField' },
} satisfies DateField['admin']

/** A moment: a day and its time, in the person's own time zone. */
export const momentPicker: NonNullable<DateField['admin']>['date'] = {
  pickerAppearance: 'dayAndTime',
  displayFormat: 'd MMM yyyy HH:mm',
  timeFormat: 'HH:mm',
  overrides: { dateFormat: TYPED_MOMENT },
}

/** How lists show the moments Payload keeps for every record (created, updated). */
export const LIST_DATE_FORMAT = 'd MMM yyyy HH:mm'

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
