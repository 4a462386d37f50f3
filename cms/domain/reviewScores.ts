/**
 * From stored reviews to the scoring engine's input, and from its result to the fields a review
 * stores. Pure, so the rule "which reviews count and whose explanations count" is tested on its own.
 */
import type { QUESTION_TYPES } from '../constants.ts'
import type { AssessorScores, DisagreementResolution, ScoreResult, ScoringInput, ScoringInstrument } from './scoring.ts'
import { type SubmissionAnswer, type SubmissionInstrument, visibleQuestions } from './submission.ts'
import { type ID, idText, type Ref } from './ids.ts'

export type ReviewLike = {
  id?: ID
  assessor?: Ref
  status?: string | null
  updatedAt?: string | null
  scores?: { question: string; score: number }[] | null
  resolutions?: DisagreementResolution[] | null
}

/**
 * One review per assessor: should an assessor hold two reviews of one report, the one saved last
 * counts. Reviews without an assessor are left out.
 */
export function latestReviewPerAssessor<T extends ReviewLike>(reviews: T[]): T[] {
  const latest = new Map<string, T>()
  for (const review of reviews) {
    const assessor = idText(review.assessor)
    if (assessor === null) continue
    const held = latest.get(assessor)
    if (!held || String(review.updatedAt ?? '') >= String(held.updatedAt ?? '')) latest.set(assessor, review)
  }
  return [...latest.values()]
}

export type ScoringSources = {
  instrument: ScoringInstrument & {
    sections?: { questions?: { key: string; type: (typeof QUESTION_TYPES)[number] }[] | null }[] | null
  }
  answers: SubmissionAnswer[]
  reviews: ReviewLike[]
  /** The lead assessor of the report's city in its period, if one is assigned. */
  lead: Ref
  previousIndex: number | null
}

/**
 * The engine's input: every assessor's latest review, the lead marked as such, and the lead's own
 * explanations of disagreements (another assessor's explanations resolve nothing).
 */
export function scoringInputFor(sources: ScoringSources): ScoringInput {
  const lead = idText(sources.lead)
  const reviews = latestReviewPerAssessor(sources.reviews)
  const assessments: AssessorScores[] = reviews.map((review) => ({
    assessor: idText(review.assessor) as string,
    lead: lead !== null && idText(review.assessor) === lead,
    scores: (review.scores ?? []).map(({ question, score }) => ({ question, score })),
  }))
  const leadReview = reviews.find((review) => lead !== null && idText(review.assessor) === lead)
  return {
    instrument: sources.instrument,
    answers: sources.answers,
    assessments,
    resolutions: (leadReview?.resolutions ?? []).map(({ question, explanation }) => ({ question, explanation })),
    previousIndex: sources.previousIndex,
  }
}

/**
 * How far one review has come ("12/21 dinilai"): the questions the council sees, by the same rule as
 * the acceptance check, and how many of them the review scores. Scores of hidden questions do not count.
 */
export function reviewProgress(
  instrument: SubmissionInstrument,
  answers: SubmissionAnswer[],
  scores: { question: string }[],
): { scored: number; total: number } {
  const scored = new Set(scores.map((row) => row.question))
  const shown = visibleQuestions(instrument, answers)
  return { scored: shown.filter((question) => scored.has(question.key)).length, total: shown.length }
}

/**
 * A relationship value in the id type the database uses: numbers for SQLite, text for MongoDB. An
 * ObjectId is 24 hex digits, which may all be decimal ones; no SQLite row number is that long.
 */
const relationId = (id: string): ID => (/^\d{1,15}$/.test(id) ? Number(id) : id)

/** What a review stores of a result: rounded scores per evaluation dimension and pillar, the index, the disagreements. */
export function storedResults(result: ScoreResult) {
  return {
    dimensionScores: result.evaluationDimensions
      .filter((row) => row.score !== null)
      .map((row) => ({ key: row.key, score: row.score as number })),
    pillarScores: result.pillars
      .filter((row) => row.score !== null)
      .map((row) => ({ pillar: relationId(row.pillar), score: row.score as number })),
    overall: result.index.score,
    disagreements: result.disagreements.map(({ question, scores, spread, resolved, explanation }) => ({
      question,
      scores,
      spread,
      resolved,
      explanation,
    })),
  }
}
