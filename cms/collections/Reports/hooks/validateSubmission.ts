import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { COLLECTIONS, EVIDENCE_VERDICT, REPORT_STATUS } from '../../../constants.ts'
import { transitionMoment } from '../../../domain/workflow.ts'
import {
  deadlineProblem,
  type SubmissionAnswer,
  type SubmissionInstrument,
  submissionProblems,
} from '../../../domain/submission.ts'
import { idOf, type Ref } from '../../../domain/ids.ts'

/**
 * Refuses to submit a report that is incomplete or late: every visible question answered within
 * its range, the evidence it asks for attached, and the period's deadline (or the city's extension)
 * not passed. All problems come back at once, one per line, so the council fixes them in one go;
 * nothing is saved. Runs after `enforceReportTransition`, so a person who may not submit at all
 * hears that instead of a list of missing answers. Every move into "submitted" is checked, by a
 * person or by system code; a report created directly in a later state (only system code may do
 * that: the seed, test fixtures) is taken as it is.
 */
export const validateSubmission: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update') return data
  const from = originalDoc?.status
  const to = data.status ?? from
  if (to !== REPORT_STATUS.submitted || from === REPORT_STATUS.submitted) return data

  const periodId = idOf((data.period ?? originalDoc?.period) as Ref)
  const city = (data.city ?? originalDoc?.city) as Ref
  if (periodId === undefined) return data
  const period = await req.payload.findByID({
    collection: COLLECTIONS.periods,
    id: periodId,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const instrumentId = idOf(period.instrument as Ref)
  const [instrument, evidence] = await Promise.all([
    instrumentId === undefined
      ? null
      : req.payload.findByID({ collection: COLLECTIONS.instruments, id: instrumentId, depth: 0, overrideAccess: true, req }),
    req.payload.find({
      collection: COLLECTIONS.evidence,
      // Evidence an assessor rejected or sent back no longer supports its question: a resubmission needs a new file.
      where: {
        and: [
          { report: { equals: originalDoc?.id } },
          { verdict: { not_equals: EVIDENCE_VERDICT.rejected } },
          { verdict: { not_equals: EVIDENCE_VERDICT.needsRevision } },
        ],
      },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    }),
  ])

  // Answers sent with the submission replace the stored ones; otherwise the stored ones are submitted.
  const answers = ((Array.isArray(data.answers) ? data.answers : originalDoc?.answers) ?? []) as SubmissionAnswer[]
  const errors = [
    ...(instrument ? submissionProblems(instrument as SubmissionInstrument, answers, evidence.docs) : []).map(
      ({ message }) => ({ path: 'answers', message }),
    ),
  ]
  const late = deadlineProblem(period, city, transitionMoment(req.context))
  if (late) errors.unshift({ path: 'status', message: late })
  if (errors.length > 0) throw new ValidationError({ collection: COLLECTIONS.reports, errors, req })
  return data
}
