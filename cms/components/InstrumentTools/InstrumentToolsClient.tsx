'use client'

import { useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import type { ID } from '../../domain/ids.ts'
import { callApi } from '../kit/api.ts'
import styles from '../kit/kit.module.css'
import type { Lang } from '../kit/types.ts'
import { INSTRUMENT_LABELS } from './labels.ts'

interface Props {
  id: ID
  lang: Lang
  mayDuplicate: boolean
  frozen: { period: string; status: string } | null
}

const FORMATS = [
  ['xlsx', 'XLSX'],
  ['csv', 'CSV'],
  ['json', 'JSON'],
] as const

/** The export links, and the frozen banner with "Duplikat sebagai versi baru" (see ./index.tsx). */
export function InstrumentToolsClient({ id, lang, mayDuplicate, frozen }: Props) {
  const t = INSTRUMENT_LABELS[lang]
  const router = useRouter()
  const {
    config: {
      routes: { admin: adminRoute, api: apiRoute },
    },
  } = useConfig()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)

  async function duplicate() {
    setBusy(true)
    setMessage({ text: t.duplicating, error: false })
    try {
      const result = await callApi<{ id: ID; doc: { version: number } }>(`${apiRoute}/instruments/${id}/duplicate`, { method: 'POST' })
      if (result.ok) {
        setMessage({ text: t.duplicated(result.body.doc.version), error: false })
        router.push(`${adminRoute}/collections/instruments/${result.body.id}`)
        return
      }
      setMessage({ text: result.messages.join(' '), error: true })
    } catch {
      setMessage({ text: t.network, error: true })
    }
    setBusy(false)
  }

  const duplicateButton = mayDuplicate ? (
    <button type="button" className={frozen ? styles.submit : styles.link} onClick={() => void duplicate()} disabled={busy} data-testid="duplicate-instrument">
      {t.duplicate}
    </button>
  ) : null

  return (
    <div className={styles.tools} data-testid="instrument-tools">
      {frozen ? (
        <div className={styles.banner} role="status" data-testid="instrument-frozen">
          <p>
            <strong>{t.frozenTitle}.</strong> {t.frozen(frozen.period, t.statuses[frozen.status] ?? frozen.status)}
          </p>
          {duplicateButton}
        </div>
      ) : null}
      <p>
        <span className={styles.muted}>{t.export}:</span>{' '}
        {FORMATS.map(([format, label]) => (
          <a key={format} className={styles.link} href={`${apiRoute}/instruments/${id}/export?format=${format}`} download data-format={format}>
            {t.exportAs(label)}
          </a>
        )).reduce<React.ReactNode[]>((all, link, index) => (index === 0 ? [link] : [...all, ' · ', link]), [])}
        {!frozen && duplicateButton ? <> · {duplicateButton}</> : null}
      </p>
      {message ? (
        <p className={message.error ? styles.error : styles.notice} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </div>
  )
}
