/**
 * Checks of an instrument's structure that span several fields. Pure functions, so the same rules
 * serve the admin form, the import (later) and the tests.
 */

export type InstrumentShape = {
  evaluationDimensions?: { key?: string | null; weight?: number | null }[] | null
  sections?: {
    evaluationDimension?: string | null
    questions?: { key?: string | null }[] | null
  }[] | null
}

const WEIGHT_TOLERANCE = 0.001

export function evaluationWeightProblem(instrument: InstrumentShape): string | null {
  const rows = instrument.evaluationDimensions ?? []
  if (rows.length === 0) return null
  const total = rows.reduce((sum, row) => sum + (row.weight ?? 0), 0)
  if (Math.abs(total - 100) <= WEIGHT_TOLERANCE) return null
  const shown = Math.round(total * 100) / 100
  return `Bobot dimensi evaluasi berjumlah ${shown}%, harus 100% / Evaluation-dimension weights add up to ${shown}%, they must total 100%`
}

export function sectionProblem(instrument: InstrumentShape): string | null {
  const known = new Set((instrument.evaluationDimensions ?? []).map((row) => row.key))
  const seen = new Set<string>()
  for (const section of instrument.sections ?? []) {
    if (section.evaluationDimension && !known.has(section.evaluationDimension)) {
      return `Bagian merujuk dimensi evaluasi "${section.evaluationDimension}" yang tidak ada / A section names evaluation dimension "${section.evaluationDimension}", which does not exist`
    }
    for (const question of section.questions ?? []) {
      if (!question.key) continue
      if (seen.has(question.key)) {
        return `Kode pertanyaan "${question.key}" dipakai dua kali / Question code "${question.key}" is used twice`
      }
      seen.add(question.key)
    }
  }
  return null
}
