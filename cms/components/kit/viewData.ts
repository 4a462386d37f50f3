import type { PayloadRequest } from 'payload'

import { COLLECTIONS } from '../../constants.ts'
import type { Evidence, Instrument, Period, Report } from '../../payload-types.ts'
import type { AttachedFile } from '../../server/reportFiles.ts'
import type { GuideEvidence, GuideQuestion, LibraryFile } from './types.ts'
import { idOf, type ID, type Ref } from '../../domain/ids.ts'

/** Reads as the signed-in person: their own access decides what an admin view shows. */
export const asOf = (req: PayloadRequest) => ({ user: req.user, overrideAccess: false as const, req })

/**
 * A report with its round and the round's instrument, in `lang`, read as the signed-in person:
 * what both the council's and the assessor's view of a report start from.
 */
export async function reportWithInstrument(req: PayloadRequest, id: ID, lang: 'id' | 'en') {
  const report = (await req.payload.findByID({ collection: COLLECTIONS.reports, id, depth: 0, locale: lang, ...asOf(req) })) as Report
  const periodId = idOf(report.period as Ref)
  const period =
    periodId === undefined
      ? null
      : ((await req.payload.findByID({ collection: COLLECTIONS.periods, id: periodId, depth: 0, locale: lang, ...asOf(req) })) as Period)
  const instrumentId = idOf(period?.instrument as Ref)
  const instrument =
    instrumentId === undefined
      ? null
      : ((await req.payload.findByID({ collection: COLLECTIONS.instruments, id: instrumentId, depth: 0, locale: lang, ...asOf(req) })) as Instrument)
  return { report, period, instrument }
}

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

/** A file of the evidence library as the admin views hand it to the browser. */
export const libraryFileOf = (doc: Evidence): LibraryFile => ({
  id: doc.id,
  filename: doc.filename ?? String(doc.id),
  mimeType: doc.mimeType ?? '',
  filesize: doc.filesize ?? 0,
  url: doc.url ?? null,
  description: doc.description ?? null,
  documentDate: doc.documentDate ?? null,
  createdAt: doc.createdAt ?? null,
})

/** A file attached to a question as the admin views hand it to the browser. */
export const guideEvidenceOf = ({ use, file }: AttachedFile): GuideEvidence => ({
  id: use.id,
  file: file.id,
  filename: file.filename ?? String(file.id),
  mimeType: file.mimeType ?? '',
  filesize: file.filesize ?? 0,
  question: use.question ?? null,
  url: file.url ?? null,
  verdict: use.verdict ?? null,
  verdictReason: use.verdictReason ?? null,
  leadReason: use.leadReason ?? null,
})
