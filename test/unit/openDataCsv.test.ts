/**
 * The open data as a person opens it in a spreadsheet: every id column has the names beside it,
 * periods and dates are ISO, the package has a README that lists every column, and each city's
 * download holds only that city's rows.
 */
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it, vi } from 'vitest'

import { SNAPSHOT_TABLES, TABLE_NAMES } from '../../cms/contract/index.ts'
import { snapshotFiles } from '../../cms/snapshot/files.ts'
import { csvRecords, NAME_COLUMNS_OF_ID } from '../helpers/csv.ts'
import { sampleSnapshot } from '../helpers/sampleSnapshot.ts'

/** The sample snapshot with one accepted score of Ambon, so scores.csv has a row to check. */
function snapshotWithScore() {
  const snapshot = sampleSnapshot()
  snapshot.scores.push({
    id: '60',
    report: '61',
    city: '1',
    period: '62',
    periodYear: 2022,
    periodTitle: { id: 'Evaluasi Smart City 2022', en: 'Smart City Evaluation 2022' },
    overall: 2.95,
    dimensionScores: [{ key: 'output', score: 3 }],
    pillarScores: [{ pillar: '6', score: 2.9 }],
    recommendations: { id: null, en: null },
  })
  return snapshot
}
const written = () => snapshotFiles(snapshotWithScore(), new Date('2024-01-02T03:04:05Z'))
const files = Object.fromEntries(written().map((file) => [file.path, file.content]))
const csvFiles = Object.keys(files).filter((file) => file.endsWith('.csv'))
const text = (file: string) => String(files[file])

describe('each CSV file of the snapshot', () => {
  it('is one of the contract tables', () => {
    expect(csvFiles.sort()).toEqual(TABLE_NAMES.filter((name) => SNAPSHOT_TABLES[name].csv).map((name) => `${name}.csv`).sort())
  })

  it.each(csvFiles)('%s has a filled name column beside every id column', (file) => {
    const records = csvRecords(text(file))
    expect(records.length).toBeGreaterThan(0)
    const header = Object.keys(records[0])
    const idColumns = header.filter((column) => column in NAME_COLUMNS_OF_ID)
    for (const idColumn of idColumns) {
      for (const nameColumn of NAME_COLUMNS_OF_ID[idColumn]) {
        expect(header, `${file}: ${idColumn} without ${nameColumn}`).toContain(nameColumn)
        for (const record of records) {
          if (record[idColumn] === '') continue
          // English may be missing where nobody translated yet; the Indonesian name may not.
          if (nameColumn.endsWith('_en')) continue
          expect(record[nameColumn], `${file} row ${record.id}: ${nameColumn}`).not.toBe('')
        }
      }
    }
  })

  it('names the city, programme, indicator and unit of a measurement, and its period in ISO', () => {
    const [june] = csvRecords(text('measurements.csv'))
    expect(june).toMatchObject({
      city: '1',
      cityName: 'Kota Ambon',
      cityCode: '81.71',
      programTitle_id: 'Daur ulang, "plastik"',
      programTitle_en: 'Recycling',
      indicatorName_id: 'Plastik didaur ulang',
      unit: 'ton',
      isoPeriod: '2023-06',
      value: '45.7',
    })
  })

  it("gives each accepted result a column per pillar, in the pillars' order, empty where the pillar has no score", () => {
    const [ambon2022] = csvRecords(text('scores.csv'))
    const header = Object.keys(ambon2022)
    expect(header.slice(header.indexOf('index'))).toEqual(['index', 'pillar_smart-governance', 'pillar_smart-environment'])
    expect(ambon2022).toMatchObject({ cityName: 'Kota Ambon', index: '2.95', 'pillar_smart-governance': '', 'pillar_smart-environment': '2.9' })
    const datapackage = JSON.parse(text('datapackage.json')) as { resources: { path: string; schema?: { fields: { name: string; type: string; description: string }[] } }[] }
    const field = datapackage.resources.find((resource) => resource.path === 'scores.csv')?.schema?.fields.find((entry) => entry.name === 'pillar_smart-environment')
    expect(field).toMatchObject({ type: 'number', description: expect.stringMatching(/^Skor pilar Lingkungan \/ Score of the pillar Lingkungan \(dimensions\.id 6\), 1-5/) })
  })

  it('describes every column, added name columns included, in the data package', () => {
    const datapackage = JSON.parse(text('datapackage.json')) as { resources: { path: string; schema?: { fields: { name: string; description: string }[] } }[] }
    for (const file of csvFiles) {
      const fields = datapackage.resources.find((resource) => resource.path === file)?.schema?.fields ?? []
      expect(fields.map((field) => field.name)).toEqual(Object.keys(csvRecords(text(file))[0]))
      for (const field of fields) expect(field.description, `${file} ${field.name}`).not.toBe('')
    }
  })
})

