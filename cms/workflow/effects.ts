import type { PayloadRequest } from 'payload'

import type { AccessUser } from '../access/predicates.ts'
import { COLLECTIONS, REPORT_STATUS, type ReportStatus } from '../constants.ts'
import { submissionDeadline } from '../domain/deadlines.ts'
import { type ID, idOf, type Ref, sameId } from '../domain/ids.ts'
import type { NoticeFacts } from '../domain/notices.ts'
import type { Move } from '../domain/workflow.ts'
import type { Report } from '../payload-types.ts'
import { asSystem } from '../server/asSystem.ts'
import { recordAudit } from '../server/audit.ts'
import { filesOfReport } from '../server/reportFiles.ts'
import { councilOf, notify, people, reportLink, secretariat } from '../server/notices.ts'
import { rescoreReport } from '../server/reportScoring.ts'

type ReportData = Record<string, unknown>
type StoredReport = Report & Record<string, unknown>

const rows = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value : [])

/** What the council submits: its answers and the files attached to each question, kept so later rounds can be compared. */
async function submissionSnapshot(req: PayloadRequest, reportId: ID, answers: unknown) {
  const files = await filesOfReport(req, reportId, { as: 'system', why: 'the submission keeps every file attached, whoever submits' })
  return {
    answers: rows(answers).map(({ question, value, comment }) => ({ question, value: value ?? null, comment: comment ?? null })),
    evidence: files.map(({ use, file }) => ({
      id: file.id,
      question: use.question ?? null,
      filename: file.filename ?? null,
      sha256: file.sha256 ?? null,
    })),
  }
}

/** The assessors' per-question comments, handed to the council with a request for revision. */
async function revisionComments(req: PayloadRequest, reportId: ID) {
  const reviews = await asSystem(req, "the council reads the assessors' comments, not their reviews").find(COLLECTIONS.reviews, {
    report: { equals: reportId },
  })
  return reviews.flatMap((review) =>
    (review.scores ?? [])
      .map((row) => ({ question: row.question, comment: row.comment?.trim() ?? '' }))
      .filter((row) => row.comment !== ''),
  )
}

/**
 * What a move writes into the report itself, inside its save: every move enters the history (who,
 * when, why); a submission stores the answers and files submitted; a revision request or a
 * send-back hands the council the reason and the assessors' comments per question.
 */
export async function recordMove(
  req: PayloadRequest,
  move: Move | null,
  change: { data: ReportData; original: StoredReport; from: ReportStatus; to: ReportStatus; at: Date; reason: string },
): Promise<void> {
  const { data, original, from, to, at, reason } = change
  const by = (req.user as AccessUser)?.id ?? null
  const submissions = rows(original.submissions)
  data.history = [...rows(original.history), { from, to, by, at: at.toISOString(), reason: reason || undefined }]

  if (move === 'submit' || (move === null && to === REPORT_STATUS.submitted)) {
    const snapshot = await submissionSnapshot(req, original.id, data.answers ?? original.answers)
    data.submissions = [...submissions, { round: submissions.length + 1, at: at.toISOString(), by, ...snapshot }]
  }
  if (to === REPORT_STATUS.revisionRequested) {
    const round = submissions.length
    const comments = move === 'sendBack' ? [] : await revisionComments(req, original.id)
    data.revisionRequests = [
      ...rows(original.revisionRequests),
      ...(reason ? [{ round, at: at.toISOString(), question: null, comment: reason }] : []),
      ...comments.map((row) => ({ round, at: at.toISOString(), ...row })),
    ]
  }
}

/**
 * When a report is accepted, its reviews are scored once more from the final inputs and the lead's
 * review becomes the published result; when an accepted report is reopened, its results are
 * withdrawn until it is accepted again. (The collection's publish hook republishes the site.)
 */
async function settleResults(req: PayloadRequest, doc: StoredReport): Promise<void> {
  const accepted = doc.status === REPORT_STATUS.accepted
  let published: ID | undefined
  if (accepted) {
    const system = asSystem(req, 'the published result is the lead assessor’s review')
    const period = await system.findByID(COLLECTIONS.periods, idOf(doc.period as Ref) as ID)
    const lead = (period?.assignments ?? []).find((row) => row.lead && sameId(row.city as Ref, doc.city as Ref))?.assessor
    const reviews = await system.find(COLLECTIONS.reviews, { report: { equals: doc.id } }, { sort: 'id', select: { assessor: true } })
    published = (reviews.find((review) => sameId(review.assessor as Ref, lead as Ref)) ?? reviews[0])?.id
  }
  await rescoreReport(req, doc.id, undefined, (review) => ({ published: published !== undefined && sameId(review.id, published) }))
}

