/**
 * The demo scenario (`npm run seed`, and `npm start` on an empty database): the reference data
 * (dimensions, cities, demo accounts, Ambon's programmes with their indicators and measurements,
 * updates with photos, the instrument) and then the evaluation rounds on it (./rounds.ts).
 * Idempotent: each record is found by a natural key and updated in place, or left alone where it
 * stands for something done.
 */
import type { Payload } from 'payload'

import { COLLECTIONS } from '../../cms/constants.ts'
import { demoAccountsAllowed } from '../../cms/collections/Users/hooks/refuseDemoLoginInProduction.ts'
import { DEMO_ACCOUNTS } from '../data/accounts.ts'
import { CITIES } from '../data/cities.ts'
import { DIMENSIONS } from '../data/dimensions.ts'
import { INSTRUMENT } from '../data/instrument.ts'
import { type IndicatorSeed, PROGRAMS } from '../data/programs.ts'
import { UPDATES, type UpdateSeed } from '../data/updates.ts'
import { type ID, lookUp, Seeder, type SeedTally } from '../engine.ts'
import { sceneImage } from '../lib/photo.ts'
import { cityId, dimensionId } from './references.ts'
import { ROUND_COLLECTIONS, seedEvaluationRounds } from './rounds.ts'

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
  ...ROUND_COLLECTIONS,
] as const

export type SeededCollection = (typeof SEEDED_COLLECTIONS)[number]

export type SeedSummary = {
  collections: Record<SeededCollection, SeedTally>
  /** Demo accounts are left out on a production server unless PANTAU_DEMO_ACCOUNTS=true. */
  demoAccounts: 'seeded' | 'skipped'
  durationMs: number
}

export type SeedOptions = { log?: (line: string) => void }

type DemoSeeder = Seeder<SeededCollection>

async function seedDimensions(seeder: DemoSeeder): Promise<Map<string, ID>> {
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

async function seedCities(seeder: DemoSeeder): Promise<Map<string, ID>> {
  const ids = new Map<string, ID>()
  for (const city of CITIES) {
    const doc = await seeder.upsert(COLLECTIONS.cities, { regionCode: { equals: city.regionCode } }, city)
    ids.set(city.regionCode, doc.id)
  }
  seeder.logProgress(COLLECTIONS.cities, 'cities')
  return ids
}

async function seedDemoUsers(seeder: DemoSeeder, cities: Map<string, ID>): Promise<Map<string, ID>> {
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

async function seedPrograms(seeder: DemoSeeder, cities: Map<string, ID>, dimensions: Map<string, ID>): Promise<Map<string, ID>> {
  const ids = new Map<string, ID>()
  for (const { cityCode, dimension, indicators, ...program } of PROGRAMS) {
    const city = cityId(cities, cityCode)
    const doc = await seeder.upsert(COLLECTIONS.programs, { slug: { equals: program.slug } }, {
      ...program,
      city,
      dimension: dimensionId(dimensions, dimension),
    })
    ids.set(program.slug, doc.id)
    for (const indicator of indicators) await seedIndicator(seeder, doc.id, indicator)
  }
  seeder.logProgress(COLLECTIONS.programs, 'programmes')
  seeder.logProgress(COLLECTIONS.indicators, 'indicators')
  seeder.logProgress(COLLECTIONS.measurements, 'measurements')
  return ids
}

async function seedIndicator(seeder: DemoSeeder, program: ID, seed: IndicatorSeed): Promise<void> {
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
  seeder: DemoSeeder,
  indicator: ID,
  source: string,
  rows: IndicatorSeed['measurements'],
): Promise<void> {
  const { payload } = seeder
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
      seeder.count(COLLECTIONS.measurements, 'created')
    } else if (found.value === value && found.source === source && (found.note ?? null) === note) {
      seeder.count(COLLECTIONS.measurements, 'unchanged')
    } else {
      await payload.update({ collection: COLLECTIONS.measurements, id: found.id, data, depth: 0 })
      seeder.count(COLLECTIONS.measurements, 'updated')
    }
  }
}

/**
 * An update's photo, uploaded once, with its alt text in both languages. It is found again by its
 * Indonesian alt text: the stored file name is not the uploaded one (images are stored as WebP).
 */
async function seedPhoto(seeder: DemoSeeder, photo: NonNullable<UpdateSeed['photo']>): Promise<ID> {
  const { doc } = await seeder.insertOnce(
    COLLECTIONS.media,
    { alt: { equals: photo.alt.id } },
    { alt: photo.alt, credit: photo.credit },
    {
      file: async () => {
        const data = await sceneImage(photo.scene, 'jpeg')
        return { data, mimetype: 'image/jpeg', name: photo.filename, size: data.length }
      },
    },
  )
  return doc.id
}

async function seedUpdates(seeder: DemoSeeder, cities: Map<string, ID>, programs: Map<string, ID>): Promise<void> {
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

/** The demo's evaluation form; the synthetic data set evaluates its cities on it too. */
export async function seedInstrument(seeder: Seeder<typeof COLLECTIONS.instruments>, dimensions: Map<string, ID>): Promise<ID> {
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
        dimension: dimension ? dimensionId(dimensions, dimension) : null,
      })),
    },
  )
  seeder.logProgress(COLLECTIONS.instruments, 'instruments')
  return doc.id
}

/**
 * Fills the database with the demo data set: Kota Ambon's programmes and the first-cohort cities,
 * the six dimensions, an instrument with its 2023 period, Ambon's submitted report with its
 * evidence and the other cities' draft reports, the closed 2022 round with its accepted and scored
 * reports, and one demo account per role.
 */
export async function seedDemo(payload: Payload, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now()
  const seeder = new Seeder(payload, SEEDED_COLLECTIONS, options.log)
  const dimensions = await seedDimensions(seeder)
  const cities = await seedCities(seeder)
  const users = await seedDemoUsers(seeder, cities)
  const programs = await seedPrograms(seeder, cities, dimensions)
  await seedUpdates(seeder, cities, programs)
  const instrument = await seedInstrument(seeder, dimensions)
  await seedEvaluationRounds(seeder, { dimensions, cities, users, instrument })
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
