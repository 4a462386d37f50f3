/**
 * The files of the snapshot and the Frictionless Data Package describing them: every table as JSON,
 * the tabular ones also as CSV, all as the contract defines them (cms/contract/tables.ts). Paths are
 * stable (`programs.csv`), so a published download address keeps working from one snapshot to the
 * next.
 */
import { hash } from 'node:crypto'
import { crc32, deflateRawSync } from 'node:zlib'

import { Zip, type ZipInputFile } from 'fflate'

import {
  CITY_DOWNLOAD_DIR,
  cityDownloadFile,
  CSV_DIALECT,
  type CsvColumn,
  csvColumns,
  type CsvNames,
  csvNames,
  DATAPACKAGE_FILE,
  README_FILE,
  SNAPSHOT_LICENSE,
  SNAPSHOT_PACKAGE,
  SNAPSHOT_SOURCES,
  SNAPSHOT_TABLES,
  type SnapshotInput,
  TABLE_NAMES,
  type TableDefinition,
  type TableName,
} from '../contract/index.ts'
import { csvLines, csvText } from './csv.ts'
import { packageReadme } from './readme.ts'

interface CsvTable {
  name: TableName
  title: string
  // Each table's columns read its own records; the list only needs what every table shares.
  columns: CsvColumn<unknown>[]
  foreignKeys: { field: string; resource: TableName }[]
  cityOf?: (row: unknown) => string | number
}

/**
 * The tables the contract gives CSV columns, with their references among the columns as foreign
 * keys; the columns of this snapshot (a table may have one per pillar, see `csvColumns`).
 */
export function csvTables(names: CsvNames): CsvTable[] {
  return TABLE_NAMES.flatMap((name) => {
    const table: TableDefinition = SNAPSHOT_TABLES[name]
    if (!table.csv) return []
    const columns = csvColumns(table, names) as CsvColumn<unknown>[]
    const references = Object.entries(table.references ?? {}) as [string, TableName][]
    return [
      {
        name,
        title: table.title,
        columns,
        foreignKeys: references
          .filter(([field]) => columns.some((column) => column.name === field))
          .map(([field, resource]) => ({ field, resource })),
        cityOf: table.cityOf as CsvTable['cityOf'],
      },
    ]
  })
}

/** A CSV table with its header and rows as written (cms/snapshot/csv.ts). */
type WrittenTable = CsvTable & { header: string; rows: readonly string[] }

export interface SnapshotFile {
  /** Relative to the snapshot folder; `/` separates a subfolder (the per-city downloads). */
  path: string
  content: string | Uint8Array
}

const MEDIATYPES = { json: 'application/json', csv: 'text/csv' } as const

/**
 * Every file of the snapshot: the tables as JSON and CSV, `README.md`, one ZIP per city, and
 * `datapackage.json` last. Text files are UTF-8.
 */
