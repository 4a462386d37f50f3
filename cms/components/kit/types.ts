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

export type GuideEvidence = {
  id: ID
  filename: string
  mimeType: string
  filesize: number
  question: string | null
  program: ID | null
  url: string | null
  verdict: string | null
  verdictReason: string | null
  /** The lead's reason to accept the report with this file although it needs revision or was rejected. */
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