describe('the README of the package', () => {
  it('credits the source of the region codes and names, as its licence (ODbL) asks', () => {
    expect(text('README.md')).toMatch(/^Sumber \/ Source: .*idn-area-data.*Open Database License 1\.0.*, https:\/\/github\.com\/fityannugroho\/idn-area-data$/m)
  })

  it('lists every column of every CSV file with its meaning', () => {
    const readme = text('README.md')
    for (const file of csvFiles) {
      expect(readme).toContain(`## ${file}`)
      for (const column of Object.keys(csvRecords(text(file))[0])) expect(readme).toContain(`| \`${column}\` |`)
    }
  })
})

describe("a city's download", () => {
  const unzip = (file: string) => {
    const entries = unzipSync(files[file] as Uint8Array)
    return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]))
  }

  it('holds only its own rows of every table, with the names', () => {
    const ambon = unzip('kota/kota-ambon.zip')
    expect(Object.keys(ambon).sort()).toEqual([...csvFiles, 'README.md'].sort())
    expect(csvRecords(ambon['cities.csv']).map((row) => row.name)).toEqual(['Kota Ambon'])
    const measurements = csvRecords(ambon['measurements.csv'])
    expect(measurements).toHaveLength(2)
    expect(new Set(measurements.map((row) => row.cityName))).toEqual(new Set(['Kota Ambon']))
    // The pillars are what its rows name: they go whole into each download.
    expect(csvRecords(ambon['dimensions.csv'])).toHaveLength(2)
    expect(ambon['README.md']).toMatch(/^Kota Ambon \(81\.71\)/)
  })

  it('of a city without programmes holds its own row and empty tables', () => {
    const bandung = unzip('kota/kota-bandung.zip')
    expect(csvRecords(bandung['cities.csv']).map((row) => row.name)).toEqual(['Kota Bandung'])
    expect(csvRecords(bandung['measurements.csv'])).toEqual([])
    expect(bandung['measurements.csv'].startsWith('id,indicator,')).toBe(true)
  })

  it('after a change to one city, is what a fresh process writes: that city with the change, the others as before', async () => {
    const changed = snapshotWithScore()
    changed.measurements[0] = { ...changed.measurements[0], value: 46.5 }
    const at = new Date('2024-01-02T03:04:05Z')
    // This module has deflated every table of the snapshot before the change (`written` above).
    const warm = snapshotFiles(changed, at)
    vi.resetModules()
    const fresh = (await import('../../cms/snapshot/files.ts')).snapshotFiles(changed, at)
    const zips = (list: typeof warm) => list.filter((file) => file.path.endsWith('.zip'))
    expect(zips(warm).map((file) => file.path)).toEqual(zips(fresh).map((file) => file.path))
    for (const [index, file] of zips(warm).entries()) {
      expect(Buffer.from(file.content as Uint8Array).equals(Buffer.from(zips(fresh)[index].content as Uint8Array)), file.path).toBe(true)
    }
    const ambon = zips(warm).find((file) => file.path === 'kota/kota-ambon.zip')?.content as Uint8Array
    expect(Buffer.from(ambon).equals(Buffer.from(files['kota/kota-ambon.zip'] as Uint8Array))).toBe(false)
    const measurements = csvRecords(strFromU8(unzipSync(ambon)['measurements.csv']))
    expect(measurements.map((row) => row.value)).toContain('46.5')
    const bandung = zips(warm).find((file) => file.path === 'kota/kota-bandung.zip')?.content as Uint8Array
    expect(Buffer.from(bandung).equals(Buffer.from(files['kota/kota-bandung.zip'] as Uint8Array))).toBe(true)
  })

  it('is the same bytes for the same snapshot', () => {
    const again = written().find((file) => file.path === 'kota/kota-ambon.zip')
    expect(Buffer.from(again?.content as Uint8Array).equals(Buffer.from(files['kota/kota-ambon.zip'] as Uint8Array))).toBe(true)
  })
})
