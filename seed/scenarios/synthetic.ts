/**
 * The synthetic benchmark data set (run by `npm run seed:synthetic`, seed/synthetic.ts): Indonesia's
 * real kabupaten and kota (the official list, cms/infra/officialRegions.ts), each with made-up public
 * programmes, indicators, measurements and updates, and for every year an accepted evaluation with
 * its published scores (./syntheticRounds.ts). At 514 cities it is the national data set.
 */
import type { Payload, PayloadRequest, RequiredDataFromCollectionSlug } from 'payload'

import { COLLECTIONS } from '../../cms/constants.ts'
import { COHORTS } from '../../cms/contract/options.ts'
import { analyzeDatabase } from '../../cms/infra/database.ts'
import { turnEventLoop } from '../../cms/infra/eventLoop.ts'
import { type OfficialRegion, officialRegions } from '../../cms/infra/officialRegions.ts'
import type { Program } from '../../cms/payload-types.ts'
import { writeRows } from '../../cms/server/bulkRows.ts'
import { DIMENSIONS } from '../data/dimensions.ts'
import { type ID, inTransaction, unpublishedRequest } from '../engine.ts'
import { inLocale } from '../lib/bilingual.ts'
import { paragraphs } from '../lib/richText.ts'
import { seededNoise } from '../lib/series.ts'
import { type ResultCounts, SYNTHETIC_ASSESSOR_EMAIL, type SyntheticCity, seedSyntheticRounds } from './syntheticRounds.ts'

export type SyntheticOptions = { cities: number; years: number; seed: number; lastYear: number }

export const SYNTHETIC_DEFAULTS: SyntheticOptions = { cities: 100, years: 7, seed: 2017, lastYear: 2025 }

const PROGRAMMES_PER_CITY = 5
const UPDATES_PER_CITY = 3

/**
 * The data set's cities: `count` of the official list, spread evenly over it (so a small set still
 * spans the provinces), always the same ones; regions whose code the database already holds (the
 * demo's cities) are left out, since a region code names one city.
 */
export async function syntheticRegions(count: number, taken: ReadonlySet<string> = new Set()): Promise<OfficialRegion[]> {
  const official = await officialRegions()
  const all = official.filter((region) => !taken.has(region.code))
  if (count > all.length) {
    throw new Error(
      `SYNTHETIC_CITIES=${count}: Indonesia punya ${official.length} kabupaten/kota, ${all.length} belum ada di basis data ini / ` +
        `Indonesia has ${official.length} kabupaten/kota, ${all.length} of them not yet in this database`,
    )
  }
  return Array.from({ length: count }, (_, index) => all[Math.floor((index * all.length) / count)])
}

const TOPICS = [
  { id: 'Layanan perizinan daring', en: 'Online licensing service', unit: 'izin', target: 400 },
  { id: 'Bank sampah kelurahan', en: 'Neighbourhood waste banks', unit: 'ton', target: 120 },
  { id: 'Wisata kota pintar', en: 'Smart-city tourism', unit: 'kunjungan', target: 9000 },
  { id: 'Pelatihan UMKM digital', en: 'Digital training for small businesses', unit: 'peserta', target: 250 },
  { id: 'Puskesmas terhubung', en: 'Connected health centres', unit: 'layanan', target: 3000 },
  { id: 'Lampu jalan hemat energi', en: 'Energy-saving street lights', unit: 'titik', target: 60 },
]
const STATUSES: Program['status'][] = ['ongoing', 'ongoing', 'completed', 'planned', 'paused']

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

export type SyntheticCounts = ResultCounts & {
  cities: number
  programs: number
  indicators: number
  measurements: number
  updates: number
}

/** The six pillars by slug, in their order, created from the demo definitions when the database has none yet. */
async function ensureDimensions(payload: Payload, req: PayloadRequest): Promise<Map<string, ID>> {
  const existing = await payload.find({ collection: COLLECTIONS.dimensions, pagination: false, depth: 0, sort: 'order', req })
  if (existing.docs.length > 0) return new Map(existing.docs.map((doc) => [doc.slug ?? String(doc.id), doc.id]))
  const ids = new Map<string, ID>()
  for (const dimension of DIMENSIONS) {
    const doc = await payload.create({ collection: COLLECTIONS.dimensions, data: inLocale<RequiredDataFromCollectionSlug<'dimensions'>>(dimension, 'id'), locale: 'id', depth: 0, req })
    await payload.update({ collection: COLLECTIONS.dimensions, id: doc.id, data: inLocale<RequiredDataFromCollectionSlug<'dimensions'>>(dimension, 'en'), locale: 'en', depth: 0, req })
    ids.set(dimension.slug, doc.id)
  }
  return ids
}

