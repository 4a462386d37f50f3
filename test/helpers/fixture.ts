import type { Payload } from 'payload'

import { COLLECTIONS, REPORT_STATUS, ROLES, type ReportStatus } from '../../cms/constants.ts'
import type {
  City,
  Dimension,
  Evidence,
  EvidenceUse,
  Indicator,
  Instrument,
  Measurement,
  Media,
  Period,
  Program,
  Report,
  Review,
  Update,
} from '../../cms/payload-types.ts'
import { pdfFile, pngFile } from './files.ts'
import { createUser } from './users.ts'

type TestUser = Awaited<ReturnType<typeof createUser>>

/**
 * One person per row of the access table, named from the point of view of city A: city A's council,
 * a council of another city (B), the assessor assigned to city A and an assessor assigned nowhere.
 */
export interface FixtureUsers {
  secretariat: TestUser
  councilA: TestUser
  councilB: TestUser
  assessorA: TestUser
  assessorNone: TestUser
}

export interface Fixture {
  users: FixtureUsers
  cityA: City
  cityB: City
  dimension: Dimension
  programs: { publicA: Program; privateA: Program; publicB: Program; privateB: Program }
  indicators: { publicA: Indicator; privateA: Indicator; publicB: Indicator; privateB: Indicator }
  measurements: { publicA: Measurement; privateA: Measurement; publicB: Measurement; privateB: Measurement }
  instrument: Instrument
  period: Period
  reports: { a: Report; b: Report }
  /** Files of each city's evidence library, each attached to its city's report (question G1). */
  evidence: { a: Evidence; b: Evidence; publicA: Evidence }
  /** Those attachments, which carry the verdicts. */
  uses: { a: EvidenceUse; b: EvidenceUse; publicA: EvidenceUse }
  /** The assessor's published review of city A's report. */
  review: Review
  updates: { published: Update; draft: Update }
  /** An image uploaded by city A's council. */
  media: Media
}

let serial = 0
/** Titles and slugs are unique, so every record made here carries a number of its own. */
const next = () => (serial += 1)

export const programData = (city: City | number, dimension: Dimension | number, isPublic = false) => {
  const n = next()
  return {
    title: `Program ${n}`,
    slug: `program-${n}`,
    city: typeof city === 'number' ? city : city.id,
    dimension: typeof dimension === 'number' ? dimension : dimension.id,
    agency: 'Dinas Lingkungan Hidup',
    status: 'ongoing' as const,
    startYear: 2020,
    isPublic,
  }
}

export const indicatorData = (program: Program) => ({
  name: `Sampah plastik didaur ulang ${next()}`,
  program: program.id,
  city: typeof program.city === 'number' ? program.city : program.city.id,
  unit: 'ton',
  target: 250,
  targetYear: 2025,
  direction: 'up' as const,
  frequency: 'yearly' as const,
  aggregation: 'per_period' as const,
})

/** Each call takes a year of its own, since an indicator holds one value per year. */
export const measurementData = (indicator: Indicator) => ({
  indicator: indicator.id,
  year: 2000 + next(),
  value: 120,
})

/** Two-digit codes no Indonesian province has. */
const FREE_PROVINCE_CODES = ['10', '20', '22', '23', '24', '25', '26', '27', '28', '29', '30', '37', '38', '39', '40', '41', '42', '43', '44', '45']

export const cityData = () => {
  const n = next()
  return {
    name: `Kota Uji ${n}`,
    kind: 'kota' as const,
    province: 'Maluku',
    // Codes of no province, so no test city is taken for a real one (cms/infra/officialRegions.ts).
    regionCode: `${FREE_PROVINCE_CODES[Math.floor(n / 100) % FREE_PROVINCE_CODES.length]}.${String(n % 100).padStart(2, '0')}`,
    cohort: '2019' as const,
  }
}

export const dimensionData = () => ({ name: `Dimensi ${next()}`, order: 1, colour: '#1F7A5C' })

export const instrumentData = (dimension: Dimension) => ({
  title: `Instrumen ${next()}`,
  year: 2023,
  version: 1,
  evaluationDimensions: [
    { key: 'output', name: 'Output', weight: 40 },
    { key: 'outcome', name: 'Outcome', weight: 60 },
  ],
  sections: [
    {
      title: 'Tata kelola',
      evaluationDimension: 'output',
      dimension: dimension.id,
      questions: [
        { key: 'G1', type: 'maturity' as const, weight: 1, text: 'Tingkat kematangan layanan daring', evidence: 'optional' as const },
      ],
    },
  ],
})

