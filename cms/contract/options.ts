/**
 * The closed lists of values that the CMS stores, the snapshot publishes and the site shows, and
 * the score scale, each written once. The collections build their `options` from these lists, the
 * snapshot's schemas accept exactly these values, and the site and the seed iterate the same lists,
 * so a value added here reaches the admin, the open data and the pages together.
 */

/** The two languages of everything Pantau writes, Indonesian first. */
export const LOCALES = ['id', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export type Bilingual = Record<Locale, string>
/** How an option is named in the admin: one text for both languages, or one per language. */
export type OptionLabel = string | Bilingual

/** Every score, of a question, a pillar or the index, lives on this maturity scale. */
export const SCORE_SCALE = { min: 1, max: 5 } as const

export const CITY_KINDS = ['kota', 'kabupaten'] as const
export type CityKind = (typeof CITY_KINDS)[number]
export const CITY_KIND_LABELS: Record<CityKind, Bilingual> = {
  kota: { id: 'Kota', en: 'City (kota)' },
  kabupaten: { id: 'Kabupaten', en: 'Regency (kabupaten)' },
}

/** The year a city was chosen for the 100 Smart City Movement. */
export const COHORTS = ['2017', '2018', '2019'] as const
export type Cohort = (typeof COHORTS)[number]

/** Books I, II and III of a city's smart-city masterplan. */
export const MASTERPLAN_BOOKS = ['I', 'II', 'III'] as const
export type MasterplanBook = (typeof MASTERPLAN_BOOKS)[number]
export const MASTERPLAN_BOOK_LABELS: Record<MasterplanBook, OptionLabel> = {
  I: 'Buku I',
  II: 'Buku II',
  III: 'Buku III',
}

export const PARTNER_KINDS = ['private', 'government', 'university', 'community'] as const
export type PartnerKind = (typeof PARTNER_KINDS)[number]
export const PARTNER_KIND_LABELS: Record<PartnerKind, Bilingual> = {
  private: { id: 'Swasta', en: 'Private' },
  government: { id: 'Pemerintah', en: 'Government' },
  university: { id: 'Perguruan tinggi', en: 'University' },
  community: { id: 'Komunitas', en: 'Community' },
}

export const FUNDING_SOURCES = ['apbd', 'apbn', 'csr', 'partner'] as const
export type FundingSource = (typeof FUNDING_SOURCES)[number]
export const FUNDING_SOURCE_LABELS: Record<FundingSource, OptionLabel> = {
  apbd: 'APBD',
  apbn: 'APBN',
  csr: 'CSR',
  partner: { id: 'Mitra', en: 'Partner' },
}

export const PROGRAMME_STATUSES = ['planned', 'ongoing', 'completed', 'paused'] as const
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number]
export const PROGRAMME_STATUS_LABELS: Record<ProgrammeStatus, Bilingual> = {
  planned: { id: 'Direncanakan', en: 'Planned' },
  ongoing: { id: 'Berjalan', en: 'Ongoing' },
  completed: { id: 'Selesai', en: 'Completed' },
  paused: { id: 'Ditunda', en: 'Paused' },
}

/** Whether an indicator improves by rising or by falling. */
export const INDICATOR_DIRECTIONS = ['up', 'down'] as const
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number]
export const INDICATOR_DIRECTION_LABELS: Record<IndicatorDirection, Bilingual> = {
  up: { id: 'Naik lebih baik', en: 'Higher is better' },
  down: { id: 'Turun lebih baik', en: 'Lower is better' },
}

export const INDICATOR_FREQUENCIES = ['monthly', 'yearly'] as const
export type IndicatorFrequency = (typeof INDICATOR_FREQUENCIES)[number]
export const INDICATOR_FREQUENCY_LABELS: Record<IndicatorFrequency, Bilingual> = {
  monthly: { id: 'Bulanan', en: 'Monthly' },
  yearly: { id: 'Tahunan', en: 'Yearly' },
}

/** Whether each value is set against the target, or the running total since the programme began. */
export const INDICATOR_AGGREGATIONS = ['per_period', 'cumulative'] as const
export type IndicatorAggregation = (typeof INDICATOR_AGGREGATIONS)[number]
export const INDICATOR_AGGREGATION_LABELS: Record<IndicatorAggregation, Bilingual> = {
  per_period: { id: 'Per periode', en: 'Per period' },
  cumulative: { id: 'Kumulatif', en: 'Cumulative' },
}

/**
 * A list as select options, in the list's order: the shape Payload's `select` fields take. A fresh
 * array each call, since a field config may be changed by whoever receives it.
 */
export function selectOptions<Value extends string>(
  values: readonly Value[],
  labels: Record<Value, OptionLabel>,
): { label: OptionLabel; value: Value }[] {
  return values.map((value) => ({ label: labels[value], value }))
}

/** Each value's label in one language, e.g. for a page that shows the value as words. */
export function labelsIn<Value extends string>(labels: Record<Value, Bilingual>, locale: Locale): Record<Value, string> {
  return Object.fromEntries(Object.entries<Bilingual>(labels).map(([value, label]) => [value, label[locale]])) as Record<Value, string>
}

/** "a, b or c": a list of values as the open data's column descriptions name them. */
export function oneOf(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`
}

/**
 * The evaluation dimensions of the movement's instruments, by the key each instrument gives them,
 * named for the public pages. A key not listed here is shown as it is.
 */
export const EVALUATION_DIMENSION_LABELS: Record<string, Bilingual> = {
  baseline: { id: 'Baseline (peningkatan)', en: 'Baseline (improvement)' },
  output: { id: 'Output', en: 'Output' },
  outcome: { id: 'Outcome', en: 'Outcome' },
  impact: { id: 'Impact', en: 'Impact' },
  quick_win: { id: 'Quick Win', en: 'Quick Win' },
}
