'use client'

import { useState } from 'react'

import { callApi, uploadWithProgress } from '../kit/api.ts'
import { FilePreview } from '../kit/FilePreview.tsx'
import type { GuideLabels } from './labels.ts'
import styles from '../kit/kit.module.css'
import type { GuideEvidence, Lang, LibraryFile } from '../kit/types.ts'
import { type ID } from '../../domain/ids.ts'
import { EvidenceLibrary, sizeText } from './EvidenceLibrary.tsx'

type UploadAnswer = {
  doc: LibraryFile
  use: { id: ID; question?: string | null; verdict?: string | null } | null
  reused: boolean
  linked: boolean
  message: string
}

interface Props {
  apiRoute: string
  report: { id: ID; city: ID }
  question: string
  files: GuideEvidence[]
  editable: boolean
  lang: Lang
  t: GuideLabels
  onAdded: (evidence: GuideEvidence) => void
  onRemoved: (id: ID) => void
}

const canPreview = (mimeType: string) => mimeType.startsWith('image/') || mimeType === 'application/pdf'

/**
 * The evidence files of one question: list, preview, upload (several at once), a file chosen from
 * the city's evidence library, and detaching. A file uploaded again is recognised by its content and
 * the library's copy is attached instead; detaching leaves the file in the library.
 */
export function EvidenceFiles({ apiRoute, report, question, files, editable, lang, t, onAdded, onRemoved }: Props) {
  const [open, setOpen] = useState<ID | null>(null)
  const [picking, setPicking] = useState(false)
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
        const { doc, use, reused, linked } = result.body
        if (use && linked) {
          onAdded({ ...doc, id: use.id, file: doc.id, question, verdict: use.verdict ?? 'pending', verdictReason: null, leadReason: null })
          messages.push({ text: reused ? t.reusedLinked(file.name, doc.filename) : t.uploaded(file.name) })
        } else {
          messages.push({ text: t.reusedHere(file.name) })
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
    const result = await callApi(`${apiRoute}/evidence-uses/${file.id}`, { method: 'DELETE' })
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
      {editable ? (
        <p>
          <button type="button" className={styles.link} aria-expanded={picking} onClick={() => setPicking(!picking)}>
            {picking ? t.closeLibrary : t.fromLibrary}
          </button>
        </p>
      ) : null}
      {editable && picking ? (
        <EvidenceLibrary
          apiRoute={apiRoute}
          report={report}
          question={question}
          attached={files.map((file) => file.file)}
          lang={lang}
          t={t}
          onAttached={(evidence) => {
            onAdded(evidence)
            setNotices([{ text: t.attachedFromLibrary(evidence.filename) }])
          }}
        />
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
