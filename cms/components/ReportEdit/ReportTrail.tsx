import type { UIFieldServerProps } from 'payload'

import { COLLECTIONS, type ReportStatus, STATUS_LABELS } from '../../constants.ts'
import { formatDeadline, timeZoneOf } from '../../domain/deadlines.ts'
import { idOf, type ID, type Ref, sameId } from '../../domain/ids.ts'
import type { City, Instrument, Period, Report } from '../../payload-types.ts'
import responsive from '../kit/responsive.module.css'
import { EDIT_LABELS } from './labels.ts'
import styles from './ReportEdit.module.css'

type Row = { from?: string | null; to?: string | null; by?: unknown; at?: string | null; reason?: string | null }

/**
 * The report's trail in words, where Payload would show raw arrays: every status move (from, to, who,
 * when, why) and the latest revision request with each question's text instead of its code. People's
 * names and the instrument are read with the reader's own access; what it may not read stays unnamed.
 */
export async function ReportTrail({ data, req, i18n }: UIFieldServerProps) {
  const lang = i18n.language === 'en' ? 'en' : 'id'
  const t = EDIT_LABELS[lang]
  const report = (data ?? {}) as Partial<Report>
  const history = (report.history ?? []) as Row[]
  const requests = report.revisionRequests ?? []
  const asReader = { user: req.user, overrideAccess: false as const, req, depth: 0, pagination: false as const }

  const people = [...new Set(history.map((row) => idOf(row.by as Ref)).filter((id): id is ID => id !== undefined))]
  // Moments are told in the city's own zone, as its deadline is (Ambon: WIT).
  const cityId = idOf(report.city as Ref)
  const city =
    cityId === undefined
      ? null
      : ((await req.payload.findByID({ collection: COLLECTIONS.cities, id: cityId, select: { regionCode: true, province: true }, disableErrors: true, ...asReader })) as City | null)
  const zone = timeZoneOf(city)
  const [users, period] = await Promise.all([
    people.length
      ? req.payload.find({ collection: COLLECTIONS.users, where: { id: { in: people } }, select: { name: true }, ...asReader })
      : { docs: [] },
    requests.length && idOf(report.period as Ref) !== undefined
      ? (req.payload.findByID({ collection: COLLECTIONS.periods, id: idOf(report.period as Ref) as ID, select: { instrument: true }, disableErrors: true, ...asReader }) as Promise<Period | null>)
      : null,
  ])
  const instrumentId = idOf(period?.instrument as Ref)
  const instrument =
    instrumentId === undefined
      ? null
      : ((await req.payload.findByID({ collection: COLLECTIONS.instruments, id: instrumentId, locale: lang, select: { sections: true }, disableErrors: true, ...asReader })) as Instrument | null)
  const questionText = new Map((instrument?.sections ?? []).flatMap((section) => section.questions ?? []).map((question) => [question.key, question.text]))
  const nameOf = (ref: unknown) => users.docs.find((user) => sameId(user.id, ref as Ref))?.name ?? ''
  const at = (value?: string | null) => (value ? formatDeadline({ at: new Date(value), zone }, lang) : '')
  const status = (value?: string | null) => (value ? (STATUS_LABELS[value as ReportStatus]?.[lang] ?? value) : '–')
  const latestRound = Math.max(0, ...requests.map((row) => row.round ?? 0))
  const latest = requests.filter((row) => (row.round ?? 0) === latestRound && row.comment?.trim())

  return (
    <div className={styles.trail}>
      {latest.length ? (
        <section aria-labelledby="trail-revision" className={styles.block} data-testid="report-revision-requests">
          <h3 id="trail-revision">{t.revisionTitle(latestRound)}</h3>
          <ul>
            {latest.map((row, index) => (
              <li key={index}>
                {row.question ? <em>{questionText.get(row.question) ?? t.removedQuestion}: </em> : <strong>{t.reason}: </strong>}
                {row.comment}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="trail-history" className={styles.block} data-testid="report-history">
        <h3 id="trail-history">{t.historyTitle}</h3>
        {history.length === 0 ? (
          <p className={styles.hint}>{t.noHistory}</p>
        ) : (
          <table className={responsive.cards}>
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.move}</th>
                <th scope="col">{t.by}</th>
                <th scope="col">{t.reason}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((row, index) => (
                <tr key={index}>
                  <td data-label={t.when}>{at(row.at)}</td>
                  <td data-label={t.move}>
                    {status(row.from)} → {status(row.to)}
                  </td>
                  <td data-label={t.by}>{row.by ? nameOf(row.by) || t.someone : t.system}</td>
                  <td data-label={t.reason}>{row.reason || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}
