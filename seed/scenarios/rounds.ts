/**
 * The demo's evaluation rounds, written on its reference data (./demo.ts): the 2023 period, in which
 * Ambon's council has submitted its report with its evidence and the other cities hold empty drafts,
 * and the closed 2022 round, whose five reports are accepted with the demo assessor's published
 * reviews. The seed writes only what people would (answers, uploads, per-question scores); the
 * server's hooks check the submission and compute the scores, as they do for a person.
 */
import { createLocalReq, type File, type Where } from 'payload'

import { COLLECTIONS, CONTEXT_FLAGS, EVIDENCE_VERDICT, REPORT_STATUS, REVIEW_STATUS, ROLES } from '../../cms/constants.ts'
import { sha256Of } from '../../cms/infra/fingerprint.ts'
import { queuePublishSite } from '../../cms/hooks/enqueuePublishSite.ts'
import type { Period } from '../../cms/payload-types.ts'
import { DEMO_ACCOUNTS, DEMO_ASSESSOR_EMAIL } from '../data/accounts.ts'
import { AMBON, cityName } from '../data/cities.ts'
import { AMBON_COUNCIL_EMAIL, AMBON_REPORT, AMBON_SUBMITTED_AT, PERIOD, reportTitle } from '../data/evaluation.ts'
import { PERIOD_2022, type Result2022, RESULTS_2022 } from '../data/evaluation2022.ts'
import { AMBON_EVIDENCE, AMBON_REUSED_2022 } from '../data/evidence.ts'
import { type ID, Seeder } from '../engine.ts'
import type { Bilingual } from '../lib/bilingual.ts'
import { evidenceFile } from '../lib/evidenceFile.ts'
import { cityId, dimensionId, type References } from './references.ts'

/** The collections the rounds write, in the order they write them. */
export const ROUND_COLLECTIONS = [
  COLLECTIONS.periods,
  COLLECTIONS.reports,
  COLLECTIONS.evidence,
  COLLECTIONS.evidenceUses,
  COLLECTIONS.reviews,
] as const

type RoundSeeder = Seeder<(typeof ROUND_COLLECTIONS)[number]>

type PeriodSeed = Pick<Period, 'year' | 'status' | 'opensAt' | 'closesAt'> & {
  title: Bilingual
  stage?: string
  cityCodes: string[]
}

/** A period whose cities in `assessedCodes` the demo assessor leads, when there is one. */
export async function seedPeriod(
  seeder: Seeder<typeof COLLECTIONS.periods>,
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
async function seedReports(seeder: RoundSeeder, period: ID, cities: Map<string, ID>, users: Map<string, ID>): Promise<void> {
  for (const code of PERIOD.cityCodes) {
    if (code === AMBON) await seedAmbonReport(seeder, period, cityId(cities, code), users.get(AMBON_COUNCIL_EMAIL))
    else await seedDraftReport(seeder, period, cityId(cities, code), cityName(code))
  }
  seeder.logProgress(COLLECTIONS.reports, 'reports')
  seeder.logProgress(COLLECTIONS.evidence, 'evidence files')
  seeder.logProgress(COLLECTIONS.evidenceUses, 'evidence uses')
}

const reportOf = (city: ID, period: ID): Where => ({ and: [{ city: { equals: city } }, { period: { equals: period } }] })

/** An empty draft, as opening the period gives each city, for its council to fill in. */
async function seedDraftReport(seeder: RoundSeeder, period: ID, city: ID, name: string): Promise<void> {
  await seeder.insertOnce(COLLECTIONS.reports, reportOf(city, period), {
    title: reportTitle(name),
    city,
    period,
    status: REPORT_STATUS.draft,
  })
}

/**
 * The city's library file with this content: the one already uploaded, else uploaded now as the
 * council (content type and fingerprint checked), or as the system without demo accounts.
 */
async function libraryFile(
  seeder: RoundSeeder,
  city: ID,
  file: File,
  data: { description: string; documentDate: string },
  council: object,
): Promise<ID> {
  const { payload } = seeder
  const {
    docs: [found],
  } = await payload.find({
    collection: COLLECTIONS.evidence,
    where: { and: [{ city: { equals: city } }, { sha256: { equals: await sha256Of(file) } }] },
    limit: 1,
    depth: 0,
  })
  if (found) {
    seeder.count(COLLECTIONS.evidence, 'unchanged')
    return found.id
  }
  const created = await payload.create({ collection: COLLECTIONS.evidence, data: { city, ...data }, file, depth: 0, ...council })
  seeder.count(COLLECTIONS.evidence, 'created')
  return created.id
}

/**
 * Ambon's report goes the way its council's would: saved as a draft, its files put into the city's
 * evidence library and attached to their questions as the council, then submitted by the council
 * through the submission checks, on the day it was submitted in 2023. Without demo accounts (a
 * production server) the system stands in for the council. No notice e-mails: nobody is waiting.
 */
async function seedAmbonReport(seeder: RoundSeeder, period: ID, city: ID, councilId: ID | undefined): Promise<void> {
  const { payload } = seeder
  const {
    docs: [existing],
  } = await payload.find({ collection: COLLECTIONS.reports, where: reportOf(city, period), limit: 1, depth: 0 })
  if (existing && existing.status !== REPORT_STATUS.draft) {
    seeder.count(COLLECTIONS.reports, 'unchanged')
    const uses = await payload.count({ collection: COLLECTIONS.evidenceUses, where: { report: { equals: existing.id } } })
    seeder.count(COLLECTIONS.evidence, 'unchanged', AMBON_EVIDENCE.length)
    seeder.count(COLLECTIONS.evidenceUses, 'unchanged', uses.totalDocs)
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
    collection: COLLECTIONS.evidenceUses,
    where: { report: { equals: report.id } },
    pagination: false,
    depth: 0,
  })
  seeder.count(COLLECTIONS.evidenceUses, 'unchanged', attached.length)
  const present = new Set(attached.map((use) => use.question))
  const missing = AMBON_EVIDENCE.filter((item) => item.questions.some((question) => !present.has(question)))
  seeder.count(COLLECTIONS.evidence, 'unchanged', AMBON_EVIDENCE.length - missing.length)
  // Rendering (sharp, PDF) runs in parallel; the uploads one by one, as the database writes them.
  const files = await Promise.all(missing.map(evidenceFile))
  for (const [index, { questions, description, documentDate }] of missing.entries()) {
    const file = await libraryFile(seeder, city, files[index], { description, documentDate }, council)
    for (const question of questions.filter((key) => !present.has(key))) {
      await payload.create({
        collection: COLLECTIONS.evidenceUses,
        data: { report: report.id, evidence: file, question },
        depth: 0,
        ...council,
      })
      seeder.count(COLLECTIONS.evidenceUses, 'created')
    }
  }

  await payload.update({
    collection: COLLECTIONS.reports,
    id: report.id,
    data: { status: REPORT_STATUS.submitted },
    depth: 0,
    context: { [CONTEXT_FLAGS.skipNotices]: true, [CONTEXT_FLAGS.transitionAt]: AMBON_SUBMITTED_AT },
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
async function seedRound2022(seeder: RoundSeeder, { instrument, cities, dimensions, users }: References): Promise<void> {
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
        pillarRecommendations: result.pillarRecommendations.map(({ pillar, text }) => ({ pillar: dimensionId(dimensions, pillar), text })),
        published: true,
      },
    )
    published ||= created
    if (result.cityCode === AMBON) await reuseInRound2022(seeder, report, cityId(cities, AMBON))
  }
  // The accepted results are public once their reviews exist: one publish job, as a change to public
  // data queues it (unless one is already waiting).
  if (published) await queuePublishSite(await createLocalReq({}, seeder.payload))
  seeder.logProgress(COLLECTIONS.reports, 'reports')
  seeder.logProgress(COLLECTIONS.reviews, 'reviews')
}

