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

export interface CsvColumn<Row> {
  name: string
  type: CsvFieldType
  description: string
  value: (row: Row) => CsvValue
  required?: boolean
}

export interface TableDefinition<Schema extends z.ZodObject = z.ZodObject> {
  /** Indonesian / English, shared by the table's JSON file and its CSV file. */
  title: string
  record: Schema
  /** Fields holding the id of a record of another table (each id of an array field), in checking order. */
  references?: Partial<Record<keyof z.input<Schema> & string, TableName>>
  /** The CSV file's columns, in order; a table without them is published as JSON only. */
  csv?: CsvColumn<z.input<Schema>>[]
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

const cities = table(snapshotCitySchema, {
  title: 'Kota dan kabupaten / Cities and regencies',
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
  csv: [
    idColumn(),
    { name: 'slug', type: 'string', description: 'Part of the page address', value: (row) => row.slug, required: true },
    ref('city', 'City (cities.id)', (row) => row.city),
    ref('dimension', 'Pillar (dimensions.id)', (row) => row.dimension),
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
  csv: [
    idColumn(),
    ref('program', 'Programme (programs.id)', (row) => row.program),
    ref('city', 'City (cities.id)', (row) => row.city),
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
  csv: [
    idColumn(),
    ref('indicator', 'Indicator (indicators.id)', (row) => row.indicator),
    ref('program', 'Programme (programs.id)', (row) => row.program),
    ref('city', 'City (cities.id)', (row) => row.city),
    { name: 'year', type: 'integer', description: 'Year', value: (row) => row.year, required: true },
    { name: 'month', type: 'integer', description: 'Month 1-12; empty for a yearly value', value: (row) => row.month },
    { name: 'value', type: 'number', description: 'Value, in the indicator unit', value: (row) => row.value, required: true },
    ref('source', 'Data source', (row) => row.source, false),
  ],
})

const updates = table(snapshotUpdateSchema, {
  title: 'Kabar program yang terbit / Published programme updates',
  references: { program: 'programs', city: 'cities', photos: 'media' },
})

const media = table(snapshotMediaSchema, {
  title: 'Foto publik / Public photos',
})

/** The index per city and round as CSV; the scores per pillar and evaluation dimension are in scores.json. */
const scores = table(snapshotScoreSchema, {
  title: 'Skor evaluasi yang diterima / Accepted evaluation scores',
  references: { city: 'cities' },
  csv: [
    idColumn(),
    ref('city', 'City (cities.id)', (row) => row.city),
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
