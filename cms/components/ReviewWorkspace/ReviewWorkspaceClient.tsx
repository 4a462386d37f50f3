'use client'

import { useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useEffect, useMemo, useState } from 'react'

import { REPORT_EDITABLE_BY_COUNCIL, REPORT_STATUS, type ReportStatus, STATUS_LABELS } from '../../constants.ts'
import type { ID } from '../../domain/ids.ts'
import { visibleQuestions } from '../../domain/submission.ts'
import { Deadline } from '../kit/Deadline.tsx'
import { LeaveGuard } from '../kit/LeaveGuard.tsx'
import guide from '../kit/kit.module.css'
import { scoreInWords } from '../../domain/scoring.ts'
import { ProblemList } from '../kit/Problems.tsx'
import type { GuideEvidence } from '../kit/types.ts'
import { useWorkflow } from '../kit/useWorkflow.ts'
import { ChangesPanel, useChanges } from './ChangesPanel.tsx'
import { Decisions } from './Decisions.tsx'
import { EvidenceVerdict } from './EvidenceVerdict.tsx'
import { LABELS } from './labels.ts'
import { QuestionReview } from './QuestionReview.tsx'
import styles from './ReviewWorkspace.module.css'
import type { WorkspaceData } from './types.ts'
import { useReview } from './useReview.ts'

const REVIEWABLE = new Set<string>([REPORT_STATUS.submitted, REPORT_STATUS.inReview])
const NOTICE_KEPT_MS = 5000
const anchorOf = (question: string) => `review-q-${question}`

/**
 * The assessor's review of a report: per question the council's answer beside the assessor's own
 * score and comment, the evidence with a verdict per file, what changed since the last submission,
 * disagreements between assessors (the lead explains them), recommendations per pillar, and the
 * decisions, each with the server's checklist of what still stands in its way. The review's state
 * lives in `useReview`; every rule is the server's.
 */
