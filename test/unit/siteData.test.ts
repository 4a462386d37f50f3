import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SCORING_METHOD } from '../../cms/contract/index.ts'
import { snapshotFiles } from '../../cms/snapshot/files.ts'
import { writeSnapshotFolder } from '../../cms/snapshot/index.ts'
import { feedItems } from '../../site/lib/feed.ts'
import { formatBytes, openDataView, titleIn } from '../../site/lib/openData.ts'
import { openDataFileNames } from '../../site/lib/openDataFiles.ts'
import { progressToTarget } from '../../site/lib/progress.ts'
import { excerpt, richTextHtml, richTextPlain } from '../../site/lib/richText.ts'
import { averageByPillar, type Pillar, pillarScores, roundLabels, type Score, scoresByCity } from '../../site/lib/scores.ts'
import { loadSiteData, snapshotDirectory } from '../../site/lib/siteData.ts'
import { absoluteMediaUrl, updateViews } from '../../site/lib/updates.ts'
import { sampleSnapshot } from '../helpers/sampleSnapshot.ts'

const text = (id: string | null, en: string | null = null) => ({ id, en })
/** Text as the site's schemas hand it to the pages: a missing language is undefined. */
const localized = (id: string, en?: string) => ({ id, en })
const paragraph = (...children: object[]) => ({ root: { type: 'root', children: [{ type: 'paragraph', children }] } })
const words = (value: string) => ({ type: 'text', text: value, format: 0 })

const pillars: Pillar[] = [
  { id: 'e', slug: 'smart-environment', name: localized('Lingkungan', 'Environment'), order: 6, colour: '#15803D' },
  { id: 'g', slug: 'smart-governance', name: localized('Tata Kelola', 'Governance'), order: 1, colour: '#1D4ED8' },
]
/** A city's accepted score in a round; `pillarValues` by pillar id ('g' governance, 'e' environment). */
const score = (city: string, period: string, overall: number | null, pillarValues: Record<string, number>, year = 2023): Score => ({
  id: `${city}-${period}`,
  city,
  period,
  overall,
  pillarScores: Object.entries(pillarValues).map(([pillar, value]) => ({ pillar, score: value })),
  periodYear: year,
  periodTitle: localized(`Evaluasi ${year} (${period})`, `Evaluation ${year} (${period})`),
})

describe.each<[string, { target: number; baseline: number | null; direction: 'up' | 'down' }, number | null, number | null]>([
  ['half way up to 250 tonnes', { target: 250, baseline: null, direction: 'up' }, 125, 0.5],
  ['past the target', { target: 100, baseline: null, direction: 'up' }, 120, 1.2],
  ['nothing reported yet', { target: 100, baseline: null, direction: 'up' }, null, null],
  ['a target of zero to rise to', { target: 0, baseline: null, direction: 'up' }, 5, null],
  ['complaints down from 40 towards 10, now 25', { target: 10, baseline: 40, direction: 'down' }, 25, 0.5],
  ['complaints rising above the baseline', { target: 10, baseline: 40, direction: 'down' }, 50, 0],
  ['a falling indicator without a baseline', { target: 10, baseline: null, direction: 'down' }, 5, null],
])('progressToTarget with %s', (_, indicator, latest, expected) => {
  it(`is ${expected}`, () => {
    expect(progressToTarget(indicator, latest)).toBe(expected)
  })
})

describe.each<[string, Score[], Record<string, string[]>]>([
  ['no scores', [], {}],
  ['rounds given newest first', [score('1', '3', 3.5, {}, 2024), score('1', '2', 3, {}, 2023)], { '1': ['2', '3'] }],
  ['two rounds in one year, ordered by id as numbers', [score('1', '10', 3, {}), score('1', '9', 3, {})], { '1': ['9', '10'] }],
  ['two reviews of one round', [score('1', '2', 3, {}), { ...score('1', '2', 4, {}), id: 'later' }], { '1': ['2'] }],
])('scoresByCity with %s', (_, scores, expected) => {
  it('keeps one score per round, oldest first', () => {
    const byCity = Object.fromEntries([...scoresByCity(scores)].map(([city, rounds]) => [city, rounds.map((round) => round.period)]))
    expect(byCity).toEqual(expected)
  })
})

