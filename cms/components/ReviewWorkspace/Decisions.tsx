'use client'

import { useState } from 'react'

import { REVIEW_STATUS } from '../../constants.ts'
import type { MoveOption } from '../../domain/workflow.ts'
import guide from '../kit/kit.module.css'
import { ProblemList } from '../kit/Problems.tsx'
import type { Lang } from '../kit/types.ts'
import type { WorkspaceLabels } from './labels.ts'
import styles from './ReviewWorkspace.module.css'

interface Props {
  /** The moves open to the signed-in person now, each with its checklist (the server's guards). */
  moves: MoveOption[]
  /** Whether the signed-in assessor is assigned and the report is under review: it scores and saves. */
  reviewable: boolean
  userId: string
  reviewStatus: string
  busy: boolean
  anchorOf: (question: string) => string
  /** A question's text by its key: the checklist names each question by its words. */
  questionText: (question: string) => string | undefined
  t: WorkspaceLabels
  lang: Lang
  onReviewStatus: (status: string) => void
  onSave: () => void
  onRequestRevision: (reason: string) => Promise<boolean>
  onAccept: () => void
  onSendBack: (reason: string) => Promise<boolean>
}

/**
 * The decisions on a report, each beside what still stands in its way: saving the review, requesting
 * a revision with its reason, accepting (lead only; the checklist of acceptance first, with links to
 * each open item), and, for the secretariat, reopening an accepted report with its reason. A move
 * whose checklist is not empty cannot be made; accepting completes the lead's own review, so that
 * item alone does not hold it back.
 */
export function Decisions(props: Props) {
  const { moves, t, lang } = props
  const [reason, setReason] = useState('')
  const move = (name: string) => moves.find((option) => option.move === name)
  const revision = move('requestRevision')
  const accept = move('accept')
  const sendBack = move('sendBack')
  const acceptBlocking = (accept?.problems ?? []).filter(
    (item) => !(item.code === 'accept.reviewIncomplete' && item.params?.assessorId === props.userId),
  )
  const acceptAllowed = Boolean(accept) && !accept?.problems.some((item) => item.code === 'move.leadOnly')
  const withReason = async (action: (reason: string) => Promise<boolean>) => {
    if (await action(reason)) setReason('')
  }

  return (
    <section className={guide.section} aria-labelledby="review-decisions">
      {props.reviewable ? (
        <>
          <fieldset className={guide.choices}>
            <legend id="review-decisions">{t.reviewStatus}</legend>
            {[
              [REVIEW_STATUS.inProgress, t.inProgress],
              [REVIEW_STATUS.completed, t.completed],
            ].map(([value, label]) => (
              <label key={value}>
                <input
                  type="radio"
                  name="review-status"
                  value={value}
                  checked={props.reviewStatus === value}
                  onChange={() => props.onReviewStatus(value)}
                />{' '}
                {label}
              </label>
            ))}
          </fieldset>
          <p className={styles.actions}>
            <button type="button" className={guide.submit} onClick={props.onSave} disabled={props.busy}>
              {props.busy ? t.saving : t.save}
            </button>
          </p>
        </>
      ) : (
        <h2 id="review-decisions">{t.reviewStatus}</h2>
      )}

      {accept ? (
        <div className={acceptBlocking.length ? guide.error : guide.notice} data-testid="accept-checklist">
          {acceptAllowed ? (
            <>
              <p>{acceptBlocking.length ? t.acceptChecklist : t.acceptReady}</p>
              <ProblemList problems={acceptBlocking} lang={lang} anchorOf={props.anchorOf} questionText={props.questionText} />
            </>
          ) : (
            <p>{t.acceptLeadOnly}</p>
          )}
        </div>
      ) : null}

      {revision || sendBack ? (
        <>
          {sendBack ? <p className={guide.muted}>{t.sendBackIntro}</p> : !props.reviewable ? <p className={guide.muted}>{t.secretariatRevision}</p> : null}
          <label className={guide.comment}>
            <span>{sendBack ? t.sendBackReason : t.revisionReason}</span>
            <textarea rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
          </label>
        </>
      ) : null}
      <p className={styles.actions}>
        {revision ? (
          <button
            type="button"
            className={styles.secondary}
            onClick={() => void withReason(props.onRequestRevision)}
            disabled={props.busy || reason.trim() === ''}
          >
            {t.revision}
          </button>
        ) : null}{' '}
        {sendBack ? (
          <button
            type="button"
            className={styles.secondary}
            onClick={() => void withReason(props.onSendBack)}
            disabled={props.busy || reason.trim() === ''}
          >
            {t.sendBack}
          </button>
        ) : null}{' '}
        {accept && acceptAllowed ? (
          <button type="button" className={guide.submit} onClick={props.onAccept} disabled={props.busy || acceptBlocking.length > 0}>
            {t.accept}
          </button>
        ) : null}
      </p>
    </section>
  )
}