export function ReviewWorkspaceClient({ data }: { data: WorkspaceData }) {
  const t = LABELS[data.lang]
  const {
    config: {
      routes: { api: apiRoute },
    },
  } = useConfig()
  const router = useRouter()
  const noticeKey = `pantau:review-notice:${String(data.report.id)}`
  const review = useReview(data, apiRoute)
  const workflow = useWorkflow(apiRoute, data.report.id, data.workflow)
  const { changes, failed: changesFailed } = useChanges(apiRoute, data.report.id, review.status)
  const [evidence, setEvidence] = useState(data.evidence)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const kept = window.sessionStorage.getItem(noticeKey)
    if (kept) setNotice(kept)
    window.sessionStorage.removeItem(noticeKey)
  }, [noticeKey])

  const reviewable = data.role.assigned && REVIEWABLE.has(review.status)
  const accepted = review.status === REPORT_STATUS.accepted

  const answers = useMemo(() => new Map(data.answers.map((answer) => [answer.question, answer])), [data.answers])
  const visible = useMemo(
    () =>
      new Set(
        data.instrument
          ? visibleQuestions(data.instrument, data.answers.map(({ question, value }) => ({ question, value }))).map((question) => question.key)
          : [],
      ),
    [data.instrument, data.answers],
  )
  const changeOf = useMemo(() => new Map((changes?.changes ?? []).map((change) => [change.question, change])), [changes])
  const questionByKey = useMemo(
    () => new Map((data.instrument?.sections ?? []).flatMap((section) => section.questions.map((question) => [question.key, question]))),
    [data.instrument],
  )
  const questionText = (key: string) => questionByKey.get(key)?.text
  const nameOf = (assessor: ID | string) => {
    const index = data.others.findIndex((row) => String(row.assessor) === String(assessor))
    const name = String(assessor) === String(data.role.userId) ? t.you : t.assessor(index >= 0 ? index + 1 : data.others.length + 1)
    return data.others[index]?.lead ? `${name} (${t.lead})` : name
  }

  /** Runs a decision; on success shows `done` (kept across the refresh) and reloads the server's view. */
  async function run(action: () => Promise<boolean>, done: string, confirm?: string): Promise<boolean> {
    if (confirm && !window.confirm(confirm)) return false
    setBusy(true)
    review.clearRefusal()
    setNotice(null)
    let succeeded = false
    try {
      succeeded = await action()
      if (succeeded) {
        setNotice(done)
        // Refreshing can remount the document view, which would drop the notice: it is kept
        // for a moment where the next mount finds it.
        window.sessionStorage.setItem(noticeKey, done)
        window.setTimeout(() => window.sessionStorage.removeItem(noticeKey), NOTICE_KEPT_MS)
        router.refresh()
      }
      await workflow.refresh()
    } catch {
      review.networkFailed(t.network)
    }
    setBusy(false)
    return succeeded
  }

  const verdictOf = (file: GuideEvidence) => (
    <EvidenceVerdict
      key={file.id}
      file={file}
      editable={data.role.assigned && !accepted}
      lead={data.role.lead}
      apiRoute={apiRoute}
      t={t}
      lang={data.lang}
      onSaved={(saved) => {
        setEvidence((current) => current.map((item) => (item.id === saved.id ? saved : item)))
        void workflow.refresh()
      }}
    />
  )

  const { refusal } = review
  const generalProblems = refusal.problems.filter((item) => !item.question || !visible.has(item.question))
  const generalMessages = [
    ...refusal.messages,
    ...Object.entries(refusal.messagesByQuestion)
      .filter(([question]) => !visible.has(question))
      .flatMap(([, messages]) => messages),
  ]
  const statusLabel = STATUS_LABELS[review.status as ReportStatus]?.[data.lang] ?? review.status
  const resultsURL = `${apiRoute}/reports/${data.report.id}/results.pdf?locale=${data.lang}`
  const deadline = workflow.state.deadline

  return (
    <div className={guide.guide}>
      <LeaveGuard unsaved={reviewable && review.unsaved} />
      <header className={guide.summary} aria-live="polite">
        <p>
          <strong>{data.report.city}</strong> · {data.report.period}
        </p>
        <p>
          {t.status}: <strong data-testid="review-report-status">{statusLabel}</strong>
          {review.overall !== null
            ? ` · ${accepted ? t.finalIndex : t.index}: ${scoreInWords(review.overall, data.lang)}`
            : ''}
        </p>
        {deadline ? (
          <p>
            <Deadline deadline={deadline} lang={data.lang} countdown={REPORT_EDITABLE_BY_COUNCIL.includes(review.status as ReportStatus)} />
          </p>
        ) : null}
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
        {generalProblems.length + generalMessages.length > 0 ? (
          <div className={guide.error} role="alert" data-testid="review-problems">
            <p>{t.problems}</p>
            <ProblemList problems={generalProblems} lang={data.lang} anchorOf={anchorOf} questionText={questionText} />
            {generalMessages.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        ) : null}
      </header>

      <ChangesPanel
        changes={changes}
        failed={changesFailed}
        questionByKey={questionByKey}
        revisionRequests={data.revisionRequests}
        anchorOf={anchorOf}
        t={t}
        lang={data.lang}
      />

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
              const files = evidence.filter((file) => file.question === question.key)
              return (
                <QuestionReview
                  key={question.key}
                  id={anchorOf(question.key)}
                  question={question}
                  answer={answers.get(question.key)}
                  own={review.scores[question.key] ?? { score: null, comment: '' }}
                  reviewable={reviewable}
                  lead={data.role.lead}
                  change={changeOf.get(question.key)}
                  flag={review.disagreements.find((row) => row.question === question.key)}
                  resolution={review.resolutions[question.key] ?? ''}
                  othersScores={data.others
                    .filter((row) => row.scores[question.key] !== undefined)
                    .map((row) => ({ name: nameOf(row.assessor), score: row.scores[question.key] }))}
                  nameOf={nameOf}
                  problems={refusal.problems.filter((item) => item.question === question.key)}
                  messages={refusal.messagesByQuestion[question.key] ?? []}
                  evidence={files.length === 0 ? <p className={guide.muted}>{t.noEvidence}</p> : <ul className={guide.files}>{files.map(verdictOf)}</ul>}
                  t={t}
                  lang={data.lang}
                  onScore={(update) => review.setScore(question.key, update)}
                  onResolution={(text) => review.setResolution(question.key, text)}
                />
              )
            })}
          </section>
        )
      })}

      {evidence.some((file) => !file.question || !visible.has(file.question)) ? (
        <section className={guide.section}>
          <h2>{t.evidence}</h2>
          <ul className={guide.files}>{evidence.filter((file) => !file.question || !visible.has(file.question)).map(verdictOf)}</ul>
        </section>
      ) : null}

      <section className={guide.section} aria-labelledby="review-recommendations">
        <h2 id="review-recommendations">{t.recommendations}</h2>
        {data.review.richRecommendations && reviewable ? <p className={guide.error}>{t.richWarning}</p> : null}
        <label className={guide.comment}>
          <span>{t.general}</span>
          <textarea rows={3} disabled={!reviewable} value={review.recommendations} onChange={(event) => review.setRecommendations(event.target.value)} />
        </label>
        {data.pillars.map((pillar) => (
          <label key={pillar.id} className={guide.comment}>
            <span>{t.perPillar(pillar.name)}</span>
            <textarea
              rows={2}
              disabled={!reviewable}
              value={review.pillarTexts[String(pillar.id)] ?? ''}
              onChange={(event) => review.setPillarText(String(pillar.id), event.target.value)}
            />
          </label>
        ))}
        <p className={guide.muted}>{t.plainHint}</p>
      </section>

      {reviewable || workflow.state.moves.length > 0 ? (
        <Decisions
          moves={workflow.state.moves}
          reviewable={reviewable}
          userId={String(data.role.userId)}
          reviewStatus={review.reviewStatus}
          busy={busy}
          anchorOf={anchorOf}
          questionText={questionText}
          t={t}
          lang={data.lang}
          onReviewStatus={review.setReviewStatus}
          onSave={() => void run(review.save, t.saved)}
          onRequestRevision={(reason) => run(() => review.requestRevision(reason), t.revisionSent, t.confirmRevision)}
          onAccept={() => void run(review.accept, t.accepted, t.confirmAccept)}
          onSendBack={(reason) => run(() => review.sendBack(reason), t.sentBack, t.confirmSendBack)}
        />
      ) : null}
    </div>
  )
}
