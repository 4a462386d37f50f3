'use client'

import { useEffect, useState } from 'react'

import { callApi, jsonRequest } from '../kit/api.ts'
import styles from '../kit/kit.module.css'
import type { GuideEvidence, Lang, LibraryFile } from '../kit/types.ts'
import type { ID } from '../../domain/ids.ts'
import type { GuideLabels } from './labels.ts'

type UseDoc = { id: ID; question?: string | null; verdict?: string | null }

interface Props {
  apiRoute: string
  report: { id: ID; city: ID }
  question: string
  /** The files already attached to this question, which are not offered again. */
  attached: ID[]
  lang: Lang
  t: GuideLabels
  onAttached: (evidence: GuideEvidence) => void
}

/** How many files one search lists: the newest first; a search narrows them down. */
const PAGE = 50
const SEARCH_DELAY_MS = 300

export const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`

/** A calendar date as "5 Jun 2023" (a document's date has no time of day, so no zone moves it). */
export const dayText = (iso: string | null, lang: Lang) =>
  iso ? new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso)) : ''

/** The library request: the city's files, newest first, those whose name or description holds `term`. */
function libraryURL(apiRoute: string, city: ID, term: string): string {
  const query = new URLSearchParams({ 'where[and][0][city][equals]': String(city), sort: '-createdAt', limit: String(PAGE), depth: '0' })
  if (term.trim()) {
    query.set('where[and][1][or][0][filename][like]', term.trim())
    query.set('where[and][1][or][1][description][like]', term.trim())
  }
  for (const field of ['filename', 'mimeType', 'filesize', 'url', 'description', 'documentDate', 'createdAt']) query.set(`select[${field}]`, 'true')
  return `${apiRoute}/evidence?${query.toString()}`
}

/**
 * "Pilih dari pustaka bukti": the city's evidence library, searchable by name and description, each
 * file with its date, to attach one to this question without uploading it again.
 */
export function EvidenceLibrary({ apiRoute, report, question, attached, lang, t, onAttached }: Props) {
  const [term, setTerm] = useState('')
  const [files, setFiles] = useState<LibraryFile[] | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const [busy, setBusy] = useState<ID | null>(null)

  useEffect(() => {
    let cancelled = false
    const timer = window.setTimeout(() => {
      callApi<{ docs: LibraryFile[] }>(libraryURL(apiRoute, report.city, term), { method: 'GET' })
        .then((result) => {
          if (cancelled) return
          if (result.ok) {
            setFiles(result.body.docs)
            setFailed(null)
          } else setFailed(result.messages.join(' '))
        })
        .catch(() => !cancelled && setFailed(t.network))
    }, term ? SEARCH_DELAY_MS : 0)
    return () => {
      cancelled = true
      window.clearTimeout(timer)
    }
  }, [apiRoute, report.city, term, t.network])

  async function attach(file: LibraryFile) {
    setBusy(file.id)
    setFailed(null)
    try {
      const result = await callApi<{ doc: UseDoc }>(
        `${apiRoute}/evidence-uses?depth=0`,
        jsonRequest('POST', { report: report.id, question, evidence: file.id }),
      )
      if (result.ok) {
        const use = result.body.doc
        onAttached({ ...file, id: use.id, file: file.id, question, verdict: use.verdict ?? 'pending', verdictReason: null, leadReason: null })
      } else setFailed(result.messages.join(' '))
    } catch {
      setFailed(t.network)
    }
    setBusy(null)
  }

  const taken = new Set(attached.map(String))
  return (
    <div className={styles.library} data-testid="evidence-library">
      <label className={styles.comment}>
        <span className={styles.muted}>{t.librarySearch}</span>
        <input type="search" value={term} onChange={(event) => setTerm(event.target.value)} />
      </label>
      {failed ? <p className={styles.error}>{failed}</p> : null}
      {files === null && !failed ? <p className={styles.muted}>{t.libraryLoading}</p> : null}
      {files?.length === 0 ? <p className={styles.muted}>{term ? t.libraryNoMatch : t.libraryEmpty}</p> : null}
      {files && files.length > 0 ? (
        <ul className={styles.files} aria-label={t.libraryTitle}>
          {files.map((file) => (
            <li key={file.id} data-library-file={file.filename}>
              <span className={styles.fileName}>{file.filename}</span>{' '}
              <span className={styles.muted}>
                {file.documentDate ? `${t.documentDated} ${dayText(file.documentDate, lang)}` : `${t.uploadedOn} ${dayText(file.createdAt, lang)}`}
                {` · ${sizeText(file.filesize)}`}
                {file.description ? ` · ${file.description}` : ''}
              </span>{' '}
              {taken.has(String(file.id)) ? (
                <span className={styles.muted}>{t.alreadyAttached}</span>
              ) : (
                <button type="button" className={styles.link} disabled={busy !== null} onClick={() => void attach(file)}>
                  {t.attach}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
