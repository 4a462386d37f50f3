import { headersWithCors, type PayloadHandler } from 'payload'

import { type AccessUser, hasRole } from '../../../access/predicates.ts'
import { COLLECTIONS } from '../../../constants.ts'
import { problem } from '../../../domain/problems.ts'
import { diffSubmissions, type SubmissionSnapshot } from '../../../domain/submissionChanges.ts'
import { refusal } from '../../../endpoints/responses.ts'

/**
 * `GET /api/reports/:id/changes`: what the council changed between its last two submissions
 * (answers, comments, evidence per question), for anyone who may read the report. After the first
 * submission there is nothing to compare: `previousRound` is null and `changes` empty.
 */
export const reportChanges: PayloadHandler = async (req) => {
  if (!hasRole(req.user as AccessUser)) {
    return refusal(req, 403, problem('auth.signInFirst'))
  }
  const report = await req.payload.findByID({
    collection: COLLECTIONS.reports,
    id: req.routeParams?.id as number | string,
    depth: 0,
    overrideAccess: false,
    disableErrors: true,
    user: req.user,
    req,
  })
  if (!report) return refusal(req, 404, problem('report.notFound'))
  const rounds = (report.submissions ?? []) as (SubmissionSnapshot & { round?: number | null; at?: string | null })[]
  const current = rounds.at(-1) ?? null
  const previous = rounds.length > 1 ? rounds[rounds.length - 2] : null
  return Response.json(
    {
      report: report.id,
      round: current?.round ?? null,
      submittedAt: current?.at ?? null,
      previousRound: previous?.round ?? null,
      previousSubmittedAt: previous?.at ?? null,
      changes: current ? diffSubmissions(previous, current) : [],
    },
    { headers: headersWithCors({ headers: new Headers(), req }) },
  )
}
