/**
 * Publishing at national size: a snapshot with more public measurements than SQLite takes variables
 * in one statement (32,766), and a change to one city republished by re-reading that city only,
 * giving the same files as a full rebuild. The data is the synthetic set of a few real cities, with
 * one indicator's series made long by bulk inserts (the Local API would take minutes for 33,000 rows).
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS } from '../../cms/constants.ts'
import { PUBLISH_SITE_TASK } from '../../cms/jobs/publishSite.ts'
import { buildSnapshot } from '../../cms/snapshot/index.ts'
import { insertMeasurements, type MeasurementRow, seedSynthetic } from '../../seed/scenarios/synthetic.ts'
import { onMongo } from '../helpers/engine.ts'
import { testPayload } from '../helpers/payload.ts'

const SQLITE_MAX_VARIABLES = 32_766
const EXTRA = SQLITE_MAX_VARIABLES + 1_000
const NOW = new Date('2026-01-02T03:04:05.000Z')

let payload: Payload
let scratch: string
/** The full snapshot of the large data set, built once: both tests start from it. */
let largeDir: string
let large: Awaited<ReturnType<typeof buildSnapshot>>

/** Every file of a snapshot folder, subfolders too (the per-city ZIPs, compared by their bytes). */
async function readAll(dir: string): Promise<Record<string, string>> {
  const entries = (await fs.readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
  const names = entries.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort()
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await fs.readFile(path.join(dir, name), name.endsWith('.zip') ? 'base64' : 'utf8')] as const)),
  )
}

// SQLite's limit on variables per statement is what this file is about; MongoDB has none.
beforeAll(async () => {
  if (onMongo) return
  payload = await testPayload()
  scratch = process.env.PANTAU_SCRATCH_DIR as string
  await seedSynthetic(payload, { cities: 3, years: 2, seed: 7, lastYear: 2025 })
  const [indicator] = (
    await payload.find({ collection: COLLECTIONS.indicators, where: { frequency: { equals: 'monthly' } }, sort: 'id', limit: 1, depth: 0 })
  ).docs
  const program = await payload.findByID({ collection: COLLECTIONS.programs, id: indicator.program as number, depth: 0 })
  expect(program.isPublic).toBe(true)
  const rows: MeasurementRow[] = Array.from({ length: EXTRA }, (_, n) => ({
    indicator: indicator.id,
    program: program.id,
    city: program.city as number,
    year: 2000 + Math.floor(n / 12) % 100,
    month: (n % 12) + 1,
    value: n,
    source: 'bulk',
  }))
  await insertMeasurements(await createLocalReq({}, payload), rows)
  largeDir = path.join(scratch, 'large')
  large = await buildSnapshot(payload, { dir: largeDir, now: NOW })
}, 600_000)

describe.skipIf(onMongo)('publishing at national size', () => {
  it('publishes more public measurements than SQLite takes variables in one statement, and none of a private programme', async () => {
    expect(large.counts.measurements).toBeGreaterThan(SQLITE_MAX_VARIABLES)

    const published = JSON.parse(await fs.readFile(path.join(largeDir, 'measurements.json'), 'utf8')) as { id: string; program: string }[]
    const { docs: privateProgrammes } = await payload.find({ collection: COLLECTIONS.programs, where: { isPublic: { equals: false } }, pagination: false, depth: 0 })
    expect(privateProgrammes.length).toBeGreaterThan(0)
    const hidden = new Set(privateProgrammes.map((doc) => String(doc.id)))
    expect(published.filter((row) => hidden.has(row.program))).toEqual([])
    const { totalDocs: publicCount } = await payload.count({ collection: COLLECTIONS.measurements, where: { 'program.isPublic': { equals: true } } })
    expect(published).toHaveLength(publicCount)
    // In id order, each once: the pages joined without gaps or overlaps.
    expect(new Set(published.map((row) => row.id)).size).toBe(published.length)
    expect(published.map((row) => Number(row.id))).toEqual(published.map((row) => Number(row.id)).sort((a, b) => a - b))
  })

  it("republishes a city's programme made public by re-reading that city only, with the same files as a full rebuild", async () => {
    const partialDir = path.join(scratch, 'partial')
    const fullDir = path.join(scratch, 'full')
    await fs.cp(largeDir, partialDir, { recursive: true })
    const [hidden] = (await payload.find({ collection: COLLECTIONS.programs, where: { isPublic: { equals: false } }, sort: '-id', limit: 1, depth: 0 })).docs
    const before = await readAll(partialDir)
    expect(before['programs.json']).not.toContain(`"id":"${hidden.id}"`)

    await payload.update({ collection: COLLECTIONS.programs, id: hidden.id, data: { isPublic: true }, depth: 0 })
    // The change queued one publish for its city only.
    const { docs: jobs } = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: PUBLISH_SITE_TASK } }, depth: 0 })
    expect(jobs.map((job) => job.input)).toEqual([{ cities: [hidden.city] }])

    const partial = await buildSnapshot(payload, { dir: partialDir, now: NOW, cities: [hidden.city as number] })
    expect(partial.partial).toBe(true)
    await buildSnapshot(payload, { dir: fullDir, now: NOW })
    const [partialFiles, fullFiles] = await Promise.all([readAll(partialDir), readAll(fullDir)])
    expect(Object.keys(partialFiles)).toEqual(Object.keys(fullFiles))
    for (const name of Object.keys(fullFiles)) expect(partialFiles[name], name).toBe(fullFiles[name])
    expect(partialFiles['programs.json']).toContain(`"id":"${hidden.id}"`)
    expect(partialFiles['measurements.json']).not.toBe(before['measurements.json'])
  })
})
