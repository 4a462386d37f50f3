'use client'

import { useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useMemo, useState } from 'react'

import { REPORT_EDITABLE_BY_COUNCIL, type ReportStatus, STATUS_LABELS } from '../../constants.ts'
import { countdown } from '../../domain/deadlines.ts'
import { type Problem, type ProblemCode, problemsByQuestion } from '../../domain/problems.ts'
import { reportProgress, submissionProblems, visibleQuestions } from '../../domain/submission.ts'
import { callApi, jsonRequest } from '../kit/api.ts'
import { Deadline } from '../kit/Deadline.tsx'
import { ProblemList } from '../kit/Problems.tsx'
import { useWorkflow } from '../kit/useWorkflow.ts'
import { EvidenceFiles } from './EvidenceFiles.tsx'
import { LABELS } from './labels.ts'
import { ProgrammeProgress } from './ProgrammeProgress.tsx'
import { describeAnswer, QuestionInput } from './QuestionInput.tsx'
import styles from '../kit/kit.module.css'
import type { GuideData, GuideEvidence, GuideQuestion } from '../kit/types.ts'
import { useReportDraft } from './useReportDraft.ts'

const STILL_TO_COME = new Set<ProblemCode>(['answer.missing', 'evidence.missing'])
const questionAnchor = (question: string) => `guide-q-${question}`

/**
 * The council's guided view of its report: the instrument's sections with guidance, conditional
 * questions that appear as answers change, last period's answers for reference, a live progress count,
 * evidence per question, programme progress, the deadline in the city's own time, and submission.
 * The count and the marks at each question come from the same check the server runs on submit;
 * the draft and its saving live in `useReportDraft`.
 */
