import fs from 'node:fs/promises'
import path from 'node:path'

import { createLocalReq, type Payload, type Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, CONTEXT_FLAGS, REPORT_STATUS, ROLES } from '../../cms/constants.ts'
import { PUBLISH_SITE_TASK } from '../../cms/jobs/publishSite.ts'
import type { Evidence, Program, Review } from '../../cms/payload-types.ts'
import { buildSnapshot } from '../../cms/snapshot/index.ts'
import { loadSnapshot } from '../../site/lib/snapshot.ts'
import { csvRecords, NAME_COLUMNS_OF_ID, parseRfc4180 } from '../helpers/csv.ts'
import { buildFixture, createEvidence, createReport, dimensionData, type Fixture, programData, updateData } from '../helpers/fixture.ts'
import { paragraphs } from '../../seed/lib/richText.ts'
import { pngFile } from '../helpers/files.ts'
import { parseSnapshotFiles } from '../helpers/sampleSnapshot.ts'
import { testPayload } from '../helpers/payload.ts'
import { createUser } from '../helpers/users.ts'

/** Distinctive words for what must never reach the public, searched for in every file written. */
const SECRET = {
  privateProgramme: 'Program Rahasia Internal',
  draftUpdate: 'Kabar Draf Belum Terbit',
  draftEditOfPublished: 'Revisi Draf Yang Belum Terbit',
  updateOfPrivateProgramme: 'Kabar Program Tertutup',
  unacceptedRecommendation: 'Rekomendasi laporan yang belum diterima',
  evidenceDescription: 'Dokumen internal dewan',
  verdictReason: 'Alasan asesor atas berkas publik',
  measurementNote: 'Catatan internal pengukuran',
  personalEmail: 'budi.santoso.pribadi@example.test',
  personalName: 'Budi Santoso Pribadi',
}

const PUBLIC = {
  acceptedRecommendation: 'Perkuat pusat komando',
  mediaAlt: 'Pabrik daur ulang',
}

let payload: Payload
let fixture: Fixture
let scratch: string
let privateProgramme: Program
let acceptedReview: Review
let privateEvidence: Evidence
let publicEvidence: Evidence

const PENDING_PUBLISH: Where = { and: [{ taskSlug: { equals: PUBLISH_SITE_TASK } }, { completedAt: { exists: false } }] }
const pendingPublishJobs = () => payload.count({ collection: 'payload-jobs', where: PENDING_PUBLISH })
/** The inputs of the publish jobs not yet run: the cities each reads again (null: everything). */
const pendingPublishInputs = async () => (await payload.find({ collection: 'payload-jobs', where: PENDING_PUBLISH, depth: 0 })).docs.map((job) => job.input)

