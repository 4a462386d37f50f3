import { describe, expect, it } from 'vitest'

import { indicatorSeries } from '../../site/lib/charts.ts'
import { programmesByCity, type PublicData, seriesByIndicator } from '../../site/lib/cityPage.ts'
import { groupByCohort } from '../../site/lib/cohorts.ts'
import { formatNumber, formatPeriod, inLocale, type Locale } from '../../site/lib/locale.ts'
import { comparePeriods, latestByIndicator } from '../../site/lib/measurements.ts'
import {
  type City,
  citySchema,
  type Indicator,
  indicatorSchema,
  type LocalizedText,
  type Measurement,
  measurementSchema,
  programSchema,
} from '../../cms/contract/index.ts'

const text = (id?: string, en?: string): LocalizedText => ({ id, en })

const city = (id: string, name: string, cohort: City['cohort'], province = 'Maluku'): City => ({
  id,
  name,
  slug: name.toLowerCase().replace(/\s+/g, '-'),
  kind: 'kota',
  province,
  regionCode: '81.71',
  cohort,
})

const measurement = (id: string, indicator: string, year: number, month: number | null, value = 1): Measurement => ({
  id,
  indicator,
  program: 'p1',
  year,
  month,
  value,
})

describe.each<[string, LocalizedText, Locale, string]>([
  ['the asked language', text('Daur ulang', 'Recycling'), 'en', 'Recycling'],
  ['Indonesian on an Indonesian page', text('Daur ulang', 'Recycling'), 'id', 'Daur ulang'],
  ['Indonesian when no English was written', text('Daur ulang'), 'en', 'Daur ulang'],
  ['English when no Indonesian was written', text(undefined, 'Recycling'), 'id', 'Recycling'],
  ['an empty string when neither was written', text(), 'id', ''],
])('inLocale', (situation, value, locale, expected) => {
  it(`gives ${situation}`, () => {
    expect(inLocale(value, locale)).toBe(expected)
  })
})

describe.each<[number, Locale, string]>([
  [195.5, 'id', '195,5'],
  [1000, 'id', '1.000'],
  [1000, 'en', '1,000'],
  [87.256, 'id', '87,26'],
  [-3, 'en', '-3'],
])('formatNumber(%d, %s)', (value, locale, expected) => {
  it(`writes ${expected}`, () => {
    expect(formatNumber(value, locale)).toBe(expected)
  })
})

describe.each<[number, number | null, Locale, string]>([
  [2024, null, 'id', '2024'],
  [2025, 2, 'id', 'Februari 2025'],
  [2025, 2, 'en', 'February 2025'],
  [2024, 12, 'id', 'Desember 2024'],
  [2025, 1, 'id', 'Januari 2025'],
])('formatPeriod(%d, %s, %s)', (year, month, locale, expected) => {
  it(`writes ${expected}`, () => {
    expect(formatPeriod({ year, month }, locale)).toBe(expected)
  })
})

describe('formatted numbers and months kept per language', () => {
  it('gives each language its own text for the same value, however often asked', () => {
    for (let round = 0; round < 2; round += 1) {
      expect([formatNumber(1234.5, 'id'), formatNumber(1234.5, 'en')]).toEqual(['1.234,5', '1,234.5'])
      expect([formatPeriod({ year: 2023, month: 5 }, 'id'), formatPeriod({ year: 2023, month: 5 }, 'en')]).toEqual([
        'Mei 2023',
        'May 2023',
      ])
    }
  })

  it('keeps December and the following January apart', () => {
    expect([formatPeriod({ year: 2023, month: 12 }, 'en'), formatPeriod({ year: 2024, month: 1 }, 'en')]).toEqual([
      'December 2023',
      'January 2024',
    ])
  })

  it('writes 0 and -0 as Intl does, whichever comes first', () => {
    expect([formatNumber(-0, 'en'), formatNumber(0, 'en'), formatNumber(-0, 'en')]).toEqual(['-0', '0', '-0'])
  })
})

