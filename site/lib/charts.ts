import type { ChartConfiguration } from 'chart.js'

import type { Indicator, Measurement } from '../../cms/contract/index.ts'
// From the list module itself: this file is also bundled for the browser, which needs no schemas.
import { SCORE_SCALE } from '../../cms/contract/options.ts'

type Period = { year: number; month: number | null }

export interface SeriesPoint extends Period {
  /** What was reported for this period, or null when the city reported nothing for it. */
  reported: number | null
  /**
   * The value drawn: the reported value, or for a cumulative indicator the running total up to
   * and including this period (null for a period without a report, so the line shows the gap).
   */
  actual: number | null
}

/** Every period from the first to the last one given, so a month nobody reported stays visible. */
function periodsBetween(first: Period, last: Period): Period[] {
  const periods: Period[] = []
  if (first.month === null || last.month === null) {
    for (let year = first.year; year <= last.year; year += 1) periods.push({ year, month: null })
    return periods
  }
  for (let index = first.year * 12 + first.month - 1; index <= last.year * 12 + last.month - 1; index += 1) {
    periods.push({ year: Math.floor(index / 12), month: (index % 12) + 1 })
  }
  return periods
}

const periodKey = ({ year, month }: Period) => `${year}-${month ?? 0}`

/**
 * One indicator's measurements as a time series in its own frequency (monthly values per month,
 * yearly per year), ready to draw. A cumulative indicator is reported as the amount added in each
 * period and drawn as the running total, because its target is a total (e.g. 2,915 households).
 * Measurements of the other frequency are ignored: the chart has one time axis.
 */
export function indicatorSeries(
  indicator: Pick<Indicator, 'frequency' | 'aggregation'>,
  measurements: readonly Pick<Measurement, 'year' | 'month' | 'value'>[],
): SeriesPoint[] {
  const monthly = indicator.frequency === 'monthly'
  const reportedBy = new Map<string, number>()
  let first: Period | undefined
  let last: Period | undefined
  for (const { year, month, value } of measurements) {
    if (monthly !== (month !== null)) continue
    const period = { year, month }
    reportedBy.set(periodKey(period), value)
    if (!first || year * 13 + (month ?? 0) < first.year * 13 + (first.month ?? 0)) first = period
    if (!last || year * 13 + (month ?? 0) > last.year * 13 + (last.month ?? 0)) last = period
  }
  if (!first || !last) return []

  let runningTotal = 0
  return periodsBetween(first, last).map((period) => {
    const reported = reportedBy.get(periodKey(period)) ?? null
    if (reported === null) return { ...period, reported, actual: null }
    if (indicator.aggregation !== 'cumulative') return { ...period, reported, actual: reported }
    runningTotal += reported
    return { ...period, reported, actual: runningTotal }
  })
}

/** The most recent period with a value, i.e. where the line ends. */
export function latestPoint(series: readonly SeriesPoint[]): (SeriesPoint & { actual: number }) | undefined {
  for (let index = series.length - 1; index >= 0; index -= 1) {
    const point = series[index]
    if (point.actual !== null) return { ...point, actual: point.actual }
  }
  return undefined
}

/**
 * What the page hands the browser in the canvas's `data-chart` attribute: already-formatted labels
 * and plain numbers, so the browser needs no locale data beyond `Intl` and no second request.
 */
export interface ChartData {
  /** BCP 47 tag for chart.js's number formatting, e.g. "id-ID". */
  locale: string
  /** Bars for what was done in each period, a line for a running total; a line when absent. */
  kind?: 'bar' | 'line'
  labels: string[]
  actual: (number | null)[]
  target: number
  actualLabel: string
  targetLabel: string
  /** The y axis title: what is counted, in which unit. */
  valueAxisTitle: string
}

/** Colours meet 3:1 against white (WCAG 1.4.11); the target is also dashed, so colour is not the only cue. */
export const CHART_COLOURS = { actual: '#0b4f8a', target: '#b34700', grid: '#d0d7de', text: '#1a1a1a' } as const

/**
 * What every chart's options share: numbers in the page's language, the size of the box the page
 * reserves, text colour, and motion only for readers who have not asked to reduce it.
 */
function sharedOptions(locale: string, reducedMotion: boolean) {
  return {
    locale,
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion ? (false as const) : { duration: 400 },
    color: CHART_COLOURS.text,
  }
}

