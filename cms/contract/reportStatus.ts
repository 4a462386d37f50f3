/**
 * The states of a city's evaluation report and how people read them. Only accepted reports reach
 * the public (their scores are the snapshot's `scores`), but the same words name a state in the
 * admin, in error messages and in the secretariat's overview, so they are written once here.
 */

import type { Bilingual } from './options.ts'

export const REPORT_STATUS = {
  draft: 'draft',
  submitted: 'submitted',
  inReview: 'in_review',
  revisionRequested: 'revision_requested',
  accepted: 'accepted',
} as const

export type ReportStatus = (typeof REPORT_STATUS)[keyof typeof REPORT_STATUS]

export const REPORT_STATUS_LABELS: Record<ReportStatus, Bilingual> = {
  [REPORT_STATUS.draft]: { id: 'Draf', en: 'Draft' },
  [REPORT_STATUS.submitted]: { id: 'Diajukan', en: 'Submitted' },
  [REPORT_STATUS.inReview]: { id: 'Sedang ditinjau', en: 'In review' },
  [REPORT_STATUS.revisionRequested]: { id: 'Perlu revisi', en: 'Revision requested' },
  [REPORT_STATUS.accepted]: { id: 'Diterima', en: 'Accepted' },
}
