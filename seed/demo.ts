import {
  createLocalReq,
  type DataFromCollectionSlug,
  type Payload,
  type RequiredDataFromCollectionSlug,
  type Where,
} from 'payload'

import { COLLECTIONS, CONTEXT_FLAGS, type Locale, REPORT_STATUS, REVIEW_STATUS, ROLES } from '../cms/constants.ts'
import { queuePublishSite } from '../cms/hooks/enqueuePublishSite.ts'
import { demoAccountsAllowed } from '../cms/hooks/refuseDemoLoginInProduction.ts'
import type { Measurement, Period } from '../cms/payload-types.ts'
import { DEMO_ACCOUNTS, DEMO_ASSESSOR_EMAIL } from './data/accounts.ts'
import { AMBON, CITIES, cityName } from './data/cities.ts'
import { DIMENSIONS } from './data/dimensions.ts'
import { AMBON_COUNCIL_EMAIL, AMBON_REPORT, AMBON_SUBMITTED_AT, PERIOD, reportTitle } from './data/evaluation.ts'
import { PERIOD_2022, type Result2022, RESULTS_2022 } from './data/evaluation2022.ts'
import { AMBON_EVIDENCE } from './data/evidence.ts'
import { INSTRUMENT } from './data/instrument.ts'
import { type IndicatorSeed, PROGRAMS } from './data/programs.ts'
import { UPDATES, type UpdateSeed } from './data/updates.ts'
import { type Bilingual, carryRowIds, hasBilingual, inLocale, type Seedable } from './lib/bilingual.ts'
import { evidenceFile } from './lib/evidenceFile.ts'
import { sceneImage } from './lib/photo.ts'

/** The collections the demo seed writes, in the order it writes them. */
export const SEEDED_COLLECTIONS = [
  COLLECTIONS.dimensions,
  COLLECTIONS.cities,
  COLLECTIONS.users,
  COLLECTIONS.programs,
  COLLECTIONS.indicators,
  COLLECTIONS.measurements,
  COLLECTIONS.media,
  COLLECTIONS.updates,
  COLLECTIONS.instruments,
  COLLECTIONS.periods,
  COLLECTIONS.reports,
  COLLECTIONS.evidence,
  COLLECTIONS.reviews,
] as const

export type SeededCollection = (typeof SEEDED_COLLECTIONS)[number]
export type SeedTally = { created: number; updated: number; unchanged: number }

export type SeedSummary = {
  collections: Record<SeededCollection, SeedTally>
  /** Demo accounts are left out on a production server unless PANTAU_DEMO_ACCOUNTS=true. */
  demoAccounts: 'seeded' | 'skipped'
  durationMs: number
}

export type SeedOptions = { log?: (line: string) => void }

type ID = number

type StoredDoc = { id: ID } & Record<string, unknown>
type WriteOptions = { collection: SeededCollection; data: unknown; locale: Locale; depth: number; draft: boolean }
/**
 * The Local API types every call by its collection slug, which a helper generic over the slug
 * cannot satisfy; the upsert checks its data against the collection's type and writes through this.
 */
type UntypedWrites = {
  create(options: WriteOptions): Promise<StoredDoc>
  update(options: WriteOptions & { id: ID }): Promise<StoredDoc>
}

/**
 * Writes through the Local API as trusted system code: no `user`, so access rules are not applied,
 * while validation and hooks (city inheritance, measurement checks) still run as for a person.
 */
export class Seeder {
  readonly tally = Object.fromEntries(
    SEEDED_COLLECTIONS.map((slug) => [slug, { created: 0, updated: 0, unchanged: 0 }]),
  ) as Record<SeededCollection, SeedTally>