export const periodData = (fixture: Pick<Fixture, 'instrument' | 'cityA' | 'cityB' | 'users'>) => ({
  title: `Evaluasi Smart City ${next()}`,
  year: 2023,
  status: 'open' as const,
  instrument: fixture.instrument.id,
  opensAt: '2023-03-01T00:00:00.000Z',
  closesAt: '2023-06-30T00:00:00.000Z',
  cities: [fixture.cityA.id, fixture.cityB.id],
  assignments: [{ city: fixture.cityA.id, assessor: fixture.users.assessorA.id, lead: true }],
})

export const updateData = (program: Program) => ({
  title: `Kabar ${next()}`,
  date: '2023-05-01T00:00:00.000Z',
  program: program.id,
  city: typeof program.city === 'number' ? program.city : program.city.id,
})

let distinctFile = 0

/**
 * A file in `city`'s evidence library, uploaded as the system (no person), with content of its own
 * (the library keeps one copy of each content per city); attached to `report` for `question` (G1
 * unless said) when a report is given.
 */
export async function createEvidence(
  payload: Payload,
  city: City,
  report?: Report,
  extra: { isPublic?: boolean; uploadedBy?: number; question?: string | null; filename?: string } = {},
): Promise<Evidence> {
  const { question = 'G1', filename = 'bukti.pdf', ...data } = extra
  const file = await payload.create({
    collection: COLLECTIONS.evidence,
    data: { city: city.id, description: 'Dokumen pendukung', ...data },
    file: pdfFile(filename, `Bukti dukung ${(distinctFile += 1)}`),
  })
  if (report) await attachEvidence(payload, report, file, question)
  return file
}

/** Attaches a library file to `question` of `report` (null: the report as a whole), as the system. */
export function attachEvidence(payload: Payload, report: Report, file: Evidence, question: string | null = 'G1'): Promise<EvidenceUse> {
  return payload.create({ collection: COLLECTIONS.evidenceUses, data: { report: report.id, evidence: file.id, question }, depth: 0 })
}

/** The use of `file` for `question` of `report`. */
export async function useOf(payload: Payload, report: Report, file: Evidence, question: string | null = 'G1'): Promise<EvidenceUse> {
  const { docs } = await payload.find({
    collection: COLLECTIONS.evidenceUses,
    where: {
      and: [
        { report: { equals: report.id } },
        { evidence: { equals: file.id } },
        question === null ? { question: { exists: false } } : { question: { equals: question } },
      ],
    },
    depth: 0,
    limit: 1,
  })
  if (!docs[0]) throw new Error(`file ${file.id} is not attached to ${question ?? 'the report'} of report ${report.id}`)
  return docs[0]
}

/**
 * A report of `city` in a period of its own (a city has one report per period), already in `status`,
 * for tests that move a report through the workflow without disturbing the shared fixture.
 */
export async function createReport(
  payload: Payload,
  fixture: Fixture,
  city: City,
  status: ReportStatus = REPORT_STATUS.draft,
): Promise<Report> {
  const period = await payload.create({ collection: COLLECTIONS.periods, data: periodData(fixture) })
  return payload.create({
    collection: COLLECTIONS.reports,
    data: { title: `Laporan ${city.name} ${period.title}`, city: city.id, period: period.id, status },
  })
}

/**
 * Builds, as the system (access overridden), everything the access tests act on: two cities A and B
 * with a public and a private programme each (an indicator and a measurement under each), a dimension,
 * an instrument, a period with both cities and one lead assessor on city A, a draft report per city,
 * an evidence file per city attached to its report plus one public file of city A, the assessor's published review of A's report, a published
 * and a draft update, an image, and one user per role.
 */