/** Every file of the snapshot folder by its path in it: text as text, the per-city ZIPs byte for byte as Latin-1. */
async function readAll(dir: string): Promise<Record<string, string>> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true })
  const names = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
  const contents = await Promise.all(
    names.map((name) => (name.endsWith('.zip') ? fs.readFile(path.join(dir, name)).then((bytes) => bytes.toString('latin1')) : fs.readFile(path.join(dir, name), 'utf8'))),
  )
  return Object.fromEntries(names.map((name, index) => [name, contents[index]]))
}

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
  scratch = process.env.PANTAU_SCRATCH_DIR as string

  // A person with personal data who touches public records: a council member of city A.
  const person = await createUser(payload, ROLES.council, [fixture.cityA.id])
  await payload.update({
    collection: COLLECTIONS.users,
    id: person.id,
    data: { email: SECRET.personalEmail, name: SECRET.personalName },
  })
  const council = { ...person, email: SECRET.personalEmail, name: SECRET.personalName }

  privateProgramme = await payload.create({
    collection: COLLECTIONS.programs,
    data: { ...programData(fixture.cityA, fixture.dimension, false), title: SECRET.privateProgramme },
  })
  await payload.create({
    collection: COLLECTIONS.updates,
    data: { ...updateData(fixture.programs.publicA), title: SECRET.draftUpdate, _status: 'draft' },
    draft: true,
    user: council,
    overrideAccess: false,
  })
  // A published update whose later edit is only a draft: the public keeps the published words.
  await payload.update({
    collection: COLLECTIONS.updates,
    id: fixture.updates.published.id,
    data: { title: SECRET.draftEditOfPublished },
    draft: true,
    user: council,
    overrideAccess: false,
  })
  await payload.create({
    collection: COLLECTIONS.updates,
    data: { ...updateData(privateProgramme), title: SECRET.updateOfPrivateProgramme, _status: 'published' },
  })

  privateEvidence = await createEvidence(payload, fixture.cityA, fixture.reports.a, { uploadedBy: person.id })
  await payload.update({
    collection: COLLECTIONS.evidence,
    id: privateEvidence.id,
    data: { description: SECRET.evidenceDescription },
  })
  publicEvidence = fixture.evidence.publicA
  // A public file's verdict belongs to the review, not to the public.
  await payload.update({
    collection: COLLECTIONS.evidenceUses,
    id: fixture.uses.publicA.id,
    data: { verdict: 'rejected', verdictReason: SECRET.verdictReason },
  })
  await payload.update({
    collection: COLLECTIONS.cities,
    id: fixture.cityA.id,
    data: {
      masterplan: [
        { book: 'I', year: 2019, document: privateEvidence.id },
        { book: 'II', year: 2019, document: publicEvidence.id },
      ],
    },
  })
  await payload.update({
    collection: COLLECTIONS.measurements,
    id: fixture.measurements.publicA.id,
    data: { note: SECRET.measurementNote, evidence: [privateEvidence.id] },
  })

  // The fixture's review is marked published, but its report is still a draft: not accepted.
  await payload.update({
    collection: COLLECTIONS.reviews,
    id: fixture.review.id,
    data: { recommendations: paragraphs(SECRET.unacceptedRecommendation), overall: 2.5 },
  })
  const acceptedReport = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.accepted)
  acceptedReview = await payload.create({
    collection: COLLECTIONS.reviews,
    data: {
      report: acceptedReport.id,
      assessor: fixture.users.assessorA.id,
      status: 'completed',
      scores: [{ question: 'G1', score: 4, comment: 'Komentar kerja asesor' }],
      dimensionScores: [{ key: 'output', score: 4 }],
      pillarScores: [{ pillar: fixture.dimension.id, score: 4.25 }],
      overall: 3.8,
      recommendations: paragraphs(PUBLIC.acceptedRecommendation),
      published: true,
    },
  })

  await payload.create({
    collection: COLLECTIONS.media,
    data: { alt: PUBLIC.mediaAlt, credit: 'Pemkot Ambon' },
    file: await pngFile('pabrik.png', 900, 600),
    user: council,
    overrideAccess: false,
  })
})

