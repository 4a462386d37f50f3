import { REPORT_EDITABLE_BY_COUNCIL, STATUS_LABELS } from '../../constants.ts'
import { Deadline } from '../kit/Deadline.tsx'
import type { Lang } from '../kit/types.ts'
import type { CouncilStartData, OwedIndicator } from './council.ts'
import { START_LABELS, type StartLabels } from './labels.ts'
import styles from './StartPage.module.css'

interface Props {
  data: CouncilStartData
  lang: Lang
  adminRoute: string
  apiRoute: string
}

const owedText = ({ owed }: OwedIndicator, t: StartLabels) =>
  owed.months.length ? t.owedMonths(owed.months.map((month) => t.months[month - 1]).join(', '), owed.year) : t.owedYear(owed.year)

/**
 * A council member's start page: each current report of its cities with its status, its progress
 * ("17/21 dijawab, 3 bukti kurang", by the submit check's own rule), the deadline in the city's time
 * with a countdown, the reasons of a revision request, and one button to the guided "Isi laporan";
 * then the programme indicators still missing figures, and the results of earlier rounds.
 */
export function CouncilStart({ data, lang, adminRoute, apiRoute }: Props) {
  const t = START_LABELS[lang]
  const reportURL = (id: unknown) => `${adminRoute}/collections/reports/${String(id)}`
  return (
    <>
      <section aria-labelledby="start-reports" className={styles.section}>
        <h2 id="start-reports">{t.reportsTitle}</h2>
        {data.current.length === 0 ? <p>{t.noReports}</p> : null}
        <div className={styles.cards}>
          {data.current.map((report) => {
            const editable = REPORT_EDITABLE_BY_COUNCIL.includes(report.status)
            return (
              <article key={String(report.id)} className={styles.card} data-testid="council-report" data-report={String(report.id)}>
                <h3 className={styles.cardTitle}>
                  {report.city}
                  <span className={styles.muted}> · {report.period}</span>
                </h3>
                <p>
                  {t.status}:{' '}
                  <strong className={styles.status} data-status={report.status} data-testid="report-status">
                    {STATUS_LABELS[report.status]?.[lang] ?? report.status}
                  </strong>
                </p>
                {report.progress ? (
                  <>
                    <p className={styles.figure} data-testid="report-progress">
                      {t.progress(report.progress.answered, report.progress.total, report.progress.evidenceMissing)}
                    </p>
                    <progress
                      className={styles.bar}
                      max={Math.max(report.progress.total, 1)}
                      value={report.progress.answered}
                      aria-label={t.progress(report.progress.answered, report.progress.total, report.progress.evidenceMissing)}
                    />
                  </>
                ) : (
                  <p className={styles.muted}>{t.noInstrument}</p>
                )}
                {report.deadline ? (
                  <p>
                    <Deadline deadline={report.deadline} lang={lang} countdown={editable} />
                  </p>
                ) : null}
                {editable && report.deadline && Date.parse(report.deadline.at) < Date.now() ? (
                  <p className={styles.muted} data-testid="deadline-passed">
                    {t.askExtension}
                  </p>
                ) : null}
                {report.revision ? (
                  <div className={styles.revision} data-testid="revision-reasons">
                    <h4>{t.revisionTitle}</h4>
                    {report.revision.reason ? (
                      <p>
                        {t.revisionReason}: {report.revision.reason}
                      </p>
                    ) : null}
                    {report.revision.comments.length ? (
                      <ul>
                        {report.revision.comments.map((row, index) => (
                          <li key={index}>
                            <em>{row.question}</em>: {row.comment}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                ) : null}
                <p className={styles.actions}>
                  <a
                    className={styles.button}
                    href={`${reportURL(report.id)}/isi`}
                    data-testid="continue-report"
                    aria-label={`${editable ? t.continue : t.open}: ${t.continueLabel(report.city, report.period)}`}
                  >
                    {editable ? t.continue : t.open}
                  </a>
                  {report.status === 'accepted' ? (
                    <a href={`${apiRoute}/reports/${String(report.id)}/results.pdf?locale=${lang}`}>{t.resultsPdf}</a>
                  ) : null}
                </p>
              </article>
            )
          })}
        </div>
      </section>

      <section aria-labelledby="start-indicators" className={styles.section}>
        <h2 id="start-indicators">{t.indicatorsTitle}</h2>
        {!data.hasIndicators ? (
          <p>{t.noIndicators}</p>
        ) : data.owed.length === 0 ? (
          <p>{t.indicatorsNone}</p>
        ) : (
          <>
            <p className={styles.muted}>{t.indicatorsIntro}</p>
            <ul className={styles.list} data-testid="owed-indicators">
              {data.owed.map((indicator) => (
                <li key={String(indicator.id)} data-indicator={String(indicator.id)}>
                  <strong>{indicator.name}</strong>
                  <span className={styles.muted}> · {indicator.programme}</span>
                  <br />
                  {owedText(indicator, t)} ·{' '}
                  <a href={`${adminRoute}/collections/measurements?where[indicator][equals]=${String(indicator.id)}`}>{t.addValues}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {data.earlier.length ? (
        <section aria-labelledby="start-earlier" className={styles.section}>
          <h2 id="start-earlier">{t.earlierTitle}</h2>
          <ul className={styles.list}>
            {data.earlier.map((report) => (
              <li key={String(report.id)}>
                <a href={`${reportURL(report.id)}/isi`}>
                  {report.city} · {report.period}
                </a>{' '}
                · <a href={`${apiRoute}/reports/${String(report.id)}/results.pdf?locale=${lang}`}>{t.resultsPdf}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
