'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { unitIn } from '../../contract/units.ts'
import { callApi } from '../kit/api.ts'
import type { GuideLabels } from './labels.ts'
import styles from '../kit/kit.module.css'
import type { Lang, GuideProgramme } from '../kit/types.ts'

interface Props {
  apiRoute: string
  programmes: GuideProgramme[]
  year: number
  editable: boolean
  lang: Lang
  t: GuideLabels
}

type ImportAnswer = { message: string; errors?: { row: number; message: string }[] }

/** Each programme's indicators for the report's year against target, and the bulk import of values. */
export function ProgrammeProgress({ apiRoute, programmes, year, editable, lang, t }: Props) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ message: string; rows: { row: number; message: string }[]; ok: boolean } | null>(null)
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 })

  async function importSheet(file: File | undefined) {
    if (!file) return
    setBusy(true)
    setOutcome({ message: t.importing, rows: [], ok: true })
    const form = new FormData()
    form.append('file', file)
    try {
      const result = await callApi<ImportAnswer>(`${apiRoute}/measurements/import`, { method: 'POST', body: form })
      if (result.ok) {
        setOutcome({ message: result.body.message, rows: [], ok: true })
        router.refresh()
      } else {
        const body = result.body as ImportAnswer | null
        setOutcome({ message: body?.errors ? t.importFailed : result.messages.join(' '), rows: body?.errors ?? [], ok: false })
      }
    } catch {
      setOutcome({ message: t.network, rows: [], ok: false })
    }
    setBusy(false)
  }

  return (
    <section className={styles.section} aria-labelledby="guide-programmes">
      <h2 id="guide-programmes">{t.programmes}</h2>
      <p className={styles.muted}>{t.programmesIntro(year)}</p>
      {programmes.length === 0 ? <p>{t.noProgrammes}</p> : null}
      {programmes.map((programme) => (
        <div key={programme.id} className={styles.programme}>
          <h3>{programme.title}</h3>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t.indicator}</th>
                <th scope="col">{t.target}</th>
                <th scope="col">{t.values}</th>
              </tr>
            </thead>
            <tbody>
              {programme.indicators.map((indicator) => (
                <tr key={indicator.id}>
                  <th scope="row">{indicator.name}</th>
                  <td>
                    {number.format(indicator.target)} {unitIn(indicator.unit, lang)} ({indicator.targetYear})
                  </td>
                  <td>
                    {/* "Agu 118 · Sep 120 ton", "Setahun 24 orang": the unit once, after the values. */}
                    {indicator.values.length === 0
                      ? t.noValues
                      : `${indicator.values
                          .map((item) => `${item.month ? t.months[item.month - 1] : t.yearValue} ${number.format(item.value)}`)
                          .join(' · ')} ${unitIn(indicator.unit, lang)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {editable ? (
            <a className={styles.link} href={`${apiRoute}/measurements/template?program=${programme.id}&year=${year}`}>
              {t.template}
            </a>
          ) : null}
        </div>
      ))}
      {editable && programmes.length > 0 ? (
        <label className={styles.upload}>
          <span>{t.importSheet}</span>
          <input
            type="file"
            disabled={busy}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              void importSheet(event.target.files?.[0])
              event.target.value = ''
            }}
          />
        </label>
      ) : null}
      {outcome ? (
        <div aria-live="polite" className={outcome.ok ? styles.notice : styles.error}>
          <p>{outcome.message}</p>
          {outcome.rows.length > 0 ? (
            <ul>
              {outcome.rows.map((row, index) => (
                <li key={index}>
                  {t.row(row.row)}: {row.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}
