import type { PayloadRequest } from 'payload'

import { type AccessUser, isCouncilOfCity, isAssessorOfReport, isLeadOfReport } from '../access/predicates.ts'
import { COLLECTIONS, REPORT_STATUS, type ReportStatus } from '../constants.ts'
import { submissionDeadline } from '../domain/deadlines.ts'
import { type ID, idOf, idText, type Ref, sameId } from '../domain/ids.ts'
import { richTextToPlain } from '../domain/richText.ts'
import { latestReviewPerAssessor, type ReviewLike, type ScoringSources, scoringInputFor } from '../domain/reviewScores.ts'
import { findDisagreements, ScoringError } from '../domain/scoring.ts'
import type { SubmissionAnswer, SubmissionInstrument } from '../domain/submission.ts'
import type { Actor, WorkflowFacts } from '../domain/workflow.ts'
import type { Report, Review } from '../payload-types.ts'
import { asSystem } from '../server/asSystem.ts'
import { filesOfReport } from '../server/reportFiles.ts'

/** The report as the workflow sees it: the stored document with the incoming changes laid over it. */
export type ReportState = Pick<Report, 'id' | 'status'> & { city?: unknown; period?: unknown; answers?: unknown }

/** Who the signed-in person is to this report; null for system code acting for nobody. */
export async function actorFor(req: PayloadRequest, report: { city?: unknown; period?: unknown }): Promise<Actor> {
  const user = req.user as AccessUser
  if (!user) return null
  const [assigned, lead] = await Promise.all([isAssessorOfReport(req, report), isLeadOfReport(req, report)])
  return { role: user.role, councilOfCity: isCouncilOfCity(user, report.city as Ref), assigned, lead }
}

/**
 * Everything the workflow's guards decide on, read as the system (a council may not read the
 * reviews, an assessor may not read the period's assignments, yet both are judged by them): the
 * period and the city's deadline in its own time zone, the instrument, the files attached to each
 * question with their verdicts, the assessors assigned with their latest reviews, and the open disagreements.
 */
export async function loadWorkflowFacts(req: PayloadRequest, report: ReportState, now: Date): Promise<WorkflowFacts> {
  const system = asSystem(req, 'the workflow is judged on facts the person acting may not read')
  const periodId = idOf(report.period as Ref)
  const cityId = idOf(report.city as Ref)
  const [period, city, evidence, storedReviews] = await Promise.all([
    periodId === undefined ? null : system.findByID(COLLECTIONS.periods, periodId),
    cityId === undefined ? null : system.findByID(COLLECTIONS.cities, cityId, { select: { regionCode: true, province: true } }),
    filesOfReport(req, report.id, { as: 'system', why: 'every file attached counts, whoever acts' }),
    system.find(COLLECTIONS.reviews, { report: { equals: report.id } }),
  ])
  const instrumentId = idOf(period?.instrument as Ref)
  const instrument = instrumentId === undefined ? null : await system.findByID(COLLECTIONS.instruments, instrumentId)

  const ofCity = (period?.assignments ?? []).filter((row) => sameId(row.city as Ref, cityId))
  const assessorIds = ofCity.map((row) => idOf(row.assessor as Ref)).filter((id): id is ID => id !== undefined)
  const people = assessorIds.length
    ? await system.find(COLLECTIONS.users, { id: { in: assessorIds } }, { select: { name: true, email: true } })
    : []
  const nameOf = (id: Ref) => {
    const person = people.find((user) => sameId(user.id, id))
    return person?.name || person?.email || `#${idText(id)}`
  }
  const leadId = idOf(ofCity.find((row) => row.lead)?.assessor as Ref)
  const answers = ((Array.isArray(report.answers) ? report.answers : []) as SubmissionAnswer[]).map(({ question, value }) => ({
    question,
    value,
  }))
  const reviews = latestReviewPerAssessor((storedReviews as Review[]).filter((review) => assessorIds.some((id) => sameId(id, review.assessor as Ref))))

  return {
    status: (report.status ?? REPORT_STATUS.draft) as ReportStatus,
    actor: await actorFor(req, report),
    now,
    deadline: period && city ? submissionDeadline(period, { id: city.id, regionCode: city.regionCode, province: city.province }) : null,
    instrument: (instrument as SubmissionInstrument | null) ?? null,
    answers,
    evidence: evidence.map(({ use, file }) => ({
      id: file.id,
      use: use.id,
      filename: file.filename ?? String(file.id),
      question: use.question ?? null,
      verdict: use.verdict ?? null,
      leadReason: use.leadReason ?? null,
    })),
    assigned: ofCity.map((row) => ({ assessor: idOf(row.assessor as Ref) as ID, name: nameOf(row.assessor as Ref), lead: Boolean(row.lead) })),
    reviews: reviews.map((review) => ({
      assessor: idOf(review.assessor as Ref) as ID,
      assessorName: nameOf(review.assessor as Ref),
      lead: sameId(review.assessor as Ref, leadId),
      status: review.status,
      scoredQuestions: (review.scores ?? []).map((row) => row.question),
      hasRecommendation: richTextToPlain(review.recommendations) !== '',
    })),
    ...disagreementsOf(instrument, answers, reviews, leadId),
  }
}

/**
 * The scoring engine's view of the reviews: open disagreements, or what it refuses in them. The
 * previous index plays no part in disagreements, so it is not read.
 */
function disagreementsOf(
  instrument: unknown,
  answers: SubmissionAnswer[],
  reviews: Review[],
  lead: ID | undefined,
): Pick<WorkflowFacts, 'disagreements' | 'scoringProblems'> {
  if (!instrument || reviews.length === 0) return { disagreements: [], scoringProblems: [] }
  const input = scoringInputFor({
    instrument: instrument as ScoringSources['instrument'],
    answers,
    reviews: reviews as ReviewLike[],
    lead,
    previousIndex: null,
  })
  try {
    return {
      disagreements: findDisagreements(input).map(({ question, spread, resolved }) => ({ question, spread, resolved })),
      scoringProblems: [],
    }
  } catch (error) {
    if (!(error instanceof ScoringError)) throw error
    return { disagreements: [], scoringProblems: error.problems }
  }
}
