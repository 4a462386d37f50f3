import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { fileTypeFromBuffer } from 'file-type'
import { createLocalReq, type Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { COLLECTIONS, REPORT_STATUS, REVIEW_STATUS } from '../../cms/constants.ts'
import { PUBLISH_SITE_TASK } from '../../cms/jobs/publishSite.ts'
import { loadReportScoring } from '../../cms/server/reportScoring.ts'
import { computeScores, type ScoringInstrument } from '../../cms/domain/scoring.ts'
import { type SubmissionInstrument, submissionProblems, visibleQuestions } from '../../cms/domain/submission.ts'
import type { City, Dimension, Instrument, Period, Report, Review } from '../../cms/payload-types.ts'
import { collectSnapshot } from '../../cms/snapshot/build.ts'
import { snapshotFiles } from '../../cms/snapshot/files.ts'
import { DEMO_ACCOUNTS, DEMO_ASSESSOR_EMAIL } from '../../seed/data/accounts.ts'
import { AMBON, SEMARANG } from '../../seed/data/cities.ts'
import { AMBON_COUNCIL_EMAIL, AMBON_SUBMITTED_AT, PERIOD } from '../../seed/data/evaluation.ts'
import { AMBON_EVIDENCE } from '../../seed/data/evidence.ts'
import { PERIOD_2022 } from '../../seed/data/evaluation2022.ts'
import { PROGRAM_SLUGS } from '../../seed/data/programs.ts'
import { databaseIsEmpty, SEEDED_COLLECTIONS, type SeedSummary, seedDemo } from '../../seed/scenarios/demo.ts'
import { testPayload } from '../helpers/payload.ts'
import { parseSnapshotFiles } from '../helpers/sampleSnapshot.ts'

const ALL_COLLECTIONS = Object.values(COLLECTIONS)

async function countAll(payload: Payload): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const collection of ALL_COLLECTIONS) counts[collection] = (await payload.count({ collection })).totalDocs
  return counts
}

async function indicatorOf(payload: Payload, programSlug: string) {
  const { docs: [program] } = await payload.find({ collection: COLLECTIONS.programs, where: { slug: { equals: programSlug } } })
  const { docs } = await payload.find({ collection: COLLECTIONS.indicators, where: { program: { equals: program.id } }, locale: 'id' })
  return docs
}

async function reportsOf(payload: Payload, year: number): Promise<(Report & { city: City })[]> {
  const { docs: [period] } = await payload.find({ collection: COLLECTIONS.periods, where: { year: { equals: year } }, depth: 0 })
  const { docs } = await payload.find({
    collection: COLLECTIONS.reports,
    where: { period: { equals: period.id } },
    pagination: false,
    depth: 1,
  })
  return docs as (Report & { city: City })[]
}

const reports2023 = (payload: Payload) => reportsOf(payload, 2023)

async function userId(payload: Payload, email: string): Promise<number> {
  const { docs: [user] } = await payload.find({ collection: COLLECTIONS.users, where: { email: { equals: email } }, depth: 0 })
  return user.id
}

