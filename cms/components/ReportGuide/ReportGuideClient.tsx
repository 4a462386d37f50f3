'use client'

import { useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'

import { STATUS_LABELS } from '../../domain/workflow.ts'
import { reportProgress, submissionProblems, visibleQuestions } from '../../domain/submission.ts'
import type { ReportStatus } from '../../constants.ts'
import { callApi, jsonRequest, questionOfMessage } from './api.ts'
import { EvidenceFiles } from './EvidenceFiles.tsx'
import { LABELS } from './labels.ts'
import { ProgrammeProgress } from './ProgrammeProgress.tsx'
import { describeAnswer, QuestionInput } from './QuestionInput.tsx'
import styles from './ReportGuide.module.css'
import type { GuideData, GuideEvidence, GuideQuestion } from './types.ts'

type SaveState = 'saved' | 'dirty' | 'saving' | 'failed' | 'conflict'
type Draft = { answers: Record<string, unknown>; comments: Record<string, string>; constraints: string[]; constraintNotes: string }
type Backup = Draft & { basedOn: string }

/** How long typing may pause before the draft is saved. */
const AUTOSAVE_DELAY_MS = 1200
const RETRY_DELAY_MS = 5000
/** Problems that only say something is not there yet: not worth a red mark while the council is still filling in. */
const STILL_TO_COME = /belum dijawab|bukti dukung wajib/
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
 * The council's guided view of its report: the instrument's sections with guidance, conditional
 * questions that appear as answers change, last period's answers for reference, a live progress count,
 * evidence per question, programme progress, and submission. Every change is saved on its own after
 * a pause (and kept in the browser until the server has it); a save based on a report someone else
 * has changed meanwhile is refused by the server with 409 and nothing is overwritten.
 */
export function ReportGuideClient({ data }: { data: GuideData }) {
  const t = LABELS[data.lang]
  const router = useRouter()
  const {
    config: {
      routes: { api: apiRoute },
    },
  } = useConfig()
  const reportURL = `${apiRoute}/reports/${data.report.id}?depth=0`

  const [draft, setDraft] = useState<Draft>(() => draftOf(data))
  const [evidence, setEvidence] = useState<GuideEvidence[]>(data.evidence)
  const [status, setStatus] = useState(data.report.status)
  const [editable, setEditable] = useState(data.editable)
  const [saveState, setSaveState] = useState<SaveState>('saved')
  const [savedAt, setSavedAt] = useState<Date | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [staleBackup, setStaleBackup] = useState<Backup | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [problems, setProblems] = useState<{ byQuestion: Record<string, string[]>; general: string[] } | null>(null)
  const [touched, setTouched] = useState<Set<string>>(() => new Set())

  const updatedAt = useRef(data.report.updatedAt)
  const latest = useRef(draft)
  const version = useRef(0)
  const savedVersion = useRef(0)
  const inFlight = useRef<Promise<boolean> | null>(null)

  const instrument = data.instrument
  const answersList = useMemo(
    () => Object.entries(draft.answers).map(([question, value]) => ({ question, value })),
    [draft.answers],
  )
  const visible = useMemo(
    () => new Set(instrument ? visibleQuestions(instrument, answersList).map((question) => question.key) : []),
    [instrument, answersList],
  )
  const progress = instrument ? reportProgress(instrument, answersList, evidence) : null
  const liveProblems = useMemo(() => {
    const byQuestion: Record<string, string[]> = {}
    for (const problem of instrument ? submissionProblems(instrument, answersList, evidence) : []) {
      ;(byQuestion[problem.question] ??= []).push(problem.message)
    }
    return byQuestion
  }, [instrument, answersList, evidence])

  /** Sends the latest draft; true when the server holds it. One save at a time, the newest wins. */
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

  // Answers typed but not yet saved when the page was left come back from the browser's copy.
  useEffect(() => {
    if (!data.editable) return
    const backup = readBackup(data.report.id)
    if (!backup) return
    if (backup.basedOn === data.report.updatedAt) {
      const { basedOn: _basedOn, ...restored } = backup
      change(() => restored)
      setNotice(t.restored)
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

  const setAnswer = (question: string, value: unknown) => {
    setTouched((current) => new Set(current).add(question))
    change((current) => ({ ...current, answers: { ...current.answers, [question]: value } }))
  }

  async function submit() {
    if (!window.confirm(t.confirmSubmit)) return
    setSubmitting(true)
    setProblems(null)
    if (!(await save())) {
      setSubmitting(false)
      return
    }
    try {
      const result = await callApi<{ doc: { status: string; updatedAt: string } }>(
        reportURL,
        jsonRequest('PATCH', { status: 'submitted', updatedAt: updatedAt.current }),
      )
      if (result.ok) {
        setStatus(result.body.doc.status)
        setEditable(false)
        setNotice(t.submitted)
        router.refresh()
      } else if (result.status === 409) {
        setSaveState('conflict')
      } else {
        const byQuestion: Record<string, string[]> = {}
        const general: string[] = []
        for (const message of result.messages) {
          const code = questionOfMessage(message)
          if (code) (byQuestion[code] ??= []).push(message)
          else general.push(message)
        }
        setProblems({ byQuestion, general })
      }
    } catch {
      setProblems({ byQuestion: {}, general: [t.network] })
    }
    setSubmitting(false)
  }

  const saveText =
    saveState === 'saving'
      ? t.saving
      : saveState === 'dirty'
        ? t.unsaved
        : saveState === 'failed'
          ? t.saveFailed
          : saveState === 'conflict'
            ? t.conflict
            : savedAt
              ? t.saved(savedAt.toLocaleTimeString(data.lang === 'en' ? 'en-GB' : 'id-ID', { hour: '2-digit', minute: '2-digit' }))
              : ''

  const problemsOf = (question: GuideQuestion): string[] => {
    const fromServer = problems?.byQuestion[question.key] ?? []
    if (fromServer.length > 0) return fromServer
    const live = liveProblems[question.key] ?? []
    if (problems) return live
    // Until a submit attempt, only the answers given so far are judged, not what is still to come.
    return touched.has(question.key) ? live.filter((message) => !STILL_TO_COME.test(message)) : []
  }

  const statusLabel = STATUS_LABELS[status as ReportStatus]?.[data.lang] ?? status
  const deadline = data.period?.deadline
    ? new Intl.DateTimeFormat(data.lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeZone: 'Asia/Jakarta' }).format(
        new Date(data.period.deadline),
      )
    : null

  return (
    <div className={styles.guide}>
      <header className={styles.summary} aria-live="polite">
        <p>
          {t.status}: <strong data-testid="report-status">{statusLabel}</strong>
          {deadline ? ` · ${t.deadline}: ${deadline}` : ''}
        </p>
        {status === 'accepted' ? (
          <p>
            <a className={styles.link} href={`${apiRoute}/reports/${data.report.id}/results.pdf?locale=${data.lang}`} data-testid="results-pdf">
              {data.lang === 'en' ? 'Download the results document (PDF)' : 'Unduh dokumen hasil evaluasi (PDF)'}
            </a>
          </p>
        ) : null}
        {progress ? (
          <p className={styles.progress} data-testid="report-progress">
            {t.progress(progress.answered, progress.total)}, {t.evidenceMissing(progress.evidenceMissing)}
          </p>
        ) : null}
        {progress ? (
          <progress max={Math.max(progress.total, 1)} value={progress.answered} aria-label={t.progress(progress.answered, progress.total)} />
        ) : null}
        {editable ? (
          <p className={saveState === 'failed' || saveState === 'conflict' ? styles.error : styles.muted} data-testid="save-state">
            {saveText}{' '}
            {saveState === 'conflict' ? (
              <button type="button" className={styles.link} onClick={() => window.location.reload()}>
                {t.reload}
              </button>
            ) : null}
          </p>
        ) : null}
        {notice ? <p className={styles.notice}>{notice}</p> : null}
        {staleBackup ? (
          <p className={styles.error}>
            {t.backupFound}{' '}
            <button
              type="button"
              className={styles.link}
              onClick={() => {
                const { basedOn: _basedOn, ...restored } = staleBackup
                change(() => restored)
                setStaleBackup(null)
              }}
            >
              {t.restore}
            </button>{' '}
            <button
              type="button"
              className={styles.link}
              onClick={() => {
                window.localStorage.removeItem(backupKey(data.report.id))
                setStaleBackup(null)
              }}
            >
              {t.discard}
            </button>
          </p>
        ) : null}
        {!editable && !notice ? <p className={styles.muted}>{t.readOnly}</p> : null}
      </header>

      {!instrument ? <p className={styles.error}>{t.noInstrument}</p> : null}

      {instrument?.sections.map((section, sectionIndex) => {
        const questions = section.questions.filter((question) => visible.has(question.key))
        if (questions.length === 0) return null
        return (
          <section key={sectionIndex} className={styles.section} aria-labelledby={`guide-section-${sectionIndex}`}>
            <h2 id={`guide-section-${sectionIndex}`}>
              {section.title}
              {section.subDimension ? <span className={styles.muted}> · {section.subDimension}</span> : null}
            </h2>
            {questions.map((question) => {
              const errors = problemsOf(question)
              const files = evidence.filter((item) => item.question === question.key)
              const rule =
                question.evidence === 'required_from_level'
                  ? t.evidenceRule.required_from_level(question.evidenceFromLevel)
                  : t.evidenceRule[question.evidence]
              const hintId = `q-${question.key}-hint`
              return (
                <article key={question.key} className={styles.question} data-question={question.key} aria-invalid={errors.length > 0}>
                  <h3>
                    <span className={styles.code}>{question.key}</span> {question.text}
                  </h3>
                  <div id={hintId}>
                    {question.guidance ? (
                      <details className={styles.guidance}>
                        <summary>{t.guidance}</summary>
                        <p>{question.guidance}</p>
                      </details>
                    ) : null}
                    {data.previous ? (
                      <p className={styles.previous}>
                        {t.previous(data.previous.title)} {describeAnswer(question, data.previous.answers[question.key], t)}
                      </p>
                    ) : null}
                  </div>
                  {editable ? (
                    <>
                      <QuestionInput
                        question={question}
                        value={draft.answers[question.key]}
                        onChange={(value) => setAnswer(question.key, value)}
                        disabled={submitting}
                        t={t}
                        describedBy={hintId}
                      />
                      <label className={styles.comment}>
                        <span className={styles.muted}>{t.comment}</span>
                        <input
                          type="text"
                          value={draft.comments[question.key] ?? ''}
                          onChange={(event) =>
                            change((current) => ({ ...current, comments: { ...current.comments, [question.key]: event.target.value } }))
                          }
                        />
                      </label>
                    </>
                  ) : (
                    <p className={styles.answer}>{describeAnswer(question, draft.answers[question.key], t)}</p>
                  )}
                  {question.evidence !== 'none' || files.length > 0 ? (
                    <div>
                      <p className={styles.muted}>{rule}</p>
                      <EvidenceFiles
                        apiRoute={apiRoute}
                        report={{ id: data.report.id, city: data.report.city }}
                        question={question.key}
                        files={files}
                        editable={editable}
                        t={t}
                        onAdded={(added) => setEvidence((current) => [...current, added])}
                        onRemoved={(id) => setEvidence((current) => current.filter((item) => item.id !== id))}
                      />
                    </div>
                  ) : null}
                  {errors.length > 0 ? (
                    <ul className={styles.error} role="alert">
                      {errors.map((message) => (
                        <li key={message}>{message}</li>
                      ))}
                    </ul>
                  ) : null}
                </article>
              )
            })}
          </section>
        )
      })}

      <section className={styles.section} aria-labelledby="guide-situation">
        <h2 id="guide-situation">{t.situation}</h2>
        <fieldset className={styles.choices} disabled={!editable}>
          <legend>{t.constraints}</legend>
          {Object.entries(t.constraintOptions).map(([value, label]) => (
            <label key={value}>
              <input
                type="checkbox"
                checked={draft.constraints.includes(value)}
                onChange={() =>
                  change((current) => ({
                    ...current,
                    constraints: current.constraints.includes(value)
                      ? current.constraints.filter((item) => item !== value)
                      : [...current.constraints, value],
                  }))
                }
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <label className={styles.comment}>
          <span>{t.constraintNotes}</span>
          <textarea
            rows={3}
            disabled={!editable}
            value={draft.constraintNotes}
            onChange={(event) => change((current) => ({ ...current, constraintNotes: event.target.value }))}
          />
        </label>
        <p className={styles.muted}>{t.richTextHint}</p>
      </section>

      {data.period ? (
        <ProgrammeProgress
          apiRoute={apiRoute}
          programmes={data.programmes}
          year={data.period.year}
          editable={editable}
          lang={data.lang}
          t={t}
        />
      ) : null}

      {problems && problems.general.length + Object.keys(problems.byQuestion).length > 0 ? (
        <div className={styles.error} role="alert" data-testid="submit-problems">
          <p>{t.notReady}</p>
          <ul>
            {[...problems.general, ...Object.values(problems.byQuestion).flat()].map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {editable ? (
        <p>
          <button type="button" className={styles.submit} onClick={() => void submit()} disabled={submitting}>
            {submitting ? t.submitting : t.submit}
          </button>
        </p>
      ) : null}
    </div>
  )
}
