import type { ChartDataset } from 'chart.js'
import { describe, expect, it } from 'vitest'

import {
  CHART_COLOURS,
  type ChartData,
  indicatorChartConfig,
  indicatorSeries,
  latestPoint,
  type SeriesPoint,
  radarLabel,
} from '../../site/lib/charts.ts'
import { type PublicData, seriesByIndicator } from '../../site/lib/cityPage.ts'
import { localePath, otherLocalePath, type Locale } from '../../site/lib/locale.ts'
import { programmePages } from '../../site/lib/programmePage.ts'
import type { Indicator, Measurement } from '../../cms/contract/index.ts'

type Shape = Pick<Indicator, 'frequency' | 'aggregation'>
type Value = Pick<Measurement, 'year' | 'month' | 'value'>

const monthlyPerPeriod: Shape = { frequency: 'monthly', aggregation: 'per_period' }
const yearlyCumulative: Shape = { frequency: 'yearly', aggregation: 'cumulative' }
const monthlyCumulative: Shape = { frequency: 'monthly', aggregation: 'cumulative' }
const yearlyPerPeriod: Shape = { frequency: 'yearly', aggregation: 'per_period' }

const month = (year: number, monthNumber: number, value: number): Value => ({ year, month: monthNumber, value })
const year = (yearNumber: number, value: number): Value => ({ year: yearNumber, month: null, value })

/** [year, month, reported, actual] for short expectations. */
type Row = [number, number | null, number | null, number | null]
const rows = (series: SeriesPoint[]): Row[] => series.map((p) => [p.year, p.month, p.reported, p.actual])

describe.each<[string, Shape, Value[], Row[]]>([
  ['no measurements', monthlyPerPeriod, [], []],
  [
    'tonnes recycled per month, given out of order',
    monthlyPerPeriod,
    [month(2023, 8, 106.2), month(2023, 6, 45.7), month(2023, 7, 79.8)],
    [
      [2023, 6, 45.7, 45.7],
      [2023, 7, 79.8, 79.8],
      [2023, 8, 106.2, 106.2],
    ],
  ],
  [
    'concerts across a new year with an unreported month',
    monthlyPerPeriod,
    [month(2023, 11, 1), month(2024, 2, 2), month(2023, 12, 0)],
    [
      [2023, 11, 1, 1],
      [2023, 12, 0, 0],
      [2024, 1, null, null],
      [2024, 2, 2, 2],
    ],
  ],
  [
    'households reached, added up year by year',
    yearlyCumulative,
    [year(2017, 120), year(2018, 185), year(2019, 210)],
    [
      [2017, null, 120, 120],
      [2018, null, 185, 305],
      [2019, null, 210, 515],
    ],
  ],
  [
    'a cumulative count with a missing year, whose total carries on after the gap',
    yearlyCumulative,
    [year(2023, 42), year(2025, 7)],
    [
      [2023, null, 42, 42],
      [2024, null, null, null],
      [2025, null, 7, 49],
    ],
  ],
  [
    'a monthly cumulative count',
    monthlyCumulative,
    [month(2024, 1, 10), month(2024, 2, 5)],
    [
      [2024, 1, 10, 10],
      [2024, 2, 5, 15],
    ],
  ],
  [
    'a yearly indicator that also received a stray monthly value',
    yearlyPerPeriod,
    [year(2022, 850), month(2022, 5, 3), year(2023, 900)],
    [
      [2022, null, 850, 850],
      [2023, null, 900, 900],
    ],
  ],
])('indicatorSeries with %s', (_, shape, values, expected) => {
  it('gives one point per period from the first report to the last', () => {
    expect(rows(indicatorSeries(shape, values))).toEqual(expected)
  })
})

