import { idOf } from '../../access/predicates.ts'
import type { Evidence, Instrument } from '../../payload-types.ts'
import type { GuideEvidence, GuideQuestion } from './types.ts'

type ID = number | string

type InstrumentQuestion = NonNullable<NonNullable<Instrument['sections']>[number]['questions']>[number]

/** A question of the instrument as the admin views hand it to the browser: plain JSON, one language. */
export const guideQuestionOf = (question: InstrumentQuestion): GuideQuestion => ({
  key: question.key,
  type: question.type,
  text: question.text,
  guidance: question.guidance ?? null,
  evidence: question.evidence,
  evidenceFromLevel: question.evidenceFromLevel ?? null,
  unit: question.unit ?? null,
  min: question.min ?? null,
  max: question.max ?? null,
  levels: (question.levels ?? []).map((level) => ({ level: level.level, descriptor: level.descriptor })),
  options: (question.options ?? []).map((option) => ({ value: option.value, label: option.label })),
  condition: question.condition?.question ? { question: question.condition.question, equals: question.condition.equals ?? '' } : null,
})

/** An evidence document as the admin views hand it to the browser. */
export const guideEvidenceOf = (doc: Evidence): GuideEvidence => ({
  id: doc.id,
  filename: doc.filename ?? String(doc.id),
  mimeType: doc.mimeType ?? '',
  filesize: doc.filesize ?? 0,
  question: doc.question ?? null,
  program: idOf(doc.program as ID | { id: ID } | null | undefined) ?? null,
  url: doc.url ?? null,
  verdict: doc.verdict ?? null,
  verdictReason: doc.verdictReason ?? null,
})
