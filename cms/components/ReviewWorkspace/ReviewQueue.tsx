import type { BeforeListTableServerProps } from 'payload'

import { type AccessUser, isAssessor } from '../../access/predicates.ts'
import { COLLECTIONS, REPORT_STATUS, REVIEW_STATUS, type ReportStatus } from '../../constants.ts'
import { formatDeadline, submissionDeadline } from '../../domain/deadlines.ts'
import { STATUS_LABELS } from '../../constants.ts'
import type { City, Period, Report } from '../../payload-types.ts'
import { LABELS } from './labels.ts'
import styles from './ReviewWorkspace.module.css'
import { sameId, type Ref } from '../../domain/ids.ts'

/** Reports still waiting for an assessor come first, then by deadline. */
const WAITING: string[] = [REPORT_STATUS.submitted, REPORT_STATUS.inReview]

/**
 * An assessor's queue above the reports list: the reports assigned to it (its access shows no
 * others) with their status, its own review's status and the deadline, each linking to "Tinjau".
 * Nothing is shown to anyone else, whose list stays Payload's own.
 */
export async function ReviewQueue({ payload, user, i18n }: BeforeListTableServerProps) {
  if (!isAssessor(user as AccessUser) || !user) return null
  const lang = i18n.language === 'en' ? 'en' : 'id'
  const t = LABELS[lang]
  const [reports, reviews] = await Promise.all([
    payload.find({
      collection: COLLECTIONS.reports,
      depth: 1,
      pagination: false,
      locale: lang,
      select: { title: true, city: true, period: true, status: true },
      user,
      overrideAccess: false,
    }),
    payload.find({
      collection: COLLECTIONS.reviews,
      where: { assessor: { equals: user.id } },
      depth: 0,
      pagination: false,
      select: { report: true, status: true },
      user,
      overrideAccess: false,
    }),
  ])
  const reviewOf = (report: Report) => reviews.docs.find((review) => sameId(review.report as Ref, report.id))
  const rows = (reports.docs as Report[]).map((report) => {
    const period = typeof report.period === 'object' ? (report.period as Period) : null
    const city = typeof report.city === 'object' ? (report.city as City) : null
    const lead = (period?.assignments ?? []).some(
      (row) => row.lead && sameId(row.assessor as Ref, user.id) && sameId(row.city as Ref, report.city as Ref),
    )
    return { report, period, city, lead, deadline: period && city ? submissionDeadline(period, city) : null }
  })
  rows.sort(
    (a, b) =>
      Number(!WAITING.includes(a.report.status)) - Number(!WAITING.includes(b.report.status)) ||
      (a.deadline?.at.getTime() ?? Infinity) - (b.deadline?.at.getTime() ?? Infinity),
  )
  const adminRoute = payload.config.routes.admin

  return (
    <section className={styles.queue} aria-labelledby="review-queue" data-testid="review-queue">
      <h2 id="review-queue">{t.queueTitle}</h2>
      {rows.length === 0 ? (
        <p>{t.queueEmpty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.queueCity}</th>
              <th scope="col">{t.queuePeriod}</th>
              <th scope="col">{t.queueStatus}</th>
              <th scope="col">{t.queueReview}</th>
              <th scope="col">{t.queueDeadline}</th>
              <th scope="col">{t.queueRole}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rows.map(({ report, period, city, lead, deadline }) => {
              const review = reviewOf(report)
              const overdue = deadline !== null && deadline.at.getTime() < Date.now() && report.status === REPORT_STATUS.draft
              return (
                <tr key={report.id}>
                  <td>{city?.name ?? report.title}</td>
                  <td>{period?.title ?? ''}</td>
                  <td>{STATUS_LABELS[report.status as ReportStatus]?.[lang] ?? report.status}</td>
                  <td>
                    {!review ? t.queueNotStarted : review.status === REVIEW_STATUS.completed ? t.completed : t.inProgress}
                  </td>
                  <td className={overdue ? styles.overdue : undefined}>{deadline ? formatDeadline(deadline, lang) : '–'}</td>
                  <td>{lead ? t.lead : t.queueMember}</td>
                  <td>
                    <a href={`${adminRoute}/collections/${COLLECTIONS.reports}/${report.id}/tinjau`}>{t.queueOpen}</a>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