describe.each<[string, Measurement, Measurement, 'before' | 'after' | 'same']>([
  ['an earlier year', measurement('a', 'i', 2023, 12), measurement('b', 'i', 2024, 1), 'before'],
  ['September against December', measurement('a', 'i', 2024, 9), measurement('b', 'i', 2024, 12), 'before'],
  ['a later month', measurement('a', 'i', 2024, 11), measurement('b', 'i', 2024, 2), 'after'],
  ['the same year', measurement('a', 'i', 2024, null), measurement('b', 'i', 2024, null), 'same'],
])('comparePeriods with %s', (_, a, b, expected) => {
  it(`orders the first ${expected} the second`, () => {
    const sign = Math.sign(comparePeriods(a, b))
    expect(sign).toBe({ before: -1, after: 1, same: 0 }[expected])
  })
})

describe.each<[string, Measurement[], Record<string, string>]>([
  ['nothing measured', [], {}],
  [
    'monthly values whose months sort wrongly as text',
    [measurement('sep', 'i1', 2024, 9), measurement('dec', 'i1', 2024, 12), measurement('oct', 'i1', 2024, 10)],
    { i1: 'dec' },
  ],
  [
    'a new year starting with a low month',
    [measurement('dec', 'i1', 2024, 12), measurement('feb', 'i1', 2025, 2)],
    { i1: 'feb' },
  ],
  [
    'two indicators measured in different years',
    [
      measurement('a2023', 'a', 2023, null),
      measurement('b2021', 'b', 2021, null),
      measurement('a2024', 'a', 2024, null),
      measurement('b2022', 'b', 2022, null),
    ],
    { a: 'a2024', b: 'b2022' },
  ],
])('latestByIndicator with %s', (_, measurements, expected) => {
  it('keeps the most recent value of each indicator', () => {
    const latest = latestByIndicator(measurements)
    expect(Object.fromEntries([...latest].map(([indicator, { id }]) => [indicator, id]))).toEqual(expected)
  })
})

describe.each<[string, City[], [string, string[]][]]>([
  ['no cities', [], []],
  [
    'every cohort, listed out of order',
    [
      city('1', 'Kota Ambon', '2019'),
      city('2', 'Kota Bandung', '2017'),
      city('3', 'Kota Makassar', '2018'),
      city('4', 'Kabupaten Banyuwangi', '2017'),
    ],
    [
      ['2017', ['Kabupaten Banyuwangi', 'Kota Bandung']],
      ['2018', ['Kota Makassar']],
      ['2019', ['Kota Ambon']],
    ],
  ],
  [
    'a cohort without cities',
    [city('1', 'Kota Ambon', '2019'), city('2', 'Kota Bandung', '2017')],
    [
      ['2017', ['Kota Bandung']],
      ['2019', ['Kota Ambon']],
    ],
  ],
])('groupByCohort with %s', (_, cities, expected) => {
  it('lists cohorts oldest first, cities by name, and skips empty cohorts', () => {
    const groups = groupByCohort(cities).map(({ cohort, cities: members }) => [cohort, members.map((c) => c.name)])
    expect(groups).toEqual(expected)
  })
})

