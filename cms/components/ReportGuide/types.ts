import type { EVIDENCE_REQUIREMENTS, QUESTION_TYPES } from '../../constants.ts'
import { type ID } from '../../domain/ids.ts'

/** The shapes the guided report view hands from its server part to its client part: plain JSON. */
export type GuideLang = 'id' | 'en'

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
  lang: GuideLang
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
  period: { title: string; year: number; deadline: string | null } | null
  instrument: { title: string; sections: { title: string; subDimension: string | null; questions: GuideQuestion[] }[] } | null
  evidence: GuideEvidence[]
  /** The city's answers in the period before, for reference. */
  previous: { title: string; answers: Record<string, unknown> } | null
  programmes: GuideProgramme[]
  /** Whether the signed-in person may still change the report (its council, while draft or in revision). */
  editable: boolean
}
