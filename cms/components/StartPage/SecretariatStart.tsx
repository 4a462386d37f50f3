import type { Dashboard } from '../../domain/dashboard.ts'
import type { Lang } from '../kit/types.ts'
import type { Period } from '../../payload-types.ts'
import { START_LABELS } from './labels.ts'
import styles from './StartPage.module.css'

interface Props {
  period: Period | null
  dashboard: Dashboard | null
  lang: Lang
  adminRoute: string
}

/**
 * The secretariat's start page: the headline figures of the current period from the period
 * overview's own loader (reports in, overdue cities, reports waiting for the assessors or for the
 * lead, cities without an assessor), each with the cities it counts and a link to act on it.
 */
export function SecretariatStart({ period, dashboard, lang, adminRoute }: Props) {
  const t = START_LABELS[lang]
  if (!period || !dashboard) {
    return (
      <section className={styles.section}>
        <p>{t.noPeriod}</p>
        <p>
          <a className={styles.button} href={`${adminRoute}/collections/periods/create`}>
            {t.newPeriod}
          </a>
        </p>
      </section>
    )
  }
  const id = String(period.id)
  const reports = `${adminRoute}/collections/reports?where[period][equals]=${id}`
  const withStatus = (statuses: string) =>
    `${adminRoute}/collections/reports?where[and][0][period][equals]=${id}&where[and][1][status][in]=${statuses}`
  const overview = `${adminRoute}/ringkasan?period=${id}`
  // Just these reports; with none, the overview's table of every city's status.
  const reportsOf = (ids: string[]) =>
    ids.length > 0 ? `${adminRoute}/collections/reports?where[id][in]=${ids.join(',')}` : `${overview}#dash-status`
  const periodURL = `${adminRoute}/collections/periods/${id}`
  const participating = dashboard.cities.length
  const handedIn = dashboard.statusCounts.submitted + dashboard.statusCounts.in_review + dashboard.statusCounts.accepted
  const date = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeZone: 'UTC' })
  const figures = [
    { key: 'handed-in', label: t.handedIn, count: handedIn, text: t.handedInOf(handedIn, participating), cities: [], href: reports },
    { key: 'late', label: t.late, count: dashboard.overdue.length, cities: dashboard.overdue, href: `${overview}#dash-status` },
    { key: 'in-review', label: t.inReview, count: dashboard.inReview.length, cities: dashboard.inReview, href: reportsOf(dashboard.reports.inReview) },
    { key: 'awaiting-lead', label: t.awaitingLead, count: dashboard.awaitingLead.length, cities: dashboard.awaitingLead, href: reportsOf(dashboard.reports.awaitingLead) },
    { key: 'unassigned', label: t.unassigned, count: dashboard.unassigned.length, cities: dashboard.unassigned, href: periodURL },
    { key: 'accepted', label: t.accepted, count: dashboard.statusCounts.accepted, cities: [], href: withStatus('accepted') },
  ]
  return (
    <section aria-labelledby="start-period" className={styles.section}>
      <h2 id="start-period">{t.periodTitle(period.title)}</h2>
      <p className={styles.muted}>
        {t.periodStatus[period.status] ?? period.status} · {date.format(new Date(period.opensAt))} – {date.format(new Date(period.closesAt))}
      </p>
      <ul className={styles.figures} data-testid="period-figures">
        {figures.map((figure) => (
          <li key={figure.key} className={styles.figureCard} data-figure={figure.key} data-count={figure.count}>
            <a href={figure.href}>
              <span className={styles.number}>{figure.count}</span>
              <span className={styles.figureLabel}>{figure.label}</span>
            </a>
            <span className={styles.muted} data-testid="figure-detail">
              {'text' in figure ? figure.text : figure.cities.length ? figure.cities.join(', ') : t.none}
            </span>
          </li>
        ))}
      </ul>
      <p className={styles.actions}>
        <a className={styles.button} href={overview}>
          {t.overview}
        </a>
        <a href={periodURL}>{t.editPeriod}</a>
        <a href={reports}>{t.allReports}</a>
      </p>
    </section>
  )
}
