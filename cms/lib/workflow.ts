import { CONTEXT_FLAGS, REPORT_STATUS, ROLES, type ReportStatus, type Role } from '../constants.ts'
import { REPORT_STATUS_LABELS } from '../contract/reportStatus.ts'

/**
 * The report workflow as one table: for each state, which role may move it to which next state.
 * draft -> submitted -> in_review -> revision_requested -> submitted ... -> accepted
 */
export const REPORT_TRANSITIONS: Record<ReportStatus, Partial<Record<ReportStatus, Role[]>>> = {
  [REPORT_STATUS.draft]: {
    [REPORT_STATUS.submitted]: [ROLES.council],
  },
  [REPORT_STATUS.submitted]: {
    [REPORT_STATUS.inReview]: [ROLES.assessor],
    [REPORT_STATUS.revisionRequested]: [ROLES.assessor, ROLES.secretariat],
    [REPORT_STATUS.accepted]: [ROLES.assessor],
  },
  [REPORT_STATUS.inReview]: {
    [REPORT_STATUS.revisionRequested]: [ROLES.assessor, ROLES.secretariat],
    [REPORT_STATUS.accepted]: [ROLES.assessor],
  },
  [REPORT_STATUS.revisionRequested]: {
    [REPORT_STATUS.submitted]: [ROLES.council],
  },
  [REPORT_STATUS.accepted]: {
    [REPORT_STATUS.revisionRequested]: [ROLES.secretariat],
  },
}

export function canTransition(role: Role | null | undefined, from: ReportStatus, to: ReportStatus): boolean {
  if (from === to) return true
  if (!role) return false
  return REPORT_TRANSITIONS[from]?.[to]?.includes(role) ?? false
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

/** How people read each report state; written once in the snapshot contract. */
export const STATUS_LABELS = REPORT_STATUS_LABELS