export type MeasurementRow = { indicator: ID; program: ID; city: ID; year: number; month: number | null; value: number; source: string }

/**
 * Inserts measurements at once (../../cms/server/bulkRows.ts): the values are generated within the
 * rules the hooks check (one per period, none negative), and city and programme are filled in as
 * the hooks would.
 */
export async function insertMeasurements(req: PayloadRequest, rows: MeasurementRow[]): Promise<void> {
  await writeRows(req, COLLECTIONS.measurements, { create: rows, update: [] })
}

async function seedCity(
  payload: Payload,
  index: number,
  region: OfficialRegion,
  options: SyntheticOptions,
  dimensions: ID[],
  counts: SyntheticCounts,
): Promise<SyntheticCity> {
  const noise = seededNoise(options.seed * 1000 + index)
  const firstYear = options.lastYear - options.years + 1
  // "Kota Bandung" and "Kabupaten Bandung" both exist: programme titles (and slugs) carry the whole name.
  const { name, kind, province } = region
  const place = name

  const req = await unpublishedRequest(payload)
  const measurements: MeasurementRow[] = []
  const { id, regionCode } = await inTransaction(req, async () => {
    const write = { depth: 0, req, context: req.context }
    const city = await payload.create({
      collection: COLLECTIONS.cities,
      locale: 'id',
      data: {
        name,
        kind,
        province,
        regionCode: region.code,
        cohort: COHORTS[index % COHORTS.length],
        profile: paragraphs(`${name} adalah kota sintetis untuk uji kinerja (data buatan).`, `Provinsi ${province}.`),
      },
      ...write,
    })
    await payload.update({
      collection: COLLECTIONS.cities,
      id: city.id,
      locale: 'en',
      data: { profile: paragraphs(`${name} is a synthetic city for benchmarks (made-up data).`, `${province} province.`) },
      ...write,
    })
    counts.cities += 1

    const programmes: ID[] = []
    for (let n = 0; n < PROGRAMMES_PER_CITY; n += 1) {
      const topic = TOPICS[(index + n) % TOPICS.length]
      // Programmes start in the first three years, and never after the last year of the data set.
      const startYear = firstYear + (n % Math.min(3, options.years))
      const program = await payload.create({
        collection: COLLECTIONS.programs,
        locale: 'id',
        data: {
          title: `${topic.id} ${place}`,
          city: city.id,
          dimension: dimensions[(index + n) % dimensions.length],
          summary: `${topic.id} di ${name}, dimulai ${startYear} (data sintetis).`,
          description: paragraphs(`Program ${topic.id.toLowerCase()} di ${name}.`, 'Angka-angka di halaman ini dibuat untuk uji kinerja.'),
          agency: `Dinas Kominfo ${place}`,
          partners: [{ name: `Mitra ${place}`, kind: 'private' }],
          fundingSources: n % 2 === 0 ? ['apbd'] : ['apbd', 'csr'],
          startYear,
          status: STATUSES[n % STATUSES.length],
          // One programme in five stays internal, as real cities keep some.
          isPublic: n !== PROGRAMMES_PER_CITY - 1,
        },
        ...write,
      })
      await payload.update({
        collection: COLLECTIONS.programs,
        id: program.id,
        locale: 'en',
        data: {
          title: `${topic.en} ${place}`,
          summary: `${topic.en} in ${name}, since ${startYear} (synthetic data).`,
          description: paragraphs(`${topic.en} programme in ${name}.`, 'The figures on this page are made up for benchmarks.'),
        },
        ...write,
      })
      programmes.push(program.id)
      counts.programs += 1

      const monthly = await payload.create({
        collection: COLLECTIONS.indicators,
        locale: 'id',
        data: {
          name: `${topic.id}: capaian bulanan`,
          program: program.id,
          unit: topic.unit,
          baseline: 0,
          target: topic.target,
          targetYear: options.lastYear,
          direction: 'up',
          frequency: 'monthly',
          aggregation: 'per_period',
        },
        ...write,
      })
      await payload.update({ collection: COLLECTIONS.indicators, id: monthly.id, locale: 'en', data: { name: `${topic.en}: monthly` }, ...write })
      const yearly = await payload.create({
        collection: COLLECTIONS.indicators,
        locale: 'id',
        data: {
          name: `${topic.id}: kumulatif tahunan`,
          program: program.id,
          unit: topic.unit,
          baseline: 0,
          target: topic.target * 12 * options.years,
          targetYear: options.lastYear,
          direction: 'up',
          frequency: 'yearly',
          aggregation: 'cumulative',
        },
        ...write,
      })
      await payload.update({ collection: COLLECTIONS.indicators, id: yearly.id, locale: 'en', data: { name: `${topic.en}: yearly total` }, ...write })
      counts.indicators += 2

      const source = 'Data sintetis / synthetic data'
      for (let year = startYear; year <= options.lastYear; year += 1) {
        let total = 0
        for (let month = 1; month <= 12; month += 1) {
          const elapsed = (year - startYear) * 12 + month
          const level = topic.target * (1 - Math.exp(-elapsed / 18))
          const value = Math.max(0, Math.round(level * (0.85 + 0.3 * noise())))
          total += value
          measurements.push({ indicator: monthly.id, program: program.id, city: city.id, year, month, value, source })
        }
        measurements.push({ indicator: yearly.id, program: program.id, city: city.id, year, month: null, value: total, source })
      }
    }

    for (let n = 0; n < UPDATES_PER_CITY; n += 1) {
      const year = options.lastYear - (n % options.years)
      const date = `${year}-${pad(1 + Math.floor(noise() * 12))}-${pad(1 + Math.floor(noise() * 28))}T00:00:00.000Z`
      const update = await payload.create({
        collection: COLLECTIONS.updates,
        locale: 'id',
        draft: false,
        data: {
          title: `Kabar ${n + 1} dari ${name}`,
          date,
          city: city.id,
          program: programmes[n % (PROGRAMMES_PER_CITY - 1)],
          body: paragraphs(`Kemajuan program di ${name} pada ${year} (data sintetis).`),
          _status: 'published',
        },
        ...write,
      })
      await payload.update({
        collection: COLLECTIONS.updates,
        id: update.id,
        locale: 'en',
        data: { title: `Update ${n + 1} from ${name}`, body: paragraphs(`Programme progress in ${name} in ${year} (synthetic data).`), _status: 'published' },
        ...write,
      })
      counts.updates += 1
    }
    return city
  })
  await insertMeasurements(req, measurements)
  counts.measurements += measurements.length
  return { index, id, regionCode, name }
}

