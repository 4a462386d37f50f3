import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps, PayloadRequest } from 'payload'

import { type AccessUser, isCouncilOfCity } from '../../access/predicates.ts'
import { COLLECTIONS, REPORT_STATUS } from '../../constants.ts'
import { workflowState } from '../../workflow/state.ts'
import type { Evidence, Indicator, Period, Program, Report } from '../../payload-types.ts'
import { asOf, guideEvidenceOf, guideQuestionOf, reportWithInstrument } from '../kit/viewData.ts'
import { ReportGuideClient } from './ReportGuideClient.tsx'
import type { GuideData, Lang, GuideProgramme } from '../kit/types.ts'
import { idOf, type ID, type Ref } from '../../domain/ids.ts'

/** The names of the pillars' sub-dimensions by key, in `locale`: sections name theirs by key. */
async function subDimensionNames(req: PayloadRequest, pillars: ID[], locale: Lang): Promise<Map<string, string>> {
  if (pillars.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection: COLLECTIONS.dimensions,
    where: { id: { in: pillars } },
    depth: 0,
    pagination: false,
    locale,
    select: { subDimensions: true },
    ...asOf(req),
  })
  return new Map(docs.flatMap((pillar) => (pillar.subDimensions ?? []).map((row) => [row.key, row.name] as const)))
}

/** The states in which the council still writes its report. */
const EDITABLE = new Set<string>([REPORT_STATUS.draft, REPORT_STATUS.revisionRequested])

/** The answers of the city's report in the latest period that opened before this one. */
async function previousAnswers(req: PayloadRequest, report: Report, period: Period, locale: Lang) {
  const { docs } = await req.payload.find({
    collection: COLLECTIONS.reports,
    where: { and: [{ city: { equals: idOf(report.city as Ref) } }, { id: { not_equals: report.id } }] },
    depth: 1,
    limit: 20,
    sort: '-createdAt',
    locale,
    ...asOf(req),
  })
  const opened = (doc: Report) => (typeof doc.period === 'object' && doc.period ? Date.parse(doc.period.opensAt) : NaN)
  const earlier = docs
    .filter((doc) => opened(doc) < Date.parse(period.opensAt))
    .sort((a, b) => opened(b) - opened(a))[0]
  if (!earlier) return null
  return {
    title: typeof earlier.period === 'object' && earlier.period ? earlier.period.title : earlier.title,
    answers: Object.fromEntries((earlier.answers ?? []).map((answer) => [answer.question, answer.value ?? null])),
  }
}

/** The city's programmes with their indicators and the year's measurements, as the council may see them. */
async function programmeProgress(req: PayloadRequest, city: ID, year: number, locale: Lang): Promise<GuideProgramme[]> {
  const programs = await req.payload.find({
    collection: COLLECTIONS.programs,
    where: { city: { equals: city } },
    depth: 0,
    pagination: false,
    sort: 'title',
    locale,
    select: { title: true },
    ...asOf(req),
  })
  if (programs.docs.length === 0) return []
  const indicators = await req.payload.find({
    collection: COLLECTIONS.indicators,
    where: { program: { in: programs.docs.map((program) => program.id) } },
    depth: 0,
    pagination: false,
    locale,
    ...asOf(req),
  })
  const measurements = indicators.docs.length
    ? await req.payload.find({
        collection: COLLECTIONS.measurements,
        where: { and: [{ indicator: { in: indicators.docs.map((indicator) => indicator.id) } }, { year: { equals: year } }] },
        depth: 0,
        pagination: false,
        sort: 'month',
        select: { indicator: true, month: true, value: true, evidence: true },
        ...asOf(req),
      })
    : { docs: [] }
  const indicatorsOf = (program: Pick<Program, 'id'>) =>
    indicators.docs.filter((indicator: Indicator) => idOf(indicator.program as Ref) === program.id)
  return programs.docs.map((program) => ({
    id: program.id,
    title: program.title,
    indicators: indicatorsOf(program).map((indicator) => ({
      id: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      target: indicator.target,
      targetYear: indicator.targetYear,
      frequency: indicator.frequency,
      aggregation: indicator.aggregation,
      values: measurements.docs
        .filter((measurement) => idOf(measurement.indicator as Ref) === indicator.id)
        .map((measurement) => ({
          month: measurement.month ?? null,
          value: measurement.value,
          hasEvidence: Boolean(measurement.evidence),
        })),
    })),
  }))
}

/**
 * "Isi laporan": the guided view of a report. Loads everything as the signed-in person (their own
 * access decides what they see) and hands plain data to the client part, which does the filling in.
 */
export async function ReportGuide({ doc, initPageResult }: DocumentViewServerProps) {
  const { req } = initPageResult
  const lang: Lang = req.i18n.language === 'en' ? 'en' : 'id'
  const { report, period, instrument } = await reportWithInstrument(req, doc.id as ID, lang)
  const city = idOf(report.city as Ref) as ID
  const pillars = [...new Set((instrument?.sections ?? []).map((section) => idOf(section.dimension as Ref)).filter((id): id is ID => id !== undefined))]
  const [evidence, previous, programmes, subDimensions] = await Promise.all([
    req.payload.find({
      collection: COLLECTIONS.evidence,
      where: { report: { equals: report.id } },
      depth: 0,
      pagination: false,
      sort: 'createdAt',
      ...asOf(req),
    }),
    period ? previousAnswers(req, report, period, lang) : null,
    period ? programmeProgress(req, city, period.year, lang) : [],
    subDimensionNames(req, pillars, lang),
  ])

  const data: GuideData = {
    lang,
    report: {
      id: report.id,
      title: report.title,
      status: report.status,
      updatedAt: report.updatedAt,
      city,
      answers: (report.answers ?? []).map((answer) => ({
        question: answer.question,
        value: answer.value ?? null,
        comment: answer.comment ?? null,
      })),
      constraints: report.constraints ?? [],
      constraintNotes: report.constraintNotes ?? '',
    },
    period: period ? { title: period.title, year: period.year } : null,
    workflow: await workflowState(req, report),
    instrument: instrument
      ? {
          title: instrument.title,
          sections: (instrument.sections ?? []).map((section) => ({
            title: section.title,
            subDimension: section.subDimension ? (subDimensions.get(section.subDimension) ?? null) : null,
            questions: (section.questions ?? []).map(guideQuestionOf),
          })),
        }
      : null,
    evidence: evidence.docs.map((item) => guideEvidenceOf(item as Evidence)),
    previous,
    programmes,
    editable: EDITABLE.has(report.status) && isCouncilOfCity(req.user as AccessUser, city),
  }
  return (
    <Gutter>
      <ReportGuideClient data={data} />
    </Gutter>
  )
}
