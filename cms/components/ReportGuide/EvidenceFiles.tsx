'use client'

import { useState } from 'react'

import { callApi, uploadWithProgress } from '../kit/api.ts'
import { FilePreview } from '../kit/FilePreview.tsx'
import type { GuideLabels } from './labels.ts'
import styles from '../kit/kit.module.css'
import type { GuideEvidence } from '../kit/types.ts'
import { type ID } from '../../domain/ids.ts'

type UploadAnswer = { doc: GuideEvidence & { report?: ID | { id: ID } | null }; reused: boolean; message: string }

interface Props {
  apiRoute: string
  report: { id: ID; city: ID }
  question: string
  files: GuideEvidence[]
  editable: boolean
  t: GuideLabels
  onAdded: (evidence: GuideEvidence) => void
  onRemoved: (id: ID) => void
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`

const canPreview = (mimeType: string) => mimeType.startsWith('image/') || mimeType === 'application/pdf'

/** The evidence files of one question: list, preview, upload (several at once) and removal. */
export function EvidenceFiles({ apiRoute, report, question, files, editable, t, onAdded, onRemoved }: Props) {
  const [open, setOpen] = useState<ID | null>(null)
  const [notices, setNotices] = useState<{ text: string; error?: boolean }[]>([])
  const [busy, setBusy] = useState(false)

  async function upload(list: FileList | null) {
    if (!list || list.length === 0) return
    setBusy(true)
    const messages: { text: string; error?: boolean }[] = []
    for (const file of Array.from(list)) {
      const form = new FormData()
      form.append('file', file)
      form.append('_payload', JSON.stringify({ city: report.city, report: report.id, question }))
      setNotices([...messages, { text: t.uploading(file.name, 0) }])
      try {
        const result = await uploadWithProgress<UploadAnswer>(`${apiRoute}/evidence/upload`, form, (percent) =>
          setNotices([...messages, { text: t.uploading(file.name, percent) }]),
        )
        if (!result.ok) {
          messages.push({ text: `${file.name}: ${result.messages.join(' ')}`, error: true })
          continue
        }
        const { doc, reused } = result.body
        const reportOfDoc = typeof doc.report === 'object' && doc.report ? doc.report.id : doc.report
        if (!reused) {
          onAdded(doc)
          messages.push({ text: t.uploaded(file.name) })
        } else if (String(reportOfDoc) === String(report.id) && doc.question === question) {
          messages.push({ text: t.reusedHere(file.name) })
        } else {
          messages.push({ text: t.reusedElsewhere(file.name, `"${doc.filename}" (#${doc.id})`), error: true })
        }
      } catch {
        messages.push({ text: `${file.name}: ${t.network}`, error: true })
      }
    }
    setNotices(messages)
    setBusy(false)
  }

  async function remove(file: GuideEvidence) {
    if (!window.confirm(t.confirmRemove(file.filename))) return
    const result = await callApi(`${apiRoute}/evidence/${file.id}`, { method: 'DELETE' })
    if (result.ok) onRemoved(file.id)
    else setNotices([{ text: `${file.filename}: ${result.messages.join(' ')}`, error: true }])
  }

  return (
    <div className={styles.evidence}>
      {files.length > 0 ? (
        <ul className={styles.files} aria-label={t.evidence}>
          {files.map((file) => (
            <li key={file.id}>
              <span className={styles.fileName}>{file.filename}</span>{' '}
              <span className={styles.muted}>
                {sizeText(file.filesize)}
                {file.verdict ? ` · ${t.verdict[file.verdict] ?? file.verdict}` : ''}
                {file.verdictReason ? `: ${file.verdictReason}` : ''}
              </span>{' '}
              {canPreview(file.mimeType) ? (
                <button type="button" className={styles.link} onClick={() => setOpen(open === file.id ? null : file.id)}>
                  {open === file.id ? t.hidePreview : t.preview}
                </button>
              ) : null}{' '}
              {file.url ? (
                <a className={styles.link} href={file.url} download={file.filename}>
                  {t.download}
                </a>
              ) : null}{' '}
              {editable ? (
                <button type="button" className={styles.link} onClick={() => remove(file)}>
                  {t.remove}
                </button>
              ) : null}
              {open === file.id ? (
                canPreview(file.mimeType) ? <FilePreview file={file} failed={t.network} label={t.preview} /> : <p>{t.noPreview}</p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <label className={styles.upload}>
          <span>{t.addFiles}</span>
          <input
            type="file"
            multiple
            disabled={busy}
            data-question={question}
            accept=".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx,application/pdf,image/jpeg,image/png,image/webp"
            onChange={(event) => {
              void upload(event.target.files)
              event.target.value = ''
            }}
          />
          <span className={styles.muted}>{t.fileTypes}</span>
        </label>
      ) : null}
      <div aria-live="polite">
        {notices.map((notice, index) => (
          <p key={index} className={notice.error ? styles.error : styles.notice}>
            {notice.text}
          </p>
        ))}
      </div>
    </div>
  )
}
