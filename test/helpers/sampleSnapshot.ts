/**
 * The one sample publish snapshot of the unit tests, written as the CMS writes it and checked by
 * the snapshot contract on every call, so a test of the site and a test of the snapshot files
 * cannot each rely on their own guess of the format. Also `parseExactly` and `parseSnapshotFiles`,
 * the contract checks the tests apply to what the snapshot builder really writes.
 */
import {
  CITY_DOWNLOAD_DIR,
  cityDownloadFile,
  csvColumns,
  csvNames,
  DATAPACKAGE_FILE,
  README_FILE,
  datapackageSchema,
  SNAPSHOT_TABLES,
  type SnapshotTables,
  type SnapshotInput,
  type SnapshotRecord,
  TABLE_NAMES,
  type TableDefinition,
  type TableName,
  type WrittenText,
} from '../../cms/contract/index.ts'

const text = (id: string | null, en: string | null = null): WrittenText => ({ id, en })
const paragraph = (...children: object[]) => ({ root: { type: 'root', children: [{ type: 'paragraph', children }] } })
const words = (value: string) => ({ type: 'text', text: value, format: 0 })

/**
 * Parses one table's records as the site does, and insists on exactly the contract's fields in
 * every record: the site's parse drops a field it does not know and tolerates some missing ones, so
 * a writer that renamed a field would otherwise pass. Throws naming the file and the record.
 */
export function parseExactly<Name extends TableName>(name: Name, records: unknown): SnapshotRecord<Name>[] {
  const schema = SNAPSHOT_TABLES[name].record
  const fields = Object.keys(schema.shape).sort()
  if (!Array.isArray(records)) throw new Error(`${name}.json is not a list of records`)
  records.forEach((record: Record<string, unknown>, index) => {
    const written = Object.keys(record).sort()
    if (written.join() !== fields.join()) {
      throw new Error(`${name}.json [${index}] has the fields ${written.join(', ')}; the contract has ${fields.join(', ')}`)
    }
  })
  const result = schema.array().safeParse(records)
  if (!result.success) {
    const [issue] = result.error.issues
    throw new Error(`${name}.json at ${issue.path.join('.')}: ${issue.message}`)
  }
  return result.data as SnapshotRecord<Name>[]
}

/**
 * Checks a whole snapshot folder's files (name to text) against the contract: every table's JSON
 * file with `parseExactly`, the header of every CSV file against the contract's columns, and the
 * data package; and that the folder holds exactly those files, the README and one ZIP per city.
 * Returns the parsed tables.
 */
export function parseSnapshotFiles(files: Record<string, string | Uint8Array>): SnapshotTables {
  const expected = [DATAPACKAGE_FILE, README_FILE]
  const tables = {} as Record<TableName, unknown[]>
  for (const name of TABLE_NAMES) {
    expected.push(`${name}.json`)
    tables[name] = parseExactly(name, JSON.parse(String(files[`${name}.json`] ?? 'null')))
  }
  // The columns of this snapshot: a table may have one per pillar of the snapshot's own.
  const names = csvNames(tables as unknown as Parameters<typeof csvNames>[0])
  for (const name of TABLE_NAMES) {
    if (!SNAPSHOT_TABLES[name].csv) continue
    const columns = csvColumns(SNAPSHOT_TABLES[name] as TableDefinition, names).map((column) => column.name)
    expected.push(`${name}.csv`)
    const header = String(files[`${name}.csv`] ?? '').split('\r\n')[0]
    if (header !== columns.join(',')) throw new Error(`${name}.csv starts with "${header}"; the contract has ${columns.join(',')}`)
  }
  for (const city of (tables.cities ?? []) as SnapshotRecord<'cities'>[]) expected.push(`${CITY_DOWNLOAD_DIR}/${cityDownloadFile(city)}`)
  const written = Object.keys(files).sort()
  if (written.join() !== expected.sort().join()) throw new Error(`The snapshot holds ${written.join(', ')}; the contract has ${expected.join(', ')}`)
  datapackageSchema.parse(JSON.parse(String(files[DATAPACKAGE_FILE])))
  return tables as SnapshotTables
}