describe.each<[string, Value[], Shape, [number, number | null, number] | undefined]>([
  ['nothing reported', [], monthlyPerPeriod, undefined],
  ['a series ending in a reported month', [month(2025, 1, 240), month(2025, 2, 251)], monthlyPerPeriod, [2025, 2, 251]],
  [
    'a series ending after a gap (nothing after the last report is invented)',
    [month(2025, 1, 240), month(2025, 3, 0)],
    monthlyPerPeriod,
    [2025, 3, 0],
  ],
  ['a cumulative series', [year(2023, 42), year(2024, 11), year(2025, 7)], yearlyCumulative, [2025, null, 60]],
])('latestPoint of %s', (_, values, shape, expected) => {
  it('is where the line ends', () => {
    const latest = latestPoint(indicatorSeries(shape, values))
    expect(latest && [latest.year, latest.month, latest.actual]).toEqual(expected)
  })
})

const chartData = (overrides: Partial<ChartData> = {}): ChartData => ({
  locale: 'id-ID',
  labels: ['Juni 2023', 'Juli 2023', 'Agustus 2023'],
  actual: [45.7, null, 106.2],
  target: 250,
  actualLabel: 'Capaian',
  targetLabel: 'Target (250)',
  valueAxisTitle: 'ton (per bulan)',
  ...overrides,
})

describe('indicatorChartConfig for what was done in each period', () => {
  const config = indicatorChartConfig(chartData({ kind: 'bar' }), { reducedMotion: false })
  const [actual, target] = config.data.datasets

  it('draws each period as a bar and the target as a line across them', () => {
    expect(config.type).toBe('bar')
    expect(actual.type).toBe('bar')
    expect(target.type).toBe('line')
    expect((config.options?.scales?.x as { offset: boolean }).offset).toBe(true)
  })

  it('draws in a worker at a fixed size, without listening for events', () => {
    const offscreen = indicatorChartConfig(chartData({ kind: 'bar' }), { reducedMotion: true, offscreen: { devicePixelRatio: 2 } })
    expect(offscreen.options).toMatchObject({ responsive: false, devicePixelRatio: 2, events: [] })
    expect(config.options).not.toHaveProperty('devicePixelRatio')
  })
})

describe.each<[string, ChartData]>([
  ['a monthly indicator with a gap', chartData()],
  ['a single yearly value', chartData({ labels: ['2024'], actual: [1995], target: 2915, valueAxisTitle: 'KK (kumulatif)' })],
])('indicatorChartConfig for %s', (_, data) => {
  const config = indicatorChartConfig(data, { reducedMotion: false })
  const [actual, target] = config.data.datasets as ChartDataset<'line', (number | null)[]>[]

  it('draws the actual values as given, leaving gaps open', () => {
    expect(actual.data).toEqual(data.actual)
    expect(actual.label).toBe(data.actualLabel)
    expect(actual.spanGaps).toBe(false)
  })

  it('draws the target as a flat dashed line over every period', () => {
    expect(target.data).toEqual(data.labels.map(() => data.target))
    expect(target.borderDash).toEqual([6, 4])
    expect(target.borderColor).toBe(CHART_COLOURS.target)
    expect(target.pointRadius).toBe(0)
  })

  it('puts the unit in the value axis title and keeps the target below the top edge', () => {
    const y = config.options?.scales?.y as { title: { text: string }; suggestedMax: number; beginAtZero: boolean }
    expect(y.title.text).toBe(data.valueAxisTitle)
    expect(y.suggestedMax).toBeGreaterThan(data.target)
    expect(y.beginAtZero).toBe(true)
  })

  it("formats numbers in the page's language", () => {
    expect(config.options?.locale).toBe(data.locale)
  })
})

describe.each<[string, ChartData, number | undefined]>([
  ['concerts held each month', chartData({ actual: [1, 2, 0], target: 1 }), 0],
  ['tonnes with decimals', chartData(), undefined],
  ['a whole-number series with a fractional target', chartData({ actual: [1, 2, 3], target: 2.5 }), undefined],
])('indicatorChartConfig for %s', (_, data, precision) => {
  it(precision === 0 ? 'labels the value axis in whole numbers only' : 'lets the value axis use fractions', () => {
    const y = indicatorChartConfig(data, { reducedMotion: false }).options?.scales?.y as { ticks: { precision?: number } }
    expect(y.ticks.precision).toBe(precision)
  })
})

