import { type ChartData, latestPoint, type SeriesPoint } from './charts.ts'
import { percent, progressToTarget } from './progress.ts'
import { cityPath, groupBy, programmePath, type PublicData, type SeriesByIndicator, seriesByIndicator } from './cityPage.ts'
import { UI } from './i18n.ts'
import { formatNumber, formatPeriod, INTL_TAG, inLocale, type Locale } from './locale.ts'
import { type City, type Indicator, type Program, unitIn } from '../../cms/contract/index.ts'

export interface IndicatorTableRow {
  period: string
  /** Formatted; null when nothing was reported for the period. */
  reported: string | null
  /** The running total of a cumulative indicator; null for other indicators and for gaps. */
  runningTotal: string | null
}

export interface IndicatorChartView {
  id: string
  name: string
  unit: string
  cumulative: boolean
  target: string
  targetYear: number
  /** The target with its period, as a reader says it: "1 konser per bulan", "2.915 KK". */
  targetPhrase: string
  /** The latest value against the target in one sentence ("Agustus 2023: 0 dari target 1 konser."), or null before any. */
  latestSentence: string | null
  /** Whole percent of the way to the target at the latest value, or null when it cannot be said. */
  progress: number | null
  /** Null while nothing has been reported: the page then shows no chart and ships no script. */
  chart: ChartData | null
  /** What the chart shows, in one sentence, for the canvas's accessible name. */
  summary: string
  caption: string
  rows: IndicatorTableRow[]
}

export interface ProgrammePageView {
  id: string
  slug: string
  title: string
  summary: string
  /** The pillar's name, when the dimension is public. */
  dimension: string | null
  agency: string
  startYear: number
  status: Program['status']
  partners: { name: string; kind: string | null }[]
  fundingSources: string[]
  indicators: IndicatorChartView[]
  city: City
  cityHref: string
  href: string
}

function indicatorView(indicator: Indicator, series: readonly SeriesPoint[], locale: Locale): IndicatorChartView {
  const t = UI[locale]
  const name = inLocale(indicator.name, locale)
  const cumulative = indicator.aggregation === 'cumulative'
  const per = cumulative ? t.cumulative : t.perPeriod[indicator.frequency]
  const latest = latestPoint(series)
  const unit = unitIn(indicator.unit, locale)
  const format = (value: number | null) => (value === null ? null : formatNumber(value, locale))
  const withUnit = (value: number) => `${formatNumber(value, locale)} ${unit}`
  const target = formatNumber(indicator.target, locale)
  // A unit that names its own period ("ton/bulan") needs no "per bulan" after it.
  const targetPhrase = cumulative || unit.includes('/') ? withUnit(indicator.target) : t.targetPhrase(target, unit, per)
  const share = latest ? progressToTarget(indicator, latest.actual) : null
  return {
    id: indicator.id,
    name,
    unit,
    cumulative,
    target,
    targetYear: indicator.targetYear,
    targetPhrase,
    latestSentence: latest ? t.latestSentence(formatPeriod(latest, locale), formatNumber(latest.actual, locale), withUnit(indicator.target)) : null,
    progress: share === null ? null : percent(share),
    chart: latest
      ? {
          locale: INTL_TAG[locale],
          // What was done in each period stands as a bar beside the target; a running total is a line.
          kind: cumulative ? 'line' : 'bar',
          labels: series.map((point) => formatPeriod(point, locale)),
          actual: series.map((point) => point.actual),
          target: indicator.target,
          actualLabel: t.actual,
          targetLabel: `${t.target} (${targetPhrase})`,
          valueAxisTitle: t.valueAxisTitle(unit, per),
        }
      : null,
    summary: latest
      ? t.chartSummary(cumulative ? t.chartKindLine : t.chartKindBar, name, withUnit(latest.actual), formatPeriod(latest, locale), targetPhrase)
      : t.notMeasured,
    caption: t.tableCaption(name, unit, per),
    rows: series.map((point) => ({
      period: formatPeriod(point, locale),
      reported: format(point.reported),
      runningTotal: cumulative ? format(point.actual) : null,
    })),
  }
}

/**
 * Every public programme page in one language, with the figures each chart and table shows.
 * Programmes whose city is not public are left out: their page would have nowhere to belong.
 */
export function programmePages(
  data: PublicData,
  locale: Locale,
  series: SeriesByIndicator = seriesByIndicator(data),
): ProgrammePageView[] {
  const t = UI[locale]
  const cities = new Map(data.cities.map((city) => [city.id, city]))
  const dimensions = new Map(data.dimensions.map((dimension) => [dimension.id, dimension]))
  const indicatorsOf = groupBy(data.indicators, (indicator) => indicator.program)

  return data.programs.flatMap((program): ProgrammePageView[] => {
    const city = cities.get(program.city)
    if (!city) return []
    const dimension = dimensions.get(program.dimension)
    // Cities enter the headline indicator first (tonnes recycled before jobs created), so entry
    // order beats alphabetical order here; the sort is stable for indicators made in the same instant.
    const indicators = [...(indicatorsOf.get(program.id) ?? [])]
      .sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''))
      .map((indicator) => indicatorView(indicator, series.get(indicator.id) ?? [], locale))
    return [
      {
        id: program.id,
        slug: program.slug,
        title: inLocale(program.title, locale),
        summary: inLocale(program.summary, locale),
        dimension: dimension ? inLocale(dimension.name, locale) : null,
        agency: program.agency,
        startYear: program.startYear,
        status: program.status,
        partners: (program.partners ?? []).map((partner) => ({
          name: partner.name,
          kind: partner.kind ? t.partnerKind[partner.kind] : null,
        })),
        fundingSources: (program.fundingSources ?? []).map((source) => t.funding[source]),
        indicators,
        city,
        cityHref: cityPath(locale, city),
        href: programmePath(locale, city, program),
      },
    ]
  })
}
