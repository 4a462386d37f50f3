'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

import { callApi, jsonRequest } from '../kit/api.ts'
import type { GuideData } from '../kit/types.ts'

export type SaveState = 'saved' | 'dirty' | 'saving' | 'failed' | 'conflict'
export type Draft = { answers: Record<string, unknown>; comments: Record<string, string>; constraints: string[]; constraintNotes: string }
type Backup = Draft & { basedOn: string }

/** How long typing may pause before the draft is saved. */
const AUTOSAVE_DELAY_MS = 1200
const RETRY_DELAY_MS = 5000
const backupKey = (id: unknown) => `pantau:report:${String(id)}`

function draftOf(data: GuideData): Draft {
  return {
    answers: Object.fromEntries(data.report.answers.map((answer) => [answer.question, answer.value])),
    comments: Object.fromEntries(
      data.report.answers.filter((answer) => answer.comment).map((answer) => [answer.question, answer.comment as string]),
    ),
    constraints: data.report.constraints,
    constraintNotes: data.report.constraintNotes,
  }
}

/** The report's answers as stored: every answered question, hidden ones too, so nothing typed is lost. */
const answerRows = (draft: Draft) =>
  Object.entries(draft.answers)
    .filter(([, value]) => value !== undefined)
    .map(([question, value]) => ({ question, value, comment: draft.comments[question] || null }))

function readBackup(id: unknown): Backup | null {
  try {
    const text = window.localStorage.getItem(backupKey(id))
    return text ? (JSON.parse(text) as Backup) : null
  } catch {
    return null
  }
}

/**
 * The council's draft of its report and how it reaches the server: every change is kept in the
 * browser at once and saved after a pause in typing (one save at a time, the newest wins, a failed
 * save retried); a save based on a report someone else changed meanwhile is refused by the server
 * with 409 and nothing is overwritten. Answers typed but not saved when the page was left come back
 * from the browser's copy.
 */
export function useReportDraft(data: GuideData, reportURL: string, restoredNotice: string) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(data))
  const [saveState, setSaveState] = useState<SaveState>('saved')
  const [savedAt, setSavedAt] = useState<Date | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [staleBackup, setStaleBackup] = useState<Backup | null>(null)

  const updatedAt = useRef(data.report.updatedAt)
  const latest = useRef(draft)
  const version = useRef(0)
  const savedVersion = useRef(0)
  const inFlight = useRef<Promise<boolean> | null>(null)

  /** Sends the latest draft; true when the server holds it. */
  const save = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current
    if (savedVersion.current === version.current) return true
    const sending = version.current
    const body = {
      answers: answerRows(latest.current),
      constraints: latest.current.constraints,
      constraintNotes: latest.current.constraintNotes,
      updatedAt: updatedAt.current,
    }
    setSaveState('saving')
    const attempt = (async () => {
      try {
        const result = await callApi<{ doc: { updatedAt: string } }>(reportURL, jsonRequest('PATCH', body))
        if (result.ok) {
          updatedAt.current = result.body.doc.updatedAt
          savedVersion.current = sending
          setSavedAt(new Date())
          if (version.current === sending) {
            window.localStorage.removeItem(backupKey(data.report.id))
            setSaveState('saved')
          } else setSaveState('dirty')
          return true
        }
        if (result.status === 409) {
          setSaveState('conflict')
          return false
        }
        setSaveState('failed')
        setNotice(result.messages.join(' '))
        return false
      } catch {
        setSaveState('failed')
        return false
      }
    })()
    inFlight.current = attempt
    const saved = await attempt
    inFlight.current = null
    return saved
  }, [reportURL, data.report.id])

  const change = useCallback(
    (update: (current: Draft) => Draft) => {
      setDraft((current) => {
        const next = update(current)
        latest.current = next
        version.current += 1
        try {
          window.localStorage.setItem(backupKey(data.report.id), JSON.stringify({ ...next, basedOn: updatedAt.current }))
        } catch {
          // A full or disabled storage only loses the local copy; the server save still runs.
        }
        return next
      })
      setSaveState((state) => (state === 'conflict' ? state : 'dirty'))
    },
    [data.report.id],
  )

  // Autosave after a pause in typing; retry a failed save.
  useEffect(() => {
    if (saveState !== 'dirty' && saveState !== 'failed') return
    const timer = window.setTimeout(() => void save(), saveState === 'failed' ? RETRY_DELAY_MS : AUTOSAVE_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [draft, saveState, save])

  useEffect(() => {
    if (!data.editable) return
    const backup = readBackup(data.report.id)
    if (!backup) return
    if (backup.basedOn === data.report.updatedAt) {
      const { basedOn: _basedOn, ...restored } = backup
      change(() => restored)
      setNotice(restoredNotice)
    } else setStaleBackup(backup)
    // Once, on opening the report.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (savedVersion.current !== version.current) event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [])

  const restoreBackup = () => {
    if (!staleBackup) return
    const { basedOn: _basedOn, ...restored } = staleBackup
    change(() => restored)
    setStaleBackup(null)
  }
  const discardBackup = () => {
    window.localStorage.removeItem(backupKey(data.report.id))
    setStaleBackup(null)
  }

  return {
    draft,
    change,
    save,
    saveState,
    setSaveState,
    savedAt,
    notice,
    setNotice,
    staleBackup,
    restoreBackup,
    discardBackup,
    /** The `updatedAt` of the version the draft is based on, for the next save or the submission. */
    basedOn: () => updatedAt.current,
  }
}