/**
 * Ambon's masterplan regulation, in the city's library since the 2023 report, also supported its
 * accepted 2022 report: one file, uses in two periods, judged in each. Left out when the file is
 * not in the library (the 2023 report was filed by hand before the seed ran).
 */
async function reuseInRound2022(seeder: RoundSeeder, report: ID, city: ID): Promise<void> {
  const {
    docs: [file],
  } = await seeder.payload.find({
    collection: COLLECTIONS.evidence,
    where: { and: [{ city: { equals: city } }, { filename: { equals: AMBON_REUSED_2022.filename } }] },
    limit: 1,
    depth: 0,
  })
  if (!file) return
  const question = AMBON_REUSED_2022.question
  await seeder.insertOnce(
    COLLECTIONS.evidenceUses,
    { and: [{ report: { equals: report } }, { evidence: { equals: file.id } }, { question: { equals: question } }] },
    { report, evidence: file.id, question, verdict: EVIDENCE_VERDICT.accepted },
    { context: { [CONTEXT_FLAGS.skipPublish]: true } },
  )
}

/** A 2022 report as it stood when accepted, with the moves that got it there. */
async function seedAcceptedReport(
  seeder: RoundSeeder,
  period: ID,
  city: ID,
  { cityCode, report, submittedAt, reviewedAt, acceptedAt }: Result2022,
  users: Map<string, ID>,
  assessor: ID,
): Promise<ID> {
  const councilEmail = DEMO_ACCOUNTS.find((account) => account.role === ROLES.council && account.cityCodes.includes(cityCode))?.email
  const council = councilEmail === undefined ? null : (users.get(councilEmail) ?? null)
  const { doc } = await seeder.insertOnce(
    COLLECTIONS.reports,
    reportOf(city, period),
    {
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
    // Its scores exist only once its review does: publishing waits for that (see `seedRound2022`).
    { context: { [CONTEXT_FLAGS.skipPublish]: true } },
  )
  return doc.id
}

/**
 * The 2023 period (the demo assessor leads Ambon's review), its reports, then the closed 2022 round.
 */
export async function seedEvaluationRounds(seeder: RoundSeeder, references: References): Promise<void> {
  const { instrument, cities, users } = references
  const { assessedCityCode, ...period2023 } = PERIOD
  const assessor = users.get(DEMO_ASSESSOR_EMAIL)
  if (assessor === undefined) seeder.note('Skipping the assessor assignment: there is no demo assessor.')
  const period = await seedPeriod(seeder, instrument, cities, period2023, assessor, [assessedCityCode])
  await seedReports(seeder, period, cities, users)
  await seedRound2022(seeder, references)
}