export function snapshotFiles(snapshot: SnapshotInput, created: Date, title: string = SNAPSHOT_PACKAGE.title): SnapshotFile[] {
  const names = csvNames(snapshot)
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
  // Each row is written once: the table's file and its city's download take the same line.
  const written: WrittenTable[] = csvTables(names).map((table) => ({ ...table, ...csvLines(table.columns, snapshot[table.name], names) }))
  for (const table of written) {
    const path = `${table.name}.csv`
    const content = csvText(table.header, table.rows)
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
  const readme = packageReadme(written, created)
  files.push({ path: README_FILE, content: readme })
  resources.push({
    name: 'readme',
    title: 'Cara membaca data ini / How to read this data',
    path: README_FILE,
    format: 'md',
    mediatype: 'text/markdown',
    encoding: 'utf-8',
    bytes: Buffer.byteLength(readme),
  })
  files.push(...cityDownloads(snapshot, written, readme, created))
  const datapackage = {
    profile: SNAPSHOT_PACKAGE.profile,
    name: SNAPSHOT_PACKAGE.name,
    title,
    description: SNAPSHOT_PACKAGE.description,
    licenses: [SNAPSHOT_LICENSE],
    sources: SNAPSHOT_SOURCES,
    created: created.toISOString(),
    keywords: SNAPSHOT_PACKAGE.keywords,
    resources,
  }
  files.push({ path: DATAPACKAGE_FILE, content: `${JSON.stringify(datapackage, null, 2)}\n` })
  return files
}

/** A file deflated beforehand: its bytes, and the CRC-32 and size of what they inflate to. */
interface DeflatedFile {
  bytes: Uint8Array<ArrayBuffer>
  crc: number
  size: number
}

/**
 * Deflates a file with Node's zlib (native): two to three times faster than fflate's deflate in
 * JavaScript on these CSV files (514 city downloads, 50 MB of CSV at national size).
 */
const deflateFile = (content: Uint8Array): DeflatedFile => ({
  bytes: deflateRawSync(content, { level: 6 }),
  crc: crc32(content),
  size: content.byteLength,
})

/**
 * A ZIP of these files, each deflated (here, or beforehand), all dated `mtime`. fflate writes the
 * container: each file goes in as its `ZipInputFile` with the CRC and size known, its deflated bytes
 * as one final chunk.
 */
export function zipFiles(files: Record<string, Uint8Array | DeflatedFile>, mtime: Date): Uint8Array {
  const parts: Uint8Array[] = []
  let failure: Error | null = null
  const zip = new Zip((error, chunk) => {
    if (error) failure = error
    else parts.push(chunk)
  })
  for (const [filename, content] of Object.entries(files)) {
    const { bytes, crc, size } = content instanceof Uint8Array ? deflateFile(content) : content
    const file: ZipInputFile = { filename, size, crc, compression: 8, mtime }
    zip.add(file)
    file.ondata?.(null, bytes, true)
  }
  zip.end()
  if (failure) throw failure
  return Buffer.concat(parts)
}

/**
 * The city downloads' tables as deflated the last time, by the SHA-256 of their text: a publish after
 * a change to one city deflates that city's tables again and takes every other city's from here
 * (about 0.6 s of 514 cities' 50 MB of CSV). The same text deflates to the same bytes, so the ZIPs
 * are those a fresh process writes. Holds only the files of the last snapshot written.
 */
let deflatedTables = new Map<string, DeflatedFile>()

/**
 * One ZIP per city (`kota/<slug>.zip`): each CSV table with only the rows about that city, the
 * pillars whole (they are what its rows name), and the README. The same columns as the full
 * tables, so a script written for one reads the other. The files carry the snapshot's date, so the
 * same data makes the same bytes.
 */
export function cityDownloads(snapshot: SnapshotInput, written: readonly WrittenTable[], readme: string, created: Date): SnapshotFile[] {
  const rowsByCity = new Map<string, Map<TableName, string[]>>()
  for (const table of written) {
    if (!table.cityOf) continue
    for (const [index, row] of (snapshot[table.name] as unknown[]).entries()) {
      const city = String(table.cityOf(row))
      const tables = rowsByCity.get(city) ?? new Map<TableName, string[]>()
      const rows = tables.get(table.name) ?? []
      rows.push(table.rows[index])
      tables.set(table.name, rows)
      rowsByCity.set(city, tables)
    }
  }
  const deflated = new Map<string, DeflatedFile>()
  const downloads = snapshot.cities.map((city) => {
    const tables = rowsByCity.get(String(city.id))
    const entries: Record<string, DeflatedFile | Uint8Array> = {}
    for (const table of written) {
      const csv = csvText(table.header, table.cityOf ? (tables?.get(table.name) ?? []) : table.rows)
      const key = hash('sha256', csv, 'base64')
      const file = deflated.get(key) ?? deflatedTables.get(key) ?? deflateFile(Buffer.from(csv))
      deflated.set(key, file)
      entries[`${table.name}.csv`] = file
    }
    entries[README_FILE] = Buffer.from(`${city.name} (${city.regionCode})\n\n${readme}`)
    return { path: `${CITY_DOWNLOAD_DIR}/${cityDownloadFile(city)}`, content: zipFiles(entries, created) }
  })
  deflatedTables = deflated
  return downloads
}