  constructor(
    readonly payload: Payload,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * Creates the document `where` selects, or updates it in place, first in Indonesian and then, if
   * the data holds English texts, in English on the same document.
   */
  async upsert<S extends SeededCollection>(
    collection: S,
    where: Where,
    data: Seedable<RequiredDataFromCollectionSlug<S>>,
    { draft = false }: { draft?: boolean } = {},
  ): Promise<DataFromCollectionSlug<S>> {
    const existing = await this.findOne(collection, where)
    const writes = this.payload as unknown as UntypedWrites
    const indonesian = inLocale(data, 'id')
    const doc = existing
      ? await writes.update({ collection, id: existing.id, data: carryRowIds(indonesian, existing), locale: 'id', depth: 0, draft })
      : await writes.create({ collection, data: indonesian, locale: 'id', depth: 0, draft })
    this.tally[collection][existing ? 'updated' : 'created'] += 1
    return this.writeEnglish(collection, doc, data, draft)
  }

  /**
   * Creates the document `where` selects when it is missing, like `upsert`, and otherwise leaves it
   * as it is: for records that stand for something done (a closed round's results).
   */
  async insertOnce<S extends SeededCollection>(
    collection: S,
    where: Where,
    data: Seedable<RequiredDataFromCollectionSlug<S>>,
  ): Promise<{ doc: DataFromCollectionSlug<S>; created: boolean }> {
    const existing = await this.findOne(collection, where)
    if (existing) {
      this.tally[collection].unchanged += 1
      return { doc: existing as unknown as DataFromCollectionSlug<S>, created: false }
    }
    const writes = this.payload as unknown as UntypedWrites
    const doc = await writes.create({ collection, data: inLocale(data, 'id'), locale: 'id', depth: 0, draft: false })
    this.tally[collection].created += 1
    return { doc: await this.writeEnglish(collection, doc, data, false), created: true }
  }

  private async findOne(collection: SeededCollection, where: Where): Promise<StoredDoc | undefined> {
    const { docs } = await this.payload.find({ collection, where, limit: 1, pagination: false, depth: 0, locale: 'id' })
    return docs[0] as unknown as StoredDoc | undefined
  }

  private async writeEnglish<S extends SeededCollection>(
    collection: S,
    doc: StoredDoc,
    data: Seedable<RequiredDataFromCollectionSlug<S>>,
    draft: boolean,
  ): Promise<DataFromCollectionSlug<S>> {
    if (!hasBilingual(data)) return doc as unknown as DataFromCollectionSlug<S>
    const writes = this.payload as unknown as UntypedWrites
    const english = await writes.update({ collection, id: doc.id, data: carryRowIds(inLocale(data, 'en'), doc), locale: 'en', depth: 0, draft })
    return english as unknown as DataFromCollectionSlug<S>
  }

  logProgress(collection: SeededCollection, label: string): void {
    const { created, updated, unchanged } = this.tally[collection]
    const parts = [`created ${created}`, `updated ${updated}`, ...(unchanged ? [`unchanged ${unchanged}`] : [])]
    this.log(`Seeding ${label}… ${created + updated + unchanged} (${parts.join(', ')})`)
  }

  note(line: string): void {
    this.log(line)
  }
}

async function seedDimensions(seeder: Seeder): Promise<Map<string, ID>> {
  const ids = new Map<string, ID>()
  for (const { slug, order, colour, name, description, subDimensions } of DIMENSIONS) {
    const doc = await seeder.upsert(COLLECTIONS.dimensions, { slug: { equals: slug } }, {
      slug,
      name,
      description,
      order,
      colour,
      subDimensions,
    })
    ids.set(slug, doc.id)
  }
  seeder.logProgress(COLLECTIONS.dimensions, 'dimensions')
  return ids
}

async function seedCities(seeder: Seeder): Promise<Map<string, ID>> {
  const ids = new Map<string, ID>()
  for (const city of CITIES) {
    const doc = await seeder.upsert(COLLECTIONS.cities, { regionCode: { equals: city.regionCode } }, city)
    ids.set(city.regionCode, doc.id)
  }
  seeder.logProgress(COLLECTIONS.cities, 'cities')
  return ids
}

async function seedDemoUsers(seeder: Seeder, cities: Map<string, ID>): Promise<Map<string, ID>> {
  const ids = new Map<string, ID>()
  if (!demoAccountsAllowed()) {
    seeder.note(
      'Skipping demo accounts: this is a production server (set PANTAU_DEMO_ACCOUNTS=true to seed them). / ' +
        'Akun demo dilewati di server produksi.',
    )
    return ids
  }
  for (const { email, password, role, name, organisation, cityCodes } of DEMO_ACCOUNTS) {
    const doc = await seeder.upsert(COLLECTIONS.users, { email: { equals: email } }, {
      email,
      // Set on every run, so the published demo credentials always work.
      password,
      name,
      role,
      organisation,
      cities: cityCodes.map((code) => cityId(cities, code)),
      isDemo: true,
    })
    await seeder.payload.unlock({ collection: COLLECTIONS.users, data: { email, password }, overrideAccess: true })
    ids.set(email, doc.id)
  }
  seeder.logProgress(COLLECTIONS.users, 'demo users')
  return ids
}

async function seedPrograms(seeder: Seeder, cities: Map<string, ID>, dimensions: Map<string, ID>): Promise<Map<string, ID>> {
  const ids = new Map<string, ID>()
  for (const { cityCode, dimension, indicators, ...program } of PROGRAMS) {
    const city = cityId(cities, cityCode)
    const doc = await seeder.upsert(COLLECTIONS.programs, { slug: { equals: program.slug } }, {
      ...program,
      city,
      dimension: lookUp(dimensions, dimension, 'dimension'),
    })
    ids.set(program.slug, doc.id)
    for (const indicator of indicators) await seedIndicator(seeder, doc.id, indicator)
  }
  seeder.logProgress(COLLECTIONS.programs, 'programmes')
  seeder.logProgress(COLLECTIONS.indicators, 'indicators')
  seeder.logProgress(COLLECTIONS.measurements, 'measurements')
  return ids
}

async function seedIndicator(seeder: Seeder, program: ID, seed: IndicatorSeed): Promise<void> {
  const { measurements, source, ...indicator } = seed
  const doc = await seeder.upsert(
    COLLECTIONS.indicators,
    { and: [{ program: { equals: program } }, { name: { equals: indicator.name.id } }] },
    { ...indicator, direction: indicator.direction ?? 'up', program },
  )
  await seedMeasurements(seeder, doc.id, source, measurements)
}

/**
 * Upserts an indicator's series by year and month. Reads the existing series once and leaves
 * unchanged values alone: a series has hundreds of points, and a re-seed should touch none of them.
 */
async function seedMeasurements(
  seeder: Seeder,
  indicator: ID,
  source: string,
  rows: IndicatorSeed['measurements'],
): Promise<void> {
  const { payload, tally } = seeder
  const keyOf = (year: number, month: number | null | undefined) => `${year}-${month ?? ''}`
  const { docs } = await payload.find({
    collection: COLLECTIONS.measurements,
    where: { indicator: { equals: indicator } },
    pagination: false,
    depth: 0,
  })
  const existing = new Map(docs.map((doc) => [keyOf(doc.year, doc.month), doc]))
  for (const { year, month, value, note = null } of rows) {
    const data = {
      indicator,
      year,
      month: month ?? null,
      value,
      source,
      note,
    }
    const found = existing.get(keyOf(year, data.month))
    if (!found) {
      await payload.create({ collection: COLLECTIONS.measurements, data, depth: 0 })
      tally.measurements.created += 1
    } else if (found.value === value && found.source === source && (found.note ?? null) === note) {
      tally.measurements.unchanged += 1
    } else {
      await payload.update({ collection: COLLECTIONS.measurements, id: found.id, data, depth: 0 })
      tally.measurements.updated += 1
    }
  }
}

/**
 * An update's photo, uploaded once, with its alt text in both languages. It is found again by its
 * Indonesian alt text: the stored file name is not the uploaded one (images are stored as WebP).
 */
async function seedPhoto(seeder: Seeder, photo: NonNullable<UpdateSeed['photo']>): Promise<ID> {
  const { payload, tally } = seeder
  const { docs } = await payload.find({
    collection: COLLECTIONS.media,
    where: { alt: { equals: photo.alt.id } },
    locale: 'id',
    limit: 1,
    depth: 0,
  })
  if (docs[0]) {
    tally.media.unchanged += 1
    return docs[0].id
  }
  const data = await sceneImage(photo.scene, 'jpeg')
  const doc = await payload.create({
    collection: COLLECTIONS.media,
    data: { alt: photo.alt.id, credit: photo.credit },
    file: { data, mimetype: 'image/jpeg', name: photo.filename, size: data.length },
    locale: 'id',
    depth: 0,
  })
  await payload.update({ collection: COLLECTIONS.media, id: doc.id, data: { alt: photo.alt.en }, locale: 'en', depth: 0 })
  tally.media.created += 1
  return doc.id
}

async function seedUpdates(seeder: Seeder, cities: Map<string, ID>, programs: Map<string, ID>): Promise<void> {
  for (const { cityCode, programSlug, date, title, body, published, photo } of UPDATES) {
    const city = cityId(cities, cityCode)
    const photos = photo ? [await seedPhoto(seeder, photo)] : []
    await seeder.upsert(
      COLLECTIONS.updates,
      { and: [{ city: { equals: city } }, { title: { equals: title.id } }] },
      {
        title,
        date,
        city,
        program: programSlug ? lookUp(programs, programSlug, 'programme') : null,
        body,
        photos,
        _status: published ? 'published' : 'draft',
      },
      { draft: !published },
    )
  }
  seeder.logProgress(COLLECTIONS.media, 'photos')
  seeder.logProgress(COLLECTIONS.updates, 'updates')
}

export async function seedInstrument(seeder: Seeder, dimensions: Map<string, ID>): Promise<ID> {
  const { title, year, version, evaluationDimensions, sections } = INSTRUMENT
  const doc = await seeder.upsert(
    COLLECTIONS.instruments,
    { and: [{ title: { equals: title.id } }, { version: { equals: version } }] },
    {
      title,
      year,
      version,
      evaluationDimensions,
      sections: sections.map(({ dimension, ...section }) => ({
        ...section,
        dimension: dimension ? lookUp(dimensions, dimension, 'dimension') : null,
      })),
    },
  )
  seeder.logProgress(COLLECTIONS.instruments, 'instruments')
  return doc.id
}

type PeriodSeed = Pick<Period, 'year' | 'status' | 'opensAt' | 'closesAt'> & {
  title: Bilingual
  stage?: string
  cityCodes: string[]
}

/** A period whose cities in `assessedCodes` the demo assessor leads, when there is one. */
export async function seedPeriod(
  seeder: Seeder,
  instrument: ID,
  cities: Map<string, ID>,
  { cityCodes, ...period }: PeriodSeed,
  assessor: ID | undefined,
  assessedCodes: string[],
): Promise<ID> {
  const doc = await seeder.upsert(COLLECTIONS.periods, { title: { equals: period.title.id } }, {
    ...period,
    instrument,
    cities: cityCodes.map((code) => cityId(cities, code)),
    // Left out rather than emptied without an assessor, so assignments made by hand survive a re-seed.
    ...(assessor === undefined
      ? {}
      : { assignments: assessedCodes.map((code) => ({ city: cityId(cities, code), assessor, lead: true })) }),
  })
  seeder.logProgress(COLLECTIONS.periods, 'evaluation periods')
  return doc.id
}

/**
 * The 2023 reports: Ambon's submitted with its evidence, a draft for every other participating
 * city. A report that exists is left as it is, except Ambon's while it is still a draft (a database
 * seeded before Ambon's report was submitted), which is completed and submitted.
 */
async function seedReports(seeder: Seeder, period: ID, cities: Map<string, ID>, users: Map<string, ID>): Promise<void> {
  for (const code of PERIOD.cityCodes) {
    if (code === AMBON) await seedAmbonReport(seeder, period, cityId(cities, code), users.get(AMBON_COUNCIL_EMAIL))
    else await seedDraftReport(seeder, period, cityId(cities, code), cityName(code))
  }
  seeder.logProgress(COLLECTIONS.reports, 'reports')
  seeder.logProgress(COLLECTIONS.evidence, 'evidence')
}

const reportOf = (city: ID, period: ID): Where => ({ and: [{ city: { equals: city } }, { period: { equals: period } }] })

async function findReport(seeder: Seeder, city: ID, period: ID) {
  const { docs } = await seeder.payload.find({ collection: COLLECTIONS.reports, where: reportOf(city, period), limit: 1, depth: 0 })
  return docs[0]
}

/** An empty draft, as opening the period gives each city, for its council to fill in. */
async function seedDraftReport(seeder: Seeder, period: ID, city: ID, name: string): Promise<void> {
  if (await findReport(seeder, city, period)) {
    seeder.tally.reports.unchanged += 1
    return
  }
  await seeder.payload.create({
    collection: COLLECTIONS.reports,
    data: { title: reportTitle(name), city, period, status: REPORT_STATUS.draft },
    depth: 0,
  })
  seeder.tally.reports.created += 1
}

/**
 * Ambon's report goes the way its council's would: saved as a draft, evidence uploaded as the
 * council (content type and fingerprint checked), then submitted by the council through the
 * submission checks, on the day it was submitted in 2023. Without demo accounts (a production
 * server) the system stands in for the council. No notice e-mails: nobody is waiting for them.
 */
async function seedAmbonReport(seeder: Seeder, period: ID, city: ID, councilId: ID | undefined): Promise<void> {
  const { payload, tally } = seeder
  const existing = await findReport(seeder, city, period)
  if (existing && existing.status !== REPORT_STATUS.draft) {
    tally.reports.unchanged += 1
    tally.evidence.unchanged += (await payload.count({ collection: COLLECTIONS.evidence, where: { report: { equals: existing.id } } })).totalDocs
    return
  }
  const report = await seeder.upsert(COLLECTIONS.reports, reportOf(city, period), {
    ...AMBON_REPORT,
    title: reportTitle(cityName(AMBON)),
    city,
    period,
    status: REPORT_STATUS.draft,
  })
  const council =
    councilId === undefined
      ? {}
      : {
          user: { ...(await payload.findByID({ collection: COLLECTIONS.users, id: councilId, depth: 0 })), collection: COLLECTIONS.users },
          overrideAccess: false,
        }

  const { docs: attached } = await payload.find({
    collection: COLLECTIONS.evidence,
    where: { report: { equals: report.id } },
    pagination: false,
    depth: 0,
  })
  const present = new Set(attached.map((doc) => doc.question))
  const missing = AMBON_EVIDENCE.filter((item) => !present.has(item.question))
  tally.evidence.unchanged += AMBON_EVIDENCE.length - missing.length
  // Rendering (sharp, PDF) runs in parallel; the uploads one by one, as the database writes them.
  const files = await Promise.all(missing.map(evidenceFile))
  for (const [index, { question, description, documentDate }] of missing.entries()) {
    await payload.create({
      collection: COLLECTIONS.evidence,
      data: { city, report: report.id, question, description, documentDate },
      file: files[index],
      depth: 0,
      ...council,
    })
    tally.evidence.created += 1
  }

  await payload.update({
    collection: COLLECTIONS.reports,
    id: report.id,
    data: { status: REPORT_STATUS.submitted },
    depth: 0,
    context: { [CONTEXT_FLAGS.skipSubmissionNotice]: true, [CONTEXT_FLAGS.transitionAt]: AMBON_SUBMITTED_AT },
    ...council,
  })
}

/**
 * The closed 2022 round: the five cities' reports, accepted, each with the demo assessor's completed
 * review, whose scores the server computes from the instrument, the answers and the assessor's
 * per-question scores. Only system code may create a report already accepted; it does here what
 * the lead's acceptance does (see `settleAcceptance`): the lead's review is the published result.
 * Without the demo assessor (a production server) nobody reviewed the round, so it is left out.
 */
async function seedRound2022(
  seeder: Seeder,
  instrument: ID,
  cities: Map<string, ID>,
  dimensions: Map<string, ID>,
  users: Map<string, ID>,
): Promise<void> {
  const assessor = users.get(DEMO_ASSESSOR_EMAIL)
  if (assessor === undefined) {
    seeder.note('Skipping the 2022 round: there is no demo assessor to have reviewed it.')
    return
  }
  const period = await seedPeriod(seeder, instrument, cities, PERIOD_2022, assessor, PERIOD_2022.cityCodes)
  let published = false
  for (const result of RESULTS_2022) {
    const report = await seedAcceptedReport(seeder, period, cityId(cities, result.cityCode), result, users, assessor)
    const { created } = await seeder.insertOnce(
      COLLECTIONS.reviews,
      { and: [{ report: { equals: report } }, { assessor: { equals: assessor } }] },
      {
        report,
        assessor,
        status: REVIEW_STATUS.completed,
        scores: Object.entries(result.scores).map(([question, [score, comment]]) => ({ question, score, comment })),
        recommendations: result.recommendations,
        pillarRecommendations: result.pillarRecommendations.map(({ pillar, text }) => ({
          pillar: lookUp(dimensions, pillar, 'dimension'),
          text,
        })),
        published: true,
      },
    )
    published ||= created
  }
  // The accepted results are public once their reviews exist: one publish job, as a change to public
  // data queues it (unless one is already waiting).
  if (published) await queuePublishSite(await createLocalReq({}, seeder.payload))
  seeder.logProgress(COLLECTIONS.reports, 'reports')
  seeder.logProgress(COLLECTIONS.reviews, 'reviews')
}

/** A 2022 report as it stood when accepted, with the moves that got it there. */
async function seedAcceptedReport(
  seeder: Seeder,
  period: ID,
  city: ID,
  { cityCode, report, submittedAt, reviewedAt, acceptedAt }: Result2022,
  users: Map<string, ID>,
  assessor: ID,
): Promise<ID> {
  const existing = await findReport(seeder, city, period)
  if (existing) {
    seeder.tally.reports.unchanged += 1
    return existing.id
  }
  const councilEmail = DEMO_ACCOUNTS.find((account) => account.role === ROLES.council && account.cityCodes.includes(cityCode))?.email
  const council = councilEmail === undefined ? null : (users.get(councilEmail) ?? null)
  const doc = await seeder.payload.create({
    collection: COLLECTIONS.reports,
    data: {
      ...report,
      title: reportTitle(cityName(cityCode), PERIOD_2022.title.id),
      city,
      period,
      status: REPORT_STATUS.accepted,
      history: [
        { from: REPORT_STATUS.draft, to: REPORT_STATUS.submitted, by: council, at: submittedAt },
        { from: REPORT_STATUS.submitted, to: REPORT_STATUS.inReview, by: assessor, at: reviewedAt },
        { from: REPORT_STATUS.inReview, to: REPORT_STATUS.accepted, by: assessor, at: acceptedAt },
      ],
    },
    depth: 0,
    // Its scores exist only once its review does: publishing waits for that (see `seedRound2022`).
    context: { [CONTEXT_FLAGS.skipPublish]: true },
  })
  seeder.tally.reports.created += 1
  return doc.id
}

function lookUp(ids: Map<string, ID>, key: string, what: string): ID {
  const id = ids.get(key)
  if (id === undefined) throw new Error(`Seed data names an unknown ${what} "${key}"`)
  return id
}

const cityId = (cities: Map<string, ID>, regionCode: string) => lookUp(cities, regionCode, 'city (region code)')

/**
 * Fills the database with the demo data set: Kota Ambon's programmes and the first-cohort cities,
 * the six dimensions, an instrument with its 2023 period, Ambon's submitted report with its
 * evidence and the other cities' draft reports, the closed 2022 round with its accepted and scored
 * reports, and one demo account per role. Idempotent: each record is found by a natural key and
 * updated in place, or left alone where it stands for something done.
 */
export async function seedDemo(payload: Payload, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now()
  const seeder = new Seeder(payload, options.log ?? (() => {}))
  const dimensions = await seedDimensions(seeder)
  const cities = await seedCities(seeder)
  const users = await seedDemoUsers(seeder, cities)
  const programs = await seedPrograms(seeder, cities, dimensions)
  await seedUpdates(seeder, cities, programs)
  const instrument = await seedInstrument(seeder, dimensions)
  const { assessedCityCode, ...period2023 } = PERIOD
  const assessor = users.get(DEMO_ASSESSOR_EMAIL)
  if (assessor === undefined) seeder.note('Skipping the assessor assignment: there is no demo assessor.')
  const period = await seedPeriod(seeder, instrument, cities, period2023, assessor, [assessedCityCode])
  await seedReports(seeder, period, cities, users)
  await seedRound2022(seeder, instrument, cities, dimensions, users)
  const durationMs = Math.round(performance.now() - started)
  seeder.note(`Demo data ready in ${(durationMs / 1000).toFixed(1)} s.`)
  return {
    collections: seeder.tally,
    demoAccounts: users.size > 0 ? 'seeded' : 'skipped',
    durationMs,
  }
}

/** True for a fresh database: no accounts and no cities yet, so the demo data may be seeded. */
export async function databaseIsEmpty(payload: Payload): Promise<boolean> {
  const [users, cities] = await Promise.all([
    payload.count({ collection: COLLECTIONS.users }),
    payload.count({ collection: COLLECTIONS.cities }),
  ])
  return users.totalDocs === 0 && cities.totalDocs === 0
}