describe.each<[string, boolean, boolean]>([
  ['a reader who asked for reduced motion', true, false],
  ['any other reader', false, true],
])('indicatorChartConfig for %s', (_, reducedMotion, animated) => {
  it(animated ? 'animates the chart' : 'does not animate the chart', () => {
    const { animation } = indicatorChartConfig(chartData(), { reducedMotion }).options ?? {}
    expect(animation !== false).toBe(animated)
  })
})

describe.each<[string, string, string[]]>([
  ['a pillar name with its English name in brackets', 'Lingkungan Cerdas (Smart Environment)', ['Lingkungan', 'Cerdas']],
  ['a long name', 'Pencitraan Daerah Cerdas (Smart Branding)', ['Pencitraan', 'Daerah', 'Cerdas']],
  ['an English name', 'Smart Governance', ['Smart', 'Governance']],
  ['a short name', 'Tata Kelola', ['Tata Kelola']],
  ['a word longer than a line', 'Kabupaten-Kutai-Kartanegara', ['Kabupaten-Kutai-Kartanegara']],
  ['extra spaces', '  Smart   Living ', ['Smart Living']],
])('radarLabel with %s', (_, label, lines) => {
  it(`reads ${lines.join(' / ')}`, () => {
    expect(radarLabel(label)).toEqual(lines)
  })
})

describe.each<[Locale, string, string, string]>([
  ['id', '/', '/', '/en/'],
  ['id', '/kota/kota-ambon/', '/kota/kota-ambon/', '/en/kota/kota-ambon/'],
  ['en', '/', '/en/', '/'],
  ['en', '/kota/kota-ambon/x/', '/en/kota/kota-ambon/x/', '/kota/kota-ambon/x/'],
])('a %s page at %s', (locale, path, own, other) => {
  it(`lives at ${own} and links to its translation at ${other}`, () => {
    expect(localePath(locale, path)).toBe(own)
    expect(otherLocalePath(locale, own)).toBe(other)
  })
})

