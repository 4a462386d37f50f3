import type { EVIDENCE_REQUIREMENTS, QUESTION_TYPES } from '../../constants.ts'
import { type ID } from '../../domain/ids.ts'
import type { Lang } from '../../domain/problems.ts'
import type { WorkflowState } from '../../workflow/state.ts'

/** The shapes Pantau's admin views hand from their server part to their client part: plain JSON. */
export type { Lang } from '../../domain/problems.ts'

export type GuideQuestion = {
  key: string
  type: (typeof QUESTION_TYPES)[number]
  text: string
  guidance: string | null
  evidence: (typeof EVIDENCE_REQUIREMENTS)[number]
  evidenceFromLevel: number | null
  unit: string | null
  min: number | null
  max: number | null
  levels: { level: number; descriptor: string }[]
  options: { value: string; label: string }[]
  condition: { question: string; equals: string } | null
}

export type GuideAnswer = { question: string; value: unknown; comment: string | null }

/** A file of the city's evidence library, as the views list it. */
export type LibraryFile = {
  id: ID
  filename: string
  mimeType: string
  filesize: number
  url: string | null
  description: string | null
  documentDate: string | null
  createdAt: string | null
}

/** A file attached to one question of the report: the file, and the verdict on it for that question. */
export type GuideEvidence = {
  /** This use of the file (the attachment), which the verdict belongs to. */
  id: ID
  /** The file in the city's evidence library. */
  file: ID
  filename: string
  mimeType: string
  filesize: number
  /** The question it supports; null for the report as a whole. */
  question: string | null
  url: string | null
  verdict: string | null
  verdictReason: string | null
  /** The lead's reason to accept the report with this file for this question although it needs revision or was rejected. */
  leadReason: string | null
}

export type GuideProgramme = {
  id: ID
  title: string
  indicators: {
    id: ID
    name: string
    unit: string
    target: number
    targetYear: number
    frequency: string
    aggregation: string
    values: { month: number | null; value: number; hasEvidence: boolean }[]
  }[]
}

export type GuideData = {
  lang: Lang
  report: {
    id: ID
    title: string
    status: string
    updatedAt: string
    city: ID
    answers: GuideAnswer[]
    constraints: string[]
    constraintNotes: string
  }
  period: { title: string; year: number } | null
  /** The deadline and the checklist of the moves open to the person, as the server judges them. */
  workflow: WorkflowState
  /** Each section with its sub-dimension's name (not its key), in the reader's language. */
  instrument: { title: string; sections: { title: string; subDimension: string | null; questions: GuideQuestion[] }[] } | null
  evidence: GuideEvidence[]
  /** The city's answers in the period before, for reference. */
  previous: { title: string; answers: Record<string, unknown> } | null
  programmes: GuideProgramme[]
  /** Whether the signed-in person may still change the report (its council, while draft or in revision). */
  editable: boolean
}
