import { REPORT_EDITABLE_BY_COUNCIL, REVIEW_STATUS, STATUS_LABELS } from '../../constants.ts'
import { Deadline } from '../kit/Deadline.tsx'
import guide from '../kit/kit.module.css'
import type { Lang } from '../kit/types.ts'
import responsive from '../kit/responsive.module.css'
import { LABELS } from './labels.ts'
import type { QueueRow } from './queue.ts'
import styles from './ReviewWorkspace.module.css'

interface Props {
  rows: QueueRow[]
  lang: Lang
  adminRoute: string
  /** The heading's level: a section of the reports list, or the main heading of the start page. */
  headingLevel?: 1 | 2
}

/**
 * An assessor's queue: city, period, report status, its own review's progress, its role and the
 * submission deadline, each row linking to the report's "Tinjau" tab. One table for the start page
 * and the reports list; on a phone each row becomes a card, so the link is never off-screen.
 */
export function QueueTable({ rows, lang, adminRoute, headingLevel = 2 }: Props) {
  const t = LABELS[lang]
  const Heading = headingLevel === 1 ? 'h1' : 'h2'
  return (
    <section className={styles.queue} aria-labelledby="review-queue" data-testid="review-queue">
      <Heading id="review-queue">{t.queueTitle}</Heading>
      {rows.length === 0 ? (
        <p>{t.queueEmpty}</p>
      ) : (
        <table className={responsive.cards}>
          <thead>
            <tr>
              <th scope="col">{t.queueCity}</th>
              <th scope="col">{t.queuePeriod}</th>
              <th scope="col">{t.queueStatus}</th>
              <th scope="col">{t.queueReview}</th>
              <th scope="col">{t.queueRole}</th>
              <th scope="col">{t.queueDeadline}</th>
              <th scope="col">
                <span className={guide.srOnly}>{t.queueOpen}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const withCouncil = REPORT_EDITABLE_BY_COUNCIL.includes(row.status)
              return (
                <tr key={String(row.report)} data-report={String(row.report)} data-waiting={row.waiting}>
                  <th scope="row" data-label={t.queueCity}>
                    {row.city}
                  </th>
                  <td data-label={t.queuePeriod}>{row.period}</td>
                  <td data-label={t.queueStatus}>{STATUS_LABELS[row.status]?.[lang] ?? row.status}</td>
                  <td data-label={t.queueReview} data-testid="queue-review">
                    {!row.review
                      ? `${t.queueNotStarted} · ${t.queueProgress(0, row.questions)}`
                      : `${row.review.status === REVIEW_STATUS.completed ? t.completed : t.inProgress} · ${t.queueProgress(row.review.scored, row.review.total)}`}
                  </td>
                  <td data-label={t.queueRole}>{row.lead ? t.lead : t.queueMember}</td>
                  <td data-label={t.queueDeadline}>
                    {row.deadline ? <Deadline deadline={row.deadline} lang={lang} bare countdown={withCouncil} /> : '–'}
                  </td>
                  <td className={responsive.action}>
                    <a
                      className={styles.primaryLink}
                      href={`${adminRoute}/collections/reports/${String(row.report)}/tinjau`}
                      aria-label={t.queueOpenLabel(row.city, row.period)}
                    >
                      {t.queueOpen}
                    </a>
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
