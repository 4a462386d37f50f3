/**
 * Checks of an instrument's structure that span several fields. Pure functions, so the same rules
 * serve the admin form, the import, the scoring engine and the tests.
 */
import { type Problem, problem } from './problems.ts'

export type InstrumentShape = {
  evaluationDimensions?: { key?: string | null; weight?: number | null }[] | null
  sections?: {
    evaluationDimension?: string | null
    questions?: { key?: string | null }[] | null
  }[] | null
}

const WEIGHT_TOLERANCE = 0.001

export function evaluationWeightProblem(instrument: InstrumentShape): Problem | null {
  const rows = instrument.evaluationDimensions ?? []
  if (rows.length === 0) return null
  const total = rows.reduce((sum, row) => sum + (row.weight ?? 0), 0)
  if (Math.abs(total - 100) <= WEIGHT_TOLERANCE) return null
  return problem('scoring.weightsTotal', { params: { total: Math.round(total * 100) / 100 } })
}

export function sectionProblem(instrument: InstrumentShape): Problem | null {
  const known = new Set((instrument.evaluationDimensions ?? []).map((row) => row.key))
  const seen = new Set<string>()
  for (const section of instrument.sections ?? []) {
    if (section.evaluationDimension && !known.has(section.evaluationDimension)) {
      return problem('scoring.unknownDimension', { params: { key: section.evaluationDimension } })
    }
    for (const question of section.questions ?? []) {
      if (!question.key) continue
      if (seen.has(question.key)) {
        return problem('scoring.questionTwice', { question: question.key })
      }
      seen.add(question.key)
    }
  }
  return null
}