export function ReportGuideClient({ data }: { data: GuideData }) {
  const t = LABELS[data.lang]
  const router = useRouter()
  const {
    config: {
      routes: { admin: adminRoute, api: apiRoute },
    },
  } = useConfig()
  const reportURL = `${apiRoute}/reports/${data.report.id}?depth=0`

  const { draft, change, save, saveState, setSaveState, savedAt, notice, setNotice, staleBackup, restoreBackup, discardBackup, basedOn } =
    useReportDraft(data, reportURL, t.restored)
  const workflow = useWorkflow(apiRoute, data.report.id, data.workflow)
  const [evidence, setEvidence] = useState<GuideEvidence[]>(data.evidence)
  const [status, setStatus] = useState(data.report.status)
  const [editable, setEditable] = useState(data.editable)
  const [submitting, setSubmitting] = useState(false)
  const [refusal, setRefusal] = useState<{ problems: Problem[]; messages: string[] } | null>(null)
  const [touched, setTouched] = useState<Set<string>>(() => new Set())

  const instrument = data.instrument
  const questionText = useMemo(() => {
    const texts = new Map((instrument?.sections ?? []).flatMap((section) => section.questions.map((question) => [question.key, question.text])))
    return (key: string) => texts.get(key)
  }, [instrument])
  const answersList = useMemo(
    () => Object.entries(draft.answers).map(([question, value]) => ({ question, value })),
    [draft.answers],
  )
  const visible = useMemo(
    () => new Set(instrument ? visibleQuestions(instrument, answersList).map((question) => question.key) : []),
    [instrument, answersList],
  )
  const progress = instrument ? reportProgress(instrument, answersList, evidence) : null
  const liveProblems = useMemo(
    () => problemsByQuestion(instrument ? submissionProblems(instrument, answersList, evidence) : []),
    [instrument, answersList, evidence],
  )
  const deadline = workflow.state.deadline
  const late = deadline ? countdown({ at: new Date(deadline.at), zone: deadline.zone, extended: deadline.extended }, new Date()).passed : false

  const setAnswer = (question: string, value: unknown) => {
    setTouched((current) => new Set(current).add(question))
    change((current) => ({ ...current, answers: { ...current.answers, [question]: value } }))
  }

  async function submit() {
    if (!window.confirm(t.confirmSubmit)) return
    setSubmitting(true)
    setRefusal(null)
    if (!(await save())) {
      setSubmitting(false)
      return
    }
    try {
      const result = await callApi<{ doc: { status: string; updatedAt: string } }>(
        reportURL,
        jsonRequest('PATCH', { status: 'submitted', updatedAt: basedOn() }),
      )
      if (result.ok) {
        setStatus(result.body.doc.status)
        setEditable(false)
        setNotice(t.submitted)
        router.refresh()
      } else if (result.status === 409) {
        setSaveState('conflict')
      } else {
        setRefusal({ problems: result.problems, messages: result.problems.length ? [] : result.messages })
        void workflow.refresh()
      }
    } catch {
      setRefusal({ problems: [], messages: [t.network] })
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

  /** The problems marked at a question: the server's after a refused submit, else the live check's. */
  const problemsAt = (question: GuideQuestion): Problem[] => {
    const fromServer = (refusal?.problems ?? []).filter((item) => item.question === question.key)
    if (fromServer.length > 0) return fromServer
    const live = liveProblems.get(question.key) ?? []
    if (refusal) return live
    // Until a submit attempt, only the answers given so far are judged, not what is still to come.
    return touched.has(question.key) ? live.filter((item) => !STILL_TO_COME.has(item.code)) : []
  }

  const statusLabel = STATUS_LABELS[status as ReportStatus]?.[data.lang] ?? status

  return (
    <div className={styles.guide}>
      <header className={styles.summary} aria-live="polite">
        <p>
          {t.status}: <strong data-testid="report-status">{statusLabel}</strong>
        </p>
        {deadline ? (
          <p>
            <Deadline deadline={deadline} lang={data.lang} countdown={REPORT_EDITABLE_BY_COUNCIL.includes(status as ReportStatus)} />
          </p>
        ) : null}
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
            <button type="button" className={styles.link} onClick={restoreBackup}>
              {t.restore}
            </button>{' '}
            <button type="button" className={styles.link} onClick={discardBackup}>
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
              const errors = problemsAt(question)
              const files = evidence.filter((item) => item.question === question.key)
              const rule =
                question.evidence === 'required_from_level'
                  ? t.evidenceRule.required_from_level(question.evidenceFromLevel)
                  : t.evidenceRule[question.evidence]
              const hintId = `q-${question.key}-hint`
              return (
                <article
                  key={question.key}
                  id={questionAnchor(question.key)}
                  className={styles.question}
                  data-question={question.key}
                  aria-invalid={errors.length > 0}
                >
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
                        {t.previous(data.previous.title)} {describeAnswer(question, data.previous.answers[question.key], t, data.lang)}
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
                        lang={data.lang}
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
                    <p className={styles.answer}>{describeAnswer(question, draft.answers[question.key], t, data.lang)}</p>
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
                        lang={data.lang}
                        t={t}
                        onAdded={(added) => setEvidence((current) => [...current, added])}
                        onRemoved={(id) => setEvidence((current) => current.filter((item) => item.id !== id))}
                      />
                    </div>
                  ) : null}
                  {errors.length > 0 ? (
                    <div className={styles.error} role="alert">
                      <ProblemList problems={errors} lang={data.lang} questionText={questionText} />
                    </div>
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
        <p className={styles.muted}>
          {t.richTextHint} <a href={`${adminRoute}/collections/reports/${data.report.id}`}>{t.richTextTab}</a>.
        </p>
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

      {refusal && (refusal.problems.length > 0 || refusal.messages.length > 0) ? (
        <div className={styles.error} role="alert" data-testid="submit-problems">
          <p>{t.notReady}</p>
          <ProblemList problems={refusal.problems} lang={data.lang} anchorOf={questionAnchor} questionText={questionText} />
          {refusal.messages.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}

      {editable ? (
        <div>
          {late && !refusal ? (
            <div className={styles.error} role="status" data-testid="submit-blocked">
              <ProblemList
                problems={(workflow.moveTo('submit')?.problems ?? []).filter((item) => item.code === 'deadline.passed')}
                lang={data.lang}
              />
            </div>
          ) : null}
          <p>
            <button type="button" className={styles.submit} onClick={() => void submit()} disabled={submitting || late}>
              {submitting ? t.submitting : t.submit}
            </button>
          </p>
        </div>
      ) : null}
    </div>
  )
}
