import { type CollectionBeforeChangeHook, type PayloadRequest, ValidationError } from 'payload'

import { type AccessUser, isAssessor, isLeadOfReport } from '../../../access/predicates.ts'
import { COLLECTIONS, REPORT_STATUS, REVIEW_STATUS } from '../../../constants.ts'
import { loadReportScoring } from '../../../server/reportScoring.ts'
import { findDisagreements, ScoringError } from '../../../domain/scoring.ts'
import { transitionMoment } from '../../../domain/workflow.ts'
import { idOf, sameId, type ID, type Ref } from '../../../domain/ids.ts'

const refuse = (req: PayloadRequest, messages: string[]) =>
  new ValidationError({
    collection: COLLECTIONS.reports,
    errors: messages.map((message) => ({ path: 'status', message })),
    req,
  })

/**
 * Why the signed-in person may not accept this report yet, empty when they may: only the lead
 * assessor of the report's city in its period, only when every assessor assigned there has completed
 * a review, and only when every disagreement of a full level or more has been explained by the lead.
 */
async function acceptanceProblems(req: PayloadRequest, report: { id: ID; city?: unknown; period?: unknown }): Promise<string[]> {
  if (!isAssessor(req.user as AccessUser) || !(await isLeadOfReport(req, report))) {
    return ['Hanya ketua tim asesor kota ini yang dapat menerima laporan / Only the lead assessor of this city can accept the report']
  }
  const scoring = await loadReportScoring(req, report.id)
  if (!scoring) return []
  const problems: string[] = []
  const unfinished = scoring.assigned.filter(
    (assessor) =>
      !scoring.reviews.some((review) => sameId(review.assessor as Ref, assessor) && review.status === REVIEW_STATUS.completed),
  )
  if (unfinished.length > 0) {
    const { docs } = await req.payload.find({
      collection: COLLECTIONS.users,
      where: { id: { in: unfinished } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { name: true, email: true },
      req,
    })
    const names = docs.map((user) => user.name || user.email).join(', ')
    problems.push(
      `Penilaian asesor berikut belum selesai: ${names} / These assessors have not completed their review: ${names}`,
    )
  }
  try {
    const open = findDisagreements(scoring.input).filter((disagreement) => !disagreement.resolved)
    if (open.length > 0) {
      const questions = open.map((disagreement) => disagreement.question).join(', ')
      problems.push(
        `Nilai asesor berselisih satu tingkat atau lebih pada ${questions}; ketua tim harus menjelaskannya dulu / ` +
          `Assessors are a full level or more apart on ${questions}; the lead must explain this first`,
      )
    }
  } catch (error) {
    if (!(error instanceof ScoringError)) throw error
    problems.push(...error.problems)
  }
  return problems
}

type Snapshot = { answers: unknown; evidence: unknown }

/** What the council submits: its answers and the evidence attached, kept so later rounds can be compared. */
async function submissionSnapshot(req: PayloadRequest, reportId: ID, answers: unknown): Promise<Snapshot> {
  const { docs } = await req.payload.find({
    collection: COLLECTIONS.evidence,
    where: { report: { equals: reportId } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { question: true, filename: true, sha256: true },
    req,
  })
  return {
    answers: (Array.isArray(answers) ? answers : []).map(({ question, value, comment }) => ({
      question,
      value: value ?? null,
      comment: comment ?? null,
    })),
    evidence: docs.map((file) => ({
      id: file.id,
      question: file.question ?? null,
      filename: file.filename ?? null,
      sha256: file.sha256 ?? null,
    })),
  }
}

/** The assessors' per-question comments, handed to the council with a request for revision. */
async function revisionComments(req: PayloadRequest, reportId: ID) {
  const scoring = await loadReportScoring(req, reportId)
  return (scoring?.reviews ?? []).flatMap((review) =>
    (review.scores ?? [])
      .map((row) => ({ question: row.question, comment: (row as { comment?: string | null }).comment?.trim() ?? '' }))
      .filter((row) => row.comment !== ''),
  )
}

/**
 * The decisions of the review round, after `enforceReportTransition` has allowed the move:
 * - into "submitted": stores what was submitted (round by round);
 * - into "revision requested": copies the assessors' comments per question into the report, where
 *   the council reads them (reviews stay closed to it until acceptance);
 * - into "accepted", by a person: only the lead, once every review is complete and every
 *   disagreement explained (see `acceptanceProblems`). System code may accept as it may make any move.
 */
export const decideReport: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc) return data
  const from = originalDoc.status
  const to = data.status ?? from
  if (from === to) return data
  const at = transitionMoment(req.context).toISOString()
  const submissions = Array.isArray(originalDoc.submissions) ? originalDoc.submissions : []

  if (to === REPORT_STATUS.accepted && req.user) {
    const problems = await acceptanceProblems(req, {
      id: originalDoc.id,
      city: idOf((data.city ?? originalDoc.city) as Ref),
      period: idOf((data.period ?? originalDoc.period) as Ref),
    })
    if (problems.length > 0) throw refuse(req, problems)
  }

  if (to === REPORT_STATUS.submitted) {
    const snapshot = await submissionSnapshot(req, originalDoc.id, data.answers ?? originalDoc.answers)
    data.submissions = [
      ...submissions,
      { round: submissions.length + 1, at, by: (req.user as AccessUser)?.id ?? null, ...snapshot },
    ]
  }

  if (to === REPORT_STATUS.revisionRequested) {
    const earlier = Array.isArray(originalDoc.revisionRequests) ? originalDoc.revisionRequests : []
    const comments = await revisionComments(req, originalDoc.id)
    data.revisionRequests = [...earlier, ...comments.map((row) => ({ round: submissions.length, at, ...row }))]
  }
  return data
}
