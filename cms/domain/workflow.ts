/**
 * The evaluation report's workflow, as one table and pure guards over plain facts.
 *
 *   draft ──submit──▶ submitted ──startReview──▶ in_review ──accept──▶ accepted
 *                        │  ▲                        │                    │
 *                requestRevision  submit     requestRevision           sendBack
 *                        ▼  │                        ▼                    ▼
 *                     revision_requested ◀────────────┴────────────────────┘
 *
 * For every move the table says who may make it, whether a reason is required, and which guard
 * decides whether it is complete enough to happen. A guard returns problems as data
 * (./problems.ts): the server refuses with them, and the admin views show the very same list as a
 * checklist before the person acts, so the screen and the server cannot disagree. The effects of a
 * move (stored submission, audit, notices, scores, publishing) live with the server code in
 * cms/workflow/.
 */
import { CONTEXT_FLAGS, REPORT_STATUS, REVIEW_STATUS, ROLES, type ReportStatus, type Role } from '../constants.ts'
import type { Deadline } from './deadlines.ts'
import type { ID } from './ids.ts'
import { type Problem, problem } from './problems.ts'
import { type SubmissionAnswer, type SubmissionEvidence, type SubmissionInstrument, submissionProblems, visibleQuestions } from './submission.ts'

export type Move = 'submit' | 'startReview' | 'requestRevision' | 'accept' | 'sendBack'

/**
 * Who is acting, as far as the workflow cares. `null` is system code acting for nobody (the seed,
 * jobs, a migration): it may set any state, and only the submit check applies to it.
 */
export type Actor = {
  role: Role | null | undefined
  /** A council member of the report's city. */
  councilOfCity: boolean
  /** An assessor assigned to the report's city in the report's period. */
  assigned: boolean
  /** The lead assessor of that assignment. */
  lead: boolean
} | null

/**
 * One file supporting one question of the report (a use of a file of the city's evidence library),
 * as the checks see it: the question, the verdict on the file for that question, and the lead's
 * reason to accept it anyway. A file supporting two questions is two facts, judged apart.
 */
export type EvidenceFact = SubmissionEvidence & {
  /** The file. */
  id: ID
  /** This use of it. */
  use: ID
  filename: string
  verdict?: string | null
  leadReason?: string | null
}

/** The latest review of one assigned assessor. */
export type ReviewFact = {
  assessor: ID
  assessorName: string
  lead: boolean
  status: string | null | undefined
  scoredQuestions: string[]
  /** Whether the general recommendation holds any text. */
  hasRecommendation: boolean
}

/** Everything the guards need, read by the server (cms/workflow/facts.ts) or handed to a view. */
export type WorkflowFacts = {
  status: ReportStatus
  actor: Actor
  now: Date
  deadline: Deadline | null
  instrument: SubmissionInstrument | null
  answers: SubmissionAnswer[]
  evidence: EvidenceFact[]
  /** The assessors assigned to the report's city in its period. */
  assigned: { assessor: ID; name: string; lead: boolean }[]
  reviews: ReviewFact[]
  /** Disagreements of a full level or more (from the scoring engine), and whether the lead explained each. */
  disagreements: { question: string; spread: number; resolved: boolean }[]
  /** What the scoring engine refused in the reviews' input, if anything. */
  scoringProblems: Problem[]
}

type MoveRule = {
  move: Move
  from: ReportStatus[]
  to: ReportStatus
  /** Whether `actor` may make this move at all; the problem to show when not. */
  who: (actor: NonNullable<Actor>) => boolean
  refusal?: (actor: NonNullable<Actor>) => Problem | null
  reasonRequired: boolean
  /** What must be true of the report; applies to people, and to system code only for `submit`. */
  guard: (facts: WorkflowFacts) => Problem[]
  guardsSystem: boolean
}

const isRole = (actor: NonNullable<Actor>, role: Role) => actor.role === role
const none = () => [] as Problem[]

/** Complete answers and evidence, before the city's deadline. */
export function submitProblems(facts: WorkflowFacts): Problem[] {
  const problems: Problem[] = []
  if (facts.deadline && facts.now.getTime() > facts.deadline.at.getTime()) {
    problems.push(problem('deadline.passed', { params: { at: facts.deadline.at.toISOString(), zone: facts.deadline.zone } }))
  }
  if (facts.instrument) problems.push(...submissionProblems(facts.instrument, facts.answers, facts.evidence))
  return problems
}

const REFUSED = new Set(['needs_revision', 'rejected'])
const blank = (value: string | null | undefined) => !value || value.trim() === ''

/**
 * What must be true before the lead accepts: every assigned assessor's review completed, every
 * shown question scored by an assessor, every evidence file judged (a file that needs revision or
 * was rejected only with the lead's reason for accepting anyway), every disagreement of a full level
 * explained, and the lead's general recommendation written.
 */
