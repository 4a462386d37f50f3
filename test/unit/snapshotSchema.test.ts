import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { csvNames } from '../../cms/contract/index.ts'
import type { Snapshot } from '../../cms/snapshot/build.ts'
import { csvTables, snapshotFiles } from '../../cms/snapshot/files.ts'
import { writeSnapshotFolder } from '../../cms/snapshot/index.ts'
import { loadSnapshot, SnapshotError } from '../../site/lib/snapshot.ts'
import { sampleSnapshot } from '../helpers/sampleSnapshot.ts'

let root: string
let dir: string
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'pantau-snapshot-'))
  dir = path.join(root, 'snapshot')
})
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

const write = (snapshot: Snapshot) => writeSnapshotFolder(dir, snapshotFiles(snapshot, new Date('2024-01-02T03:04:05Z')))
const rewrite = async (file: string, change: (records: Record<string, unknown>[]) => void) => {
  const records = JSON.parse(await fs.readFile(path.join(dir, file), 'utf8'))
  change(records)
  await fs.writeFile(path.join(dir, file), JSON.stringify(records))
}

describe('loadSnapshot', () => {
  it('reads a snapshot the CMS wrote, with its creation date', async () => {
    await write(sampleSnapshot())
    const snapshot = await loadSnapshot(dir)
    expect(snapshot.created).toBe('2024-01-02T03:04:05.000Z')
    expect(snapshot.programs[0].title).toEqual({ id: 'Daur ulang, "plastik"', en: 'Recycling' })
    expect(snapshot.measurements[0]).toMatchObject({ indicator: '20', month: 6, value: 45.7 })
  })

  it('names the file and the path of a field of the wrong type', async () => {
    await write(sampleSnapshot())
    await rewrite('measurements.json', (records) => {
      records[0].value = 'banyak'
    })
    const error = await loadSnapshot(dir).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SnapshotError)
    expect((error as Error).message).toContain(`${path.join(dir, 'measurements.json')} at [0].value:`)
  })

  it('names the file and the path of a missing bilingual title', async () => {
    await write(sampleSnapshot())
    await rewrite('programs.json', (records) => {
      records[0].title = { id: null, en: null }
    })
    await expect(loadSnapshot(dir)).rejects.toThrow(/programs\.json at \[0\]\.title: .*at least one language/)
  })

  it('names a value outside the allowed set', async () => {
    await write(sampleSnapshot())
    await rewrite('cities.json', (records) => {
      records[0].cohort = '2016'
    })
    await expect(loadSnapshot(dir)).rejects.toThrow(/cities\.json at \[0\]\.cohort:/)
  })

  it('names a reference to a record the snapshot does not hold', async () => {
    await write(sampleSnapshot())
    await rewrite('measurements.json', (records) => {
      records[0].indicator = '999'
    })
    await expect(loadSnapshot(dir)).rejects.toThrow(/measurements\.json at \[0\]\.indicator: "999" is not in indicators\.json/)
  })

  it('names a missing file and says how to make one', async () => {
    await write(sampleSnapshot())
    await fs.rm(path.join(dir, 'updates.json'))
    await expect(loadSnapshot(dir)).rejects.toThrow(/Snapshot file missing: .*updates\.json.*npm run snapshot/)
  })

  it('names a file that is not JSON', async () => {
    await write(sampleSnapshot())
    await fs.writeFile(path.join(dir, 'media.json'), '[{"id": ')
    await expect(loadSnapshot(dir)).rejects.toThrow(/not valid JSON: .*media\.json/)
  })
})

describe('snapshot files', () => {
  it('lists every file it writes in datapackage.json, with a licence and a creation date', () => {
    const files = snapshotFiles(sampleSnapshot(), new Date('2024-01-02T03:04:05Z'))
    const datapackage = JSON.parse(files.find((file) => file.path === 'datapackage.json')!.content as string)
    expect(datapackage.licenses[0].name).toBe('CC-BY-4.0')
    expect(datapackage.created).toBe('2024-01-02T03:04:05.000Z')
    const listed = datapackage.resources.map((resource: { path: string }) => resource.path).sort()
    // The per-city ZIPs repeat the listed tables' rows city by city; they are not resources of their own.
    const cityDownloads = files.filter((file) => file.path.startsWith('kota/'))
    expect(cityDownloads.map((file) => file.path).sort()).toEqual(['kota/kota-ambon.zip', 'kota/kota-bandung.zip'])
    expect(listed).toEqual(files.map((file) => file.path).filter((file) => file !== 'datapackage.json' && !file.startsWith('kota/')).sort())
  })

  it.each(csvTables(csvNames(sampleSnapshot())).map((table) => [table.name]))('writes the %s.csv header in the order of its table schema', (name) => {
    const files = snapshotFiles(sampleSnapshot(), new Date())
    const datapackage = JSON.parse(files.find((file) => file.path === 'datapackage.json')!.content as string)
    const resource = datapackage.resources.find((entry: { path: string }) => entry.path === `${name}.csv`)
    const header = files.find((file) => file.path === `${name}.csv`)!.content.toString().split('\r\n')[0]
    expect(header.split(',')).toEqual(resource.schema.fields.map((field: { name: string }) => field.name))
  })

  it('replaces a previous snapshot whole and leaves no working folders behind', async () => {
    await fs.mkdir(dir, { recursive: true })
    await fs.writeFile(path.join(dir, 'stale.json'), '[]')
    await write(sampleSnapshot())
    const names = await fs.readdir(dir)
    expect(names).not.toContain('stale.json')
    expect(names).toContain('datapackage.json')
    expect(await fs.readdir(root)).toEqual(['snapshot'])
    expect((await fs.stat(dir)).mode & 0o777).toBe(0o755)
  })
})
