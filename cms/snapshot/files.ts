import type {
  Snapshot,
  SnapshotCity,
  SnapshotDimension,
  SnapshotIndicator,
  SnapshotMeasurement,
  SnapshotScore,
  SnapshotProgram,
  SnapshotText,
} from './build.ts'
import { type CsvValue, toCsv } from './csv.ts'

/**
 * The files of the snapshot and the Frictionless Data Package describing them: every collection
 * as JSON, the tables also as CSV. Paths are stable (`programs.csv`), so a published download
 * address keeps working from one snapshot to the next.
 */

export const SNAPSHOT_LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0',
} as const

export const JSON_RESOURCES = [
  'cities',
  'dimensions',
  'programs',
  'indicators',
  'measurements',
  'updates',
  'media',
  'scores',
] as const satisfies readonly (keyof Snapshot)[]

/** Each resource's title, Indonesian / English, shared by its JSON file and its CSV table. */
const RESOURCE_TITLES: Record<(typeof JSON_RESOURCES)[number], string> = {
  cities: 'Kota dan kabupaten / Cities and regencies',
  dimensions: 'Dimensi smart city / Smart-city pillars',
  programs: 'Program kota / City programmes',
  indicators: 'Indikator program / Programme indicators',
  measurements: 'Capaian indikator / Indicator measurements',
  updates: 'Kabar program yang terbit / Published programme updates',
  media: 'Foto publik / Public photos',
  scores: 'Skor evaluasi yang diterima / Accepted evaluation scores',
}

export type FieldType = 'string' | 'integer' | 'number' | 'datetime'

interface Column<T> {
  name: string
  type: FieldType
  description: string
  value: (row: T) => CsvValue
  required?: boolean
}

interface Table<T> {
  name: keyof Snapshot
  title: string
  rows: (snapshot: Snapshot) => readonly T[]
  columns: Column<T>[]
  foreignKeys?: { field: string; resource: keyof Snapshot }[]
}

const idColumn = <T extends { id: string }>(): Column<T> => ({
  name: 'id',
  type: 'string',
  description: 'Identifier, stable between snapshots / Pengenal, tetap antar-snapshot',
  value: (row) => row.id,
  required: true,
})
const ref = <T>(name: string, description: string, value: (row: T) => CsvValue, required = true): Column<T> => ({
  name,
  type: 'string',
  description,
  value,
  required,
})
/** A text in both languages becomes two columns, `<name>_id` and `<name>_en`. */
const bilingual = <T>(name: string, description: string, value: (row: T) => SnapshotText): Column<T>[] => [
  { name: `${name}_id`, type: 'string', description: `${description} (Bahasa Indonesia)`, value: (row) => value(row).id },
  { name: `${name}_en`, type: 'string', description: `${description} (English)`, value: (row) => value(row).en },
]

const cities: Table<SnapshotCity> = {
  name: 'cities',
  title: RESOURCE_TITLES.cities,
  rows: (snapshot) => snapshot.cities,
  columns: [
    idColumn(),
    { name: 'slug', type: 'string', description: 'Part of the page address', value: (row) => row.slug, required: true },
    { name: 'name', type: 'string', description: 'Name', value: (row) => row.name, required: true },
    { name: 'kind', type: 'string', description: 'kota or kabupaten', value: (row) => row.kind, required: true },
    { name: 'province', type: 'string', description: 'Province', value: (row) => row.province, required: true },
    {
      name: 'regionCode',
      type: 'string',
      description: 'Official region code (Kemendagri), NN.NN',
      value: (row) => row.regionCode,
      required: true,
    },
    { name: 'cohort', type: 'string', description: 'Year chosen for the movement', value: (row) => row.cohort, required: true },
    { name: 'updatedAt', type: 'datetime', description: 'Last change', value: (row) => row.updatedAt },
  ],
}

