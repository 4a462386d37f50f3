'use client'

import { useEffect, useState } from 'react'

import type { QuestionChange } from '../../domain/submissionChanges.ts'
import { callApi } from '../kit/api.ts'
import guide from '../kit/kit.module.css'
import type { GuideQuestion, Lang } from '../kit/types.ts'
import { LABELS as GUIDE_LABELS } from '../ReportGuide/labels.ts'
import { describeAnswer } from '../ReportGuide/QuestionInput.tsx'
import type { WorkspaceLabels } from './labels.ts'
import styles from './ReviewWorkspace.module.css'
import type { WorkspaceData } from './types.ts'

type ChangesAnswer = { round: number | null; previousRound: number | null; changes: QuestionChange[] }

const textOfValue = (value: unknown, t: WorkspaceLabels) =>
  value === null || value === undefined || value === '' ? t.empty : typeof value === 'string' ? value : JSON.stringify(value)

/** What changed in one question since the previous submission, in words. */
export function ChangeLines({ change, question, t, lang }: { change: QuestionChange; question?: GuideQuestion; t: WorkspaceLabels; lang: Lang }) {
  const answer = (value: unknown) => (question ? describeAnswer(question, value, GUIDE_LABELS[lang], lang) : textOfValue(value, t))
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

/** What the council changed since its previous submission, read from `GET /api/reports/:id/changes`. */
export function useChanges(apiRoute: string, reportId: unknown, status: string) {
  const [changes, setChanges] = useState<ChangesAnswer | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let cancelled = false
    callApi<ChangesAnswer>(`${apiRoute}/reports/${String(reportId)}/changes`, { method: 'GET' })
      .then((result) => {
        if (cancelled) return
        if (result.ok) setChanges(result.body)
        else setFailed(true)
      })
      .catch(() => !cancelled && setFailed(true))
    return () => {
      cancelled = true
    }
  }, [apiRoute, reportId, status])
  return { changes, failed }
}

interface Props {
  changes: ChangesAnswer | null
  failed: boolean
  questionByKey: Map<string, GuideQuestion>
  revisionRequests: WorkspaceData['revisionRequests']
  anchorOf: (question: string) => string
  t: WorkspaceLabels
  lang: Lang
}

/** The changes since the last submission, each linking to its question, and the earlier revision requests. */
export function ChangesPanel({ changes, failed, questionByKey, revisionRequests, anchorOf, t, lang }: Props) {
  return (
    <section className={guide.section} aria-labelledby="review-changes">
      <h2 id="review-changes">{t.changes}</h2>
      {failed ? (
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
                <a className={guide.link} href={`#${anchorOf(change.question)}`}>
                  <span className={guide.code}>{change.question || '–'}</span>
                </a>
                <ChangeLines change={change} question={questionByKey.get(change.question)} t={t} lang={lang} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {revisionRequests.length > 0 ? (
        <details>
          <summary>{t.earlierRequests}</summary>
          <ul>
            {revisionRequests.map((row, index) => (
              <li key={index}>
                {row.question ? <span className={guide.code}>{row.question}</span> : null} {row.comment}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
