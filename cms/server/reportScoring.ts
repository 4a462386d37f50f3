import type { PayloadRequest } from 'payload'

import { COLLECTIONS, REPORT_STATUS } from '../constants.ts'
import type { Period, Report } from '../payload-types.ts'
import { type ReviewLike, type ScoringSources, latestReviewPerAssessor, scoringInputFor } from '../domain/reviewScores.ts'
import type { ScoringInput } from '../domain/scoring.ts'
import { idOf, sameId, type ID, type Ref } from '../domain/ids.ts'

export type ReportScoring = {
  report: Report
  period: Period
  /** The latest review of each assessor of the report (with `editing` in place of its stored version). */
  reviews: ReviewLike[]
  /** Assessors assigned to the report's city in its period, and the lead among them. */
  assigned: ID[]
  lead: ID | undefined
  input: ScoringInput
}

const lookup = (req: PayloadRequest) => ({ depth: 0, overrideAccess: true, req }) as const

/**
 * The city's index at its last accepted evaluation before this report's period: the published
 * review of that report (any review with an index when none is published). Null for a first evaluation.
 */
export async function previousAcceptedIndex(req: PayloadRequest, report: Report, period: Period): Promise<number | null> {
  const { docs: earlier } = await req.payload.find({
    collection: COLLECTIONS.reports,
    where: {
      and: [
        { city: { equals: idOf(report.city as Ref) } },
        { status: { equals: REPORT_STATUS.accepted } },
        { id: { not_equals: report.id } },
      ],
    },
    pagination: false,
    select: { period: true },
    ...lookup(req),
    depth: 1,
  })
  const before = earlier
    .map((doc) => ({ id: doc.id, period: doc.period as Period | undefined }))
    .filter((doc) => doc.period && typeof doc.period === 'object' && doc.period.opensAt < period.opensAt)
    .sort((a, b) => String(b.period!.opensAt).localeCompare(String(a.period!.opensAt)))
  for (const candidate of before) {
    const { docs } = await req.payload.find({
      collection: COLLECTIONS.reviews,
      where: { and: [{ report: { equals: candidate.id } }, { overall: { exists: true } }] },
      sort: '-published',
      limit: 1,
      select: { overall: true },
      ...lookup(req),
    })
    const overall = docs[0]?.overall
    if (typeof overall === 'number') return overall
  }
  return null
}

/**
 * Everything the scoring engine needs for one report, read as the system: its period's instrument,
 * the council's answers, the reviews of all its assessors, the lead, and the city's previous index.
 * `editing` is a review being saved: it counts instead of its stored version. Null when the report,
 * its period or its instrument is missing.
 */
export async function loadReportScoring(
  req: PayloadRequest,
  reportId: ID,
  editing?: ReviewLike,
): Promise<ReportScoring | null> {
  const report = await req.payload.findByID({ collection: COLLECTIONS.reports, id: reportId, disableErrors: true, ...lookup(req) })
  const periodId = idOf(report?.period as Ref)
  if (!report || periodId === undefined) return null
  const period = await req.payload.findByID({ collection: COLLECTIONS.periods, id: periodId, disableErrors: true, ...lookup(req) })
  const instrumentId = idOf(period?.instrument as Ref)
  if (!period || instrumentId === undefined) return null
  const [instrument, stored, previousIndex] = await Promise.all([
    req.payload.findByID({ collection: COLLECTIONS.instruments, id: instrumentId, disableErrors: true, ...lookup(req) }),
    req.payload.find({
      collection: COLLECTIONS.reviews,
      where: { report: { equals: report.id } },
      pagination: false,
      ...lookup(req),
    }),
    previousAcceptedIndex(req, report, period),
  ])
  if (!instrument) return null

  const others = stored.docs.filter((review) => editing?.id === undefined || !sameId(review.id, editing.id))
  const reviews = latestReviewPerAssessor<ReviewLike>([
    ...(others as ReviewLike[]),
    ...(editing ? [{ ...editing, updatedAt: '\uffff' }] : []),
  ])
  const ofCity = (period.assignments ?? []).filter((row) => sameId(row.city as Ref, report.city as Ref))
  const assigned = ofCity.map((row) => idOf(row.assessor as Ref)).filter((id): id is ID => id !== undefined)
  const lead = idOf(ofCity.find((row) => row.lead)?.assessor as Ref)
  const input = scoringInputFor({
    instrument: instrument as unknown as ScoringSources['instrument'],
    answers: (report.answers ?? []).map(({ question, value }) => ({ question, value })),
    reviews,
    lead,
    previousIndex,
  })
  return { report, period, reviews, assigned, lead, input }
}
