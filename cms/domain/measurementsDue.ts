/**
 * Which programme indicators still lack this year's measurements, for the council's start page:
 * a figure is due once the month (or year) it stands for is over, so an indicator is behind when an
 * ended month of this year, or the year before as a whole, has no value yet. Pure, so the rule is
 * tested on its own and the start page only reads what it says.
 */
import { TIME_ZONES, type TimeZoneName } from './deadlines.ts'
import type { ID } from './ids.ts'

export type YearMonth = { year: number; month: number }

export type DueIndicator = {
  id: ID
  frequency: 'monthly' | 'yearly'
  /** The programme's first year: nothing is due for the time before it. */
  startYear?: number | null
  /** Only an ongoing programme still reports; planned, paused and completed ones owe nothing. */
  programmeStatus?: string | null
}

export type MeasuredPeriod = { year: number; month?: number | null }

/** What an indicator still owes: the ended months of this year without a value, or last year's value. */
export type Owed = { year: number; months: number[] }

/** The calendar month `now` falls in, in the city's own time zone. */
export function monthIn(now: Date, zone: TimeZoneName): YearMonth {
  const local = new Date(now.getTime() + TIME_ZONES[zone].offsetHours * 60 * 60 * 1000)
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 }
}

/**
 * The measurements `indicator` owes in the month `today`: for a monthly indicator the months of this
 * year that have ended without a value (none in January; for a programme that began this year, none
 * before its first value); for a yearly one the year before, when it has no value. Null when nothing
 * is owed.
 */
export function measurementsOwed(indicator: DueIndicator, values: MeasuredPeriod[], today: YearMonth): Owed | null {
  if ((indicator.programmeStatus ?? 'ongoing') !== 'ongoing') return null
  const start = indicator.startYear ?? 0
  if (indicator.frequency === 'yearly') {
    const year = today.year - 1
    if (year < start) return null
    const given = values.some((value) => value.year === year && (value.month ?? null) === null)
    return given ? null : { year, months: [] }
  }
  if (today.year < start) return null
  const given = new Set(values.filter((value) => value.year === today.year && value.month).map((value) => value.month as number))
  // A programme that began this year owes nothing for the months before its first value.
  const first = today.year === start && given.size ? Math.min(...given) : 1
  const months: number[] = []
  for (let month = first; month < today.month; month += 1) if (!given.has(month)) months.push(month)
  return months.length ? { year: today.year, months } : null
}
