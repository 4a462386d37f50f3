'use client'

import type { ReactNode } from 'react'

import type { QuestionChange } from '../../domain/submissionChanges.ts'
import type { Problem } from '../../domain/problems.ts'
import guide from '../kit/kit.module.css'
import { ProblemList } from '../kit/Problems.tsx'
import type { GuideQuestion, Lang } from '../kit/types.ts'
import { LABELS as GUIDE_LABELS } from '../ReportGuide/labels.ts'
import { describeAnswer } from '../ReportGuide/QuestionInput.tsx'
import { ChangeLines } from './ChangesPanel.tsx'
import type { WorkspaceLabels } from './labels.ts'
import styles from './ReviewWorkspace.module.css'
import type { Disagreement, WorkspaceData, WorkspaceScore } from './types.ts'

interface Props {
  id: string
  question: GuideQuestion
  answer: WorkspaceData['answers'][number] | undefined
  own: WorkspaceScore
  /** Whether the signed-in assessor scores here (assigned, report under review). */
  reviewable: boolean
  lead: boolean
  change: QuestionChange | undefined
  flag: Disagreement | undefined
  resolution: string
  othersScores: { name: string; score: number }[]
  nameOf: (assessor: string) => string
  problems: Problem[]
  messages: string[]
  evidence: ReactNode
  t: WorkspaceLabels
  lang: Lang
  onScore: (update: Partial<WorkspaceScore>) => void
  onResolution: (text: string) => void
}

/**
 * One question in the review: the council's answer (its self-assessment) beside the assessor's score
 * and comment, what changed since the last submission, the assessors' disagreement with the lead's
 * explanation, the evidence, and whatever the server refused here.
 */
export function QuestionReview(props: Props) {
  const { question, answer, own, reviewable, lead, change, flag, resolution, othersScores, t, lang } = props
  const scoreNeeded = reviewable && own.comment.trim() !== '' && own.score === null
  const invalid = props.problems.length > 0 || props.messages.length > 0 || scoreNeeded
  return (
    <article id={props.id} className={guide.question} data-question={question.key} aria-invalid={invalid}>
      <h3>
        <span className={guide.code}>{question.key}</span> {question.text}
      </h3>
      {change ? (
        <div className={styles.changed}>
          <strong>{t.changedHere}</strong>
          <ChangeLines change={change} question={question} t={t} lang={lang} />
        </div>
      ) : null}
      <div className={styles.columns}>
        <div>
          <p className={guide.muted}>{t.councilAnswer}</p>
          <p className={guide.answer} data-testid="council-answer">
            {describeAnswer(question, answer?.value, GUIDE_LABELS[lang], lang)}
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
                      onChange={() => props.onScore({ score: level })}
                    />{' '}
                    {level}
                  </label>
                ))}
              </fieldset>
              <label className={guide.comment}>
                <span className={guide.muted}>{t.yourComment}</span>
                <textarea rows={2} value={own.comment} onChange={(event) => props.onScore({ comment: event.target.value })} />
              </label>
            </>
          ) : (
            <p className={guide.muted}>
              {t.scoresOf}: {othersScores.length === 0 ? t.noScore : othersScores.map((row) => `${row.name} ${row.score}`).join(' · ')}
            </p>
          )}
        </div>
      </div>
      {flag ? (
        <div className={flag.resolved ? styles.flagResolved : styles.flag} data-testid="disagreement">
          <p>
            <strong>{t.disagreement(flag.spread)}</strong>
            {flag.resolved ? ` · ${t.explained}` : ''}: {flag.scores.map((row) => `${props.nameOf(row.assessor)} ${row.score}`).join(' · ')}
          </p>
          {lead && reviewable ? (
            <label className={guide.comment}>
              <span>{t.explanation}</span>
              <textarea rows={2} value={resolution} onChange={(event) => props.onResolution(event.target.value)} />
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
        {props.evidence}
      </div>
      {invalid ? (
        <div className={guide.error} role="alert">
          <ProblemList problems={props.problems} lang={lang} questionText={() => question.text} />
          {[...props.messages, ...(scoreNeeded ? [t.scoreNeeded] : [])].map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
    </article>
  )
}
