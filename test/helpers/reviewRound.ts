import type { Payload } from 'payload'

import { COLLECTIONS, REPORT_STATUS, ROLES } from '../../cms/constants.ts'
import type { City, Dimension, Instrument, Period, Report, Review, User } from '../../cms/payload-types.ts'
import { paragraphs } from '../../seed/lib/richText.ts'
import { as } from './access.ts'
import { cityData, dimensionData, type Fixture, openUntil } from './fixture.ts'
import { createUser } from './users.ts'

type TestUser = User & { collection: 'users' }

/**
 * Weights of the evaluation dimensions of the round's instrument: Output 40, Outcome 60; with a
 * Baseline, Baseline 20, Output 40, Outcome 40 (the Baseline has no questions: only the improvement).
 */
export const ROUND_DIMENSIONS = [
  { key: 'output', name: 'Output', weight: 40 },
  { key: 'outcome', name: 'Outcome', weight: 60 },
]

/**
 * An instrument of `count` maturity questions `Q1..Qn` (no evidence needed), spread over sections of
 * three, alternating Output and Outcome and the two pillars given.
 */
export function roundInstrument(pillars: Dimension[], count: number, withBaseline = false) {
  const sections: {
    title: string
    evaluationDimension: string
    dimension: number
    questions: { key: string; type: 'maturity'; weight: number; text: string; evidence: 'none' }[]
  }[] = []
  for (let n = 1; n <= count; n += 1) {
    const index = Math.floor((n - 1) / 3)
    if (!sections[index]) {
      sections[index] = {
        title: `Bagian ${index + 1}`,
        evaluationDimension: ROUND_DIMENSIONS[index % 2].key,
        dimension: pillars[index % pillars.length].id,
        questions: [],
      }
    }
    sections[index].questions.push({ key: `Q${n}`, type: 'maturity', weight: 1, text: `Pertanyaan ${n}`, evidence: 'none' })
  }
  const evaluationDimensions = withBaseline
    ? [{ key: 'baseline', name: 'Baseline', weight: 20 }, ...ROUND_DIMENSIONS.map((row) => ({ ...row, weight: 40 }))]
    : ROUND_DIMENSIONS
  return { title: `Instrumen penilaian ${Date.now()}-${count}`, year: 2023, version: 1, evaluationDimensions, sections }
}

export interface Round {
  city: City
  pillars: Dimension[]
  instrument: Instrument
  period: Period
  report: Report
  lead: TestUser
  member: TestUser
  council: TestUser
}

/**
 * A review round of a city of its own: an instrument of `questions` maturity questions, an open
 * period with a lead and a member assessor, and the council's report answering every question with
 * `answer`, submitted by the council.
 */
export async function createRound(
  payload: Payload,
  fixture: Fixture,
  options: { questions?: number; answer?: number; city?: City; opensAt?: string; baseline?: boolean } = {},
): Promise<Round> {
  const city = options.city ?? (await payload.create({ collection: COLLECTIONS.cities, data: cityData() }))
  const pillars = [
    await payload.create({ collection: COLLECTIONS.dimensions, data: dimensionData() }),
    await payload.create({ collection: COLLECTIONS.dimensions, data: dimensionData() }),
  ]
  const instrument = await payload.create({
    collection: COLLECTIONS.instruments,
    data: roundInstrument(pillars, options.questions ?? 6, options.baseline),
  })
  const lead = await createUser(payload, ROLES.assessor)
  const member = await createUser(payload, ROLES.assessor)
  const council = await createUser(payload, ROLES.council, [city.id])
  const period = await payload.create({
    collection: COLLECTIONS.periods,
    data: {
      title: `Evaluasi ${Date.now()} ${city.name}`,
      year: 2023,
      status: 'upcoming',
      instrument: instrument.id,
      opensAt: options.opensAt ?? '2023-03-01T00:00:00.000Z',
      closesAt: openUntil(),
      cities: [city.id],
      assignments: [
        { city: city.id, assessor: lead.id, lead: true },
        { city: city.id, assessor: member.id, lead: false },
      ],
    },
    ...as(fixture, 'secretariat'),
  })
  const draft = await payload.create({
    collection: COLLECTIONS.reports,
    data: {
      title: `Laporan ${city.name} ${period.id}`,
      city: city.id,
      period: period.id,
      status: REPORT_STATUS.draft,
      answers: (instrument.sections ?? []).flatMap((section) =>
        (section.questions ?? []).map((question) => ({ question: question.key, value: options.answer ?? 3 })),
      ),
    },
  })
  const report = await payload.update({
    collection: COLLECTIONS.reports,
    id: draft.id,
    data: { status: REPORT_STATUS.submitted },
    overrideAccess: false,
    user: council,
  })
  return { city, pillars, instrument, period, report, lead, member, council }
}

/**
 * Saves `assessor`'s review of the round's report with the same `score` for every question (or the
 * scores given). The lead's review carries a general recommendation unless `extra` says otherwise,
 * as acceptance requires one.
 */
export async function scoreAll(
  payload: Payload,
  round: Round,
  assessor: TestUser,
  score: number | Record<string, number>,
  extra: Partial<Review> = {},
): Promise<Review> {
  const questions = (round.instrument.sections ?? []).flatMap((section) => (section.questions ?? []).map((q) => q.key))
  const scores = questions.map((question) => ({
    question,
    score: typeof score === 'number' ? score : (score[question] ?? 3),
  }))
  const { docs } = await payload.find({
    collection: COLLECTIONS.reviews,
    where: { and: [{ report: { equals: round.report.id } }, { assessor: { equals: assessor.id } }] },
    overrideAccess: true,
  })
  const recommendation = assessor.id === round.lead.id ? { recommendations: paragraphs('Perluas integrasi layanan antar-OPD.') } : {}
  const data = { scores, ...recommendation, ...extra }
  return docs[0]
    ? payload.update({ collection: COLLECTIONS.reviews, id: docs[0].id, data, overrideAccess: false, user: assessor })
    : payload.create({
        collection: COLLECTIONS.reviews,
        data: { report: round.report.id, ...data } as never,
        overrideAccess: false,
        user: assessor,
      })
}
