import type { CollectionBeforeChangeHook } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'
import { type ID, idOf, type Ref, sameId } from '../../../domain/ids.ts'
import { problem } from '../../../domain/problems.ts'
import { asSystem } from '../../../server/asSystem.ts'
import { ProblemsError } from '../../../server/problemsError.ts'

/** The question a use supports: a code, or null for the report as a whole. */
export const questionKey = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null)

/**
 * A new use takes its city and period from its report, so access to uses (a council's cities, an
 * assessor's rounds) is a plain query on the use itself. The file must be a file of that city (the
 * library is per city), and one file supports one question of a report once. System code is held
 * to the same: these are facts, not permissions.
 */
export const attachToReport: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const system = asSystem(req, 'a use is filed under its report’s city and period, and its file must be of that city')
  const reportId = idOf(data.report as Ref)
  const evidenceId = idOf(data.evidence as Ref)
  if (reportId === undefined || evidenceId === undefined) return data
  const [report, file] = await Promise.all([
    system.findByID(COLLECTIONS.reports, reportId, { select: { city: true, period: true } }),
    system.findByID(COLLECTIONS.evidence, evidenceId, { select: { city: true, filename: true } }),
  ])
  if (!report || !file) return data
  data.question = questionKey(data.question)
  data.city = idOf(report.city as Ref)
  data.period = idOf(report.period as Ref)
  const filename = file.filename ?? `#${String(file.id)}`
  const about = { question: data.question ?? undefined, evidence: String(file.id), params: { filename } }
  if (!sameId(file.city as Ref, report.city as Ref)) {
    throw new ProblemsError(COLLECTIONS.evidenceUses, [problem('evidence.otherCity', about)], req, () => 'evidence')
  }
  const twice = await system.count(COLLECTIONS.evidenceUses, {
    and: [
      { report: { equals: reportId } },
      { evidence: { equals: evidenceId as ID } },
      data.question === null ? { question: { exists: false } } : { question: { equals: data.question } },
    ],
  })
  if (twice > 0) throw new ProblemsError(COLLECTIONS.evidenceUses, [problem('evidence.alreadyAttached', about)], req, () => 'evidence')
  return data
}