describe('programmePages', () => {
  const data: PublicData = {
    cities: [{ id: '1', name: 'Kota Ambon', slug: 'kota-ambon', kind: 'kota', province: 'Maluku', regionCode: '81.71', cohort: '2019' }],
    dimensions: [{ id: 'env', name: { id: 'Lingkungan', en: 'Environment' }, slug: 'env', order: 6, colour: '#2e7d32' }],
    programs: [
      {
        id: 'p1',
        title: { id: 'Pabrik Daur Ulang', en: 'Recycling plant' },
        slug: 'daur-ulang',
        city: '1',
        dimension: 'env',
        summary: { id: 'Target 250 ton per bulan.', en: undefined },
        agency: 'DLH',
        startYear: 2023,
        status: 'ongoing',
        partners: [{ name: 'PT Mitra', kind: 'private' }, { name: 'Bank sampah' }],
        fundingSources: ['partner', 'apbd'],
      },
      {
        id: 'orphan',
        title: { id: 'Kota tidak publik', en: undefined },
        slug: 'x',
        city: 'hidden',
        dimension: 'env',
        summary: { id: undefined, en: undefined },
        agency: 'DLH',
        startYear: 2023,
        status: 'planned',
      },
    ],
    indicators: [
      {
        id: 'jobs',
        name: { id: 'Lapangan kerja', en: 'Jobs created' },
        program: 'p1',
        city: '1',
        unit: 'orang',
        baseline: 0,
        target: 70,
        targetYear: 2026,
        direction: 'up',
        frequency: 'yearly',
        aggregation: 'cumulative',
        createdAt: '2026-01-01T00:00:01.000Z',
      },
      {
        id: 'tonnes',
        name: { id: 'Sampah plastik didaur ulang', en: 'Plastic recycled' },
        program: 'p1',
        city: '1',
        unit: 'ton',
        baseline: 0,
        target: 250,
        targetYear: 2024,
        direction: 'up',
        frequency: 'monthly',
        aggregation: 'per_period',
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    ],
    measurements: [
      { id: 'm1', indicator: 'tonnes', program: 'p1', year: 2023, month: 6, value: 45.7 },
      { id: 'm2', indicator: 'tonnes', program: 'p1', year: 2023, month: 7, value: 1250.5 },
      { id: 'm3', indicator: 'jobs', program: 'p1', year: 2023, month: null, value: 42 },
      { id: 'm4', indicator: 'jobs', program: 'p1', year: 2024, month: null, value: 11 },
    ],
  }
  const [indonesian] = programmePages(data, 'id')
  const [english] = programmePages(data, 'en')

  it('makes a page only for programmes of a public city, under the city', () => {
    expect(programmePages(data, 'id').map((page) => page.href)).toEqual(['/kota/kota-ambon/daur-ulang/'])
    expect(english.href).toBe('/en/kota/kota-ambon/daur-ulang/')
    expect(english.cityHref).toBe('/en/kota/kota-ambon/')
  })

  it('reads the same from series made once for the build', () => {
    expect(programmePages(data, 'en', seriesByIndicator(data))).toEqual(programmePages(data, 'en'))
  })

  it('lists indicators in the order the city entered them', () => {
    expect(indonesian.indicators.map((indicator) => indicator.id)).toEqual(['tonnes', 'jobs'])
  })

  it('names partners, their kind and the funding sources in the page language', () => {
    expect(english.partners).toEqual([
      { name: 'PT Mitra', kind: 'private' },
      { name: 'Bank sampah', kind: null },
    ])
    expect(english.fundingSources).toEqual(['Partner funds', 'APBD (regional budget)'])
    expect(indonesian.summary).toBe('Target 250 ton per bulan.')
    expect(english.summary).toBe('Target 250 ton per bulan.')
  })

  it('gives the table the same numbers as the chart, formatted for the page', () => {
    const tonnes = indonesian.indicators[0]
    expect(tonnes.chart?.actual).toEqual([45.7, 1250.5])
    expect(tonnes.chart?.target).toBe(250)
    expect(tonnes.chart?.labels).toEqual(['Juni 2023', 'Juli 2023'])
    expect(tonnes.rows).toEqual([
      { period: 'Juni 2023', reported: '45,7', runningTotal: null },
      { period: 'Juli 2023', reported: '1.250,5', runningTotal: null },
    ])
  })

  it('shows a cumulative indicator as a running total, in the table and in the chart', () => {
    const jobs = english.indicators[1]
    expect(jobs.chart?.actual).toEqual([42, 53])
    expect(jobs.rows.map((row) => [row.reported, row.runningTotal])).toEqual([
      ['42', '42'],
      ['11', '53'],
    ])
    // The council wrote "orang"; the English page says it in English.
    expect(jobs.chart?.valueAxisTitle).toBe('people (cumulative)')
    expect(jobs.chart?.kind).toBe('line')
  })

  it('sums up the chart for screen readers: latest value against the target', () => {
    expect(english.indicators[1].summary).toContain('latest 53 people (2024), target 70 people')
  })

  it('draws what was done in each period as bars, with the target phrased with its period', () => {
    const [monthly] = english.indicators
    expect(monthly.chart?.kind).toBe('bar')
    expect(monthly.targetPhrase).toMatch(/ per month$/)
    expect(monthly.latestSentence).toMatch(/^July 2023: 1,250\.5 of the target of /)
    expect(indonesian.indicators[0].targetPhrase).toBe('250 ton per bulan')
    expect(indonesian.indicators[0].latestSentence).toBe('Juli 2023: 1.250,5 dari target 250 ton.')
  })
})
