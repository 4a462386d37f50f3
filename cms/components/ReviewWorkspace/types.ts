import type { GuideEvidence, GuideQuestion, Lang } from '../kit/types.ts'
import { type ID } from '../../domain/ids.ts'
import type { WorkflowState } from '../../workflow/state.ts'

/** The shapes the review workspace hands from its server part to its client part: plain JSON. */

/** A section of the instrument; `evaluationDimension` is its evaluation dimension's name in the reader's language. */
export type WorkspaceSection = { title: string; evaluationDimension: string; pillar: ID | null; questions: GuideQuestion[] }

export type WorkspaceScore = { score: number | null; comment: string }

export type Disagreement = {
  question: string
  scores: { assessor: string; score: number }[]
  spread: number
  resolved: boolean
  explanation: string | null
}

export type WorkspaceData = {
  lang: Lang
  report: { id: ID; title: string; status: string; city: string; period: string }
  /** The deadline and the checklist of the moves open to the person, as the server judges them. */
  workflow: WorkflowState
  /** What the signed-in person may do here. */
  role: { assessor: boolean; assigned: boolean; lead: boolean; secretariat: boolean; userId: ID }
  instrument: { title: string; sections: WorkspaceSection[] } | null
  answers: { question: string; value: unknown; comment: string | null }[]
  evidence: GuideEvidence[]
  pillars: { id: ID; name: string }[]
  /** The signed-in assessor's own review, if it has saved one. */
  review: {
    id: ID | null
    status: string
    scores: Record<string, WorkspaceScore>
    resolutions: Record<string, string>
    recommendations: string
    pillarRecommendations: Record<string, string>
    /** True when a recommendation holds more than plain paragraphs (lists, links…): editing it here would flatten it. */
    richRecommendations: boolean
  }
  /** Every assessor's scores per question (the signed-in one marked), for the disagreement flags. */
  others: { assessor: ID; lead: boolean; status: string; scores: Record<string, number> }[]
  disagreements: Disagreement[]
  results: { overall: number | null } | null
  revisionRequests: { round: number | null; question: string | null; comment: string | null }[]
}