/** How a chart is drawn: on the page (`reducedMotion` from the reader) or in a worker, which has no page to size against. */
export interface DrawOptions {
  reducedMotion: boolean
  /** In a Web Worker on an OffscreenCanvas: fixed size, no events, pixel ratio from the page. */
  offscreen?: { devicePixelRatio: number }
}

/** Options for a chart drawn in a worker: chart.js cannot watch a page's size or events there. */
function placement(draw: DrawOptions) {
  return draw.offscreen
    ? { responsive: false, devicePixelRatio: draw.offscreen.devicePixelRatio, events: [] as never[] }
    : {}
}

/**
 * The chart.js configuration of an indicator chart: the actual values as a line with points and
 * the target as a flat dashed line at the same height over every period. Only the line controller,
 * line and point elements, linear and category scales, legend and tooltip are used; the drawing
 * module registers exactly these.
 */
export function indicatorChartConfig(
  data: ChartData,
  draw: DrawOptions,
): ChartConfiguration<'line' | 'bar', (number | null)[], string> {
  const { reducedMotion } = draw
  // Concerts or cameras come in whole numbers: ticks such as 0.2 would suggest otherwise.
  const wholeNumbers = [data.target, ...data.actual].every((value) => value === null || Number.isInteger(value))
  const bars = data.kind === 'bar'
  return {
    type: bars ? 'bar' : 'line',
    data: {
      labels: data.labels,
      datasets: [
        bars
          ? {
              type: 'bar' as const,
              label: data.actualLabel,
              data: data.actual,
              backgroundColor: CHART_COLOURS.actual,
              borderWidth: 0,
              categoryPercentage: 0.8,
              barPercentage: 0.9,
              order: 2,
            }
          : {
              type: 'line' as const,
              label: data.actualLabel,
              data: data.actual,
              borderColor: CHART_COLOURS.actual,
              backgroundColor: CHART_COLOURS.actual,
              borderWidth: 2,
              pointRadius: data.labels.length > 24 ? 2 : 3,
              pointHoverRadius: 5,
              spanGaps: false,
              tension: 0,
            },
        {
          type: 'line' as const,
          order: 1,
          label: data.targetLabel,
          data: data.labels.map(() => data.target),
          borderColor: CHART_COLOURS.target,
          backgroundColor: CHART_COLOURS.target,
          borderWidth: 2,
          borderDash: [6, 4],
          // Makes the legend show a dashed line, like the chart, instead of a dot.
          pointStyle: 'line',
          pointRadius: 0,
          pointHoverRadius: 0,
          tension: 0,
        },
      ],
    },
    options: {
      ...sharedOptions(data.locale, reducedMotion),
      ...placement(draw),
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          type: 'category',
          grid: { display: false },
          ticks: { color: CHART_COLOURS.text, autoSkip: true, maxRotation: 0 },
          // Bars sit between the ticks; the target line then spans the same width.
          offset: bars,
        },
        y: {
          type: 'linear',
          beginAtZero: true,
          // Room above the target line, so it never sits on the chart's top edge.
          suggestedMax: data.target * 1.1,
          title: { display: true, text: data.valueAxisTitle, color: CHART_COLOURS.text },
          grid: { color: CHART_COLOURS.grid },
          ticks: { color: CHART_COLOURS.text, precision: wholeNumbers ? 0 : undefined },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: CHART_COLOURS.text, usePointStyle: true, boxWidth: 24, boxHeight: 8 } },
        tooltip: { enabled: true },
      },
    },
  }
}

/** The chart types a page can draw; the canvas names its kind in `data-chart-kind`. */
export type ChartKind = 'indicator' | 'index' | 'radar' | 'distribution'

/** Every scored city's index, lowest first, one bar each: the spread, and where each city stands in it. */
export interface DistributionChartData {
  locale: string
  labels: string[]
  values: number[]
  label: string
  valueAxisTitle: string
}

