import { LOCALES, type Locale, type LocalizedText } from '../../cms/contract/index.ts'

export { LOCALES, type Locale }

/**
 * BCP 47 tags for `Intl`, so numbers and months read the way each audience writes them; chart.js
 * gets the same tag, so a chart's numbers match the table under it.
 */
export const INTL_TAG: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' }

/**
 * The text in the wanted language, else in the other one: councils often write Indonesian first
 * and translate later, and a page with the Indonesian title is better than a page without a title.
 */
export function inLocale(text: LocalizedText, locale: Locale): string {
  const other: Locale = locale === 'id' ? 'en' : 'id'
  return text[locale] ?? text[other] ?? ''
}

/** A site path in the given language: Indonesian at the root, English under /en/. */
export function localePath(locale: Locale, path: string): string {
  return locale === 'id' ? path : `/en${path}`
}

/**
 * Pages whose address is a word, translated: the language switch and the links use these.
 * Open-data files themselves live under /data/ for both languages.
 */
export const sitePaths = {
  openData: { id: '/data-terbuka/', en: '/en/open-data/' },
  method: { id: '/metode/', en: '/en/method/' },
  feed: { id: '/rss.xml', en: '/en/rss.xml' },
  compare: { id: '/bandingkan/', en: '/en/compare/' },
  search: { id: '/cari/', en: '/en/search/' },
} as const satisfies Record<string, Record<Locale, string>>

/** The same page in the other language; every public page exists in both. */
export function otherLocalePath(locale: Locale, path: string): string {
  return locale === 'id' ? localePath('en', path) : path.replace(/^\/en(?=\/|$)/, '') || '/'
}

/**
 * Formatters are made once per language: building an `Intl` formatter costs far more than using
 * one, and a build formats every figure of every table.
 */
const numberFormats = new Map<Locale, Intl.NumberFormat>()
const monthFormats = new Map<Locale, Intl.DateTimeFormat>()

function numberFormat(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: 2 })
    numberFormats.set(locale, format)
  }
  return format
}

function monthFormat(locale: Locale): Intl.DateTimeFormat {
  let format = monthFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_TAG[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' })
    monthFormats.set(locale, format)
  }
  return format
}

/**
 * `format` with each result kept per language. Even a made formatter costs far more than a lookup,
 * and a build writes the same few thousand figures and few dozen months over and over: in every
 * chart, table and summary, in both languages. What is kept is bounded by the distinct values of
 * the snapshot.
 */
function remembered<T>(format: (value: T, locale: Locale) => string): (value: T, locale: Locale) => string {
  const made: Record<Locale, Map<T, string>> = { id: new Map(), en: new Map() }
  return (value, locale) => {
    let text = made[locale].get(value)
    if (text === undefined) {
      text = format(value, locale)
      made[locale].set(value, text)
    }
    return text
  }
}

const numberText = remembered((value: number, locale) => numberFormat(locale).format(value))

/** Keyed by months counted from year 0 (`year * 12 + month - 1`). */
const monthText = remembered((months: number, locale) => monthFormat(locale).format(Date.UTC(Math.floor(months / 12), months % 12, 1)))

export function formatNumber(value: number, locale: Locale): string {
  // A Map takes 0 and -0 for one key, and Intl writes them differently ("0", "-0").
  return Object.is(value, -0) ? numberFormat(locale).format(value) : numberText(value, locale)
}

/** "2024" for a yearly value, "Februari 2025" / "February 2025" for a monthly one. */
export function formatPeriod(period: { year: number; month: number | null }, locale: Locale): string {
  if (period.month === null) return String(period.year)
  return monthText(period.year * 12 + period.month - 1, locale)
}