describe('the demo seed', () => {
  let payload: Payload
  let wasEmpty: boolean
  let first: { summary: SeedSummary; counts: Record<string, number>; ms: number }
  let second: { summary: SeedSummary; counts: Record<string, number>; ms: number }

  const run = async () => {
    const started = performance.now()
    const summary = await seedDemo(payload, { log: (line) => console.log(`${Math.round(performance.now() - started)} ms ${line}`) })
    const ms = Math.round(performance.now() - started)
    return { summary, counts: await countAll(payload), ms }
  }

  beforeAll(async () => {
    payload = await testPayload()
    wasEmpty = await databaseIsEmpty(payload)
    first = await run()
    second = await run()
    console.log(`seed timing: first run ${first.ms} ms, second run ${second.ms} ms`, first.counts)
  })

  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('sees a fresh database as empty and a seeded one as not', async () => {
    expect(wasEmpty).toBe(true)
    expect(await databaseIsEmpty(payload)).toBe(false)
  })

  it('creates no duplicates when it runs twice', () => {
    expect(second.counts).toEqual(first.counts)
    for (const collection of SEEDED_COLLECTIONS) expect(first.counts[collection], collection).toBeGreaterThan(0)
    for (const collection of SEEDED_COLLECTIONS) expect(second.summary.collections[collection].created, collection).toBe(0)
  })

  it('leaves an unchanged time series untouched on the second run', () => {
    const { created, updated, unchanged } = second.summary.collections.measurements
    expect({ created, updated }).toEqual({ created: 0, updated: 0 })
    expect(unchanged).toBe(first.counts.measurements)
  })

  it('gives Kota Ambon its programmes, one of them internal', async () => {
    const { docs: [ambon] } = await payload.find({ collection: COLLECTIONS.cities, where: { regionCode: { equals: AMBON } } })
    expect(ambon.cohort).toBe('2019')
    const { docs } = await payload.find({ collection: COLLECTIONS.programs, where: { city: { equals: ambon.id } }, pagination: false })
    const slugs = docs.map((program) => program.slug)
    for (const slug of Object.values(PROGRAM_SLUGS).filter((slug) => slug.startsWith('ambon-'))) expect(slugs).toContain(slug)
    expect(docs.filter((program) => !program.isPublic)).toHaveLength(1)
  })

  it('sets the plastic recycling target at 250 tonnes a month, reported monthly', async () => {
    const [tonnes] = (await indicatorOf(payload, PROGRAM_SLUGS.plasticRecycling)).filter((indicator) => indicator.unit === 'ton')
    expect(tonnes).toMatchObject({ target: 250, frequency: 'monthly' })
    const { docs } = await payload.find({
      collection: COLLECTIONS.measurements,
      where: { indicator: { equals: tonnes.id } },
      pagination: false,
    })
    const months = docs.map(({ year, month }) => year * 100 + Number(month)).sort((a, b) => a - b)
    expect([months[0], months.at(-1)]).toEqual([202306, 202610])
  })

  it('counts housing cumulatively against the 2,915 households identified', async () => {
    const [households] = await indicatorOf(payload, PROGRAM_SLUGS.housing)
    expect(households).toMatchObject({ target: 2915, aggregation: 'cumulative', unit: 'KK' })
  })

  it('keeps both languages of array rows after a re-seed', async () => {
    const [indonesian, english] = await Promise.all(
      (['id', 'en'] as const).map(async (locale) =>
        (await payload.find({ collection: COLLECTIONS.dimensions, where: { slug: { equals: 'smart-environment' } }, locale })).docs[0],
      ),
    )
    expect(indonesian.subDimensions?.map((row) => row.name)).toContain('Pengelolaan sampah')
    expect(english.subDimensions?.map((row) => row.name)).toContain('Waste')
  })

  it('keeps the period titles in both languages, so a re-seed finds the same periods', async () => {
    const titles = await Promise.all(
      (['id', 'en'] as const).map(async (locale) =>
        (await payload.find({ collection: COLLECTIONS.periods, locale, pagination: false, sort: '-opensAt' })).docs.map(
          (period) => period.title,
        ),
      ),
    )
    expect(titles).toEqual([
      [PERIOD.title.id, PERIOD_2022.title.id],
      [PERIOD.title.en, PERIOD_2022.title.en],
    ])
  })

  it('publishes three news items on Ambon and keeps one as a draft', async () => {
    const statuses = (await payload.find({ collection: COLLECTIONS.updates, pagination: false })).docs.map((update) => update._status)
    expect(statuses.sort()).toEqual(['draft', 'published', 'published', 'published'])
    const { docs: published } = await payload.find({
      collection: COLLECTIONS.updates,
      where: { _status: { equals: 'published' } },
      locale: 'en',
      overrideAccess: false,
    })
    expect(published.map((update) => update.title)).toContain('Plastic-waste recycling plant opens')
  })

  it('creates one demo account per role that signs in with the published password', async () => {
    for (const { email, password, role } of DEMO_ACCOUNTS) {
      const { user } = await payload.login({ collection: COLLECTIONS.users, data: { email, password } })
      expect(user).toMatchObject({ email, role, isDemo: true })
    }
  })

  it('assigns the demo assessor as lead for Kota Ambon in the 2023 period', async () => {
    const { docs: [period] } = await payload.find({ collection: COLLECTIONS.periods, where: { year: { equals: 2023 } }, depth: 1 })
    const [assignment] = period.assignments ?? []
    expect(assignment).toMatchObject({ lead: true, city: { regionCode: AMBON }, assessor: { email: 'asesor@pantau.example' } })
  })

  describe("Kota Ambon's 2023 report", () => {
    const ambonReport = async () => (await reports2023(payload)).find((report) => report.city.regionCode === AMBON)!
    const usesOf = async (report: Report) =>
      (await payload.find({ collection: COLLECTIONS.evidenceUses, where: { report: { equals: report.id } }, pagination: false, depth: 0 })).docs
    const evidenceOf = async (report: Report) => {
      const ids = (await usesOf(report)).map((use) => use.evidence as number)
      return (await payload.find({ collection: COLLECTIONS.evidence, where: { id: { in: ids } }, pagination: false, depth: 0 })).docs
    }

    it('is submitted by the Ambon council on the day in 2023 it went in, as the workflow records it', async () => {
      const report = await ambonReport()
      expect(report.status).toBe(REPORT_STATUS.submitted)
      expect(report.history).toHaveLength(1)
      expect(report.history?.[0]).toMatchObject({
        from: REPORT_STATUS.draft,
        to: REPORT_STATUS.submitted,
        by: { email: AMBON_COUNCIL_EMAIL },
        at: AMBON_SUBMITTED_AT,
      })
    })

    it('answers every question the instrument shows, once, and attaches the evidence each one asks for', async () => {
      const report = await ambonReport()
      const { docs: [period] } = await payload.find({ collection: COLLECTIONS.periods, where: { year: { equals: 2023 } }, depth: 1 })
      const instrument = period.instrument as SubmissionInstrument
      const answers = report.answers ?? []
      expect(submissionProblems(instrument, answers, await usesOf(report))).toEqual([])
      const shown = visibleQuestions(instrument, answers).map((question) => question.key)
      expect(answers.map((answer) => answer.question).sort()).toEqual([...shown].sort())
      expect(shown).not.toContain('out.csr_partners')
      expect(report.constraints).toEqual(['budget', 'staff', 'awareness'])
      expect(report.narrative?.root.children.length).toBeGreaterThan(0)
      expect(report.followUps?.root.children.length).toBeGreaterThan(0)
    })

    it('keeps its evidence files on disk, fingerprinted and of the type their content shows', async () => {
      const evidence = await evidenceOf(await ambonReport())
      const council = await userId(payload, AMBON_COUNCIL_EMAIL)
      expect(evidence.map((doc) => doc.mimeType)).toEqual(expect.arrayContaining(['application/pdf', 'image/jpeg', 'image/png']))
      for (const doc of evidence) {
        expect(doc.sha256, doc.filename!).toMatch(/^[0-9a-f]{64}$/)
        const bytes = await fs.readFile(path.join(process.env.UPLOAD_DIR!, 'evidence', doc.filename!))
        expect(createHash('sha256').update(bytes).digest('hex'), doc.filename!).toBe(doc.sha256)
        expect((await fileTypeFromBuffer(bytes))?.mime, doc.filename!).toBe(doc.mimeType)
        expect(doc).toMatchObject({ uploadedBy: council, isPublic: false })
      }
      expect(evidence).toHaveLength(AMBON_EVIDENCE.length)
      expect(new Set(evidence.map((doc) => doc.sha256)).size).toBe(evidence.length)
    })

    it('lets one file of the library serve both survey questions, each awaiting its own verdict', async () => {
      const uses = await usesOf(await ambonReport())
      expect(uses.every((use) => use.verdict === 'pending')).toBe(true)
      const survey = uses.filter((use) => use.question === 'imp.survey_held')[0]
      const sameFile = uses.filter((use) => use.evidence === survey.evidence).map((use) => use.question)
      expect(sameFile.sort()).toEqual(['imp.satisfaction', 'imp.survey_held'])
      expect(uses).toHaveLength(AMBON_EVIDENCE.flatMap((item) => item.questions).length)
    })

    it("reuses its masterplan regulation from the city's library in the accepted 2022 report", async () => {
      const { docs } = await payload.find({
        collection: COLLECTIONS.evidenceUses,
        where: { question: { equals: 'base.masterplan_enacted' } },
        depth: 1,
        pagination: false,
      })
      const ofRegulation = docs.filter((use) => (use.evidence as { filename?: string }).filename === 'ambon-perwali-masterplan-smart-city.pdf')
      expect(ofRegulation.map((use) => (use.period as { year: number }).year).sort()).toEqual([2022, 2023])
      expect(ofRegulation.find((use) => (use.period as { year: number }).year === 2022)?.verdict).toBe('accepted')
    })
  })

  it('gives every other participating city an empty 2023 draft of its own', async () => {
    const reports = await reports2023(payload)
    expect(reports.map((report) => report.city.regionCode).sort()).toEqual([...PERIOD.cityCodes].sort())
    for (const report of reports.filter((candidate) => candidate.city.regionCode !== AMBON)) {
      expect(report, report.city.name).toMatchObject({ status: REPORT_STATUS.draft, answers: [], history: [] })
      expect(report.title).toBe(`${report.city.name} — Evaluasi Smart City 2023 Tahap I`)
    }
  })

  it("leaves what a council filled into its draft when it runs again", async () => {
    const council = { ...(await payload.findByID({ collection: COLLECTIONS.users, id: await userId(payload, 'dewan.semarang@pantau.example') })), collection: COLLECTIONS.users }
    const draft = (await reports2023(payload)).find((report) => report.city.regionCode === SEMARANG)!
    const answers = [{ question: 'base.masterplan_enacted', value: true }]
    await payload.update({ collection: COLLECTIONS.reports, id: draft.id, data: { answers }, user: council, overrideAccess: false })
    await seedDemo(payload)
    const after = await payload.findByID({ collection: COLLECTIONS.reports, id: draft.id, depth: 0 })
    expect(after.answers).toMatchObject(answers)
    expect(after.status).toBe(REPORT_STATUS.draft)
  })

  describe('the closed 2022 round', () => {
    type Scored = Review & { report: Report & { city: City } }
    let period: Period
    let reports: (Report & { city: City })[]
    let reviews: Scored[]

    beforeAll(async () => {
      ;({ docs: [period] } = await payload.find({ collection: COLLECTIONS.periods, where: { year: { equals: 2022 } }, depth: 1 }))
      reports = await reportsOf(payload, 2022)
      const { docs } = await payload.find({
        collection: COLLECTIONS.reviews,
        where: { report: { in: reports.map((report) => report.id) } },
        pagination: false,
        depth: 2,
      })
      reviews = docs as Scored[]
    })

    const instrument = () => period.instrument as Instrument

    it('opened and closed in 2022 on the 2023 instrument, with the demo assessor leading every city', async () => {
      const { docs: [later] } = await payload.find({ collection: COLLECTIONS.periods, where: { year: { equals: 2023 } }, depth: 0 })
      expect(period).toMatchObject({ status: 'closed', opensAt: PERIOD_2022.opensAt, closesAt: PERIOD_2022.closesAt })
      expect([new Date(period.opensAt).getUTCFullYear(), new Date(period.closesAt).getUTCFullYear()]).toEqual([2022, 2022])
      expect(instrument().id).toBe(later.instrument)
      const cities = (period.cities as City[]).map((city) => city.regionCode)
      expect(cities.sort()).toEqual([...PERIOD.cityCodes].sort())
      for (const row of period.assignments ?? []) {
        expect(row).toMatchObject({ lead: true, assessor: { email: DEMO_ASSESSOR_EMAIL } })
      }
      expect((period.assignments ?? []).map((row) => (row.city as City).regionCode).sort()).toEqual(cities.sort())
    })

    it('holds one accepted report per participating city, with different answers and the moves that led there', () => {
      expect(reports.map((report) => report.city.regionCode).sort()).toEqual([...PERIOD.cityCodes].sort())
      for (const report of reports) {
        expect(report.status, report.city.name).toBe(REPORT_STATUS.accepted)
        expect(report.title).toBe(`${report.city.name} — ${PERIOD_2022.title.id}`)
        expect(report.history?.map(({ from, to }) => `${from}>${to}`)).toEqual([
          'draft>submitted',
          'submitted>in_review',
          'in_review>accepted',
        ])
        expect(visibleQuestions(instrument() as SubmissionInstrument, report.answers ?? []).map((question) => question.key).sort()).toEqual(
          (report.answers ?? []).map((answer) => answer.question).sort(),
        )
      }
      const answers = reports.map((report) => JSON.stringify((report.answers ?? []).map(({ question, value }) => [question, value])))
      expect(new Set(answers).size).toBe(reports.length)
    })

    it('has one completed, published review per report by the assessor, scoring and commenting every question shown, as acceptance asks', () => {
      expect(reviews.map((review) => review.report.id).sort()).toEqual(reports.map((report) => report.id).sort())
      for (const review of reviews) {
        // The acceptance rule's own list (cms/domain/workflow.ts `acceptProblems`): weighted or not.
        const shown = visibleQuestions(instrument() as SubmissionInstrument, review.report.answers ?? []).map((question) => question.key)
        expect(review, review.report.title).toMatchObject({
          status: REVIEW_STATUS.completed,
          published: true,
          assessor: { email: DEMO_ASSESSOR_EMAIL },
        })
        expect(review.scores?.map((row) => row.question).sort()).toEqual(shown.sort())
        for (const row of review.scores ?? []) expect(row.comment, row.question).toBeTruthy()
        expect(review.pillarRecommendations?.length).toBeGreaterThanOrEqual(3)
      }
    })

    it('carries the index, evaluation dimensions and pillars the scoring engine computes, in a realistic range', () => {
      const indices = reviews.map((review) => review.overall)
      for (const review of reviews) {
        const result = computeScores({
          instrument: instrument() as unknown as ScoringInstrument,
          answers: review.report.answers ?? [],
          assessments: [{ assessor: String((review.assessor as { id: number }).id), lead: true, scores: review.scores }],
        })
        expect(review.overall, review.report.title).toBe(result.index.score)
        expect(review.dimensionScores?.map(({ key, score }) => [key, score])).toEqual(
          result.evaluationDimensions.map(({ key, score }) => [key, score]),
        )
        expect(review.pillarScores?.map(({ pillar, score }) => [String((pillar as Dimension).id), score])).toEqual(
          result.pillars.filter((row) => row.score !== null).map(({ pillar, score }) => [pillar, score]),
        )
        expect(review.overall).toBeGreaterThanOrEqual(2.7)
        expect(review.overall).toBeLessThanOrEqual(3.7)
      }
      expect(new Set(indices).size).toBe(reviews.length)
    })

    it("advises Ambon to seek company CSR funds where its budget is short", async () => {
      const { docs: [review] } = await payload.find({
        collection: COLLECTIONS.reviews,
        where: { id: { equals: reviews.find((candidate) => candidate.report.city.regionCode === AMBON)!.id } },
        locale: 'en',
        depth: 1,
      })
      const environment = review.pillarRecommendations?.find((row) => (row.pillar as Dimension).slug === 'smart-environment')
      expect(JSON.stringify(environment?.text)).toMatch(/CSR/)
    })

    it('publishes the accepted scores in the snapshot, and nothing of the 2023 round', async () => {
      const snapshot = await collectSnapshot(payload)
      const byReview = new Map(snapshot.scores.map((score) => [score.id, score]))
      expect(snapshot.scores).toHaveLength(reviews.length)
      for (const review of reviews) {
        expect(byReview.get(String(review.id)), review.report.title).toMatchObject({
          city: String(review.report.city.id),
          period: String(period.id),
          overall: review.overall,
        })
      }
      const { totalDocs } = await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: PUBLISH_SITE_TASK } } })
      expect(totalDocs).toBeGreaterThan(0)
    })

    it('writes the demo data as a snapshot the contract accepts, file by file', async () => {
      const files = snapshotFiles(await collectSnapshot(payload), new Date())
      const tables = parseSnapshotFiles(Object.fromEntries(files.map((file) => [file.path, file.content])))
      expect(tables.scores).toHaveLength(reviews.length)
      expect(tables.cities.length).toBeGreaterThan(2)
      expect(tables.measurements.length).toBeGreaterThan(0)
    })

    it("leaves Ambon's 2023 report submitted and Semarang's a draft, and gives Ambon's 2023 Baseline its 2022 index", async () => {
      const later = await reports2023(payload)
      const ambon = later.find((report) => report.city.regionCode === AMBON)!
      expect(ambon.status).toBe(REPORT_STATUS.submitted)
      expect(later.find((report) => report.city.regionCode === SEMARANG)?.status).toBe(REPORT_STATUS.draft)
      const scoring = await loadReportScoring(await createLocalReq({}, payload), ambon.id)
      const ambon2022 = reviews.find((review) => review.report.city.regionCode === AMBON)!
      expect(scoring?.input.previousIndex).toBe(ambon2022.overall)
    })
  })

  it('skips the demo accounts on a production server but seeds the rest', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('PANTAU_DEMO_ACCOUNTS', '')
    const summary = await seedDemo(payload)
    expect(summary.demoAccounts).toBe('skipped')
    expect(summary.collections.users).toEqual({ created: 0, updated: 0, unchanged: 0 })
    expect(summary.collections.cities.updated).toBe(first.counts.cities)
    expect(await countAll(payload)).toEqual(first.counts)
  })
})
