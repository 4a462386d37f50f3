/**
 * Deadlines in the cities' own time. Indonesia has three time zones without daylight saving: WIB
 * (UTC+7: Sumatra, Java, West and Central Kalimantan), WITA (UTC+8: Bali, Nusa Tenggara, the rest of
 * Kalimantan, Sulawesi) and WIT (UTC+9: Maluku and Papua). A period closes at the end of its closing
 * day in each city's zone: the last minute of 31 July in Ambon is 23:59 WIT, two hours before the
 * last minute of 31 July in Semarang (WIB).
 *
 * The zone follows from the province, read from the first two digits of the Kemendagri region code
 * (`81.71` is Kota Ambon in Maluku, 81), with the province's name as a fallback. Pure functions: the
 * submit check, the report header, the reminders and the tests all use these.
 */
import { type Ref, sameId } from './ids.ts'

export type TimeZoneName = 'WIB' | 'WITA' | 'WIT'

export const TIME_ZONES: Record<TimeZoneName, { offsetHours: number; iana: string }> = {
  WIB: { offsetHours: 7, iana: 'Asia/Jakarta' },
  WITA: { offsetHours: 8, iana: 'Asia/Makassar' },
  WIT: { offsetHours: 9, iana: 'Asia/Jayapura' },
}

/** Province codes (Kemendagri) of the provinces outside WIB. Every other province is WIB. */
const PROVINCE_ZONES: Record<string, TimeZoneName> = {
  '51': 'WITA', // Bali
  '52': 'WITA', // Nusa Tenggara Barat
  '53': 'WITA', // Nusa Tenggara Timur
  '63': 'WITA', // Kalimantan Selatan
  '64': 'WITA', // Kalimantan Timur
  '65': 'WITA', // Kalimantan Utara
  '71': 'WITA', // Sulawesi Utara
  '72': 'WITA', // Sulawesi Tengah
  '73': 'WITA', // Sulawesi Selatan
  '74': 'WITA', // Sulawesi Tenggara
  '75': 'WITA', // Gorontalo
  '76': 'WITA', // Sulawesi Barat
  '81': 'WIT', // Maluku
  '82': 'WIT', // Maluku Utara
  '91': 'WIT', // Papua
  '92': 'WIT', // Papua Barat
  '93': 'WIT', // Papua Selatan
  '94': 'WIT', // Papua Tengah
  '95': 'WIT', // Papua Pegunungan
  '96': 'WIT', // Papua Barat Daya
}

/** Province names outside WIB, for a city whose region code is missing. */
const NAMED_ZONES: [RegExp, TimeZoneName][] = [
  [/papua|maluku/i, 'WIT'],
  [/bali|nusa tenggara|sulawesi|gorontalo|kalimantan (selatan|timur|utara)/i, 'WITA'],
]

export type CityPlace = { regionCode?: string | null; province?: string | null }

/** The time zone a city keeps: from its region code, else its province's name, else WIB. */
export function timeZoneOf(city: CityPlace | null | undefined): TimeZoneName {
  const province = /^(\d{2})/.exec(city?.regionCode ?? '')?.[1]
  if (province) return PROVINCE_ZONES[province] ?? 'WIB'
  const named = NAMED_ZONES.find(([pattern]) => pattern.test(city?.province ?? ''))
  return named?.[1] ?? 'WIB'
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The calendar day a stored date stands for. Payload's date picker stores a chosen day at 12:00 UTC
 * and imports store midnight UTC; either way the UTC date is the day the secretariat picked.
 */
export function calendarDay(value: string | Date): { year: number; month: number; day: number } | null {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return null
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

/** The last millisecond of the calendar day of `value` in `zone`. */
export function endOfDayIn(value: string | Date, zone: TimeZoneName): Date | null {
  const day = calendarDay(value)
  if (!day) return null
  const nextMidnightUtc = Date.UTC(day.year, day.month - 1, day.day + 1)
  return new Date(nextMidnightUtc - TIME_ZONES[zone].offsetHours * 60 * 60 * 1000 - 1)
}

export type DeadlinePeriod = {
  closesAt?: string | null
  extensions?: { city?: unknown; until?: string | null }[] | null
}

export type Deadline = {
  /** The last moment the city may submit. */
  at: Date
  zone: TimeZoneName
  /** Whether the city's own extension sets it, rather than the period's closing day. */
  extended: boolean
}

/**
 * The last moment `city` may submit in `period`: the end of the closing day in the city's zone, or of
 * its extension's day when that runs later. Null when the period sets no closing date.
 */
export function submissionDeadline(period: DeadlinePeriod, city: { id?: unknown } & CityPlace): Deadline | null {
  const zone = timeZoneOf(city)
  const closes = period.closesAt ? endOfDayIn(period.closesAt, zone) : null
  const extensions = (period.extensions ?? [])
    .filter((row) => row.until && sameId(row.city as Ref, city.id as Ref))
    .map((row) => endOfDayIn(row.until as string, zone))
    .filter((date): date is Date => date !== null)
  const latestExtension = extensions.sort((a, b) => b.getTime() - a.getTime())[0]
  if (latestExtension && (!closes || latestExtension > closes)) return { at: latestExtension, zone, extended: true }
  return closes ? { at: closes, zone, extended: false } : null
}

export type Countdown = { passed: boolean; days: number; hours: number }

/**
 * How far `deadline` is from `now`, in whole calendar days of the city's zone ("3 hari lagi",
 * "sudah lewat 2 hari"), and in hours on the last day ("hari ini, 5 jam lagi").
 */
export function countdown(deadline: Deadline, now: Date): Countdown {
  const passed = now.getTime() > deadline.at.getTime()
  const offset = TIME_ZONES[deadline.zone].offsetHours * 60 * 60 * 1000
  const localDay = (date: Date) => Math.floor((date.getTime() + offset) / DAY_MS)
  const days = Math.abs(localDay(deadline.at) - localDay(now))
  const hours = Math.floor(Math.abs(deadline.at.getTime() - now.getTime()) / (60 * 60 * 1000))
  return { passed, days, hours }
}

/** A deadline as a person reads it: "31 Juli 2023 pukul 23.59 WIT". */
export function formatDeadline(deadline: Pick<Deadline, 'at' | 'zone'>, lang: 'id' | 'en'): string {
  const text = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONES[deadline.zone].iana,
  }).format(deadline.at)
  return `${text} ${deadline.zone}`
}