/** The names a notice of this report needs: its city, its period and its deadline. */
async function noticeFacts(req: PayloadRequest, doc: StoredReport, at: Date, reason: string | null): Promise<NoticeFacts & { assessors: ID[] }> {
  const system = asSystem(req, 'notices name the city and period of the report')
  const [city, period] = await Promise.all([
    system.findByID(COLLECTIONS.cities, idOf(doc.city as Ref) as ID, { select: { name: true, regionCode: true, province: true } }),
    system.findByID(COLLECTIONS.periods, idOf(doc.period as Ref) as ID),
  ])
  const user = req.user as { name?: string | null; email?: string | null } | null
  return {
    cityName: city?.name ?? '',
    periodTitle: period?.title ?? '',
    by: user ? user.name || user.email : null,
    at,
    reason,
    deadline: period && city ? submissionDeadline(period, city) : null,
    assessors: (period?.assignments ?? [])
      .filter((row) => sameId(row.city as Ref, doc.city as Ref))
      .map((row) => idOf(row.assessor as Ref))
      .filter((id): id is ID => id !== undefined),
  }
}

/**
 * What follows a move once it is saved: the audit entry, the scores settled and the site published
 * when an acceptance is made or undone, and the notices to the people it concerns.
 */
export async function followMove(req: PayloadRequest, move: Move | null, doc: StoredReport, previous: StoredReport): Promise<void> {
  const history = rows(doc.history)
  const last = history.at(-1) ?? {}
  const reason = typeof last.reason === 'string' && last.reason ? last.reason : null
  const at = typeof last.at === 'string' ? new Date(last.at) : new Date()
  await recordAudit(
    req,
    'report.transition',
    { collection: COLLECTIONS.reports, id: doc.id },
    { status: previous.status ?? null },
    { status: doc.status, reason },
  )
  if (doc.status === REPORT_STATUS.accepted || previous.status === REPORT_STATUS.accepted) await settleResults(req, doc)

  const key = `${String(doc.id)}:${history.length}`
  const facts = await noticeFacts(req, doc, at, reason)
  const link = (tab: 'isi' | 'tinjau') => ({ key, link: reportLink(req, doc.id, tab), report: doc.id })
  switch (move) {
    case 'submit': {
      await notify(req, await councilOf(req, doc.city as Ref), 'submittedReceipt', facts, { ...link('isi'), key: `submitted:${key}` })
      await notify(req, await secretariat(req), 'submitted', facts, { ...link('tinjau'), key: `submitted:${key}` })
      await notify(req, await people(req, facts.assessors), 'readyForReview', facts, { ...link('tinjau'), key: `review:${key}` })
      break
    }
    case 'requestRevision': {
      const round = rows(doc.revisionRequests).filter((row) => row.question && row.round === rows(doc.submissions).length)
      await notify(req, await councilOf(req, doc.city as Ref), 'revisionRequested', { ...facts, comments: round.length }, {
        ...link('isi'),
        key: `revision:${key}`,
      })
      break
    }
    case 'accept': {
      const server = req.payload.config.serverURL
      const resultsUrl = server ? `${server}${req.payload.config.routes.api}/${COLLECTIONS.reports}/${doc.id}/results.pdf` : null
      await notify(req, await councilOf(req, doc.city as Ref), 'accepted', { ...facts, resultsUrl }, { ...link('isi'), key: `accepted:${key}` })
      await notify(req, await secretariat(req), 'accepted', { ...facts, resultsUrl }, { ...link('tinjau'), key: `accepted:${key}` })
      break
    }
    case 'sendBack': {
      await notify(req, await councilOf(req, doc.city as Ref), 'sentBack', facts, { ...link('isi'), key: `sentBack:${key}` })
      await notify(req, await people(req, facts.assessors), 'sentBack', facts, { ...link('tinjau'), key: `sentBack:${key}` })
      break
    }
    default:
      break
  }
}
