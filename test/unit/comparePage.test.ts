/**
 * The compare page's figures (rank, change since the previous round, leaders per pillar and per
 * evaluation dimension), province addresses, comparable cities, and the share card's text layout.
 */
import { describe, expect, it } from 'vitest'

import type { City } from '../../cms/contract/index.ts'
import { comparableCities, compareView, provincePages, provinceSlug } from '../../site/lib/comparePage.ts'
import { shareCardSvg, wrapText } from '../../site/lib/shareCard.ts'
import type { Score } from '../../site/lib/scores.ts'

const city = (id: string, name: string, province: string, cohort: City['cohort'] = '2017'): City => ({
  id,
  name,
  slug: name.toLowerCase().replace(/\s+/g, '-'),
  kind: 'kota',
  province,
  regionCode: '00.00',
  cohort,
})
const score = (id: string, cityId: string, year: number, overall: number | null, pillar: number, quickWin: number): Score & { dimensionScores: { key: string; score: number }[] } => ({
  id,
  city: cityId,
  period: String(year),
  periodYear: year,
  periodTitle: { id: `Evaluasi ${year}`, en: `Evaluation ${year}` },
  overall,
  pillarScores: [{ pillar: 'env', score: pillar }],
  dimensionScores: [{ key: 'quick_win', score: quickWin }],
})
const cities = [city('1', 'Kota Ambon', 'Maluku'), city('2', 'Kota Semarang', 'Jawa Tengah'), city('3', 'Kota Tual', 'Maluku', '2018'), city('4', 'Kota Baru', 'Jawa Tengah')]
const dimensions = [{ id: 'env', slug: 'smart-environment', name: { id: 'Lingkungan', en: 'Environment' }, order: 6, colour: '#1F7A5C' }]
const scores = [
  score('a1', '1', 2022, 2.95, 2, 3),
  score('a2', '1', 2023, 3.2, 2.5, 3.5),
  score('s1', '2', 2023, 3.62, 3, 4),
  score('t1', '3', 2023, 3.2, 4, 2),
]
const programmes = [{ id: 'p1', city: '3', dimension: 'env', title: 'Mangrove', href: '/en/kota/kota-tual/mangrove/' }]
const view = compareView({ cities, scores, dimensions }, programmes, { index: 'Index', indexAxis: 'Index (1-5)' }, 'en')
const row = (name: string) => view.rows.find((entry) => entry.city.name === name)

describe('compareView', () => {
  it('lists every city, with or without a score, by name', () => {
    expect(view.rows.map((entry) => entry.city.name)).toEqual(['Kota Ambon', 'Kota Baru', 'Kota Semarang', 'Kota Tual'])
    expect(row('Kota Baru')).toMatchObject({ index: null, indexText: '–', rank: null, change: null })
  })

  it('ranks by the latest index, equal indices sharing a rank', () => {
    expect([row('Kota Semarang')?.rank, row('Kota Ambon')?.rank, row('Kota Tual')?.rank]).toEqual([1, 2, 2])
  })

  it('gives the change since the previous round only where there is one', () => {
    expect(row('Kota Ambon')).toMatchObject({ change: 0.25, changeText: '+0.25' })
    expect(row('Kota Semarang')?.change).toBeNull()
  })

  it('names the top cities per pillar with their programmes in that pillar', () => {
    const [environment] = view.byPillar
    expect(environment.leaders.map((leader) => leader.city)).toEqual(['Kota Tual', 'Kota Semarang', 'Kota Ambon'])
    expect(environment.leaders[0].programmes).toEqual([{ title: 'Mangrove', href: '/en/kota/kota-tual/mangrove/' }])
  })

  it('names the top cities per evaluation dimension, Quick Win included', () => {
    const quickWin = view.byDimension.find((board) => board.key === 'quick_win')
    expect(quickWin?.name).toBe('Quick Win')
    expect(quickWin?.leaders.map((leader) => [leader.city, leader.score])).toEqual([
      ['Kota Semarang', '4'],
      ['Kota Ambon', '3.5'],
      ['Kota Tual', '2'],
    ])
  })

  it('draws the distribution from the lowest index to the highest', () => {
    expect(view.distribution?.values).toEqual([3.2, 3.2, 3.62])
  })

  it('groups the cities by province, each province with its own page', () => {
    expect(provincePages(view).map((province) => [province.href, province.rows.map((entry) => entry.city.name)])).toEqual([
      ['/en/provinsi/jawa-tengah/', ['Kota Baru', 'Kota Semarang']],
      ['/en/provinsi/maluku/', ['Kota Ambon', 'Kota Tual']],
    ])
  })
})

describe.each([
  ['Maluku', 'maluku'],
  ['Jawa Tengah', 'jawa-tengah'],
  ['DKI Jakarta', 'dki-jakarta'],
  ['Kepulauan Bangka Belitung', 'kepulauan-bangka-belitung'],
  ['Daerah Istimewa Yogyakarta', 'daerah-istimewa-yogyakarta'],
])('provinceSlug(%s)', (name, slug) => {
  it(`is ${slug}`, () => expect(provinceSlug(name)).toBe(slug))
})

describe('comparableCities', () => {
  it('offers the same cohort and the same province, never the city itself', () => {
    const ambon = comparableCities(cities, 'id')(cities[0])
    expect(ambon.sameCohort.map((other) => other.name)).toEqual(['Kota Baru', 'Kota Semarang'])
    expect(ambon.sameProvince).toEqual([{ name: 'Kota Tual', href: '/kota/kota-tual/' }])
  })
})

describe('the share card', () => {
  it('wraps a long title into at most two lines, shortening the last', () => {
    expect(wrapText('Pabrik Daur Ulang Sampah Plastik', 20, 2)).toEqual(['Pabrik Daur Ulang', 'Sampah Plastik'])
    const [, last, ...more] = wrapText('a '.repeat(40) + 'end', 10, 2)
    expect(more).toEqual([])
    expect(last.endsWith('…')).toBe(true)
  })

  it('escapes what it is given, so a title cannot break the picture', () => {
    const svg = shareCardSvg({ kicker: 'Kota <Ambon>', title: 'A & B "C"', figure: '2,95', caption: 'x', footer: 'Pantau' })
    expect(svg).toContain('Kota &lt;Ambon&gt;')
    expect(svg).toContain('A &amp; B &quot;C&quot;')
    expect(svg).not.toContain('<Ambon>')
  })
})