describe.each<[string, Score[], [string, number, number][]]>([
  ['no accepted results', [], []],
  [
    "each city's latest round only",
    [
      score('1', '1', 2, { g: 1, e: 2 }, 2022),
      score('1', '2', 4, { g: 4, e: 3 }, 2023),
      score('2', '2', 3, { g: 2.5 }, 2023),
    ],
    [
      ['Governance', 3.25, 2],
      ['Environment', 3, 1],
    ],
  ],
  ['a pillar the snapshot does not hold', [score('1', '1', 3, { retired: 4 })], []],
  ['a mean that needs rounding', [1, 2, 3].map((city) => score(String(city), '1', 3, { g: city === 1 ? 3 : 4 })), [['Governance', 3.67, 3]]],
])('averageByPillar with %s', (_, scores, expected) => {
  it('gives each scored pillar its mean and number of cities, in pillar order', () => {
    const averages = averageByPillar(scoresByCity(scores), pillars, 'en')
    expect(averages.map((pillar) => [pillar.name, pillar.average, pillar.cities])).toEqual(expected)
  })
})

describe.each<[string, Score[], 'id' | 'en', string[]]>([
  ['one round a year', [score('1', '6', 3, {}, 2022), score('1', '7', 3, {}, 2023)], 'id', ['2022', '2023']],
  [
    'two rounds in one year, named in the page language',
    [score('1', '6', 3, {}, 2022), score('1', '7', 3, {}, 2023), score('1', '8', 3, {}, 2023)],
    'en',
    ['2022', 'Evaluation 2023 (7)', 'Evaluation 2023 (8)'],
  ],
])('roundLabels with %s', (_, rounds, locale, expected) => {
  it(`reads ${expected.join(', ')}`, () => {
    expect(roundLabels(rounds, locale)).toEqual(expected)
  })
})

describe('pillarScores', () => {
  it('lists the pillars scored in pillar order, named in the page language', () => {
    const scores = pillarScores({ pillarScores: [{ pillar: 'e', score: 2 }, { pillar: 'g', score: 4 }] }, pillars, 'id')
    expect(scores.map((pillar) => [pillar.name, pillar.score])).toEqual([
      ['Tata Kelola', 4],
      ['Lingkungan', 2],
    ])
  })
})

