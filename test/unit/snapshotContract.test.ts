/**
 * The snapshot contract (cms/contract/) as the one meeting point of the CMS and the site: the site
 * reaches into cms/ only through it, it depends on nothing but zod, the CMS's select fields offer
 * exactly its lists, and the checks the tests rely on can fail.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { Cities } from '../../cms/collections/Cities.ts'
import { Indicators } from '../../cms/collections/Indicators/index.ts'
import { Programs } from '../../cms/collections/Programs.ts'
import {
  csvNames,
  CITY_KINDS,
  COHORTS,
  FUNDING_SOURCES,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  MASTERPLAN_BOOKS,
  oneOf,
  PARTNER_KINDS,
  PROGRAMME_STATUSES,
  SNAPSHOT_TABLES,
  TABLE_NAMES,
  type TableDefinition,
} from '../../cms/contract/index.ts'
import { csvTables, snapshotFiles } from '../../cms/snapshot/files.ts'
import { parseExactly, parseSnapshotFiles, sampleSnapshot } from '../helpers/sampleSnapshot.ts'

const root = path.resolve(import.meta.dirname, '..', '..')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx|mjs|js|astro)$/.test(entry.name) ? [full] : []
  })
}

/** Every module a file names in an import, export-from or dynamic import, without `?raw` and the like. */
function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8')
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g
  return [...source.matchAll(pattern)].map((match) => match[1].replace(/\?.*$/, ''))
}

const inside = (file: string, dir: string) => !path.relative(dir, file).startsWith('..')

describe('the boundary between the site and the CMS', () => {
  const cms = path.join(root, 'cms')
  const contract = path.join(cms, 'contract')

  it.each(sourceFiles(path.join(root, 'site')).map((file) => [path.relative(root, file), file]))(
    '%s imports nothing of cms/ but the contract',
    (_, file) => {
      const reachedIntoCms = importsOf(file)
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => path.resolve(path.dirname(file), specifier))
        .filter((target) => inside(target, cms) && !inside(target, contract))
      expect(reachedIntoCms.map((target) => path.relative(root, target))).toEqual([])
    },
  )

  it.each(sourceFiles(contract).map((file) => [path.relative(root, file), file]))('%s imports only zod and the contract', (_, file) => {
    const foreign = importsOf(file).filter((specifier) =>
      specifier.startsWith('.') ? !inside(path.resolve(path.dirname(file), specifier), contract) : specifier !== 'zod',
    )
    expect(foreign).toEqual([])
  })
})

/** The values a select field offers, found by name anywhere in a collection's fields (rows, arrays). */
function optionValues(fields: Field[], name: string): string[] | undefined {
  for (const field of fields) {
    if ('name' in field && field.name === name && field.type === 'select') {
      return field.options.map((option) => (typeof option === 'string' ? option : option.value))
    }
    const nested = 'fields' in field ? optionValues(field.fields, name) : undefined
    if (nested) return nested
  }
  return undefined
}

describe.each<[string, Field[], string, readonly string[]]>([
  ['cities', Cities.fields, 'kind', CITY_KINDS],
  ['cities', Cities.fields, 'cohort', COHORTS],
  ['cities', Cities.fields, 'book', MASTERPLAN_BOOKS],
  ['programs', Programs.fields, 'kind', PARTNER_KINDS],
  ['programs', Programs.fields, 'fundingSources', FUNDING_SOURCES],
  ['programs', Programs.fields, 'status', PROGRAMME_STATUSES],
  ['indicators', Indicators.fields, 'direction', INDICATOR_DIRECTIONS],
  ['indicators', Indicators.fields, 'frequency', INDICATOR_FREQUENCIES],
  ['indicators', Indicators.fields, 'aggregation', INDICATOR_AGGREGATIONS],
])('the %s field %s', (_, fields, name, values) => {
  it('offers exactly the values the snapshot contract accepts, in its order', () => {
    expect(optionValues(fields, name)).toEqual([...values])
  })
})

describe('the table definitions', () => {
  it.each(TABLE_NAMES.map((name) => [name]))('%s refers only to its own fields and to tables of the snapshot', (name) => {
    const table: TableDefinition = SNAPSHOT_TABLES[name]
    for (const [field, target] of Object.entries(table.references ?? {})) {
      expect(Object.keys(table.record.shape)).toContain(field)
      expect(TABLE_NAMES).toContain(target)
    }
    const columns = (table.csv ?? []).map((column) => column.name)
    expect(new Set(columns).size).toBe(columns.length)
  })

  it("gives each CSV table its references as foreign keys, and no other table a CSV file", () => {
    const tables = csvTables(csvNames(sampleSnapshot()))
    expect(tables.map((table) => table.name)).toEqual(TABLE_NAMES.filter((name) => SNAPSHOT_TABLES[name].csv))
    const programs = tables.find((table) => table.name === 'programs')
    expect(programs?.foreignKeys).toEqual([
      { field: 'city', resource: 'cities' },
      { field: 'dimension', resource: 'dimensions' },
    ])
  })

  it.each([
    [['kota', 'kabupaten'], 'kota or kabupaten'],
    [['planned', 'ongoing', 'completed', 'paused'], 'planned, ongoing, completed or paused'],
    [['one'], 'one'],
  ])('names the values %j as "%s" in a column description', (values, expected) => {
    expect(oneOf(values)).toBe(expected)
  })
})

describe('the contract checks of the tests', () => {
  it('accept the sample snapshot as the CMS would write it', () => {
    const files = snapshotFiles(sampleSnapshot(), new Date('2024-01-02T03:04:05Z'))
    const tables = parseSnapshotFiles(Object.fromEntries(files.map((file) => [file.path, file.content])))
    expect(tables.measurements.map((row) => row.value)).toEqual([45.7, 200])
  })

  it('refuse a record whose field was renamed, though the site would parse it', () => {
    const [score] = [
      {
        id: '1',
        report: '2',
        city: '1',
        period: '3',
        periodYear: 2023,
        periodTitle: { id: 'Evaluasi 2023', en: null },
        overall: 3.2,
        dimensionScores: [],
        pillarScores: [],
        pillar_scores: [{ pillar: '1', score: 3 }],
        recommendations: { id: null, en: null },
      },
    ]
    expect(SNAPSHOT_TABLES.scores.record.safeParse(score).success).toBe(true)
    expect(() => parseExactly('scores', [score])).toThrow(/scores\.json \[0\] has the fields .*pillar_scores/)
  })

  it('refuse a value outside a list, naming the file and the path', () => {
    const snapshot = sampleSnapshot()
    const programs = [{ ...snapshot.programs[0], status: 'abandoned' }]
    expect(() => parseExactly('programs', programs)).toThrow(/programs\.json at 0\.status:/)
  })

  it('refuse a folder without one of the files the contract defines', () => {
    const files = snapshotFiles(sampleSnapshot(), new Date('2024-01-02T03:04:05Z')).filter((file) => file.path !== 'scores.csv')
    expect(() => parseSnapshotFiles(Object.fromEntries(files.map((file) => [file.path, file.content])))).toThrow(/scores\.csv/)
  })
})