/**
 * Writes the synthetic data set: the cities with their programmes, then the evaluation rounds of
 * every year, which need all cities to exist. Refuses a database that already holds it.
 */
export async function seedSynthetic(
  payload: Payload,
  options: SyntheticOptions = SYNTHETIC_DEFAULTS,
  log: (line: string) => void = () => {},
): Promise<SyntheticCounts & { durationMs: number }> {
  const started = performance.now()
  const already = await payload.count({ collection: COLLECTIONS.users, where: { email: { equals: SYNTHETIC_ASSESSOR_EMAIL } } })
  if (already.totalDocs > 0) {
    throw new Error(
      'Basis data ini sudah berisi data sintetis / This database already holds the synthetic data. ' +
        'Gunakan basis data baru / use a fresh database (DATABASE_URI=file:<path>).',
    )
  }
  const { docs: existing } = await payload.find({ collection: COLLECTIONS.cities, select: { regionCode: true }, pagination: false, depth: 0 })
  const regions = await syntheticRegions(options.cities, new Set(existing.map((city) => city.regionCode)))
  const setupReq = await unpublishedRequest(payload)
  const dimensions = await ensureDimensions(payload, setupReq)
  const counts: SyntheticCounts = { cities: 0, programs: 0, indicators: 0, measurements: 0, updates: 0, periods: 0, reports: 0, reviews: 0 }
  const cities: SyntheticCity[] = []
  for (let index = 0; index < options.cities; index += 1) {
    cities.push(await seedCity(payload, index, regions[index], options, [...dimensions.values()], counts))
    await turnEventLoop()
    if ((index + 1) % 10 === 0) log(`  ${index + 1}/${options.cities} kota / cities, ${counts.measurements} capaian / measurements`)
  }
  await seedSyntheticRounds(payload, cities, dimensions, options, counts, log)
  await analyzeDatabase(payload)
  return { ...counts, durationMs: Math.round(performance.now() - started) }
}
