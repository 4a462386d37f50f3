import { indicatorSeries, latestPoint, type SeriesPoint } from './charts.ts'
import { formatNumber, formatPeriod, inLocale, type Locale, localePath } from './locale.ts'
import { type City, type Dimension, type Indicator, type Measurement, type Program, unitIn } from '../../cms/contract/index.ts'

export interface IndicatorRow {
  id: string
  name: string
  unit: string
  target: string
  targetYear: number
  /**
   * The latest value and its period, or null while nothing has been reported. For a cumulative
   * indicator it is the total so far, the figure its target is set against.
   */
  latest: { value: string; period: string } | null
}

export interface ProgrammeView {
  id: string
  /** The programme's own page, in the same language. */
  href: string
  title: string
  summary: string
  agency: string
  /** The pillar's name, when the dimensions were loaded. */
  dimension: string | null
  indicators: IndicatorRow[]
}

export interface PublicData {
  cities: readonly City[]
  programs: readonly Program[]
  indicators: readonly Indicator[]
  measurements: readonly Measurement[]
  dimensions: readonly Dimension[]
}

export function cityPath(locale: Locale, city: Pick<City, 'slug'>): string {
  return localePath(locale, `/kota/${city.slug}/`)
}

export function programmePath(locale: Locale, city: Pick<City, 'slug'>, program: Pick<Program, 'slug'>): string {
  return localePath(locale, `/kota/${city.slug}/${program.slug}/`)
}

const collator = (locale: Locale) => new Intl.Collator(locale, { sensitivity: 'base', numeric: true })

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const id = key(item)
    const group = groups.get(id)
    if (group) group.push(item)
    else groups.set(id, [item])
  }
  return groups
}

/** Each indicator's time series (see `indicatorSeries`) by indicator id. */
export type SeriesByIndicator = ReadonlyMap<string, readonly SeriesPoint[]>

/**
 * Every indicator's time series from one pass over the measurements. The series do not depend on
 * the language, so a build makes them once and both languages' pages draw from the same map.
 */
export function seriesByIndicator(data: Pick<PublicData, 'indicators' | 'measurements'>): Map<string, SeriesPoint[]> {
  const measurementsOf = groupBy(data.measurements, (measurement) => measurement.indicator)
  return new Map(data.indicators.map((indicator) => [indicator.id, indicatorSeries(indicator, measurementsOf.get(indicator.id) ?? [])]))
}

/**
 * What each city page shows, keyed by city id: its public programmes in pillar order, then by title,
 * each with its indicators and their latest values. Built once for all cities, so the cost grows
 * with the data, not with data times pages.
 */
export function programmesByCity(
  data: PublicData,
  locale: Locale,
  series: SeriesByIndicator = seriesByIndicator(data),
): Map<string, ProgrammeView[]> {
  const compare = collator(locale).compare
  const indicatorsOf = groupBy(data.indicators, (indicator) => indicator.program)
  const programsOf = groupBy(data.programs, (program) => program.city)
  const dimensions = new Map(data.dimensions.map((dimension) => [dimension.id, dimension]))
  const pillarOrder = (program: Program) => dimensions.get(program.dimension)?.order ?? Number.MAX_SAFE_INTEGER

  const toRow = (indicator: Indicator): IndicatorRow => {
    const measurement = latestPoint(series.get(indicator.id) ?? [])
    return {
      id: indicator.id,
      name: inLocale(indicator.name, locale),
      unit: unitIn(indicator.unit, locale),
      target: formatNumber(indicator.target, locale),
      targetYear: indicator.targetYear,
      latest: measurement
        ? { value: formatNumber(measurement.actual, locale), period: formatPeriod(measurement, locale) }
        : null,
    }
  }

  const toView = (city: City, program: Program): ProgrammeView => {
    const dimension = dimensions.get(program.dimension)
    return {
      id: program.id,
      href: programmePath(locale, city, program),
      title: inLocale(program.title, locale),
      summary: inLocale(program.summary, locale),
      agency: program.agency,
      dimension: dimension ? inLocale(dimension.name, locale) : null,
      indicators: (indicatorsOf.get(program.id) ?? []).map(toRow).sort((a, b) => compare(a.name, b.name)),
    }
  }

  return new Map(
    data.cities.map((city) => {
      const programs = [...(programsOf.get(city.id) ?? [])].sort(
        (a, b) => pillarOrder(a) - pillarOrder(b) || compare(inLocale(a.title, locale), inLocale(b.title, locale)),
      )
      return [city.id, programs.map((program) => toView(city, program))]
    }),
  )
}
