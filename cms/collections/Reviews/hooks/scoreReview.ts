import type { CollectionBeforeChangeHook } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'
import { canonicalJson } from '../../../domain/auditChain.ts'
import { loadReportScoring } from '../../../server/reportScoring.ts'
import { storedResults } from '../../../domain/reviewScores.ts'
import { problem } from '../../../domain/problems.ts'
import { computeScores, ScoringError } from '../../../domain/scoring.ts'
import { ProblemsError } from '../../../server/problemsError.ts'
import { idOf, sameId, type Ref } from '../../../domain/ids.ts'

const hasExplanation = (rows: unknown): boolean =>
  Array.isArray(rows) && rows.some((row) => typeof row?.explanation === 'string' && row.explanation.trim() !== '')

/**
 * Computes the report's scores whenever a review is saved, from the instrument, the council's
 * answers and every assessor's latest scores (this review's new ones included), and stores them on
 * the review: per evaluation dimension, per pillar, the index and the open disagreements. People
 * cannot type these fields (their access is closed); only system code creating a review with its
 * totals already given (a past round's published results) keeps them.
 *
 * Refuses scores the engine refuses (a question not in the instrument, a score outside 1-5) and
 * explanations of disagreements from anyone but the lead, whose explanations alone settle them.
 */
export const scoreReview: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'create' && !req.user && typeof data.overall === 'number') return data
  const reportId = idOf((data.report ?? originalDoc?.report) as Ref)
  if (reportId === undefined) return data
  const assessor = (data.assessor ?? originalDoc?.assessor) as Ref
  const scoring = await loadReportScoring(req, reportId, {
    id: originalDoc?.id,
    assessor,
    status: data.status,
    scores: data.scores ?? originalDoc?.scores,
    resolutions: data.resolutions ?? originalDoc?.resolutions,
  })
  if (!scoring) return data

  const explaining =
    hasExplanation(data.resolutions) && canonicalJson(data.resolutions ?? []) !== canonicalJson(originalDoc?.resolutions ?? [])
  if (req.user && explaining && !sameId(assessor, scoring.lead)) {
    throw new ProblemsError(COLLECTIONS.reviews, [problem('review.leadExplains')], req, () => 'resolutions')
  }

  try {
    Object.assign(data, storedResults(computeScores(scoring.input)))
  } catch (error) {
    if (!(error instanceof ScoringError)) throw error
    throw new ProblemsError(COLLECTIONS.reviews, error.problems, req, () => 'scores')
  }
  return data
}
