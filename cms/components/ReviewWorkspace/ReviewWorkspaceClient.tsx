'use client'

import { useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useEffect, useMemo, useState } from 'react'

import { REPORT_STATUS, REVIEW_STATUS, type ReportStatus } from '../../constants.ts'
import { visibleQuestions } from '../../domain/submission.ts'
import { STATUS_LABELS } from '../../domain/workflow.ts'
import type { QuestionChange } from '../../domain/submissionChanges.ts'
import { LABELS as GUIDE_LABELS } from '../ReportGuide/labels.ts'
import { describeAnswer } from '../ReportGuide/QuestionInput.tsx'
import guide from '../ReportGuide/ReportGuide.module.css'
import type { GuideEvidence, GuideQuestion } from '../ReportGuide/types.ts'
import { callApi, jsonRequest } from '../ReportGuide/api.ts'
import { FilePreview } from '../ReportGuide/FilePreview.tsx'
import { LABELS, type WorkspaceLabels } from './labels.ts'
import { plainToRichText } from './richText.ts'
import styles from './ReviewWorkspace.module.css'
import type { Disagreement, WorkspaceData, WorkspaceScore } from './types.ts'
import { type ID } from '../../domain/ids.ts'

type Problems = { byQuestion: Record<string, string[]>; general: string[] }
type ChangesAnswer = { round: number | null; previousRound: number | null; changes: QuestionChange[] }
type PayloadErrors = { message?: string; errors?: { message?: string; data?: { errors?: { message?: string; path?: string }[] } }[] }

const REVIEWABLE = new Set<string>([REPORT_STATUS.submitted, REPORT_STATUS.inReview])
const NO_PROBLEMS: Problems = { byQuestion: {}, general: [] }
const NOTICE_KEPT_MS = 5000

/**
 * Sorts a Payload error answer's messages by question: a field path `scores.<n>` names the n-th row
 * sent, and the scoring engine's messages name the question ("pertanyaan Q1" / "question Q1").
 */
function sortProblems(body: unknown, sentQuestions: string[]): Problems {
  const { message, errors } = (body ?? {}) as PayloadErrors
  const problems: Problems = { byQuestion: {}, general: [] }
  const add = (text: string, path?: string) => {
    const row = /^scores\.(\d+)/.exec(path ?? '')?.[1]
    const question = (row !== undefined ? sentQuestions[Number(row)] : undefined) ?? /(?:pertanyaan|question) ([A-Za-z0-9._-]+)/i.exec(text)?.[1]
    if (question) (problems.byQuestion[question] ??= []).push(text)
    else problems.general.push(text)
  }
  for (const error of errors ?? []) {
    const fields = error.data?.errors ?? []
    if (fields.length > 0) fields.forEach((field) => field.message && add(field.message, field.path))
    else if (error.message) add(error.message)
  }
  if (problems.general.length === 0 && Object.keys(problems.byQuestion).length === 0 && message) problems.general.push(message)
  return problems
}

const textOfValue = (value: unknown, t: WorkspaceLabels) =>
  value === null || value === undefined || value === '' ? t.empty : typeof value === 'string' ? value : JSON.stringify(value)

/** What changed in one question since the previous submission, in words. */
function ChangeLines({ change, question, t, lang }: { change: QuestionChange; question?: GuideQuestion; t: WorkspaceLabels; lang: 'id' | 'en' }) {
  const answer = (value: unknown) => (question ? describeAnswer(question, value, GUIDE_LABELS[lang]) : textOfValue(value, t))
  return (
    <ul className={styles.changeLines}>
      {change.answer ? <li>{t.answerChange(answer(change.answer.before), answer(change.answer.after))}</li> : null}
      {change.comment ? <li>{t.commentChange(change.comment.before ?? t.empty, change.comment.after ?? t.empty)}</li> : null}
      {change.evidence?.added.length ? <li>{t.filesAdded(change.evidence.added.map((file) => file.filename ?? `#${file.id}`).join(', '))}</li> : null}
      {change.evidence?.removed.length ? (
        <li>{t.filesRemoved(change.evidence.removed.map((file) => file.filename ?? `#${file.id}`).join(', '))}</li>
      ) : null}
    </ul>
  )
}

