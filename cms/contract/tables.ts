/**
 * The tables of the publish snapshot, each defined once: its file name, its title, the schema of
 * its records, which of its fields refer to records of other tables, and, for the tabular ones, the
 * columns of its CSV file with their descriptions for the Frictionless `datapackage.json`. The CMS
 * writes the files from these definitions (cms/snapshot/) and the site reads them with the same
 * definitions (site/lib/snapshot.ts), so the two cannot disagree about a field.
 */
import type { z } from 'zod'

import { CITY_KINDS, FUNDING_SOURCES, INDICATOR_FREQUENCIES, oneOf, PROGRAMME_STATUSES, SCORE_SCALE } from './options.ts'
import {
  snapshotCitySchema,
  snapshotDimensionSchema,
  snapshotIndicatorSchema,
  snapshotMeasurementSchema,
  snapshotMediaSchema,
  snapshotProgramSchema,
  snapshotScoreSchema,
  snapshotUpdateSchema,
} from './records.ts'

/**
 * The tables in the order their files are listed in the data package. A name is the file's name
 * without its extension (`programs.json`, `programs.csv`); published download addresses depend on
 * it, so a name never changes.
 */
export const TABLE_NAMES = ['cities', 'dimensions', 'programs', 'indicators', 'measurements', 'updates', 'media', 'scores'] as const
export type TableName = (typeof TABLE_NAMES)[number]

export type CsvValue = string | number | boolean | null | undefined
/** Frictionless Table Schema field types used by the snapshot's CSV files. */
export type CsvFieldType = 'string' | 'integer' | 'number' | 'datetime'

/**
 * The records a CSV row's ids point at, by id, so a row can carry their names beside the ids: a
 * person opening `measurements.csv` in a spreadsheet reads "Kota Ambon" and "ton", not "1" and "20".
 * The names come from the same snapshot, so the CSV says nothing the JSON files do not.
 */
export interface CsvNames {
  cities: ReadonlyMap<string, z.input<typeof snapshotCitySchema>>
  dimensions: ReadonlyMap<string, z.input<typeof snapshotDimensionSchema>>
  programs: ReadonlyMap<string, z.input<typeof snapshotProgramSchema>>
  indicators: ReadonlyMap<string, z.input<typeof snapshotIndicatorSchema>>
}

export interface CsvColumn<Row> {
  name: string
  type: CsvFieldType
  description: string
  value: (row: Row, names: CsvNames) => CsvValue
  required?: boolean
}

/** The lookups of `CsvNames`, made once per snapshot. */
export function csvNames(tables: {
  cities: readonly z.input<typeof snapshotCitySchema>[]
  dimensions: readonly z.input<typeof snapshotDimensionSchema>[]
  programs: readonly z.input<typeof snapshotProgramSchema>[]
  indicators: readonly z.input<typeof snapshotIndicatorSchema>[]
}): CsvNames {
  const byId = <Record extends { id: string | number }>(records: readonly Record[]) =>
    new Map(records.map((record) => [String(record.id), record]))
  return {
    cities: byId(tables.cities),
    dimensions: byId(tables.dimensions),
    programs: byId(tables.programs),
    indicators: byId(tables.indicators),
  }
}

export interface TableDefinition<Schema extends z.ZodObject = z.ZodObject> {
  /** Indonesian / English, shared by the table's JSON file and its CSV file. */
  title: string
  record: Schema
  /** Fields holding the id of a record of another table (each id of an array field), in checking order. */
  references?: Partial<Record<keyof z.input<Schema> & string, TableName>>
  /** The CSV file's columns, in order; a table without them is published as JSON only. */
  csv?: CsvColumn<z.input<Schema>>[]
  /**
   * A column per pillar after those, named by the pillar's slug: the pillars are the secretariat's
   * to add and rename, so each snapshot's CSV file (and its data package) has the snapshot's own.
   */
  pillarColumn?: (pillar: z.input<typeof snapshotDimensionSchema>) => CsvColumn<z.input<Schema>>
  /**
   * The city a record is about, for the per-city download; a table without it (the pillars) is
   * reference data and goes whole into every city's download.
   */
  cityOf?: (row: z.input<Schema>) => string | number
}

