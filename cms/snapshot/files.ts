/**
 * The files of the snapshot and the Frictionless Data Package describing them: every table as JSON,
 * the tabular ones also as CSV, all as the contract defines them (cms/contract/tables.ts). Paths are
 * stable (`programs.csv`), so a published download address keeps working from one snapshot to the
 * next.
 */
import {
  CSV_DIALECT,
  type CsvColumn,
  DATAPACKAGE_FILE,
  SNAPSHOT_LICENSE,
  SNAPSHOT_PACKAGE,
  SNAPSHOT_TABLES,
  type SnapshotInput,
  TABLE_NAMES,
  type TableDefinition,
  type TableName,
} from '../contract/index.ts'
import { toCsv } from './csv.ts'

interface CsvTable {
  name: TableName
  title: string
  // Each table's columns read its own records; the list only needs what every table shares.
  columns: CsvColumn<unknown>[]
  foreignKeys: { field: string; resource: TableName }[]
}

/** The tables the contract gives CSV columns, with their references among the columns as foreign keys. */
export const TABLES: CsvTable[] = TABLE_NAMES.flatMap((name) => {
  const table: TableDefinition = SNAPSHOT_TABLES[name]
  if (!table.csv) return []
  const columns = table.csv as CsvColumn<unknown>[]
  const references = Object.entries(table.references ?? {}) as [string, TableName][]
  return [
    {
      name,
      title: table.title,
      columns,
      foreignKeys: references
        .filter(([field]) => columns.some((column) => column.name === field))
        .map(([field, resource]) => ({ field, resource })),
    },
  ]
})

export interface SnapshotFile {
  path: string
  content: string
}

const MEDIATYPES = { json: 'application/json', csv: 'text/csv' } as const

/** Every file of the snapshot, `datapackage.json` last, all as UTF-8 text. */
export function snapshotFiles(snapshot: SnapshotInput, created: Date, title: string = SNAPSHOT_PACKAGE.title): SnapshotFile[] {
  const files: SnapshotFile[] = []
  const resources: Record<string, unknown>[] = []
  for (const name of TABLE_NAMES) {
    const path = `${name}.json`
    const content = `${JSON.stringify(snapshot[name])}\n`
    files.push({ path, content })
    resources.push({
      name: `${name}-json`,
      title: SNAPSHOT_TABLES[name].title,
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
    const content = toCsv(table.columns, snapshot[table.name])
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
      dialect: CSV_DIALECT,
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
        ...(table.foreignKeys.length > 0
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
    profile: SNAPSHOT_PACKAGE.profile,
    name: SNAPSHOT_PACKAGE.name,
    title,
    description: SNAPSHOT_PACKAGE.description,
    licenses: [SNAPSHOT_LICENSE],
    created: created.toISOString(),
    keywords: SNAPSHOT_PACKAGE.keywords,
    resources,
  }
  files.push({ path: DATAPACKAGE_FILE, content: `${JSON.stringify(datapackage, null, 2)}\n` })
  return files
}