/** One evidence file with its preview and, for an assessor who may judge it, the verdict form. */
function EvidenceVerdict({
  file,
  editable,
  apiRoute,
  t,
  onSaved,
}: {
  file: GuideEvidence
  editable: boolean
  apiRoute: string
  t: WorkspaceLabels
  onSaved: (file: GuideEvidence) => void
}) {
  const [open, setOpen] = useState(false)
  const [verdict, setVerdict] = useState(file.verdict ?? 'pending')
  const [reason, setReason] = useState(file.verdictReason ?? '')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const previewable = file.mimeType.startsWith('image/') || file.mimeType === 'application/pdf'

  async function save() {
    setBusy(true)
    setMessage(null)
    try {
      const result = await callApi<{ doc: GuideEvidence }>(
        `${apiRoute}/evidence/${file.id}?depth=0`,
        jsonRequest('PATCH', { verdict, verdictReason: reason.trim() || null }),
      )
      if (result.ok) {
        onSaved({ ...file, verdict: result.body.doc.verdict, verdictReason: result.body.doc.verdictReason ?? null })
        setMessage({ text: t.verdictSaved(file.filename), error: false })
      } else setMessage({ text: result.messages.join(' '), error: true })
    } catch {
      setMessage({ text: t.network, error: true })
    }
    setBusy(false)
  }

  return (
    <li className={styles.file} data-evidence={file.filename}>
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
          {verdict === 'needs_revision' || verdict === 'rejected' ? (
            <label className={styles.grow}>
              <span className={guide.muted}>{t.reason}</span>
              <input type="text" value={reason} onChange={(event) => setReason(event.target.value)} aria-label={`${t.reason}: ${file.filename}`} />
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

/**
 * The assessor's review of a report: per question the council's answer beside the assessor's own
 * score and comment, the evidence with a verdict per file, what changed since the last submission,
 * disagreements between assessors (the lead explains them), recommendations per pillar, and the
 * decisions (save, request revision, accept). The server enforces every rule; its refusals are shown
 * at the question they concern or at the top.
 */
export function ReviewWorkspaceClient({ data }: { data: WorkspaceData }) {
  const t = LABELS[data.lang]
  const guideLabels = GUIDE_LABELS[data.lang]
  const {
    config: {
      routes: { api: apiRoute },
    },
  } = useConfig()
  const router = useRouter()
  const reportURL = `${apiRoute}/reports/${data.report.id}?depth=0`
  const noticeKey = `pantau:review-notice:${String(data.report.id)}`

  const [status, setStatus] = useState(data.report.status)
  const [reviewId, setReviewId] = useState<ID | null>(data.review.id)
  const [reviewStatus, setReviewStatus] = useState(data.review.status)
  const [scores, setScores] = useState<Record<string, WorkspaceScore>>(data.review.scores)
  const [resolutions, setResolutions] = useState<Record<string, string>>(data.review.resolutions)
  const [recommendations, setRecommendations] = useState(data.review.recommendations)
  const [pillarTexts, setPillarTexts] = useState<Record<string, string>>(data.review.pillarRecommendations)
  const [evidence, setEvidence] = useState(data.evidence)
  const [disagreements, setDisagreements] = useState<Disagreement[]>(data.disagreements)
  const [overall, setOverall] = useState<number | null>(data.results?.overall ?? null)
  const [changes, setChanges] = useState<ChangesAnswer | null>(null)
  const [changesFailed, setChangesFailed] = useState(false)
  const [revisionReason, setRevisionReason] = useState('')
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const kept = window.sessionStorage.getItem(noticeKey)
    if (kept) setNotice(kept)
    window.sessionStorage.removeItem(noticeKey)
  }, [noticeKey])

  // A refresh brings the server's status; it wins over the one set here.
  useEffect(() => setStatus(data.report.status), [data.report.status])

  const reviewable = data.role.assigned && REVIEWABLE.has(status)
  const accepted = status === REPORT_STATUS.accepted

  useEffect(() => {
    let cancelled = false
    callApi<ChangesAnswer>(`${apiRoute}/reports/${data.report.id}/changes`, { method: 'GET' })
      .then((result) => {
        if (cancelled) return
        if (result.ok) setChanges(result.body)
        else setChangesFailed(true)
      })
      .catch(() => !cancelled && setChangesFailed(true))
    return () => {
      cancelled = true
    }
  }, [apiRoute, data.report.id, status])

  const answers = useMemo(() => new Map(data.answers.map((answer) => [answer.question, answer])), [data.answers])
  const visible = useMemo(
    () =>
      new Set(
        data.instrument
          ? visibleQuestions(
              data.instrument,
              data.answers.map(({ question, value }) => ({ question, value })),
            ).map((question) => question.key)
          : [],
      ),
    [data.instrument, data.answers],
  )
  const changeOf = useMemo(() => new Map((changes?.changes ?? []).map((change) => [change.question, change])), [changes])
  const questionByKey = useMemo(
    () => new Map((data.instrument?.sections ?? []).flatMap((section) => section.questions.map((question) => [question.key, question]))),
    [data.instrument],
  )
  const assessorName = (assessor: ID | string) => {
    const index = data.others.findIndex((review) => String(review.assessor) === String(assessor))
    const entry = data.others[index]
    const name = String(assessor) === String(data.role.userId) ? t.you : t.assessor(index >= 0 ? index + 1 : data.others.length + 1)
    return entry?.lead ? `${name} (${t.lead})` : name
  }
  const setScore = (question: string, update: Partial<WorkspaceScore>) =>
    setScores((current) => ({ ...current, [question]: { ...(current[question] ?? { score: null, comment: '' }), ...update } }))

  /** Saves the assessor's review; on the first save of a submitted report, the report moves to "in review". */
  async function saveReview(statusOverride?: string): Promise<boolean> {
    const rows = Object.entries(scores)
      .filter(([, row]) => row.score !== null)
      .map(([question, row]) => ({ question, score: row.score as number, comment: row.comment.trim() || null }))
    const body: Record<string, unknown> = {
      status: statusOverride ?? reviewStatus,
      scores: rows,
      recommendations: plainToRichText(recommendations),
      pillarRecommendations: data.pillars
        .filter((pillar) => (pillarTexts[String(pillar.id)] ?? '').trim() !== '')
        .map((pillar) => ({ pillar: pillar.id, text: plainToRichText(pillarTexts[String(pillar.id)]) })),
    }
    if (data.role.lead) {
      body.resolutions = Object.entries(resolutions)
        .filter(([, explanation]) => explanation.trim() !== '')
        .map(([question, explanation]) => ({ question, explanation: explanation.trim() }))
    }
    const query = `?depth=0&locale=${data.lang}`
    const result = reviewId
      ? await callApi<{ doc: { id: ID; disagreements?: Disagreement[]; overall?: number | null } }>(
          `${apiRoute}/reviews/${reviewId}${query}`,
          jsonRequest('PATCH', body),
        )
      : await callApi<{ doc: { id: ID; disagreements?: Disagreement[]; overall?: number | null } }>(
          `${apiRoute}/reviews${query}`,
          jsonRequest('POST', { report: data.report.id, ...body }),
        )
    if (!result.ok) {
      setProblems(sortProblems(result.body, rows.map((row) => row.question)))
      return false
    }
    setReviewId(result.body.doc.id)
    if (statusOverride) setReviewStatus(statusOverride)
    setDisagreements(result.body.doc.disagreements ?? [])
    setOverall(result.body.doc.overall ?? null)
    if (status === REPORT_STATUS.submitted) {
      const moved = await callApi<{ doc: { status: string } }>(reportURL, jsonRequest('PATCH', { status: REPORT_STATUS.inReview }))
      if (moved.ok) setStatus(moved.body.doc.status)
    }
    return true
  }

  async function run(action: () => Promise<string | null>) {
    setBusy(true)
    setProblems(NO_PROBLEMS)
    setNotice(null)
    try {
      const done = await action()
      if (done) {
        setNotice(done)
        // Refreshing can remount the document view, which would drop the notice: it is kept
        // for a moment where the next mount finds it.
        window.sessionStorage.setItem(noticeKey, done)
        window.setTimeout(() => window.sessionStorage.removeItem(noticeKey), NOTICE_KEPT_MS)
        router.refresh()
      }
    } catch {
      setProblems({ byQuestion: {}, general: [t.network] })
    }
    setBusy(false)
  }

  const save = () => run(async () => ((await saveReview()) ? t.saved : null))

  const requestRevision = () =>
    run(async () => {
      if (!revisionReason.trim()) {
        setProblems({ byQuestion: {}, general: [t.revisionNeedsReason] })
        return null
      }
      if (!window.confirm(t.confirmRevision)) return null
      if (!(await saveReview())) return null
      const result = await callApi<{ doc: { status: string } }>(
        reportURL,
        jsonRequest('PATCH', { status: REPORT_STATUS.revisionRequested, transitionReason: revisionReason.trim() }),
      )
      if (!result.ok) {
        setProblems(sortProblems(result.body, []))
        return null
      }
      setStatus(result.body.doc.status)
      setRevisionReason('')
      return t.revisionSent
    })

  const accept = () =>
    run(async () => {
      if (!window.confirm(t.confirmAccept)) return null
      // Accepting is the lead's last word: its own review is complete by then.
      if (!(await saveReview(REVIEW_STATUS.completed))) return null
      const result = await callApi<{ doc: { status: string } }>(reportURL, jsonRequest('PATCH', { status: REPORT_STATUS.accepted }))
      if (!result.ok) {
        setProblems(sortProblems(result.body, []))
        return null
      }
      setStatus(result.body.doc.status)
      return t.accepted
    })

  const statusLabel = STATUS_LABELS[status as ReportStatus]?.[data.lang] ?? status
  const locale = data.lang === 'en' ? 'en-GB' : 'id-ID'
  const deadline = data.report.deadline
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Jakarta' }).format(new Date(data.report.deadline))
    : null
  const resultsURL = `${apiRoute}/reports/${data.report.id}/results.pdf?locale=${data.lang}`
  /** One evidence file with its verdict control: under its question, or in the list of files of no visible question. */
  const verdictOf = (file: GuideEvidence) => (
    <EvidenceVerdict
      key={file.id}
      file={file}
      editable={data.role.assigned && !accepted}
      apiRoute={apiRoute}
      t={t}
      onSaved={(saved) => setEvidence((current) => current.map((item) => (item.id === saved.id ? saved : item)))}
    />
  )

  const generalProblems = [
    ...problems.general,
    ...Object.entries(problems.byQuestion)
      .filter(([question]) => !visible.has(question))
      .flatMap(([, messages]) => messages),
  ]

  return (
    <div className={guide.guide}>
      <header className={guide.summary} aria-live="polite">
        <p>
          <strong>{data.report.city}</strong> · {data.report.period}
        </p>
        <p>
          {t.status}: <strong data-testid="review-report-status">{statusLabel}</strong>
          {deadline ? ` · ${t.deadline}: ${deadline}` : ''}
          {overall !== null ? ` · ${t.index}: ${overall.toFixed(2)}` : ''}
        </p>
        {data.role.secretariat ? <p className={guide.muted}>{t.secretariatView}</p> : null}
        {data.role.assessor && !data.role.assigned ? <p className={guide.muted}>{t.notAssigned}</p> : null}
        {data.role.assigned && accepted ? <p className={guide.muted}>{t.closed}</p> : null}
        {data.role.assigned && !accepted && !reviewable ? <p className={guide.muted}>{t.notReviewable}</p> : null}
        {accepted ? (
          <p>
            <a className={styles.primaryLink} href={resultsURL} data-testid="results-pdf">
              {t.resultsPdf}
            </a>
          </p>
        ) : null}
        {notice ? (
          <p className={guide.notice} role="status" data-testid="review-notice">
            {notice}
          </p>
        ) : null}
        {generalProblems.length > 0 ? (
          <div className={guide.error} role="alert" data-testid="review-problems">
            <p>{t.problems}</p>
            <ul>
              {generalProblems.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </header>

      <section className={guide.section} aria-labelledby="review-changes">
        <h2 id="review-changes">{t.changes}</h2>
        {changesFailed ? (
          <p className={guide.error}>{t.network}</p>
        ) : !changes ? (
          <p className={guide.muted}>{t.changesLoading}</p>
        ) : changes.previousRound === null ? (
          <p className={guide.muted}>{t.noChanges}</p>
        ) : changes.changes.length === 0 ? (
          <p className={guide.muted}>{t.noChangesSince(changes.previousRound)}</p>
        ) : (
          <div data-testid="review-changes">
            <p>{t.changesIntro(changes.round ?? 0, changes.previousRound)}</p>
            <ul>
              {changes.changes.map((change) => (
                <li key={change.question || '-'}>
                  <a className={guide.link} href={`#review-q-${change.question}`}>
                    <span className={guide.code}>{change.question || '–'}</span>
                  </a>
                  <ChangeLines change={change} question={questionByKey.get(change.question)} t={t} lang={data.lang} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {data.revisionRequests.length > 0 ? (
          <details>
            <summary>{t.earlierRequests}</summary>
            <ul>
              {data.revisionRequests.map((row, index) => (
                <li key={index}>
                  {row.question ? <span className={guide.code}>{row.question}</span> : null} {row.comment}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      {!data.instrument ? <p className={guide.error}>{t.noInstrument}</p> : null}

      {data.instrument?.sections.map((section, sectionIndex) => {
        const questions = section.questions.filter((question) => visible.has(question.key))
        if (questions.length === 0) return null
        return (
          <section key={sectionIndex} className={guide.section} aria-labelledby={`review-section-${sectionIndex}`}>
            <h2 id={`review-section-${sectionIndex}`}>
              {section.title}
              <span className={guide.muted}> · {section.evaluationDimension}</span>
            </h2>
            {questions.map((question) => {
              const answer = answers.get(question.key)
              const own = scores[question.key] ?? { score: null, comment: '' }
              const files = evidence.filter((file) => file.question === question.key)
              const flag = disagreements.find((row) => row.question === question.key)
              const change = changeOf.get(question.key)
              const errors = [...(problems.byQuestion[question.key] ?? []), ...(own.comment.trim() && own.score === null && reviewable ? [t.scoreNeeded] : [])]
              const othersScores = data.others.filter((review) => review.scores[question.key] !== undefined)
              return (
                <article
                  key={question.key}
                  id={`review-q-${question.key}`}
                  className={guide.question}
                  data-question={question.key}
                  aria-invalid={errors.length > 0}
                >
                  <h3>
                    <span className={guide.code}>{question.key}</span> {question.text}
                  </h3>
                  {change ? (
                    <div className={styles.changed}>
                      <strong>{t.changedHere}</strong>
                      <ChangeLines change={change} question={question} t={t} lang={data.lang} />
                    </div>
                  ) : null}
                  <div className={styles.columns}>
                    <div>
                      <p className={guide.muted}>{t.councilAnswer}</p>
                      <p className={guide.answer} data-testid="council-answer">
                        {describeAnswer(question, answer?.value, guideLabels)}
                      </p>
                      {answer?.comment ? (
                        <p>
                          <span className={guide.muted}>{t.councilComment}:</span> {answer.comment}
                        </p>
                      ) : null}
                    </div>
                    <div>
                      {reviewable ? (
                        <>
                          <fieldset className={styles.scale}>
                            <legend className={guide.muted}>{t.yourScore}</legend>
                            {[1, 2, 3, 4, 5].map((level) => (
                              <label key={level}>
                                <input
                                  type="radio"
                                  name={`score-${question.key}`}
                                  value={level}
                                  checked={own.score === level}
                                  onChange={() => setScore(question.key, { score: level })}
                                />{' '}
                                {level}
                              </label>
                            ))}
                          </fieldset>
                          <label className={guide.comment}>
                            <span className={guide.muted}>{t.yourComment}</span>
                            <textarea
                              rows={2}
                              value={own.comment}
                              onChange={(event) => setScore(question.key, { comment: event.target.value })}
                            />
                          </label>
                        </>
                      ) : (
                        <p className={guide.muted}>
                          {t.scoresOf}:{' '}
                          {othersScores.length === 0
                            ? t.noScore
                            : othersScores.map((review) => `${assessorName(review.assessor)} ${review.scores[question.key]}`).join(' · ')}
                        </p>
                      )}
                    </div>
                  </div>
                  {flag ? (
                    <div className={flag.resolved ? styles.flagResolved : styles.flag} data-testid="disagreement">
                      <p>
                        <strong>{t.disagreement(flag.spread)}</strong>
                        {flag.resolved ? ` · ${t.explained}` : ''}: {flag.scores.map((row) => `${assessorName(row.assessor)} ${row.score}`).join(' · ')}
                      </p>
                      {data.role.lead && reviewable ? (
                        <label className={guide.comment}>
                          <span>{t.explanation}</span>
                          <textarea
                            rows={2}
                            value={resolutions[question.key] ?? ''}
                            onChange={(event) => setResolutions((current) => ({ ...current, [question.key]: event.target.value }))}
                          />
                        </label>
                      ) : flag.explanation ? (
                        <p>{flag.explanation}</p>
                      ) : (
                        <p className={guide.muted}>{t.explainLeadOnly}</p>
                      )}
                    </div>
                  ) : null}
                  <div>
                    <p className={guide.muted}>{t.evidence}</p>
                    {files.length === 0 ? (
                      <p className={guide.muted}>{t.noEvidence}</p>
                    ) : (
                      <ul className={guide.files}>
                        {files.map(verdictOf)}
                      </ul>
                    )}
                  </div>
                  {errors.length > 0 ? (
                    <ul className={guide.error} role="alert">
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

      {evidence.some((file) => !file.question || !visible.has(file.question)) ? (
        <section className={guide.section}>
          <h2>{t.evidence}</h2>
          <ul className={guide.files}>
            {evidence
              .filter((file) => !file.question || !visible.has(file.question))
              .map(verdictOf)}
          </ul>
        </section>
      ) : null}

      <section className={guide.section} aria-labelledby="review-recommendations">
        <h2 id="review-recommendations">{t.recommendations}</h2>
        {data.review.richRecommendations && reviewable ? <p className={guide.error}>{t.richWarning}</p> : null}
        <label className={guide.comment}>
          <span>{t.general}</span>
          <textarea rows={3} disabled={!reviewable} value={recommendations} onChange={(event) => setRecommendations(event.target.value)} />
        </label>
        {data.pillars.map((pillar) => (
          <label key={pillar.id} className={guide.comment}>
            <span>{t.perPillar(pillar.name)}</span>
            <textarea
              rows={2}
              disabled={!reviewable}
              value={pillarTexts[String(pillar.id)] ?? ''}
              onChange={(event) => setPillarTexts((current) => ({ ...current, [String(pillar.id)]: event.target.value }))}
            />
          </label>
        ))}
        <p className={guide.muted}>{t.plainHint}</p>
      </section>

      {reviewable ? (
        <section className={guide.section} aria-labelledby="review-decisions">
          <fieldset className={guide.choices}>
            <legend id="review-decisions">{t.reviewStatus}</legend>
            {[
              [REVIEW_STATUS.inProgress, t.inProgress],
              [REVIEW_STATUS.completed, t.completed],
            ].map(([value, label]) => (
              <label key={value}>
                <input type="radio" name="review-status" value={value} checked={reviewStatus === value} onChange={() => setReviewStatus(value)} />{' '}
                {label}
              </label>
            ))}
          </fieldset>
          <p className={styles.actions}>
            <button type="button" className={guide.submit} onClick={() => void save()} disabled={busy}>
              {busy ? t.saving : t.save}
            </button>
          </p>
          <label className={guide.comment}>
            <span>{t.revisionReason}</span>
            <textarea rows={2} value={revisionReason} onChange={(event) => setRevisionReason(event.target.value)} />
          </label>
          <p className={styles.actions}>
            <button type="button" className={styles.secondary} onClick={() => void requestRevision()} disabled={busy}>
              {t.revision}
            </button>{' '}
            {data.role.lead ? (
              <button type="button" className={guide.submit} onClick={() => void accept()} disabled={busy}>
                {t.accept}
              </button>
            ) : (
              <span className={guide.muted}>{t.acceptLeadOnly}</span>
            )}
          </p>
        </section>
      ) : null}
    </div>
  )
}