const dimensions: Table<SnapshotDimension> = {
  name: 'dimensions',
  title: RESOURCE_TITLES.dimensions,
  rows: (snapshot) => snapshot.dimensions,
  columns: [
    idColumn(),
    { name: 'slug', type: 'string', description: 'Part of the page address', value: (row) => row.slug, required: true },
    ...bilingual<SnapshotDimension>('name', 'Name', (row) => row.name),
    { name: 'order', type: 'integer', description: 'Display order', value: (row) => row.order, required: true },
    { name: 'colour', type: 'string', description: 'Chart colour, #RRGGBB', value: (row) => row.colour, required: true },
  ],
}

const programs: Table<SnapshotProgram> = {
  name: 'programs',
  title: RESOURCE_TITLES.programs,
  rows: (snapshot) => snapshot.programs,
  columns: [
    idColumn(),
    { name: 'slug', type: 'string', description: 'Part of the page address', value: (row) => row.slug, required: true },
    ref('city', 'City (cities.id)', (row) => row.city),
    ref('dimension', 'Pillar (dimensions.id)', (row) => row.dimension),
    ref('subDimension', 'Sub-dimension key', (row) => row.subDimension, false),
    ...bilingual<SnapshotProgram>('title', 'Title', (row) => row.title),
    ...bilingual<SnapshotProgram>('summary', 'Summary', (row) => row.summary),
    { name: 'agency', type: 'string', description: 'Responsible agency (OPD)', value: (row) => row.agency, required: true },
    {
      name: 'partners',
      type: 'string',
      description: 'Partners, separated by "; "',
      value: (row) => row.partners.map((partner) => partner.name).join('; '),
    },
    {
      name: 'fundingSources',
      type: 'string',
      description: 'Funding sources (apbd, apbn, csr, partner), separated by "; "',
      value: (row) => row.fundingSources.join('; '),
    },
    { name: 'startYear', type: 'integer', description: 'Start year', value: (row) => row.startYear, required: true },
    {
      name: 'status',
      type: 'string',
      description: 'planned, ongoing, completed or paused',
      value: (row) => row.status,
      required: true,
    },
    { name: 'updatedAt', type: 'datetime', description: 'Last change', value: (row) => row.updatedAt },
  ],
  foreignKeys: [
    { field: 'city', resource: 'cities' },
    { field: 'dimension', resource: 'dimensions' },
  ],
}

const indicators: Table<SnapshotIndicator> = {
  name: 'indicators',
  title: RESOURCE_TITLES.indicators,
  rows: (snapshot) => snapshot.indicators,
  columns: [
    idColumn(),
    ref('program', 'Programme (programs.id)', (row) => row.program),
    ref('city', 'City (cities.id)', (row) => row.city),
    ...bilingual<SnapshotIndicator>('name', 'Name', (row) => row.name),
    { name: 'unit', type: 'string', description: 'Unit', value: (row) => row.unit, required: true },
    { name: 'baseline', type: 'number', description: 'Value before the programme', value: (row) => row.baseline },
    { name: 'target', type: 'number', description: 'Target', value: (row) => row.target, required: true },
    { name: 'targetYear', type: 'integer', description: 'Target year', value: (row) => row.targetYear, required: true },
    { name: 'direction', type: 'string', description: 'up: higher is better; down: lower is better', value: (row) => row.direction, required: true },
    { name: 'frequency', type: 'string', description: 'monthly or yearly', value: (row) => row.frequency, required: true },
    {
      name: 'aggregation',
      type: 'string',
      description: 'per_period: each value against the target; cumulative: the running total against it',
      value: (row) => row.aggregation,
      required: true,
    },
  ],
  foreignKeys: [
    { field: 'program', resource: 'programs' },
    { field: 'city', resource: 'cities' },
  ],
}

const measurements: Table<SnapshotMeasurement> = {
  name: 'measurements',
  title: RESOURCE_TITLES.measurements,
  rows: (snapshot) => snapshot.measurements,
  columns: [
    idColumn(),
    ref('indicator', 'Indicator (indicators.id)', (row) => row.indicator),
    ref('program', 'Programme (programs.id)', (row) => row.program),
    ref('city', 'City (cities.id)', (row) => row.city),
    { name: 'year', type: 'integer', description: 'Year', value: (row) => row.year, required: true },
    { name: 'month', type: 'integer', description: 'Month 1-12; empty for a yearly value', value: (row) => row.month },
    { name: 'value', type: 'number', description: 'Value, in the indicator unit', value: (row) => row.value, required: true },
    ref('source', 'Data source', (row) => row.source, false),
  ],
  foreignKeys: [
    { field: 'indicator', resource: 'indicators' },
    { field: 'program', resource: 'programs' },
    { field: 'city', resource: 'cities' },
  ],
}