describe('the publish snapshot', () => {
  let dir: string
  let files: Record<string, string>
  let everything: string

  beforeAll(async () => {
    dir = path.join(scratch, 'snapshot-direct')
    await buildSnapshot(payload, { dir })
    files = await readAll(dir)
    everything = Object.values(files).join('\n')
  })

  it.each(Object.entries(SECRET))('holds nothing of %s', (_what, words) => {
    expect(everything).not.toContain(words)
  })

  it('holds no e-mail address, user name or user reference of anyone', async () => {
    const users = await payload.find({ collection: COLLECTIONS.users, pagination: false })
    expect(users.docs.length).toBeGreaterThan(5)
    for (const user of users.docs) {
      expect(everything).not.toContain(user.email)
      if (user.name) expect(everything).not.toContain(user.name)
    }
    expect(everything).not.toMatch(/@example\.test|"(uploadedBy|assessor|createdBy|updatedBy|email|hash|salt)"/)
  })

  it('holds no private programme, nor its indicators and measurements', () => {
    const programs = JSON.parse(files['programs.json']) as { id: string }[]
    const ids = programs.map((program) => program.id)
    expect(ids).toEqual(expect.arrayContaining([String(fixture.programs.publicA.id), String(fixture.programs.publicB.id)]))
    for (const hidden of [fixture.programs.privateA, fixture.programs.privateB, privateProgramme]) {
      expect(ids).not.toContain(String(hidden.id))
    }
    const indicators = (JSON.parse(files['indicators.json']) as { id: string }[]).map((indicator) => indicator.id)
    expect(indicators).toContain(String(fixture.indicators.publicA.id))
    expect(indicators).not.toContain(String(fixture.indicators.privateA.id))
    expect(indicators).not.toContain(String(fixture.indicators.privateB.id))
    const measurements = (JSON.parse(files['measurements.json']) as { id: string }[]).map((row) => row.id)
    expect(measurements).toContain(String(fixture.measurements.publicA.id))
    expect(measurements).not.toContain(String(fixture.measurements.privateA.id))
    expect(measurements).not.toContain(String(fixture.measurements.privateB.id))
  })

  it('holds published updates in their published words only', () => {
    const updates = JSON.parse(files['updates.json']) as { id: string; title: { id: string } }[]
    expect(updates.map((update) => update.id)).toEqual([String(fixture.updates.published.id)])
    expect(updates[0].title.id).toBe(fixture.updates.published.title)
  })

  it('holds the public media with their addresses and alt text, and no uploader', () => {
    const media = JSON.parse(files['media.json']) as Record<string, unknown>[]
    const photo = media.find((item) => (item.alt as { id: string }).id === PUBLIC.mediaAlt)
    expect(photo).toMatchObject({ credit: 'Pemkot Ambon', url: expect.stringContaining('/api/media/file/') })
    expect(Object.keys(photo!.sizes as object)).toEqual(expect.arrayContaining(['thumbnail', 'card']))
    expect(photo).not.toHaveProperty('uploadedBy')
  })

  it('links a masterplan book only when its document is public', () => {
    const cities = JSON.parse(files['cities.json']) as { id: string; masterplan: { book: string; url: string | null }[] }[]
    const cityA = cities.find((city) => city.id === String(fixture.cityA.id))!
    expect(cityA.masterplan).toEqual([
      { book: 'I', year: 2019, url: null },
      { book: 'II', year: 2019, url: expect.stringContaining(publicEvidence.filename!) },
    ])
    expect(everything).not.toContain(privateEvidence.filename!)
  })

  it('holds the scores of accepted evaluations only, without per-question working papers', () => {
    const scores = JSON.parse(files['scores.json']) as Record<string, unknown>[]
    expect(scores.map((score) => score.id)).toEqual([String(acceptedReview.id)])
    const period = acceptedReview.period as number | { id: number }
    expect(scores[0]).toMatchObject({
      report: String(acceptedReview.report && typeof acceptedReview.report === 'object' ? acceptedReview.report.id : acceptedReview.report),
      period: String(typeof period === 'object' ? period.id : period),
      periodYear: 2023,
      periodTitle: { id: expect.stringMatching(/\S/) },
      overall: 3.8,
      dimensionScores: [{ key: 'output', score: 4 }],
      pillarScores: [{ pillar: String(fixture.dimension.id), score: 4.25 }],
    })
    expect(everything).toContain(PUBLIC.acceptedRecommendation)
    expect(everything).not.toContain('Komentar kerja asesor')
  })

  it('lists every file it wrote in datapackage.json, with licence and date', () => {
    const datapackage = JSON.parse(files['datapackage.json'])
    // The per-city ZIPs repeat the listed tables city by city; they are not resources of their own.
    const written = Object.keys(files).filter((name) => name !== 'datapackage.json' && !name.startsWith('kota/')).sort()
    expect(datapackage.resources.map((resource: { path: string }) => resource.path).sort()).toEqual(written)
    expect(written).toEqual(expect.arrayContaining(['cities.csv', 'programs.csv', 'indicators.csv', 'measurements.csv']))
    expect(datapackage.licenses).toEqual([expect.objectContaining({ name: 'CC-BY-4.0' })])
    expect(Date.parse(datapackage.created)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('writes each CSV with the header of its table schema and one line per JSON record', () => {
    const datapackage = JSON.parse(files['datapackage.json'])
    const tables = datapackage.resources.filter((resource: { format: string }) => resource.format === 'csv')
    expect(tables).toHaveLength(6)
    for (const table of tables as { path: string; schema: { fields: { name: string }[] } }[]) {
      const lines = files[table.path].split('\r\n')
      expect(lines[0].split(','), table.path).toEqual(table.schema.fields.map((field) => field.name))
      const records = JSON.parse(files[table.path.replace('.csv', '.json')]) as unknown[]
      // No field of these tables holds a line break in the fixture, so one record is one line.
      expect(lines.length - 2, table.path).toBe(records.length)
    }
  })

  it('writes beside every id column of every CSV the name of what it points at', () => {
    const csvFiles = Object.keys(files).filter((name) => name.endsWith('.csv'))
    expect(csvFiles).toHaveLength(6)
    for (const file of csvFiles) {
      const records = csvRecords(files[file])
      const header = parseRfc4180(files[file])[0]
      for (const idColumn of header.filter((column) => column in NAME_COLUMNS_OF_ID)) {
        for (const nameColumn of NAME_COLUMNS_OF_ID[idColumn]) {
          expect(header, `${file}: ${idColumn} without ${nameColumn}`).toContain(nameColumn)
          if (nameColumn.endsWith('_en')) continue
          for (const record of records) if (record[idColumn]) expect(record[nameColumn], `${file} ${record.id} ${nameColumn}`).not.toBe('')
        }
      }
    }
  })

  it('writes every file exactly as the snapshot contract defines it', () => {
    const tables = parseSnapshotFiles(files)
    expect(tables.programs.map((program) => program.id)).toContain(String(fixture.programs.publicA.id))
    expect(tables.scores.map((score) => score.id)).toEqual([String(acceptedReview.id)])
  })

  it('matches the schema the site loads it with', async () => {
    const snapshot = await loadSnapshot(dir)
    expect(snapshot.programs.map((program) => program.id)).toContain(String(fixture.programs.publicA.id))
  })
})

describe('the publish-site job', () => {
  const jobDir = () => process.env.SNAPSHOT_DIR as string
  const previousDir = process.env.SNAPSHOT_DIR

  beforeAll(async () => {
    process.env.SNAPSHOT_DIR = path.join(scratch, 'snapshot-job')
    // Changes made while building the fixture queued a job already; start from an empty queue.
    await payload.jobs.run()
  })
  afterAll(() => {
    if (previousDir === undefined) delete process.env.SNAPSHOT_DIR
    else process.env.SNAPSHOT_DIR = previousDir
  })

  it('is queued once by changes to public records, and writes the snapshot when run', async () => {
    await fs.rm(jobDir(), { recursive: true, force: true })
    const headline = 'Kabar baru: pabrik beroperasi penuh'
    await payload.create({
      collection: COLLECTIONS.updates,
      data: { ...updateData(fixture.programs.publicA), title: headline, _status: 'published' },
      user: fixture.users.councilA,
      overrideAccess: false,
    })
    await payload.update({
      collection: COLLECTIONS.measurements,
      id: fixture.measurements.publicA.id,
      data: { value: 130 },
      user: fixture.users.councilA,
      overrideAccess: false,
    })
    expect((await pendingPublishJobs()).totalDocs).toBe(1)

    await payload.jobs.run()

    expect((await pendingPublishJobs()).totalDocs).toBe(0)
    const snapshot = await loadSnapshot(jobDir())
    expect(snapshot.updates.map((update) => update.title.id)).toContain(headline)
    expect(snapshot.measurements.find((row) => row.id === String(fixture.measurements.publicA.id))?.value).toBe(130)
  })

  it('reads as the public even when a signed-in secretariat runs the queue', async () => {
    await payload.update({ collection: COLLECTIONS.cities, id: fixture.cityB.id, data: { province: 'Papua' } })
    const req = await createLocalReq({ user: { ...fixture.users.secretariat, collection: 'users' } }, payload)
    await payload.jobs.run({ req, overrideAccess: false })
    const files = await readAll(jobDir())
    expect(files['cities.json']).toContain('Papua')
    expect(Object.values(files).join('\n')).not.toContain(SECRET.privateProgramme)
  })

  it('is not queued by changes the public never sees', async () => {
    await payload.update({
      collection: COLLECTIONS.programs,
      id: privateProgramme.id,
      data: { agency: 'Bappeda' },
      user: fixture.users.councilA,
      overrideAccess: false,
    })
    await payload.create({
      collection: COLLECTIONS.updates,
      data: { ...updateData(fixture.programs.publicA), _status: 'draft' },
      draft: true,
      user: fixture.users.councilA,
      overrideAccess: false,
    })
    expect((await pendingPublishJobs()).totalDocs).toBe(0)
  })

  it('is queued when a public programme becomes private', async () => {
    const programme = await payload.create({
      collection: COLLECTIONS.programs,
      data: programData(fixture.cityA, fixture.dimension, true),
      context: { [CONTEXT_FLAGS.skipPublish]: true },
    })
    expect((await pendingPublishJobs()).totalDocs).toBe(0)
    await payload.update({ collection: COLLECTIONS.programs, id: programme.id, data: { isPublic: false } })
    expect((await pendingPublishJobs()).totalDocs).toBe(1)
    await payload.jobs.run()
  })

  it('reads no city again for a pillar saved, and everything for a pillar deleted', async () => {
    const pillar = await payload.create({
      collection: COLLECTIONS.dimensions,
      data: dimensionData(),
      context: { [CONTEXT_FLAGS.skipPublish]: true },
    })
    await payload.update({ collection: COLLECTIONS.dimensions, id: pillar.id, data: { description: 'Sementara' } })
    expect(await pendingPublishInputs()).toEqual([{ cities: [] }])
    // A city's change while that job waits adds the city; the tables of no city are read anyway.
    await payload.update({ collection: COLLECTIONS.cities, id: fixture.cityA.id, data: { province: 'Maluku' } })
    expect(await pendingPublishInputs()).toEqual([{ cities: [fixture.cityA.id] }])
    await payload.jobs.run()
    // A deleted pillar may still be named by rows of a city's tables: everything is read again.
    await payload.delete({ collection: COLLECTIONS.dimensions, id: pillar.id })
    expect(await pendingPublishInputs()).toEqual([{ cities: null }])
    await payload.jobs.run()
  })

  it('is not queued when the change asks to skip publishing, as the seed does', async () => {
    await payload.update({
      collection: COLLECTIONS.cities,
      id: fixture.cityA.id,
      data: { province: 'Maluku Utara' },
      context: { [CONTEXT_FLAGS.skipPublish]: true },
    })
    expect((await pendingPublishJobs()).totalDocs).toBe(0)
  })

  it('may be queued through the API by the secretariat only', async () => {
    const as = async (user: Fixture['users'][keyof Fixture['users']]) =>
      payload.jobs.queue({
        task: PUBLISH_SITE_TASK,
        input: {},
        overrideAccess: false,
        req: await createLocalReq({ user }, payload),
      })
    await expect(as(fixture.users.councilA)).rejects.toMatchObject({ status: 403 })
    await expect(as(fixture.users.assessorA)).rejects.toMatchObject({ status: 403 })
    await expect(as(fixture.users.secretariat)).resolves.toMatchObject({ taskSlug: PUBLISH_SITE_TASK })
    await payload.jobs.run()
  })
})
