'use client'

import { useState } from 'react'

import { problemMessage } from '../../domain/problems.ts'
import { callApi, jsonRequest } from '../kit/api.ts'
import { FilePreview } from '../kit/FilePreview.tsx'
import guide from '../kit/kit.module.css'
import type { GuideEvidence, Lang } from '../kit/types.ts'
import type { WorkspaceLabels } from './labels.ts'
import styles from './ReviewWorkspace.module.css'

const REFUSED = new Set(['needs_revision', 'rejected'])

interface Props {
  file: GuideEvidence
  /** Whether the signed-in assessor may judge it (assigned, report not accepted). */
  editable: boolean
  /** Whether the signed-in assessor leads the team, who alone records a reason to accept a refused file. */
  lead: boolean
  apiRoute: string
  t: WorkspaceLabels
  lang: Lang
  onSaved: (file: GuideEvidence) => void
}

/** One file attached to a question, with its preview and, for an assessor who may judge it, the verdict on it for this question. */
export function EvidenceVerdict({ file, editable, lead, apiRoute, t, lang, onSaved }: Props) {
  const [open, setOpen] = useState(false)
  const [verdict, setVerdict] = useState(file.verdict ?? 'pending')
  const [reason, setReason] = useState(file.verdictReason ?? '')
  const [leadReason, setLeadReason] = useState(file.leadReason ?? '')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const previewable = file.mimeType.startsWith('image/') || file.mimeType === 'application/pdf'
  const refused = REFUSED.has(verdict)

  async function save() {
    setBusy(true)
    setMessage(null)
    try {
      const body: Record<string, unknown> = { verdict, verdictReason: reason.trim() || null }
      if (lead) body.leadReason = refused ? leadReason.trim() || null : null
      // The verdict belongs to this use of the file: the same file may prove another question and not this one.
      const result = await callApi<{ doc: GuideEvidence }>(`${apiRoute}/evidence-uses/${file.id}?depth=0`, jsonRequest('PATCH', body))
      if (result.ok) {
        const saved = result.body.doc
        onSaved({ ...file, verdict: saved.verdict, verdictReason: saved.verdictReason ?? null, leadReason: saved.leadReason ?? null })
        setMessage({ text: t.verdictSaved(file.filename), error: false })
      } else {
        const texts = result.problems.length ? result.problems.map((item) => problemMessage(item, lang)) : result.messages
        setMessage({ text: texts.join(' '), error: true })
      }
    } catch {
      setMessage({ text: t.network, error: true })
    }
    setBusy(false)
  }

  return (
    <li className={styles.file} data-evidence={file.filename} data-question={file.question ?? ''}>
      <span className={guide.fileName}>{file.filename}</span>{' '}
      <span className={guide.muted}>
        {t.verdictLabel}: {t.verdict[file.verdict ?? 'pending'] ?? file.verdict}
        {file.verdictReason ? ` (${file.verdictReason})` : ''}
      </span>{' '}
      {previewable ? (
        <button type="button" className={guide.link} onClick={() => setOpen(!open)}>
          {open ? t.hidePreview : t.preview}
        </button>
      ) : null}{' '}
      {file.url ? (
        <a className={guide.link} href={file.url} download={file.filename}>
          {t.download}
        </a>
      ) : null}
      {file.leadReason && !editable ? (
        <p className={guide.muted}>
          {t.leadReason}: {file.leadReason}
        </p>
      ) : null}
      {open ? previewable ? <FilePreview file={file} failed={t.network} label={t.preview} /> : <p>{t.noPreview}</p> : null}
      {editable ? (
        <div className={styles.verdictForm}>
          <label>
            <span className={guide.muted}>{t.verdictLabel}</span>
            <select value={verdict} onChange={(event) => setVerdict(event.target.value)} aria-label={`${t.verdictLabel}: ${file.filename}`}>
              {Object.entries(t.verdict).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {refused ? (
            <label className={styles.grow}>
              <span className={guide.muted}>{t.reason}</span>
              <input type="text" value={reason} onChange={(event) => setReason(event.target.value)} aria-label={`${t.reason}: ${file.filename}`} />
            </label>
          ) : null}
          {refused && lead ? (
            <label className={styles.grow}>
              <span className={guide.muted}>{t.leadReason}</span>
              <input
                type="text"
                value={leadReason}
                onChange={(event) => setLeadReason(event.target.value)}
                aria-label={`${t.leadReason}: ${file.filename}`}
              />
            </label>
          ) : null}
          <button type="button" className={styles.secondary} onClick={() => void save()} disabled={busy}>
            {t.saveVerdict}
          </button>
        </div>
      ) : null}
      {message ? (
        <p className={message.error ? guide.error : guide.notice} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </li>
  )
}