describe.each<[string, unknown, string]>([
  ['a paragraph', paragraph(words('Pabrik dibuka.')), '<p>Pabrik dibuka.</p>'],
  ['markup typed as text', paragraph(words('<script>alert(1)</script>')), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
  [
    'a javascript: link',
    paragraph({ type: 'link', fields: { url: 'javascript:alert(1)', linkType: 'custom' }, children: [words('klik')] }),
    '<p><a href="#">klik</a></p>',
  ],
  ['a raw HTML node', { root: { type: 'root', children: [{ type: 'html', html: '<img src=x onerror=alert(1)>' }] } }, ''],
  ['nothing written in this language', null, ''],
  ['something that is not rich text', 'tekst', ''],
])('richTextHtml of %s', (_, value, expected) => {
  it('is safe to put in a page', () => {
    expect(richTextHtml(value)).toBe(expected)
  })
})

describe.each<[string, unknown, string]>([
  ['two paragraphs', { root: { children: [{ type: 'paragraph', children: [words('Satu.')] }, { type: 'paragraph', children: [words('Dua.')] }] } }, 'Satu. Dua.'],
  ['nothing', null, ''],
])('richTextPlain of %s', (_, value, expected) => {
  it(`reads "${expected}"`, () => {
    expect(richTextPlain(value)).toBe(expected)
  })
})

describe.each<[string, number, string]>([
  ['a short text', 50, 'Pabrik daur ulang diresmikan'],
  ['a text cut at a word', 20, 'Pabrik daur ulang…'],
])('excerpt of %s', (_, length, expected) => {
  it(`gives "${expected}"`, () => {
    expect(excerpt('Pabrik daur ulang diresmikan', length)).toBe(expected)
  })
})

describe.each<[string, 'id' | 'en', string]>([
  ['Kota dan kabupaten / Cities and regencies', 'id', 'Kota dan kabupaten'],
  ['Kota dan kabupaten / Cities and regencies', 'en', 'Cities and regencies'],
  ['Only one language', 'en', 'Only one language'],
])('titleIn(%s, %s)', (title, locale, expected) => {
  it(`gives ${expected}`, () => {
    expect(titleIn(title, locale)).toBe(expected)
  })
})

describe.each<[number, 'id' | 'en', string]>([
  [988, 'en', '988 bytes'],
  [988, 'id', '988 byte'],
  [1, 'en', '1 byte'],
  [17028, 'id', '16,6 kB'],
  [3 * 1024 * 1024, 'en', '3 MB'],
])('formatBytes(%d, %s)', (bytes, locale, expected) => {
  it(`writes ${expected}`, () => {
    expect(formatBytes(bytes, locale)).toBe(expected)
  })
})

describe('openDataView', () => {
  const files = snapshotFiles(sampleSnapshot(), new Date('2024-01-02T03:04:05Z'))
  const datapackage = JSON.parse(files.find((file) => file.path === 'datapackage.json')!.content as string)

  it('links every file of the data package under /data/, titled in the page language', () => {
    const view = openDataView(datapackage, 'en')
    expect(view.resources.map((resource) => resource.href).sort()).toEqual(
      // The per-city ZIPs are linked from each city's page, not listed as resources of the package.
      files.filter((file) => file.path !== 'datapackage.json' && !file.path.startsWith('kota/')).map((file) => `/data/${file.path}`).sort(),
    )
    expect(view.resources.find((resource) => resource.path === 'cities.json')?.title).toBe('Cities and regencies')
    expect(view.packageHref).toBe('/data/datapackage.json')
  })

  it("counts a table's records beside its CSV file as beside its JSON file; the README has none", () => {
    const view = openDataView(datapackage, 'en')
    const records = (path: string) => view.resources.find((resource) => resource.path === path)?.records
    expect(records('measurements.csv')).toBe(sampleSnapshot().measurements.length)
    expect(records('measurements.csv')).toBe(records('measurements.json'))
    expect(records('README.md')).toBeNull()
  })

  it('credits the source of the region codes and names, as its licence (ODbL) asks, in the page language', () => {
    expect(openDataView(datapackage, 'id').sources).toEqual([
      { title: 'Kode dan nama wilayah: idn-area-data (Kemendagri), Open Database License 1.0', href: 'https://github.com/fityannugroho/idn-area-data' },
    ])
    expect(openDataView(datapackage, 'en').sources[0].title).toBe('Region codes and names: idn-area-data (Kemendagri), Open Database License 1.0')
  })

  it('gives the licence and the date the snapshot was written', () => {
    const view = openDataView(datapackage, 'id')
    expect(view.licence).toMatchObject({ name: 'CC-BY-4.0', href: 'https://creativecommons.org/licenses/by/4.0/' })
    expect(view.createdLabel).toBe('2 Januari 2024')
  })

  it.each([
    ['json', ['datapackage.json', 'cities.json']],
    ['csv', ['cities.csv']],
  ] as const)('serves the %s files the package lists, and only those', (format, expected) => {
    expect(openDataFileNames(datapackage.resources, format)).toEqual(expect.arrayContaining([...expected]))
    expect(openDataFileNames(datapackage.resources, format).every((file) => file.endsWith(`.${format}`))).toBe(true)
  })
})

describe('the scoring method the method page shows', () => {
  it('is written in each language, as Markdown without comment marks', () => {
    expect(SCORING_METHOD.id).toMatch(/^## Singkatnya/)
    expect(SCORING_METHOD.id).not.toContain('## English')
    expect(SCORING_METHOD.en).toMatch(/^## In short/)
    expect(SCORING_METHOD.en).not.toMatch(/^\s*\* /m)
  })

  it.each(['id', 'en'] as const)('in %s names no setting or field of the code, only what a citizen reads', (locale) => {
    expect(SCORING_METHOD[locale]).not.toMatch(/`|selfAssessment|Fallback|true|false/)
  })

  it.each([
    ['id', '2,60 × 20% = 0,52', '**2,95**'],
    ['en', '2.60 × 20% = 0.52', '**2.95**'],
  ] as const)('in %s works the index out for Ambon from the demo data', (locale, step, index) => {
    expect(SCORING_METHOD[locale]).toContain(step)
    expect(SCORING_METHOD[locale]).toContain(index)
    // The weights of the example's table add up to the index it states: 2.947 rounds to 2.95.
    const shares = [3.33 * 0.1, 2.6 * 0.2, 2.73 * 0.3, 3.25 * 0.3, 3 * 0.1].reduce((sum, share) => sum + share, 0)
    expect(Math.round(shares * 100) / 100).toBe(2.95)
  })
})

describe('updateViews', () => {
  const snapshot = sampleSnapshot() as unknown as Parameters<typeof updateViews>[0]
  const [latest, older] = updateViews(snapshot, 'en', 'https://cms.example.org')

  it('lists updates newest first, each linked to where it is shown', () => {
    expect([latest.id, older.id]).toEqual(['41', '40'])
    expect(latest.href).toBe('/en/kota/kota-bandung/#kabar-41')
    expect(older.href).toBe('/en/kota/kota-ambon/daur-ulang/#kabar-40')
  })

  it('falls back to the other language and dates the update for the reader', () => {
    expect(older.title).toBe('Opened')
    expect(older.bodyHtml).toBe('<p>Pabrik dibuka.</p>')
    expect(older.dateLabel).toBe('26 May 2023')
  })

  it('gives photos absolute addresses at the CMS, their size and alt text', () => {
    expect(older.photos).toEqual([
      {
        src: 'https://cms.example.org/api/media/file/pabrik-768.webp',
        srcset: 'https://cms.example.org/api/media/file/pabrik-400.webp 400w, https://cms.example.org/api/media/file/pabrik-768.webp 768w',
        width: 1600,
        height: 900,
        alt: 'Recycling plant',
        credit: 'Humas',
      },
    ])
  })

  it('becomes feed items with the same links and safe text', () => {
    const [item] = feedItems([older])
    expect(item).toMatchObject({ title: 'Opened', link: older.href, content: '<p>Pabrik dibuka.</p>', categories: ['Kota Ambon', 'Recycling'] })
    expect(item.pubDate).toEqual(new Date('2023-05-26T00:00:00.000Z'))
  })
})

describe.each<[string, Record<string, string | undefined>, string]>([
  ['unset', {}, path.join('/project', 'data', 'snapshot')],
  ['relative', { SNAPSHOT_DIR: 'tmp/snap' }, path.join('/project', 'tmp', 'snap')],
  ['absolute', { SNAPSHOT_DIR: '/srv/snapshot' }, '/srv/snapshot'],
])('snapshotDirectory with SNAPSHOT_DIR %s', (_, env, expected) => {
  it(`is ${expected}`, () => {
    expect(snapshotDirectory(env, '/project')).toBe(expected)
  })
})

it('absoluteMediaUrl keeps an address that is already absolute', () => {
  expect(absoluteMediaUrl('https://cdn.example.org/a.webp', 'https://cms.example.org')).toBe('https://cdn.example.org/a.webp')
})

describe('the site data module', () => {
  let root: string
  const write = async (name: string, change?: (files: Map<string, unknown>) => void) => {
    const dir = path.join(root, name)
    const files = snapshotFiles(sampleSnapshot(), new Date('2024-01-02T03:04:05Z'))
    await writeSnapshotFolder(dir, files)
    if (change) {
      const json = new Map(files.filter((file) => file.path.endsWith('.json')).map((file) => [file.path, JSON.parse(file.content as string)]))
      change(json)
      await Promise.all([...json].map(([file, content]) => fs.writeFile(path.join(dir, file), JSON.stringify(content))))
    }
    return dir
  }

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'pantau-site-data-'))
  })
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true })
  })

  it('stops with the file and the path when the snapshot does not match its schema', async () => {
    const dir = await write('wrong-shape', (files) => {
      ;(files.get('indicators.json') as Record<string, unknown>[])[0].target = 'dua ratus lima puluh'
    })
    await expect(loadSiteData(dir)).rejects.toThrow(
      `The snapshot does not match its schema: ${path.join(dir, 'indicators.json')} at [0].target:`,
    )
  })

  it('stops naming the data package when it lists a file outside the folder', async () => {
    const dir = await write('escaping-path', (files) => {
      ;(files.get('datapackage.json') as { resources: { path: string }[] }).resources[0].path = '../secret.json'
    })
    await expect(loadSiteData(dir)).rejects.toThrow(/datapackage\.json at resources\[0\]\.path/)
  })

  it('reads a snapshot once and joins each language once', async () => {
    const dir = await write('good')
    const first = await loadSiteData(dir)
    expect(await loadSiteData(dir)).toBe(first)
    const view = first.view('id')
    expect(first.view('id')).toBe(view)
    expect(view.cities.map((page) => page.city.slug)).toEqual(['kota-ambon', 'kota-bandung'])
    expect(view.cities[0].programmes[0].indicators[0]).toMatchObject({ id: '20', progress: 80 })
    expect(view.cities[0].profileHtml).toBe('<p>Profil Kota Ambon</p>')
    expect(view.cities[0].scores).toBeNull()
    expect(view.home.pillarAverages).toEqual([])
    expect(view.home.averagesRadar).toBeNull()
    expect(view.programmes[0]).toMatchObject({ descriptionHtml: '<p>Uraian</p>', pillarHref: '/pilar/smart-environment/' })
    expect(view.programmes[0].updates.map((update) => update.id)).toEqual(['40'])
    expect(view.pillars.map((pillar) => [pillar.slug, pillar.programmes.length])).toEqual([
      ['smart-governance', 0],
      ['smart-environment', 1],
    ])
  })

  it('shows accepted scores as an index line and a pillar radar once there are enough of them', async () => {
    const dir = await write('scored', (files) => {
      files.set('scores.json', [
        {
          id: 's1',
          report: '31',
          city: '1',
          period: '1',
          periodYear: 2022,
          periodTitle: text('Evaluasi 2022', 'Evaluation 2022'),
          overall: 2.5,
          dimensionScores: [{ key: 'output', score: 2 }],
          pillarScores: [{ pillar: '1', score: 2 }],
          recommendations: text(null),
        },
        {
          id: 's2',
          report: '32',
          city: '1',
          period: '2',
          periodYear: 2023,
          periodTitle: text('Evaluasi 2023', 'Evaluation 2023'),
          overall: 3.25,
          dimensionScores: [{ key: 'output', score: 4 }],
          pillarScores: [
            { pillar: '1', score: 3 },
            { pillar: '6', score: 3.5 },
          ],
          recommendations: { id: paragraph(words('Perkuat data.')), en: null },
        },
      ])
    })
    const view = (await loadSiteData(dir)).view('en')
    const scores = view.cities[0].scores!
    expect(scores.index).toMatchObject({ labels: ['2022', '2023'], values: [2.5, 3.25] })
    expect(scores.latestPillars.map((pillar) => [pillar.name, pillar.score])).toEqual([
      ['Tata Kelola', '3'],
      ['Lingkungan', '3.5'],
    ])
    // Two pillars make no radar shape; the table still carries them.
    expect(scores.radar).toBeNull()
    expect(scores.recommendationsHtml).toBe('<p>Perkuat data.</p>')
    // The latest round's results document, in the page's language, from the CMS.
    expect(scores.resultsHref).toMatch(/^https?:\/\/[^/]+\/api\/reports\/32\/results\.pdf\?locale=en$/)
    expect(view.home.pillarAverages.map((pillar) => [pillar.slug, pillar.average])).toEqual([
      ['smart-governance', 3],
      ['smart-environment', 3.5],
    ])
    // Like the city's radar, the movement's averages need three pillars to be drawn.
    expect(view.home.averagesRadar).toBeNull()
    expect(view.home.averagesRadarSummary).toBe(
      'Radar chart of the average index by pillar: Tata Kelola 3, Lingkungan 3.5. The same figures are in the table below it.',
    )
  })
})
