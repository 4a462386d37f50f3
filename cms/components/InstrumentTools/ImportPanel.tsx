'use client'

import { useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { ROLES } from '../../constants.ts'
import type { ID } from '../../domain/ids.ts'
import { uploadWithProgress } from '../kit/api.ts'
import styles from '../kit/kit.module.css'
import { INSTRUMENT_LABELS } from './labels.ts'

type RowError = { sheet?: string; row: number; column: string; code?: string; message: string }

/**
 * Above the instruments list, for the secretariat: upload an instrument as .xlsx, .csv or .json.
 * The server checks every row first; a refused file lists each problem with its sheet, row and
 * column here in the page, and nothing is saved; an accepted one links to the new instrument.
 */
export function InstrumentImport() {
  const { user } = useAuth<{ role?: string }>()
  const { i18n } = useTranslation()
  const t = INSTRUMENT_LABELS[i18n.language === 'en' ? 'en' : 'id']
  const router = useRouter()
  const {
    config: {
      routes: { admin: adminRoute, api: apiRoute },
    },
  } = useConfig()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ created?: ID; message?: string; rows: RowError[]; error: boolean } | null>(null)

  if (user?.role !== ROLES.secretariat) return null

  async function upload(file: File) {
    setBusy(true)
    setOutcome(null)
    const form = new FormData()
    form.append('file', file)
    try {
      const result = await uploadWithProgress<{ id: ID; message: string }>(`${apiRoute}/instruments/import`, form, () => undefined)
      if (result.ok) {
        setOutcome({ created: result.body.id, message: result.body.message, rows: [], error: false })
        router.refresh()
      } else {
        const rows = ((result.body as { errors?: RowError[] } | null)?.errors ?? []).filter((row) => typeof row.row === 'number')
        setOutcome({ message: rows.length ? undefined : result.messages.join(' '), rows, error: true })
      }
    } catch {
      setOutcome({ message: t.network, rows: [], error: true })
    }
    setBusy(false)
  }

  return (
    <section className={styles.tools} aria-labelledby="instrument-import" data-testid="instrument-import">
      <h2 id="instrument-import">{t.importTitle}</h2>
      <p className={styles.muted}>{t.importHint}</p>
      <label className={styles.upload}>
        <span>{t.importChoose}</span>
        <input
          type="file"
          accept=".xlsx,.csv,.json,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0]
            if (file) void upload(file)
            event.target.value = ''
          }}
        />
      </label>
      <div aria-live="polite">
        {busy ? <p className={styles.muted}>{t.importing}</p> : null}
        {outcome && !outcome.error ? (
          <p className={styles.notice} data-testid="instrument-imported">
            {outcome.message ?? t.imported}{' '}
            <a className={styles.link} href={`${adminRoute}/collections/instruments/${outcome.created}`}>
              {t.open}
            </a>
          </p>
        ) : null}
        {outcome?.error ? (
          <div className={styles.error} role="alert" data-testid="instrument-import-errors">
            {outcome.message ? <p>{outcome.message}</p> : null}
            {outcome.rows.length > 0 ? (
              <>
                <p>{t.importFailed}</p>
                <table className={styles.table}>
                  <thead>
                    <tr>
                      <th scope="col">{t.sheet}</th>
                      <th scope="col">{t.row}</th>
                      <th scope="col">{t.column}</th>
                      <th scope="col">{t.problem}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {outcome.rows.map((row, index) => (
                      <tr key={`${row.sheet}-${row.row}-${row.column}-${index}`} data-row={row.row} data-code={row.code}>
                        <td>{row.sheet ?? ''}</td>
                        <td>{row.row}</td>
                        <td>{row.column}</td>
                        <td>{row.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  )
}
