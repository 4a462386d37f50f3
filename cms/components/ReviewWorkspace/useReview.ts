'use client'

import { useState } from 'react'

import { REPORT_STATUS, REVIEW_STATUS } from '../../constants.ts'
import type { ID } from '../../domain/ids.ts'
import type { Problem } from '../../domain/problems.ts'
import { plainToRichText } from '../../domain/richText.ts'
import { type ApiResult, callApi, jsonRequest } from '../kit/api.ts'
import type { Disagreement, WorkspaceData, WorkspaceScore } from './types.ts'

type SavedReview = { doc: { id: ID; disagreements?: Disagreement[]; overall?: number | null } }

/** What the server refused, as problems, and messages of refusals that carry none (field checks, access, network). */
export type Refusal = { problems: Problem[]; messagesByQuestion: Record<string, string[]>; messages: string[] }

const NO_REFUSAL: Refusal = { problems: [], messagesByQuestion: {}, messages: [] }

/**
 * A refusal sorted for display. Problems name their question themselves; Payload's own field checks
 * (a score outside 1-5) name the row sent (`scores.<n>.score`), which maps back to its question.
 */
function refusalOf(result: Extract<ApiResult<unknown>, { ok: false }>, sentQuestions: string[]): Refusal {
  if (result.problems.length > 0) return { ...NO_REFUSAL, problems: result.problems }
  const fields =
    ((result.body as { errors?: { data?: { errors?: { message?: string; path?: string }[] } }[] } | null)?.errors ?? []).flatMap(
      (error) => error.data?.errors ?? [],
    ) ?? []
  const messagesByQuestion: Record<string, string[]> = {}
  const messages: string[] = []
  for (const field of fields) {
    const row = /^scores\.(\d+)/.exec(field.path ?? '')?.[1]
    const question = row !== undefined ? sentQuestions[Number(row)] : undefined
    if (question && field.message) (messagesByQuestion[question] ??= []).push(field.message)
    else if (field.message) messages.push(field.message)
  }
  if (messages.length === 0 && Object.keys(messagesByQuestion).length === 0) messages.push(...result.messages)
  return { problems: [], messagesByQuestion, messages }
}

/**
 * The assessor's review as it is edited: scores and comments per question, the lead's explanations,
 * recommendations, the review's own status, and the decisions (save, request revision, accept,
 * reopen). Every rule is the server's: a refusal comes back as problems, shown where they belong.
 * Saving a review of a submitted report starts the review on the server; no step is taken here.
 */
export function useReview(data: WorkspaceData, apiRoute: string) {
  const reportURL = `${apiRoute}/reports/${data.report.id}?depth=0`
  const [status, setStatus] = useState(data.report.status)
  const [reviewId, setReviewId] = useState<ID | null>(data.review.id)
  const [reviewStatus, setReviewStatus] = useState(data.review.status)
  const [scores, setScores] = useState<Record<string, WorkspaceScore>>(data.review.scores)
  const [resolutions, setResolutions] = useState<Record<string, string>>(data.review.resolutions)
  const [recommendations, setRecommendations] = useState(data.review.recommendations)
  const [pillarTexts, setPillarTexts] = useState<Record<string, string>>(data.review.pillarRecommendations)
  const [disagreements, setDisagreements] = useState<Disagreement[]>(data.disagreements)
  const [overall, setOverall] = useState<number | null>(data.results?.overall ?? null)
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL)
  // Whether something was changed here since the review was loaded or last saved: leaving then asks first.
  const [unsaved, setUnsaved] = useState(false)

  const setScore = (question: string, update: Partial<WorkspaceScore>) => {
    setUnsaved(true)
    setScores((current) => ({ ...current, [question]: { ...(current[question] ?? { score: null, comment: '' }), ...update } }))
  }
  const setResolution = (question: string, text: string) => {
    setUnsaved(true)
    setResolutions((current) => ({ ...current, [question]: text }))
  }
  const setPillarText = (pillar: string, text: string) => {
    setUnsaved(true)
    setPillarTexts((current) => ({ ...current, [pillar]: text }))
  }

  /** Saves the review (with `statusOverride` as its status, if given); true when the server holds it. */
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
      ? await callApi<SavedReview>(`${apiRoute}/reviews/${reviewId}${query}`, jsonRequest('PATCH', body))
      : await callApi<SavedReview>(`${apiRoute}/reviews${query}`, jsonRequest('POST', { report: data.report.id, ...body }))
    if (!result.ok) {
      setRefusal(refusalOf(result, rows.map((row) => row.question)))
      return false
    }
    setReviewId(result.body.doc.id)
    setUnsaved(false)
    if (statusOverride) setReviewStatus(statusOverride)
    setDisagreements(result.body.doc.disagreements ?? [])
    setOverall(result.body.doc.overall ?? null)
    // The server starts the review on the first save of a submitted report.
    if (status === REPORT_STATUS.submitted) setStatus(REPORT_STATUS.inReview)
    return true
  }

  /** Moves the report to `to`, with `reason` where the move needs one; true when it moved. */
  async function moveReport(to: string, reason?: string): Promise<boolean> {
    const result = await callApi<{ doc: { status: string } }>(
      reportURL,
      jsonRequest('PATCH', { status: to, ...(reason ? { transitionReason: reason.trim() } : {}) }),
    )
    if (!result.ok) {
      setRefusal(refusalOf(result, []))
      return false
    }
    setStatus(result.body.doc.status)
    return true
  }

  return {
    status,
    reviewStatus,
    setReviewStatus: (next: string) => {
      setUnsaved(true)
      setReviewStatus(next)
    },
    scores,
    setScore,
    resolutions,
    setResolution,
    recommendations,
    setRecommendations: (text: string) => {
      setUnsaved(true)
      setRecommendations(text)
    },
    unsaved,
    pillarTexts,
    setPillarText,
    disagreements,
    overall,
    refusal,
    clearRefusal: () => setRefusal(NO_REFUSAL),
    networkFailed: (message: string) => setRefusal({ ...NO_REFUSAL, messages: [message] }),
    save: () => saveReview(),
    /** Requests a revision: the review is saved first, so its comments go to the council. */
    requestRevision: async (reason: string) => (await saveReview()) && moveReport(REPORT_STATUS.revisionRequested, reason),
    /** Accepting is the lead's last word: its own review is completed by then. */
    accept: async () => (await saveReview(REVIEW_STATUS.completed)) && moveReport(REPORT_STATUS.accepted),
    /** The secretariat reopens an accepted report, or sends a submitted one back, with its reason. */
    sendBack: (reason: string) => moveReport(REPORT_STATUS.revisionRequested, reason),
  }
}
