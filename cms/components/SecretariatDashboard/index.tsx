import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { type AccessUser, isSecretariat } from '../../access/predicates.ts'
import { BarChart } from './BarChart.tsx'
import { currentPeriod, loadDashboard, loadPeriods } from './load.ts'
import { DASHBOARD_LABELS, type DashboardLang } from './labels.ts'
import styles from './Dashboard.module.css'
import responsive from '../kit/responsive.module.css'
import { type ID } from '../../domain/ids.ts'

/**
 * "Ringkasan periode": the secretariat's view of one evaluation round: reports by status per city,
 * overdue cities, pillar scores across cities, ranking, distribution of the index and assessor
 * workload. Every chart has its figures in a table next to it. Read with the person's own access.
 */
export async function SecretariatDashboard({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const adminRoute = req.payload.config.routes.admin
  // Custom admin views are public unless they say otherwise.
  if (!req.user) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}/ringkasan`)}`)
  const lang: DashboardLang = req.i18n.language === 'en' ? 'en' : 'id'
  const t = DASHBOARD_LABELS[lang]
  const template = (children: React.ReactNode) => (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1 className={styles.title}>{t.title}</h1>
        {children}
      </Gutter>
    </DefaultTemplate>
  )
  if (!isSecretariat(req.user as AccessUser)) return template(<p>{t.onlySecretariat}</p>)

  const periods = await loadPeriods(req, lang)
  const period = currentPeriod(periods, searchParams?.period === undefined ? undefined : String(searchParams.period))
  if (!period) return template(<p>{t.noPeriod}</p>)
  const dashboard = await loadDashboard(req, period, lang)
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  const date = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeZone: 'Asia/Jakarta' })
  const score = (value: number | null) => (value === null ? '–' : number.format(value))
  const oneDecimal = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const band = (row: { from: number; to: number }) => `${oneDecimal.format(row.from)}–${oneDecimal.format(row.to)}`
  const statuses = Object.keys(dashboard.statusCounts)
  const pillarNames = dashboard.pillarAverages.map((row) => row.pillar)
  const accepted = dashboard.cities.filter((row) => row.index !== null)

  return template(
    <div className={styles.dashboard}>
      <form method="get" className={styles.picker}>
        <label>
          {t.period}{' '}
          <select name="period" defaultValue={String(period.id)}>
            {periods.map((candidate) => (
              <option key={candidate.id} value={String(candidate.id as ID)}>
                {candidate.title}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">{t.show}</button>
      </form>

      <section aria-labelledby="dash-status" className={styles.section}>
        <h2 id="dash-status">{t.statusTitle}</h2>
        <BarChart
          label={t.statusTitle}
          labels={statuses.map((status) => t.status[status] ?? status)}
          datasets={[{ label: t.reports, data: statuses.map((status) => dashboard.statusCounts[status as keyof typeof dashboard.statusCounts]) }]}
          integer
        />
        <div className={responsive.scroll}>
          <table className={styles.table} data-testid="dashboard-cities">
            <caption>
              {t.statusTitle}. {t.chartNote}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.city}</th>
                <th scope="col">Status</th>
                <th scope="col">{t.deadline}</th>
                <th scope="col">{t.index}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.cities.map((row) => (
                <tr key={row.city}>
                  <th scope="row">{row.city}</th>
                  <td>
                    {row.status ? (t.status[row.status] ?? row.status) : t.noReport}
                    {row.overdue ? <strong className={styles.overdue}> · {t.overdue}</strong> : null}
                  </td>
                  <td>{row.deadline ? date.format(new Date(row.deadline)) : '–'}</td>
                  <td>{score(row.index)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>{t.overdueTitle}</h3>
        <p data-testid="dashboard-overdue">{dashboard.overdue.length ? dashboard.overdue.join(', ') : t.noOverdue}</p>
      </section>

      <section aria-labelledby="dash-pillars" className={styles.section}>
        <h2 id="dash-pillars">{t.pillarTitle}</h2>
        {accepted.length === 0 ? (
          <p>{t.noScores}</p>
        ) : (
          <>
            <BarChart
              label={t.pillarTitle}
              labels={pillarNames}
              datasets={accepted.map((row) => ({ label: row.city, data: pillarNames.map((pillar) => row.pillars[pillar]) }))}
              max={5}
            />
            <div className={responsive.scroll}>
              <table className={styles.table}>
                <caption>
                  {t.pillarTitle}. {t.chartNote}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t.city}</th>
                    {pillarNames.map((pillar) => (
                      <th key={pillar} scope="col">
                        {pillar}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {accepted.map((row) => (
                    <tr key={row.city}>
                      <th scope="row">{row.city}</th>
                      {pillarNames.map((pillar) => (
                        <td key={pillar}>{score(row.pillars[pillar])}</td>
                      ))}
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t.pillarAverage}</th>
                    {dashboard.pillarAverages.map((row) => (
                      <td key={row.pillar}>{score(row.average)}</td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <div className={styles.columns}>
        <section aria-labelledby="dash-ranking" className={styles.section}>
          <h2 id="dash-ranking">{t.rankingTitle}</h2>
          {dashboard.ranking.length === 0 ? (
            <p>{t.noScores}</p>
          ) : (
            <div className={responsive.scroll}>
              <table className={styles.table} data-testid="dashboard-ranking">
                <thead>
                  <tr>
                    <th scope="col">{t.rank}</th>
                    <th scope="col">{t.city}</th>
                    <th scope="col">{t.index}</th>
                  </tr>
                </thead>
                <tbody>
                  {dashboard.ranking.map((row) => (
                    <tr key={row.city}>
                      <td>{row.rank}</td>
                      <th scope="row">{row.city}</th>
                      <td>{score(row.index)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="dash-distribution" className={styles.section}>
          <h2 id="dash-distribution">{t.distributionTitle}</h2>
          <BarChart
            label={t.distributionTitle}
            labels={dashboard.distribution.map(band)}
            datasets={[{ label: t.count, data: dashboard.distribution.map((row) => row.count) }]}
            integer
          />
          <div className={responsive.scroll}>
            <table className={styles.table}>
              <caption>
                {t.distributionTitle}. {t.chartNote}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.band}</th>
                  <th scope="col">{t.count}</th>
                </tr>
              </thead>
              <tbody>
                {dashboard.distribution.map((row) => (
                  <tr key={row.from}>
                    <th scope="row">{band(row)}</th>
                    <td>{row.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>

      <section aria-labelledby="dash-workload" className={styles.section}>
        <h2 id="dash-workload">{t.workloadTitle}</h2>
        {dashboard.workload.length === 0 ? (
          <p>{t.noAssignments}</p>
        ) : (
          <>
            <BarChart
              label={t.workloadTitle}
              labels={dashboard.workload.map((row) => row.assessor)}
              datasets={[
                { label: t.assigned, data: dashboard.workload.map((row) => row.assigned) },
                { label: t.completed, data: dashboard.workload.map((row) => row.completed) },
              ]}
              integer
            />
            <div className={responsive.scroll}>
              <table className={styles.table} data-testid="dashboard-workload">
                <caption>
                  {t.workloadTitle}. {t.chartNote}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t.assessor}</th>
                    <th scope="col">{t.assigned}</th>
                    <th scope="col">{t.lead}</th>
                    <th scope="col">{t.completed}</th>
                  </tr>
                </thead>
                <tbody>
                  {dashboard.workload.map((row) => (
                    <tr key={row.assessor}>
                      <th scope="row">{row.assessor}</th>
                      <td>{row.assigned}</td>
                      <td>{row.lead}</td>
                      <td>{row.completed}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>,
  )
}