export function acceptProblems(facts: WorkflowFacts): Problem[] {
  const problems: Problem[] = [...facts.scoringProblems]
  if (facts.reviews.length === 0) problems.push(problem('accept.noReviews'))
  for (const assignment of facts.assigned) {
    const review = facts.reviews.find((row) => String(row.assessor) === String(assignment.assessor))
    if (review?.status !== REVIEW_STATUS.completed) {
      problems.push(problem('accept.reviewIncomplete', { params: { assessor: assignment.name, assessorId: String(assignment.assessor) } }))
    }
  }
  const scored = new Set(facts.reviews.flatMap((review) => review.scoredQuestions))
  const shown = facts.instrument ? visibleQuestions(facts.instrument, facts.answers) : []
  for (const question of shown) {
    if (!scored.has(question.key)) problems.push(problem('accept.unscored', { question: question.key }))
  }
  for (const file of facts.evidence) {
    const about = { question: file.question ?? undefined, evidence: String(file.id) }
    const verdict = file.verdict ?? 'pending'
    if (verdict === 'pending') {
      problems.push(problem('accept.verdictPending', { ...about, params: { filename: file.filename } }))
    } else if (REFUSED.has(verdict) && blank(file.leadReason)) {
      problems.push(problem('accept.verdictUnexplained', { ...about, params: { filename: file.filename, verdict } }))
    }
  }
  for (const disagreement of facts.disagreements) {
    if (!disagreement.resolved) {
      problems.push(problem('accept.disagreement', { question: disagreement.question, params: { spread: disagreement.spread } }))
    }
  }
  const lead = facts.reviews.find((review) => review.lead)
  if (!lead?.hasRecommendation) problems.push(problem('accept.noRecommendation'))
  return problems
}

/** The workflow table: every move a report can make. */
export const MOVES: MoveRule[] = [
  {
    move: 'submit',
    from: [REPORT_STATUS.draft, REPORT_STATUS.revisionRequested],
    to: REPORT_STATUS.submitted,
    who: (actor) => isRole(actor, ROLES.council) && actor.councilOfCity,
    reasonRequired: false,
    guard: submitProblems,
    guardsSystem: true,
  },
  {
    move: 'startReview',
    from: [REPORT_STATUS.submitted],
    to: REPORT_STATUS.inReview,
    who: (actor) => isRole(actor, ROLES.assessor) && actor.assigned,
    reasonRequired: false,
    guard: none,
    guardsSystem: false,
  },
  {
    move: 'requestRevision',
    from: [REPORT_STATUS.submitted, REPORT_STATUS.inReview],
    to: REPORT_STATUS.revisionRequested,
    who: (actor) => isRole(actor, ROLES.secretariat) || (isRole(actor, ROLES.assessor) && actor.assigned),
    reasonRequired: true,
    guard: none,
    guardsSystem: false,
  },
  {
    move: 'accept',
    from: [REPORT_STATUS.submitted, REPORT_STATUS.inReview],
    to: REPORT_STATUS.accepted,
    who: (actor) => isRole(actor, ROLES.assessor) && actor.assigned && actor.lead,
    // An assigned member of the team is told who may accept; anyone else only that they may not.
    refusal: (actor) => (isRole(actor, ROLES.assessor) && actor.assigned ? problem('move.leadOnly') : null),
    reasonRequired: false,
    guard: acceptProblems,
    guardsSystem: false,
  },
  {
    move: 'sendBack',
    from: [REPORT_STATUS.accepted],
    to: REPORT_STATUS.revisionRequested,
    who: (actor) => isRole(actor, ROLES.secretariat),
    reasonRequired: true,
    guard: none,
    guardsSystem: false,
  },
]

/** The move that takes a report from `from` to `to`, or undefined when the table has none. */
export const moveBetween = (from: ReportStatus, to: ReportStatus): MoveRule | undefined =>
  MOVES.find((rule) => rule.to === to && rule.from.includes(from))

export type MoveCheck = { move: Move | null; problems: Problem[] }

/**
 * Whether the report may go from `facts.status` to `to` now, with `reason`: the move it is, and
 * every problem standing in its way (empty when it may happen). A person is told all problems at
 * once; who may not make the move at all hears only that.
 */
export function checkMove(facts: WorkflowFacts, to: ReportStatus, reason?: string | null): MoveCheck {
  const from = facts.status
  const rule = moveBetween(from, to)
  const { actor } = facts
  if (!actor) {
    if (!rule) return { move: null, problems: [] }
    return { move: rule.move, problems: rule.guardsSystem ? rule.guard(facts) : [] }
  }
  const notAllowed = problem('move.notAllowed', { params: { from, to } })
  if (!rule) return { move: null, problems: [notAllowed] }
  if (!rule.who(actor)) return { move: rule.move, problems: [rule.refusal?.(actor) ?? notAllowed] }
  const problems = rule.guard(facts)
  if (rule.reasonRequired && blank(reason)) problems.push(problem('move.reasonRequired'))
  return { move: rule.move, problems }
}

export type MoveOption = { move: Move; to: ReportStatus; reasonRequired: boolean; problems: Problem[] }

/**
 * The moves `facts.actor` may make from the report's current state, each with what still stands in
 * its way: the checklist a view shows beside its buttons. The reason is typed in the view, so its
 * absence is not listed here.
 */
export function movesFor(facts: WorkflowFacts): MoveOption[] {
  const { actor } = facts
  if (!actor) return []
  return MOVES.filter((rule) => rule.from.includes(facts.status) && (rule.who(actor) || rule.refusal?.(actor)))
    .map((rule) => ({
      move: rule.move,
      to: rule.to,
      reasonRequired: rule.reasonRequired,
      problems: rule.who(actor) ? rule.guard(facts) : [rule.refusal?.(actor) as Problem],
    }))
}

/**
 * When a status change happens: now, unless system code replaying a past change says when it
 * happened (`CONTEXT_FLAGS.transitionAt`). Only server code sets `req.context`, never a request.
 */
export function transitionMoment(context: Record<string, unknown> | undefined): Date {
  const given = context?.[CONTEXT_FLAGS.transitionAt]
  const moment = typeof given === 'string' || given instanceof Date ? new Date(given) : undefined
  return moment && !Number.isNaN(moment.getTime()) ? moment : new Date()
}
