import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { COLLECTIONS, CONTEXT_FLAGS, REPORT_STATUS, ROLES } from '../../../constants.ts'
import { type OutgoingMail, submissionNotice } from '../../../domain/notifications.ts'
import { idOf, type ID, type Ref } from '../../../domain/ids.ts'

type ReportDoc = { id: ID; title?: string; city?: Ref; period?: Ref }

/** Everyone the submission of `report` concerns, and what to tell them. */
export async function composeSubmissionNotice(req: PayloadRequest, report: ReportDoc, submittedAt = new Date()): Promise<OutgoingMail[]> {
  const cityId = idOf(report.city)
  const periodId = idOf(report.period)
  const lookup = { depth: 0, overrideAccess: true, req } as const
  const [city, period, council, secretariat] = await Promise.all([
    cityId === undefined ? null : req.payload.findByID({ collection: COLLECTIONS.cities, id: cityId, ...lookup }),
    periodId === undefined ? null : req.payload.findByID({ collection: COLLECTIONS.periods, id: periodId, ...lookup }),
    cityId === undefined
      ? { docs: [] }
      : req.payload.find({
          collection: COLLECTIONS.users,
          where: { and: [{ role: { equals: ROLES.council } }, { cities: { in: [cityId] } }] },
          pagination: false,
          ...lookup,
        }),
    req.payload.find({
      collection: COLLECTIONS.users,
      where: { role: { equals: ROLES.secretariat } },
      pagination: false,
      ...lookup,
    }),
  ])
  const user = req.user as { name?: string | null; email?: string | null } | null
  const serverURL = req.payload.config.serverURL
  return submissionNotice({
    reportTitle: report.title ?? '',
    cityName: city?.name ?? '',
    periodTitle: period?.title ?? '',
    submittedBy: user ? user.name || user.email : null,
    submittedAt,
    council: council.docs,
    secretariat: secretariat.docs,
    reportUrl: serverURL ? `${serverURL}${req.payload.config.routes.admin}/collections/${COLLECTIONS.reports}/${report.id}` : null,
  })
}

/**
 * Tells the city's council (a receipt) and the secretariat (a notice) that a report was submitted.
 * A mail that cannot be sent is logged, never allowed to undo the submission: the report is what
 * counts, the mail only a courtesy. Skipped with `req.context.skipSubmissionNotice`.
 */
export const notifySubmission: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || req.context?.[CONTEXT_FLAGS.skipSubmissionNotice]) return doc
  if (doc.status !== REPORT_STATUS.submitted || previousDoc?.status === REPORT_STATUS.submitted) return doc
  const failed = (error: unknown) =>
    req.payload.logger.error({ err: error, msg: `Submission notice for report ${doc.id} could not be sent` })
  let mails: OutgoingMail[] = []
  try {
    mails = await composeSubmissionNotice(req, doc as ReportDoc)
  } catch (error) {
    failed(error)
  }
  // One by one, so a refused council address does not keep the secretariat from hearing of it.
  for (const mail of mails) await Promise.resolve(req.payload.sendEmail(mail)).catch(failed)
  return doc
}
