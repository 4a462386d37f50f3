import type { PayloadRequest } from 'payload'

import { COLLECTIONS, REPORT_STATUS } from '../constants.ts'
import type { Period, Report } from '../payload-types.ts'
import { type ReviewLike, type ScoringSources, latestReviewPerAssessor, scoringInputFor } from '../domain/reviewScores.ts'
import type { ScoringInput } from '../domain/scoring.ts'
import { idOf, sameId, type ID, type Ref } from '../domain/ids.ts'
import { asSystem } from './asSystem.ts'
import { withContext } from './requestContext.ts'

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

const system = (req: PayloadRequest) => asSystem(req, 'scores are computed from every assessor and every earlier round')

/**
 * The city's index at its last accepted evaluation before this report's period: the published
 * review of that report (any review with an index when none is published). Null for a first evaluation.
 */
export async function previousAcceptedIndex(req: PayloadRequest, report: Report, period: Period): Promise<number | null> {
  const earlier = await system(req).find(
    COLLECTIONS.reports,
    {
      and: [
        { city: { equals: idOf(report.city as Ref) } },
        { status: { equals: REPORT_STATUS.accepted } },
        { id: { not_equals: report.id } },
      ],
    },
    { select: { period: true }, depth: 1 },
  )
  const before = earlier
    .map((doc) => ({ id: doc.id, period: doc.period as Period | undefined }))
    .filter((doc) => doc.period && typeof doc.period === 'object' && doc.period.opensAt < period.opensAt)
    .sort((a, b) => String(b.period!.opensAt).localeCompare(String(a.period!.opensAt)))
  for (const candidate of before) {
    const docs = await system(req).find(
      COLLECTIONS.reviews,
      { and: [{ report: { equals: candidate.id } }, { overall: { exists: true } }] },
      { sort: '-published', limit: 1, select: { overall: true } },
    )
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
  const report = await system(req).findByID(COLLECTIONS.reports, reportId)
  const periodId = idOf(report?.period as Ref)
  if (!report || periodId === undefined) return null
  const period = await system(req).findByID(COLLECTIONS.periods, periodId)
  const instrumentId = idOf(period?.instrument as Ref)
  if (!period || instrumentId === undefined) return null
  const [instrument, stored, previousIndex] = await Promise.all([
    system(req).findByID(COLLECTIONS.instruments, instrumentId),
    system(req).find(COLLECTIONS.reviews, { report: { equals: report.id } }),
    previousAcceptedIndex(req, report, period),
  ])
  if (!instrument) return null

  const others = stored.filter((review) => editing?.id === undefined || !sameId(review.id, editing.id))
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

/** `req.context` key set while the reviews of one report are being rescored, so they do not rescore each other again. */
export const RESCORING = 'pantauRescoringReport'

/** Saves every review of `reportId` (but `except`) again, which recomputes their stored results. */
export async function rescoreReport(
  req: PayloadRequest,
  reportId: ID | undefined,
  except?: ID,
  data: (review: { id: ID; assessor?: unknown }) => Record<string, unknown> = () => ({}),
): Promise<void> {
  if (reportId === undefined) return
  const docs = await asSystem(req, "every assessor's review holds the report's combined scores").find(
    COLLECTIONS.reviews,
    { report: { equals: reportId } },
    { select: { assessor: true } },
  )
  await withContext(req, { [RESCORING]: true }, async () => {
    for (const review of docs) {
      if (except !== undefined && String(review.id) === String(except)) continue
      await req.payload.update({
        collection: COLLECTIONS.reviews,
        id: review.id,
        data: data(review),
        depth: 0,
        overrideAccess: true,
        req,
      })
    }
  })
}