/**
 * A table definition whose references and CSV columns are checked against its own record schema.
 * A column may be a pair (a text in both languages); the columns are written flat, in order.
 */
function table<Schema extends z.ZodObject>(
  record: Schema,
  definition: Omit<TableDefinition<Schema>, 'record' | 'csv'> & { csv?: (CsvColumn<z.input<Schema>> | CsvColumn<z.input<Schema>>[])[] },
): TableDefinition<Schema> {
  const { csv, ...rest } = definition
  return { ...rest, record, ...(csv ? { csv: csv.flat() } : {}) }
}

/** The CSV columns of a table in this snapshot: its own, then one per pillar where it has them, in the pillars' order. */
export function csvColumns<Schema extends z.ZodObject>(table: TableDefinition<Schema>, names: CsvNames): CsvColumn<z.input<Schema>>[] {
  const { csv = [], pillarColumn } = table
  if (!pillarColumn) return csv
  const pillars = [...names.dimensions.values()].sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug))
  return [...csv, ...pillars.map(pillarColumn)]
}

const idColumn = <Row extends { id: string | number }>(): CsvColumn<Row> => ({
  name: 'id',
  type: 'string',
  description: 'Identifier, stable between snapshots / Pengenal, tetap antar-snapshot',
  value: (row) => row.id,
  required: true,
})
const ref = <Row>(name: string, description: string, value: (row: Row) => CsvValue, required = true): CsvColumn<Row> => ({
  name,
  type: 'string',
  description,
  value,
  required,
})
type Text = { id?: string | null; en?: string | null } | null | undefined
/** A text in both languages becomes two columns, `<name>_id` and `<name>_en`. */
const bilingual = <Row>(name: string, description: string, value: (row: Row) => Text): CsvColumn<Row>[] => [
  { name: `${name}_id`, type: 'string', description: `${description} (Bahasa Indonesia)`, value: (row) => value(row)?.id },
  { name: `${name}_en`, type: 'string', description: `${description} (English)`, value: (row) => value(row)?.en },
]

/** The city's name and official code beside a `city` id column. */
const cityNames = <Row>(cityOf: (row: Row) => string | number): CsvColumn<Row>[] => [
  {
    name: 'cityName',
    type: 'string',
    description: 'Name of the city or regency (cities.name) / Nama kota atau kabupaten',
    value: (row, names) => names.cities.get(String(cityOf(row)))?.name,
    required: true,
  },
  {
    name: 'cityCode',
    type: 'string',
    description: 'Official region code of the city (Kemendagri), NN.NN / Kode wilayah',
    value: (row, names) => names.cities.get(String(cityOf(row)))?.regionCode,
    required: true,
  },
]

/** The programme's title in both languages beside a `program` id column. */
const programTitles = <Row>(programOf: (row: Row) => string | number): CsvColumn<Row>[] =>
  bilingualName<Row>('programTitle', 'Title of the programme (programs.title)', (row, names) => names.programs.get(String(programOf(row)))?.title)

/** The indicator's name in both languages and its unit beside an `indicator` id column. */
const indicatorNames = <Row>(indicatorOf: (row: Row) => string | number): CsvColumn<Row>[] => [
  ...bilingualName<Row>('indicatorName', 'Name of the indicator (indicators.name)', (row, names) => names.indicators.get(String(indicatorOf(row)))?.name),
  {
    name: 'unit',
    type: 'string',
    description: 'Unit of the value (indicators.unit) / Satuan',
    value: (row, names) => names.indicators.get(String(indicatorOf(row)))?.unit,
    required: true,
  },
]

/** A name in both languages read from another table, as two columns like `bilingual`. */
const bilingualName = <Row>(name: string, description: string, value: (row: Row, names: CsvNames) => Text): CsvColumn<Row>[] => [
  { name: `${name}_id`, type: 'string', description: `${description} (Bahasa Indonesia)`, value: (row, names) => value(row, names)?.id },
  { name: `${name}_en`, type: 'string', description: `${description} (English)`, value: (row, names) => value(row, names)?.en },
]