export async function buildFixture(payload: Payload): Promise<Fixture> {
  const cityA = await payload.create({ collection: COLLECTIONS.cities, data: cityData() })
  const cityB = await payload.create({ collection: COLLECTIONS.cities, data: cityData() })
  const users: FixtureUsers = {
    secretariat: await createUser(payload, ROLES.secretariat),
    councilA: await createUser(payload, ROLES.council, [cityA.id]),
    councilB: await createUser(payload, ROLES.council, [cityB.id]),
    assessorA: await createUser(payload, ROLES.assessor),
    assessorNone: await createUser(payload, ROLES.assessor),
  }
  const dimension = await payload.create({ collection: COLLECTIONS.dimensions, data: dimensionData() })

  const program = (city: City, isPublic: boolean) =>
    payload.create({ collection: COLLECTIONS.programs, data: programData(city, dimension, isPublic) })
  const programs = {
    publicA: await program(cityA, true),
    privateA: await program(cityA, false),
    publicB: await program(cityB, true),
    privateB: await program(cityB, false),
  }
  const indicator = (parent: Program) =>
    payload.create({ collection: COLLECTIONS.indicators, data: indicatorData(parent) })
  const indicators = {
    publicA: await indicator(programs.publicA),
    privateA: await indicator(programs.privateA),
    publicB: await indicator(programs.publicB),
    privateB: await indicator(programs.privateB),
  }
  const measurement = (parent: Indicator) =>
    payload.create({ collection: COLLECTIONS.measurements, data: measurementData(parent) })
  const measurements = {
    publicA: await measurement(indicators.publicA),
    privateA: await measurement(indicators.privateA),
    publicB: await measurement(indicators.publicB),
    privateB: await measurement(indicators.privateB),
  }

  const instrument = await payload.create({ collection: COLLECTIONS.instruments, data: instrumentData(dimension) })
  const period = await payload.create({
    collection: COLLECTIONS.periods,
    data: periodData({ instrument, cityA, cityB, users }),
  })
  const report = (city: City) =>
    payload.create({
      collection: COLLECTIONS.reports,
      data: {
        title: `Laporan ${city.name}`,
        city: city.id,
        period: period.id,
        status: REPORT_STATUS.draft,
        answers: [{ question: 'G1', value: 3 }],
      },
    })
  const reports = { a: await report(cityA), b: await report(cityB) }

  const evidence = {
    a: await createEvidence(payload, cityA, reports.a),
    b: await createEvidence(payload, cityB, reports.b),
    publicA: await createEvidence(payload, cityA, reports.a, { isPublic: true }),
  }
  const uses = {
    a: await useOf(payload, reports.a, evidence.a),
    b: await useOf(payload, reports.b, evidence.b),
    publicA: await useOf(payload, reports.a, evidence.publicA),
  }

  const review = await payload.create({
    collection: COLLECTIONS.reviews,
    data: {
      report: reports.a.id,
      assessor: users.assessorA.id,
      city: cityA.id,
      status: 'in_progress',
      scores: [{ question: 'G1', score: 3, comment: 'Cukup' }],
      published: true,
    },
  })

  const updates = {
    published: await payload.create({
      collection: COLLECTIONS.updates,
      data: { ...updateData(programs.publicA), _status: 'published' },
    }),
    draft: await payload.create({
      collection: COLLECTIONS.updates,
      data: { ...updateData(programs.publicA), _status: 'draft' },
      draft: true,
    }),
  }

  const media = await payload.create({
    collection: COLLECTIONS.media,
    data: { alt: 'Bank sampah', uploadedBy: users.councilA.id },
    file: await pngFile(),
  })

  return {
    users,
    cityA,
    cityB,
    dimension,
    programs,
    indicators,
    measurements,
    instrument,
    period,
    reports,
    evidence,
    uses,
    review,
    updates,
    media,
  }
}

/** A year from now: a closing date that has not passed whenever the tests run. */
export const openUntil = () => new Date(Date.now() + 365 * 24 * 60 * 60 * 1000).toISOString()

/**
 * A report of `city` that passes the submission checks: it answers the fixture instrument's one
 * question, in a period of its own that is still open. For tests of what a submission does, not of
 * what it refuses.
 */
export async function createSubmittableReport(
  payload: Payload,
  fixture: Fixture,
  city: City,
  status: ReportStatus = REPORT_STATUS.draft,
): Promise<Report> {
  const period = await payload.create({
    collection: COLLECTIONS.periods,
    data: { ...periodData(fixture), closesAt: openUntil() },
  })
  return payload.create({
    collection: COLLECTIONS.reports,
    data: {
      title: `Laporan ${city.name} ${period.title}`,
      city: city.id,
      period: period.id,
      status,
      answers: [{ question: 'G1', value: 3 }],
    },
  })
}