/**
 * Two cities, two pillars, one programme with one indicator measured twice (June 45.7, July 200
 * tonnes of a 250 target), two updates (one with a photo), one photo and no scores. The programme's
 * title and summary hold a comma, quotes and a line break, which CSV has to quote.
 */
export function sampleSnapshot(): SnapshotInput {
  const city = (id: string, slug: string, name: string) => ({
    id,
    slug,
    name,
    kind: 'kota' as const,
    province: 'Maluku',
    regionCode: '81.71',
    cohort: '2019' as const,
    profile: { id: paragraph(words(`Profil ${name}`)), en: null },
    masterplan: [] as SnapshotInput['cities'][number]['masterplan'],
    updatedAt: '2023-05-01T00:00:00.000Z',
  })
  const pillar = (id: string, slug: string, order: number, name: string) => ({
    id,
    slug,
    name: text(name, name),
    description: text(null),
    order,
    colour: '#1F7A5C',
    subDimensions: [] as { key: string; name: WrittenText }[],
  })
  const ambon = city('1', 'kota-ambon', 'Kota Ambon')
  const environment = pillar('6', 'smart-environment', 6, 'Lingkungan')
  const snapshot: SnapshotInput = {
    cities: [{ ...ambon, masterplan: [{ book: 'I', year: 2019, url: null }] }, city('2', 'kota-bandung', 'Kota Bandung')],
    dimensions: [
      { ...environment, subDimensions: [{ key: 'waste', name: text('Sampah', 'Waste') }] },
      pillar('1', 'smart-governance', 1, 'Tata Kelola'),
    ],
    programs: [
      {
        id: '10',
        slug: 'daur-ulang',
        city: '1',
        dimension: '6',
        subDimension: 'waste',
        title: text('Daur ulang, "plastik"', 'Recycling'),
        summary: text('Ringkasan\nbaris dua'),
        description: { id: paragraph(words('Uraian')), en: null },
        agency: 'DLH',
        partners: [{ name: 'PT Mitra', kind: 'private' }],
        fundingSources: ['apbd', 'csr'],
        startYear: 2023,
        status: 'ongoing',
        updatedAt: '2023-05-01T00:00:00.000Z',
      },
    ],
    indicators: [
      {
        id: '20',
        program: '10',
        city: '1',
        name: text('Plastik didaur ulang'),
        unit: 'ton',
        baseline: null,
        target: 250,
        targetYear: 2025,
        direction: 'up',
        frequency: 'monthly',
        aggregation: 'per_period',
        createdAt: '2023-05-01T00:00:00.000Z',
      },
    ],
    measurements: [
      { id: '30', indicator: '20', program: '10', city: '1', year: 2023, month: 6, value: 45.7, source: null },
      { id: '31', indicator: '20', program: '10', city: '1', year: 2023, month: 7, value: 200, source: null },
    ],
    updates: [
      {
        id: '40',
        program: '10',
        city: '1',
        date: '2023-05-26T00:00:00.000Z',
        title: text('Diresmikan', 'Opened'),
        body: { id: paragraph(words('Pabrik dibuka.')), en: null },
        photos: ['50'],
      },
      { id: '41', program: null, city: '2', date: '2023-06-13T00:00:00.000Z', title: text('Evaluasi'), body: text(null), photos: [] },
    ],
    media: [
      {
        id: '50',
        alt: text('Pabrik daur ulang', 'Recycling plant'),
        credit: 'Humas',
        url: '/api/media/file/pabrik.webp',
        mimeType: 'image/webp',
        width: 1600,
        height: 900,
        sizes: {
          small: { url: '/api/media/file/pabrik-400.webp', width: 400, height: 225 },
          medium: { url: '/api/media/file/pabrik-768.webp', width: 768, height: 432 },
        },
      },
    ],
    scores: [],
  }
  for (const name of TABLE_NAMES) parseExactly(name, snapshot[name])
  return snapshot
}