/** The index per city and round; the scores per pillar and evaluation dimension are in scores.json. */
const scores: Table<SnapshotScore> = {
  name: 'scores',
  title: RESOURCE_TITLES.scores,
  rows: (snapshot) => snapshot.scores,
  columns: [
    idColumn(),
    ref('city', 'City (cities.id)', (row) => row.city),
    ref('period', 'Evaluation round, stable between snapshots / Periode evaluasi', (row) => row.period),
    { name: 'year', type: 'integer', description: 'Year of the evaluation round', value: (row) => row.periodYear, required: true },
    ...bilingual<SnapshotScore>('round', 'Name of the evaluation round', (row) => row.periodTitle),
    { name: 'index', type: 'number', description: 'Achievement index, 1-5', value: (row) => row.overall },
  ],
  foreignKeys: [{ field: 'city', resource: 'cities' }],
}

// Each table is typed by its own row; the list only needs what every table shares.
export const TABLES = [cities, dimensions, programs, indicators, measurements, scores] as unknown as Table<{ id: string }>[]

export interface SnapshotFile {
  path: string
  content: string
}

const MEDIATYPES = { json: 'application/json', csv: 'text/csv' } as const

/** Every file of the snapshot, `datapackage.json` last, all as UTF-8 text. */
export function snapshotFiles(snapshot: Snapshot, created: Date, title = 'Pantau: data terbuka / open data'): SnapshotFile[] {
  const files: SnapshotFile[] = []
  const resources: Record<string, unknown>[] = []
  for (const name of JSON_RESOURCES) {
    const path = `${name}.json`
    const content = `${JSON.stringify(snapshot[name])}\n`
    files.push({ path, content })
    resources.push({
      name: `${name}-json`,
      title: RESOURCE_TITLES[name],
      path,
      format: 'json',
      mediatype: MEDIATYPES.json,
      encoding: 'utf-8',
      bytes: Buffer.byteLength(content),
      count: snapshot[name].length,
    })
  }
  for (const table of TABLES) {
    const path = `${table.name}.csv`
    const content = toCsv(table.columns, table.rows(snapshot))
    files.push({ path, content })
    resources.push({
      name: table.name,
      title: table.title,
      profile: 'tabular-data-resource',
      path,
      format: 'csv',
      mediatype: MEDIATYPES.csv,
      encoding: 'utf-8',
      bytes: Buffer.byteLength(content),
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: {
        fields: table.columns.map((column) => ({
          name: column.name,
          type: column.type,
          ...(column.type === 'datetime' ? { format: 'any' } : {}),
          description: column.description,
          ...(column.required ? { constraints: { required: true } } : {}),
        })),
        missingValues: [''],
        primaryKey: 'id',
        ...(table.foreignKeys
          ? {
              foreignKeys: table.foreignKeys.map(({ field, resource }) => ({
                fields: field,
                reference: { resource, fields: 'id' },
              })),
            }
          : {}),
      },
    })
  }
  const datapackage = {
    profile: 'data-package',
    name: 'pantau-smart-city',
    title,
    description:
      'Kemajuan kota dalam Gerakan Menuju 100 Smart City: kota, dimensi, program publik dengan indikator dan ' +
      'capaiannya, kabar terbit, media dan skor evaluasi yang diterima. / Progress of the cities of the 100 Smart ' +
      'City Movement: cities, pillars, public programmes with their indicators and measurements, published ' +
      'updates, media and accepted evaluation scores.',
    licenses: [SNAPSHOT_LICENSE],
    created: created.toISOString(),
    keywords: ['smart city', 'Indonesia', 'open data'],
    resources,
  }
  files.push({ path: 'datapackage.json', content: `${JSON.stringify(datapackage, null, 2)}\n` })
  return files
}
