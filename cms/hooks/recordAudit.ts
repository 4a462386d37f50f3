import type { CollectionAfterChangeHook } from 'payload'

import { COLLECTIONS } from '../constants.ts'
import { recordAudit } from '../server/audit.ts'
import { idText, type Ref } from '../domain/ids.ts'

/**
 * The audit trail's hooks, one per collection it watches. Each records only a real change (a save
 * that leaves the watched fields as they were records nothing), with the fields before and after.
 */

type Doc = Record<string, unknown> | undefined

const verdictOf = (doc: Doc) => ({ verdict: (doc?.verdict as string | undefined) ?? null, verdictReason: (doc?.verdictReason as string | undefined) || null })

/** Every evidence verdict given or changed: one file for one question of one report. */
export const auditEvidenceVerdict: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const after = verdictOf(doc)
  const before = operation === 'create' ? null : verdictOf(previousDoc)
  if (before ? before.verdict === after.verdict && before.verdictReason === after.verdictReason : after.verdict === 'pending') {
    return doc
  }
  await recordAudit(req, 'evidence.verdict', { collection: COLLECTIONS.evidenceUses, id: doc.id }, before, {
    ...after,
    report: idText(doc.report),
    evidence: idText(doc.evidence),
    question: (doc.question as string | null | undefined) ?? null,
  })
  return doc
}

const scoresOf = (doc: Doc): Map<string, number> =>
  new Map(
    (Array.isArray(doc?.scores) ? (doc.scores as { question: string; score: number }[]) : []).map((row) => [
      row.question,
      row.score,
    ]),
  )

/** Every per-question score an assessor sets, changes or removes: only the questions that moved. */
export const auditReviewScores: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const now = scoresOf(doc)
  const old = operation === 'create' ? new Map<string, number>() : scoresOf(previousDoc)
  const before: Record<string, number | null> = {}
  const after: Record<string, number | null> = {}
  for (const question of new Set([...old.keys(), ...now.keys()])) {
    if (old.get(question) === now.get(question)) continue
    before[question] = old.get(question) ?? null
    after[question] = now.get(question) ?? null
  }
  if (Object.keys(after).length === 0) return doc
  await recordAudit(
    req,
    'review.score',
    { collection: COLLECTIONS.reviews, id: doc.id },
    operation === 'create' ? null : { scores: before },
    { scores: after, report: idText(doc.report), assessor: idText(doc.assessor) },
  )
  return doc
}

const accessOf = (doc: Doc) => ({
  role: (doc?.role as string | undefined) ?? null,
  cities: (Array.isArray(doc?.cities) ? doc.cities : []).map(idText).filter((id): id is string => id !== null).sort(),
})

/** Every account created, and every change of a user's role or cities. */
export const auditUserAccess: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const after = accessOf(doc)
  const before = operation === 'create' ? null : accessOf(previousDoc)
  if (before && before.role === after.role && before.cities.join() === after.cities.join()) return doc
  await recordAudit(req, 'user.role', { collection: COLLECTIONS.users, id: doc.id }, before, after)
  return doc
}