export function distributionChartConfig(data: DistributionChartData, draw: DrawOptions): ChartConfiguration<'bar', number[], string> {
  return {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [{ label: data.label, data: data.values, backgroundColor: CHART_COLOURS.actual, borderWidth: 0, barPercentage: 1, categoryPercentage: 0.9 }],
    },
    options: {
      ...sharedOptions(data.locale, draw.reducedMotion),
      ...placement(draw),
      scales: {
        // With a hundred cities, names would overlap: the table above names each one.
        x: { type: 'category', grid: { display: false }, ticks: { display: data.labels.length <= 12, color: CHART_COLOURS.text } },
        y: {
          type: 'linear',
          min: SCORE_SCALE.min,
          max: SCORE_SCALE.max,
          title: { display: true, text: data.valueAxisTitle, color: CHART_COLOURS.text },
          grid: { color: CHART_COLOURS.grid },
          ticks: { color: CHART_COLOURS.text, stepSize: 1 },
        },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
    },
  }
}

/** A city's achievement index per evaluation round, on the 1-5 scale. */
export interface IndexChartData {
  locale: string
  labels: string[]
  values: (number | null)[]
  label: string
  valueAxisTitle: string
}

/** A city's pillar scores in one round, on the 1-5 scale. */
export interface RadarChartData {
  locale: string
  labels: string[]
  values: number[]
  label: string
}

/**
 * The index over the rounds as a line on the fixed 1-5 scale, so a small change does not look like
 * a big one. Uses the same registered parts as the indicator chart.
 */
export function indexChartConfig(
  data: IndexChartData,
  draw: DrawOptions,
): ChartConfiguration<'line', (number | null)[], string> {
  const { reducedMotion } = draw
  return {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: [
        {
          label: data.label,
          data: data.values,
          borderColor: CHART_COLOURS.actual,
          backgroundColor: CHART_COLOURS.actual,
          borderWidth: 2,
          pointRadius: 4,
          pointHoverRadius: 6,
          spanGaps: false,
          tension: 0,
        },
      ],
    },
    options: {
      ...sharedOptions(data.locale, reducedMotion),
      ...placement(draw),
      scales: {
        x: { type: 'category', grid: { display: false }, ticks: { color: CHART_COLOURS.text } },
        y: {
          type: 'linear',
          min: SCORE_SCALE.min,
          max: SCORE_SCALE.max,
          title: { display: true, text: data.valueAxisTitle, color: CHART_COLOURS.text },
          grid: { color: CHART_COLOURS.grid },
          ticks: { color: CHART_COLOURS.text, stepSize: 1 },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: { enabled: true },
      },
    },
  }
}

/**
 * A pillar's name as a corner of the radar: without the name in brackets ("Lingkungan Cerdas (Smart
 * Environment)" -> "Lingkungan Cerdas"), broken at spaces into lines of about `width` characters,
 * which chart.js draws as lines. On a phone the full name on one line runs off the canvas; the table
 * under the chart gives the full names.
 */
export function radarLabel(label: string, width = 12): string[] {
  const lines: string[] = []
  for (const word of label.replace(/\s*\([^)]*\)\s*$/, '').split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1)
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines
}

/**
 * The pillar scores as a radar on the 1-5 scale. Registers only the radar controller, the radial
 * scale, line and point elements and the tooltip (see drawing.ts).
 */
export function pillarRadarConfig(
  data: RadarChartData,
  draw: DrawOptions,
): ChartConfiguration<'radar', number[], string[]> {
  const { reducedMotion } = draw
  return {
    type: 'radar',
    data: {
      labels: data.labels.map((label) => radarLabel(label)),
      datasets: [
        {
          label: data.label,
          data: data.values,
          borderColor: CHART_COLOURS.actual,
          backgroundColor: CHART_COLOURS.actual,
          borderWidth: 2,
          pointRadius: 3,
          // An outline only: filling needs chart.js's Filler plugin, which every chart page would download.
          fill: false,
        },
      ],
    },
    options: {
      ...sharedOptions(data.locale, reducedMotion),
      ...placement(draw),
      scales: {
        r: {
          type: 'radialLinear',
          min: SCORE_SCALE.min,
          max: SCORE_SCALE.max,
          ticks: { stepSize: 1, color: CHART_COLOURS.text, backdropColor: 'transparent' },
          grid: { color: CHART_COLOURS.grid },
          angleLines: { color: CHART_COLOURS.grid },
          pointLabels: { color: CHART_COLOURS.text, font: { size: 12 } },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: { enabled: true },
      },
    },
  }
}
