import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import type { AccessUser } from '../../../access/predicates.ts'
import { REPORT_STATUS, type ReportStatus } from '../../../constants.ts'
import { canTransition, STATUS_LABELS, transitionMoment } from '../../../domain/workflow.ts'

const refusal = (from: ReportStatus, to: ReportStatus) =>
  new ValidationError({
    collection: 'reports',
    errors: [
      {
        path: 'status',
        message:
          `Status laporan tidak dapat diubah dari "${STATUS_LABELS[from].id}" ke "${STATUS_LABELS[to].id}" oleh peran Anda. / ` +
          `Your role cannot move a report from "${STATUS_LABELS[from].en}" to "${STATUS_LABELS[to].en}".`,
      },
    ],
  })

/**
 * Lets a report change state only along the workflow table, for the role that may make that move,
 * and appends who moved it, when and why to the report's history. System code acting for no person
 * (the seed, jobs) may set any state; its moves are recorded too.
 */
export const enforceReportTransition: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation }) => {
  const from = (originalDoc?.status ?? REPORT_STATUS.draft) as ReportStatus
  const to = (data.status ?? from) as ReportStatus
  const user = req.user as AccessUser
  if (operation === 'create') {
    // Otherwise a person could create a report already accepted, past every step of the table.
    if (user && to !== REPORT_STATUS.draft) throw refusal(from, to)
    return data
  }
  if (from === to) return data
  if (user && !canTransition(user.role, from, to)) throw refusal(from, to)
  const history = Array.isArray(originalDoc?.history) ? originalDoc.history : []
  data.history = [
    ...history,
    {
      from,
      to,
      by: user?.id ?? null,
      at: transitionMoment(req.context).toISOString(),
      reason: typeof data.transitionReason === 'string' ? data.transitionReason : undefined,
    },
  ]
  delete data.transitionReason
  return data
}
