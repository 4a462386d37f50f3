/**
 * Slugs, roles and workflow states shared by the Payload config, the seed and the tests.
 * One module so that a rename cannot leave a stray string behind.
 */

import { LOCALES, type Locale } from './contract/options.ts'
import { REPORT_STATUS, type ReportStatus } from './contract/reportStatus.ts'

export const COLLECTIONS = {
  users: 'users',
  cities: 'cities',
  dimensions: 'dimensions',
  programs: 'programs',
  indicators: 'indicators',
  measurements: 'measurements',
  instruments: 'instruments',
  periods: 'periods',
  reports: 'reports',
  evidence: 'evidence',
  evidenceUses: 'evidence-uses',
  reviews: 'reviews',
  updates: 'updates',
  media: 'media',
  auditLog: 'audit-log',
  notices: 'notices',
} as const

export type CollectionSlugName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]

export const ROLES = {
  secretariat: 'secretariat',
  council: 'council',
  assessor: 'assessor',
} as const

export type Role = (typeof ROLES)[keyof typeof ROLES]

export const ROLE_OPTIONS: { label: { id: string; en: string }; value: Role }[] = [
  { label: { id: 'Sekretariat', en: 'Secretariat' }, value: ROLES.secretariat },
  { label: { id: 'Dewan Smart City', en: 'Smart-city council' }, value: ROLES.council },
  { label: { id: 'Asesor', en: 'Assessor' }, value: ROLES.assessor },
]

// Report states and the locales are part of the snapshot contract, which the public site reads too.
export { REPORT_STATUS, type ReportStatus }

/** The report's states in words, for the admin, e-mails and messages (defined once, in the contract). */
export { REPORT_STATUS_LABELS as STATUS_LABELS } from './contract/reportStatus.ts'

/** States in which the council may still edit its report and its evidence. */
export const REPORT_EDITABLE_BY_COUNCIL: ReportStatus[] = [
  REPORT_STATUS.draft,
  REPORT_STATUS.revisionRequested,
]

export const EVIDENCE_VERDICT = {
  pending: 'pending',
  accepted: 'accepted',
  needsRevision: 'needs_revision',
  rejected: 'rejected',
} as const

export type EvidenceVerdict = (typeof EVIDENCE_VERDICT)[keyof typeof EVIDENCE_VERDICT]

/** Verdicts that must say why: the council has to know what to fix. */
export const VERDICTS_NEEDING_REASON: EvidenceVerdict[] = [EVIDENCE_VERDICT.needsRevision, EVIDENCE_VERDICT.rejected]

/** An assessor's review is in progress until the assessor declares it complete. */
export const REVIEW_STATUS = {
  inProgress: 'in_progress',
  completed: 'completed',
} as const

export type ReviewStatus = (typeof REVIEW_STATUS)[keyof typeof REVIEW_STATUS]

export { LOCALES, type Locale }
export const DEFAULT_LOCALE: Locale = 'id'

/** File types a council may upload as evidence (bukti dukung). Checked against the file's real content. */
export const EVIDENCE_MIME_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const

export const MEDIA_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

/** Upper bound of one uploaded file, in bytes. Larger uploads are cut off with HTTP 413. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024

/**
 * Upper bound of one REST request body: one file plus its form fields. A request that declares more
 * (`Content-Length`) is refused with 413 before any of it is read.
 */
export const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024

/**
 * Upper bound of an uploaded image, in pixels (width x height): 50 megapixels, more than any
 * camera photo or scan a council sends. A tiny file can declare a picture of billions of pixels,
 * which a viewer, or the assessor's preview, would try to decode.
 */
export const MAX_IMAGE_PIXELS = 50_000_000

export const QUESTION_TYPES = ['maturity', 'yes_no', 'number', 'single_choice', 'multi_choice', 'text', 'date'] as const
export const EVIDENCE_REQUIREMENTS = ['none', 'optional', 'required', 'required_from_level'] as const

/**
 * `req.context` flags that let the seed and bulk imports skip a hook's side effects
 * (e.g. `payload.update({ ..., context: { [CONTEXT_FLAGS.skipPeriodOpening]: true } })`).
 */
export const CONTEXT_FLAGS = {
  /** Opening a period does not create the participating cities' draft reports. */
  skipPeriodOpening: 'skipPeriodOpening',
  /** A report's moves and an assessor's assignment notify nobody (no notice, no e-mail). */
  skipNotices: 'skipNotices',
  /** A change to public data queues no `publish-site` job (the seed publishes once at the end, if at all). */
  skipPublish: 'skipPublish',
  /**
   * A past status change replayed by system code (the demo's 2023 submission, an import of an
   * earlier round), as an ISO date: the history records that moment and the deadline is judged at it.
   */
  transitionAt: 'transitionAt',
} as const
