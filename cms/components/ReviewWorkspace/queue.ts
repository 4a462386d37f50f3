/**
 * An assessor's queue, read once for the two places that show it: its start page and the top of the
 * reports list. Read with the assessor's own access, so it holds exactly the reports it may review.
 */
import type { Payload, TypedUser } from 'payload'

import { COLLECTIONS, REPORT_STATUS, REVIEW_STATUS, type ReportStatus } from '../../constants.ts'
import { submissionDeadline } from '../../domain/deadlines.ts'
import { idOf, type ID, type Ref, sameId } from '../../domain/ids.ts'
import { reviewProgress } from '../../domain/reviewScores.ts'
import type { SubmissionAnswer, SubmissionInstrument } from '../../domain/submission.ts'
import type { City, Instrument, Period, Report } from '../../payload-types.ts'
import type { Lang } from '../kit/types.ts'

export type QueueRow = {
  report: ID
  city: string
  period: string
  status: ReportStatus
  /** The assessor's own review: not started (null), in progress or completed, with its progress. */
  review: { status: string; scored: number; total: number } | null
  /** Questions the council sees, for "0/21 dinilai" before the review starts. */
  questions: number
  lead: boolean
  deadline: { at: string; zone: 'WIB' | 'WITA' | 'WIT'; extended: boolean } | null
  /** Whether the report is still with the assessors (submitted or in review). */
  waiting: boolean
}

/** Reports still waiting for an assessor come first, then by deadline. */
const WAITING: string[] = [REPORT_STATUS.submitted, REPORT_STATUS.inReview]

export async function loadReviewQueue(payload: Payload, user: TypedUser, lang: Lang): Promise<QueueRow[]> {
  const asAssessor = { user, overrideAccess: false as const, pagination: false as const }
  const [reports, reviews] = await Promise.all([
    payload.find({
      collection: COLLECTIONS.reports,
      depth: 1,
      locale: lang,
      select: { title: true, city: true, period: true, status: true, answers: true },
      populate: {
        [COLLECTIONS.cities]: { name: true, regionCode: true, province: true },
        [COLLECTIONS.periods]: { title: true, closesAt: true, extensions: true, assignments: true, instrument: true },
      },
      ...asAssessor,
    }),
    payload.find({
      collection: COLLECTIONS.reviews,
      where: { assessor: { equals: user.id } },
      depth: 0,
      select: { report: true, status: true, scores: true, updatedAt: true },
      sort: 'updatedAt',
      ...asAssessor,
    }),
  ])
  const instrumentIds = [
    ...new Set(
      (reports.docs as Report[])
        .map((report) => (typeof report.period === 'object' && report.period ? idOf(report.period.instrument as Ref) : undefined))
        .filter((id): id is ID => id !== undefined),
    ),
  ]
  const instruments = instrumentIds.length
    ? await payload.find({
        collection: COLLECTIONS.instruments,
        where: { id: { in: instrumentIds } },
        depth: 0,
        select: { sections: true },
        ...asAssessor,
      })
    : { docs: [] }
  const instrumentOf = (period: Period | null) =>
    (instruments.docs as Instrument[]).find((doc) => sameId(doc.id, period?.instrument as Ref)) as SubmissionInstrument | undefined

  const rows = (reports.docs as Report[]).map((report): QueueRow => {
    const period = typeof report.period === 'object' ? (report.period as Period) : null
    const city = typeof report.city === 'object' ? (report.city as City) : null
    const answers = (report.answers ?? []) as SubmissionAnswer[]
    const instrument = instrumentOf(period)
    // Should an assessor hold two reviews of one report, the one saved last counts (sorted by updatedAt).
    const own = reviews.docs.filter((review) => sameId(review.report as Ref, report.id)).at(-1)
    const progress = instrument ? reviewProgress(instrument, answers, own?.scores ?? []) : { scored: 0, total: 0 }
    const deadline = period && city ? submissionDeadline(period, city) : null
    return {
      report: report.id,
      city: city?.name ?? report.title,
      period: period?.title ?? '',
      status: report.status,
      review: own ? { status: own.status ?? REVIEW_STATUS.inProgress, ...progress } : null,
      questions: progress.total,
      lead: (period?.assignments ?? []).some(
        (row) => row.lead && sameId(row.assessor as Ref, user.id) && sameId(row.city as Ref, city?.id ?? (report.city as Ref)),
      ),
      deadline: deadline ? { at: deadline.at.toISOString(), zone: deadline.zone, extended: deadline.extended } : null,
      waiting: WAITING.includes(report.status),
    }
  })
  return rows.sort(
    (a, b) =>
      Number(!a.waiting) - Number(!b.waiting) ||
      (a.deadline ? Date.parse(a.deadline.at) : Infinity) - (b.deadline ? Date.parse(b.deadline.at) : Infinity),
  )
}