describe('programmesByCity', () => {
  const indicator = (id: string, program: string, name: string, overrides: Partial<Indicator> = {}): Indicator => ({
    id,
    name: text(name),
    program,
    city: '1',
    unit: 'ton/bulan',
    baseline: null,
    target: 250,
    targetYear: 2025,
    direction: 'up',
    frequency: 'monthly',
    aggregation: 'per_period',
    ...overrides,
  })
  const data: PublicData = {
    cities: [city('1', 'Kota Ambon', '2019'), city('2', 'Kota Bandung', '2017'), city('3', 'Kota Sabang', '2018')],
    dimensions: [
      { id: 'gov', name: text('Tata Kelola', 'Governance'), slug: 'gov', order: 1, colour: '#1565c0' },
      { id: 'env', name: text('Lingkungan', 'Environment'), slug: 'env', order: 6, colour: '#2e7d32' },
    ],
    programs: [
      {
        id: 'p-env',
        title: text('Daur Ulang Plastik', 'Plastic Recycling'),
        slug: 'daur-ulang-plastik',
        city: '1',
        dimension: 'env',
        summary: text('Bank sampah.'),
        agency: 'DLH',
        startYear: 2020,
        status: 'ongoing',
      },
      {
        id: 'p-unknown',
        title: text('Aplikasi Warga'),
        slug: 'aplikasi-warga',
        city: '1',
        dimension: 'missing',
        summary: text(),
        agency: 'Diskominfo',
        startYear: 2021,
        status: 'planned',
      },
      {
        id: 'p-gov',
        title: text('Perizinan Daring'),
        slug: 'perizinan-daring',
        city: '1',
        dimension: 'gov',
        summary: text('Izin satu pintu.'),
        agency: 'DPMPTSP',
        startYear: 2020,
        status: 'ongoing',
      },
      {
        id: 'p-bandung',
        title: text('Command Center'),
        slug: 'command-center',
        city: '2',
        dimension: 'gov',
        summary: text(),
        agency: 'Diskominfo',
        startYear: 2018,
        status: 'completed',
      },
    ],
    indicators: [
      indicator('tonnes', 'p-env', 'Plastik didaur ulang'),
      indicator('banks', 'p-env', 'Bank sampah aktif', { unit: 'unit', target: 1500, frequency: 'yearly' }),
      indicator('cctv', 'p-bandung', 'Kamera terpasang', { city: '2' }),
    ],
    measurements: [
      measurement('m1', 'tonnes', 2024, 12, 210),
      measurement('m2', 'tonnes', 2025, 2, 220.5),
      measurement('m3', 'cctv', 2022, null, 850),
    ],
  }
  const ambon = programmesByCity(data, 'id').get('1') ?? []

  it('lists only the programmes of the city, by pillar order, unknown pillars last', () => {
    expect(ambon.map((programme) => programme.id)).toEqual(['p-gov', 'p-env', 'p-unknown'])
  })

  it('names the pillar in the page language and leaves it empty when it is unknown', () => {
    expect(programmesByCity(data, 'en').get('1')?.map((programme) => programme.dimension)).toEqual([
      'Governance',
      'Environment',
      null,
    ])
  })

  it('gives each indicator its target and its latest value, formatted for the page', () => {
    const recycling = ambon.find((programme) => programme.id === 'p-env')
    expect(recycling?.indicators).toEqual([
      { id: 'banks', name: 'Bank sampah aktif', unit: 'unit', target: '1.500', targetYear: 2025, latest: null },
      {
        id: 'tonnes',
        name: 'Plastik didaur ulang',
        unit: 'ton/bulan',
        target: '250',
        targetYear: 2025,
        latest: { value: '220,5', period: 'Februari 2025' },
      },
    ])
  })

  it('gives a city without public programmes an empty list', () => {
    expect(programmesByCity(data, 'id').get('3')).toEqual([])
  })

  it('reads the same from series made once for the build', () => {
    expect(programmesByCity(data, 'id', seriesByIndicator(data))).toEqual(programmesByCity(data, 'id'))
  })
})

describe('seriesByIndicator', () => {
  const indicator = (id: string, frequency: Indicator['frequency']): Indicator => ({
    id,
    name: text(id),
    program: 'p1',
    city: '1',
    unit: 'ton',
    baseline: null,
    target: 10,
    targetYear: 2025,
    direction: 'up',
    frequency,
    aggregation: 'per_period',
  })
  const indicators = [indicator('monthly', 'monthly'), indicator('yearly', 'yearly'), indicator('silent', 'monthly')]
  const measurements = [
    measurement('m1', 'monthly', 2024, 11, 3),
    measurement('m2', 'yearly', 2023, null, 40),
    measurement('m3', 'monthly', 2025, 1, 5),
    measurement('m4', 'yearly', 2024, null, 41),
  ]
  const series = seriesByIndicator({ indicators, measurements })

  it('gives each indicator the series of its own measurements, as indicatorSeries does', () => {
    expect(series.get('monthly')).toEqual(indicatorSeries(indicators[0], [measurements[0], measurements[2]]))
    expect(series.get('yearly')).toEqual(indicatorSeries(indicators[1], [measurements[1], measurements[3]]))
    expect(series.get('monthly')?.map((point) => [point.year, point.month, point.reported])).toEqual([
      [2024, 11, 3],
      [2024, 12, null],
      [2025, 1, 5],
    ])
  })

  it('gives an indicator without measurements an empty series', () => {
    expect(series.get('silent')).toEqual([])
    expect([...series.keys()]).toEqual(['monthly', 'yearly', 'silent'])
  })
})

