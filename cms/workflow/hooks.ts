import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { COLLECTIONS, REPORT_STATUS, type ReportStatus } from '../constants.ts'
import { problem, type Problem } from '../domain/problems.ts'
import { checkMove, moveBetween, transitionMoment } from '../domain/workflow.ts'
import { ProblemsError } from '../server/problemsError.ts'
import { followMove, recordMove } from './effects.ts'
import { loadWorkflowFacts } from './facts.ts'

/** Problems about a question belong to the answers; the others to the move itself. */
const pathOf = (item: Problem) => (item.question ? 'answers' : 'status')

const reasonOf = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/**
 * The one gate of the report workflow (cms/domain/workflow.ts). A save that changes the status is
 * a move: the table says whether this person may make it and the move's guard whether the report
 * is complete enough; every problem comes back at once, as data, and nothing is saved. An allowed
 * move is written into the report (history, submission, revision requests) in the same save.
 * A report is created only as a draft by a person; system code (the seed, fixtures) may create it
 * in any state.
 */
export const guardReportMove: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const reason = reasonOf(data.transitionReason)
  delete data.transitionReason
  if (operation === 'create') {
    const to = (data.status ?? REPORT_STATUS.draft) as ReportStatus
    if (req.user && to !== REPORT_STATUS.draft) {
      throw new ProblemsError(COLLECTIONS.reports, [problem('move.notAllowed', { params: { from: REPORT_STATUS.draft, to } })], req, pathOf)
    }
    return data
  }
  if (!originalDoc) return data
  const from = (originalDoc.status ?? REPORT_STATUS.draft) as ReportStatus
  const to = (data.status ?? from) as ReportStatus
  if (from === to) return data

  const at = transitionMoment(req.context)
  const facts = await loadWorkflowFacts(req, { ...originalDoc, ...data, id: originalDoc.id, status: from }, at)
  const { move, problems } = checkMove(facts, to, reason)
  if (problems.length > 0) throw new ProblemsError(COLLECTIONS.reports, problems, req, pathOf)
  await recordMove(req, move, { data, original: originalDoc, from, to, at, reason })
  return data
}

/** What follows a saved move: audit, settled scores, notices (see ./effects.ts). */
export const followReportMove: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !previousDoc || previousDoc.status === doc.status) return doc
  await followMove(req, moveBetween(previousDoc.status, doc.status)?.move ?? null, doc, previousDoc)
  return doc
}