/** A measurement's period as ISO 8601: `2023-08` for a month, `2023` for a year; spreadsheets sort it as text. */
export function isoPeriod({ year, month }: { year: number; month?: number | null }): string {
  return month ? `${year}-${String(month).padStart(2, '0')}` : String(year)
}

const cities = table(snapshotCitySchema, {
  title: 'Kota dan kabupaten / Cities and regencies',
  cityOf: (row) => row.id,
  csv: [
    idColumn(),
    { name: 'slug', type: 'string', description: 'Part of the page address', value: (row) => row.slug, required: true },
    { name: 'name', type: 'string', description: 'Name', value: (row) => row.name, required: true },
    { name: 'kind', type: 'string', description: oneOf(CITY_KINDS), value: (row) => row.kind, required: true },
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
})

const dimensions = table(snapshotDimensionSchema, {
  title: 'Dimensi smart city / Smart-city pillars',
  csv: [
    idColumn(),
    { name: 'slug', type: 'string', description: 'Part of the page address', value: (row) => row.slug, required: true },
    bilingual('name', 'Name', (row) => row.name),
    { name: 'order', type: 'integer', description: 'Display order', value: (row) => row.order, required: true },
    { name: 'colour', type: 'string', description: 'Chart colour, #RRGGBB', value: (row) => row.colour, required: true },
  ],
})

const programs = table(snapshotProgramSchema, {
  title: 'Program kota / City programmes',
  references: { city: 'cities', dimension: 'dimensions' },
  cityOf: (row) => row.city,
  csv: [
    idColumn(),
    { name: 'slug', type: 'string', description: 'Part of the page address', value: (row) => row.slug, required: true },
    ref('city', 'City (cities.id)', (row) => row.city),
    cityNames((row) => row.city),
    ref('dimension', 'Pillar (dimensions.id)', (row) => row.dimension),
    bilingualName('dimensionName', 'Name of the pillar (dimensions.name)', (row, names) => names.dimensions.get(String(row.dimension))?.name),
    ref('subDimension', 'Sub-dimension key', (row) => row.subDimension, false),
    bilingual('title', 'Title', (row) => row.title),
    bilingual('summary', 'Summary', (row) => row.summary),
    { name: 'agency', type: 'string', description: 'Responsible agency (OPD)', value: (row) => row.agency, required: true },
    {
      name: 'partners',
      type: 'string',
      description: 'Partners, separated by "; "',
      value: (row) => (row.partners ?? []).map((partner) => partner.name).join('; '),
    },
    {
      name: 'fundingSources',
      type: 'string',
      description: `Funding sources (${FUNDING_SOURCES.join(', ')}), separated by "; "`,
      value: (row) => (row.fundingSources ?? []).join('; '),
    },
    { name: 'startYear', type: 'integer', description: 'Start year', value: (row) => row.startYear, required: true },
    { name: 'status', type: 'string', description: oneOf(PROGRAMME_STATUSES), value: (row) => row.status, required: true },
    { name: 'updatedAt', type: 'datetime', description: 'Last change', value: (row) => row.updatedAt },
  ],
})

const indicators = table(snapshotIndicatorSchema, {
  title: 'Indikator program / Programme indicators',
  references: { program: 'programs', city: 'cities' },
  cityOf: (row) => row.city,
  csv: [
    idColumn(),
    ref('program', 'Programme (programs.id)', (row) => row.program),
    programTitles((row) => row.program),
    ref('city', 'City (cities.id)', (row) => row.city),
    cityNames((row) => row.city),
    bilingual('name', 'Name', (row) => row.name),
    { name: 'unit', type: 'string', description: 'Unit', value: (row) => row.unit, required: true },
    { name: 'baseline', type: 'number', description: 'Value before the programme', value: (row) => row.baseline },
    { name: 'target', type: 'number', description: 'Target', value: (row) => row.target, required: true },
    { name: 'targetYear', type: 'integer', description: 'Target year', value: (row) => row.targetYear, required: true },
    { name: 'direction', type: 'string', description: 'up: higher is better; down: lower is better', value: (row) => row.direction, required: true },
    { name: 'frequency', type: 'string', description: oneOf(INDICATOR_FREQUENCIES), value: (row) => row.frequency, required: true },
    {
      name: 'aggregation',
      type: 'string',
      description: 'per_period: each value against the target; cumulative: the running total against it',
      value: (row) => row.aggregation,
      required: true,
    },
  ],
})

const measurements = table(snapshotMeasurementSchema, {
  title: 'Capaian indikator / Indicator measurements',
  references: { indicator: 'indicators', program: 'programs', city: 'cities' },
  cityOf: (row) => row.city,
  csv: [
    idColumn(),
    ref('indicator', 'Indicator (indicators.id)', (row) => row.indicator),
    indicatorNames((row) => row.indicator),
    ref('program', 'Programme (programs.id)', (row) => row.program),
    programTitles((row) => row.program),
    ref('city', 'City (cities.id)', (row) => row.city),
    cityNames((row) => row.city),
    {
      name: 'isoPeriod',
      type: 'string',
      description: 'Period in ISO 8601: YYYY-MM for a month, YYYY for a year / Periode',
      value: (row) => isoPeriod(row),
      required: true,
    },
    { name: 'year', type: 'integer', description: 'Year', value: (row) => row.year, required: true },
    { name: 'month', type: 'integer', description: 'Month 1-12; empty for a yearly value', value: (row) => row.month },
    { name: 'value', type: 'number', description: 'Value, in the indicator unit', value: (row) => row.value, required: true },
    ref('source', 'Data source', (row) => row.source, false),
  ],
})

const updates = table(snapshotUpdateSchema, {
  title: 'Kabar program yang terbit / Published programme updates',
  references: { program: 'programs', city: 'cities', photos: 'media' },
  cityOf: (row) => row.city,
})

const media = table(snapshotMediaSchema, {
  title: 'Foto publik / Public photos',
})

/**
 * The index per city and round as CSV, then the score of each pillar (a column per pillar); the
 * scores per evaluation dimension are in scores.json.
 */
const scores = table(snapshotScoreSchema, {
  title: 'Skor evaluasi yang diterima / Accepted evaluation scores',
  references: { city: 'cities' },
  cityOf: (row) => row.city,
  csv: [
    idColumn(),
    ref('city', 'City (cities.id)', (row) => row.city),
    cityNames((row) => row.city),
    ref('period', 'Evaluation round, stable between snapshots / Periode evaluasi', (row) => row.period),
    { name: 'year', type: 'integer', description: 'Year of the evaluation round', value: (row) => row.periodYear, required: true },
    bilingual('round', 'Name of the evaluation round', (row) => row.periodTitle),
    {
      name: 'index',
      type: 'number',
      description: `Achievement index, ${SCORE_SCALE.min}-${SCORE_SCALE.max}`,
      value: (row) => row.overall,
    },
  ],
  pillarColumn: (pillar) => ({
    name: `pillar_${pillar.slug}`,
    type: 'number',
    description:
      `Skor pilar ${pillar.name.id ?? pillar.slug} / Score of the pillar ${pillar.name.en ?? pillar.name.id ?? pillar.slug} ` +
      `(dimensions.id ${pillar.id}), ${SCORE_SCALE.min}-${SCORE_SCALE.max}; kosong bila tidak dinilai / empty where it was not scored`,
    value: (row) => row.pillarScores.find((score) => String(score.pillar) === String(pillar.id))?.score,
  }),
})

export const SNAPSHOT_TABLES = {
  cities,
  dimensions,
  programs,
  indicators,
  measurements,
  updates,
  media,
  scores,
} satisfies Record<TableName, TableDefinition>

type Tables = typeof SNAPSHOT_TABLES

/** One record of a table as the CMS writes it. */
export type SnapshotRecordInput<Name extends TableName> = z.input<Tables[Name]['record']>
/** One record of a table as the site's pages receive it, after parsing. */
export type SnapshotRecord<Name extends TableName> = z.output<Tables[Name]['record']>

/** Every table of the snapshot as the CMS writes it (`cms/snapshot/build.ts`). */
export type SnapshotInput = { [Name in TableName]: SnapshotRecordInput<Name>[] }
/** Every table of the snapshot as the site reads it (`site/lib/snapshot.ts`). */
export type SnapshotTables = { [Name in TableName]: SnapshotRecord<Name>[] }