describe.each<[string, typeof citySchema | typeof programSchema | typeof indicatorSchema | typeof measurementSchema, unknown, unknown]>([
  [
    'a SQLite city',
    citySchema,
    { id: 1, name: 'Kota Ambon', slug: 'kota-ambon', kind: 'kota', province: 'Maluku', regionCode: '81.71', cohort: '2019' },
    { id: '1', name: 'Kota Ambon', slug: 'kota-ambon', kind: 'kota', province: 'Maluku', regionCode: '81.71', cohort: '2019' },
  ],
  [
    'a MongoDB programme read in all locales, English still missing',
    programSchema,
    {
      id: '665f1c2e9b1e8a0012345678',
      title: { id: 'Layanan Publik Daring' },
      slug: 'layanan-publik-daring',
      city: '665f1c2e9b1e8a0012345600',
      dimension: '665f1c2e9b1e8a0012345601',
      summary: null,
      agency: 'DPMPTSP',
      startYear: 2020,
      status: 'ongoing',
    },
    {
      id: '665f1c2e9b1e8a0012345678',
      title: { id: 'Layanan Publik Daring', en: undefined },
      slug: 'layanan-publik-daring',
      city: '665f1c2e9b1e8a0012345600',
      dimension: '665f1c2e9b1e8a0012345601',
      summary: { id: undefined, en: undefined },
      agency: 'DPMPTSP',
      startYear: 2020,
      status: 'ongoing',
    },
  ],
  [
    'a monthly measurement',
    measurementSchema,
    { id: 4, indicator: 1, program: 1, year: 2025, month: 2, value: 220 },
    { id: '4', indicator: '1', program: '1', year: 2025, month: 2, value: 220 },
  ],
  [
    'a yearly measurement',
    measurementSchema,
    { id: 5, indicator: 2, program: 1, year: 2024, month: null, value: 42 },
    { id: '5', indicator: '2', program: '1', year: 2024, month: null, value: 42 },
  ],
])('the schema accepts %s', (_, schema, payloadDocument, expected) => {
  it('and hands the pages string ids and numeric months', () => {
    expect(schema.parse(payloadDocument)).toEqual(expected)
  })
})

describe.each<[string, typeof citySchema | typeof programSchema | typeof indicatorSchema | typeof measurementSchema, unknown, string]>([
  [
    'a city of an unknown cohort',
    citySchema,
    { id: 1, name: 'Kota Baru', slug: 'kota-baru', kind: 'kota', province: 'Papua', regionCode: '91.71', cohort: '2020' },
    'cohort',
  ],
  [
    'a programme whose city was populated instead of referenced',
    programSchema,
    {
      id: 1,
      title: { id: 'Program' },
      slug: 'program',
      city: { id: 1, name: 'Kota Ambon' },
      dimension: 1,
      agency: 'DLH',
      startYear: 2020,
      status: 'ongoing',
    },
    'city',
  ],
  [
    'a programme titled in no language',
    programSchema,
    { id: 1, title: { id: '', en: null }, slug: 'x', city: 1, dimension: 1, agency: 'DLH', startYear: 2020, status: 'ongoing' },
    'title',
  ],
  [
    'an indicator read in one locale only',
    indicatorSchema,
    {
      id: 1,
      name: 'Plastik didaur ulang',
      program: 1,
      city: 1,
      unit: 't',
      target: 250,
      targetYear: 2025,
      direction: 'up',
      frequency: 'monthly',
      aggregation: 'per_period',
    },
    'name',
  ],
  ['a measurement in month 13', measurementSchema, { id: 1, indicator: 1, program: 1, year: 2024, month: 13, value: 1 }, 'month'],
  [
    'a measurement of an empty indicator id',
    measurementSchema,
    { id: '7', indicator: '', program: '1', year: 2024, month: 1, value: 1 },
    'indicator',
  ],
  [
    'a measurement whose id is neither text nor a number',
    measurementSchema,
    { id: true, indicator: '1', program: '1', year: 2024, month: 1, value: 1 },
    'id',
  ],
])('the schema rejects %s', (_, schema, payloadDocument, field) => {
  it(`naming the field "${field}"`, () => {
    const result = schema.safeParse(payloadDocument)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field)
  })
})
