/**
 * What a council member's start page shows, read with its own access: its cities' current reports
 * with their progress by the submit check's own rule, the deadline in the city's time, the reasons of
 * a revision request, and the programme indicators still missing this year's figures.
 */
import type { PayloadRequest } from 'payload'

import { type AccessUser, cityIdsOf } from '../../access/predicates.ts'
import { COLLECTIONS, REPORT_STATUS, type ReportStatus } from '../../constants.ts'
import { submissionDeadline, timeZoneOf } from '../../domain/deadlines.ts'
import { idOf, type ID, type Ref, sameId } from '../../domain/ids.ts'
import { measurementsOwed, monthIn, type Owed } from '../../domain/measurementsDue.ts'
import { reportProgress, type ReportProgress, type SubmissionAnswer, type SubmissionInstrument } from '../../domain/submission.ts'
import type { City, Instrument, Period, Report } from '../../payload-types.ts'
import { asOf } from '../kit/viewData.ts'
import type { Lang } from '../kit/types.ts'

export type CouncilReport = {
  id: ID
  city: string
  period: string
  status: ReportStatus
  progress: ReportProgress | null
  deadline: { at: string; zone: 'WIB' | 'WITA' | 'WIT'; extended: boolean } | null
  /** The latest revision request: its general reason and the assessors' comments, each question in words. */
  revision: { reason: string | null; comments: { question: string; comment: string }[] } | null
}

export type OwedIndicator = { id: ID; name: string; programme: string; city: string; owed: Owed }

export type CouncilStartData = {
  current: CouncilReport[]
  /** Whether the cities have any programme indicator at all (else there is nothing to be missing). */
  hasIndicators: boolean
  /** Accepted reports of closed rounds, for their results documents. */
  earlier: { id: ID; city: string; period: string }[]
  owed: OwedIndicator[]
}

const all = { depth: 0, pagination: false as const }

/**
 * A report is current while it moves through the workflow, or while its round is not closed: a
 * round past its closing date still holds reports in review and drafts awaiting an extension.
 */
const isCurrent = (report: Report, period: Period | undefined) => report.status !== REPORT_STATUS.accepted || period?.status !== 'closed'

function latestRevision(report: Report, questionText: (key: string) => string): CouncilReport['revision'] {
  if (report.status !== REPORT_STATUS.revisionRequested) return null
  const rows = report.revisionRequests ?? []
  const round = Math.max(...rows.map((row) => row.round ?? 0))
  const latest = rows.filter((row) => (row.round ?? 0) === round && row.comment?.trim())
  return {
    reason: latest.find((row) => !row.question)?.comment ?? null,
    comments: latest
      .filter((row) => row.question)
      .map((row) => ({ question: questionText(row.question as string), comment: row.comment as string })),
  }
}

export async function loadCouncilStart(req: PayloadRequest, lang: Lang, now = new Date()): Promise<CouncilStartData> {
  const cityIds = cityIdsOf(req.user as AccessUser)
  if (cityIds.length === 0) return { current: [], hasIndicators: false, earlier: [], owed: [] }
  const { payload } = req
  const [cities, reports, programs] = await Promise.all([
    payload.find({ collection: COLLECTIONS.cities, where: { id: { in: cityIds } }, select: { name: true, regionCode: true, province: true }, ...all, ...asOf(req) }),
    payload.find({
      collection: COLLECTIONS.reports,
      where: { city: { in: cityIds } },
      select: { title: true, city: true, period: true, status: true, answers: true, revisionRequests: true },
      sort: '-createdAt',
      ...all,
      ...asOf(req),
    }),
    payload.find({
      collection: COLLECTIONS.programs,
      where: { city: { in: cityIds } },
      select: { title: true, city: true, status: true, startYear: true },
      locale: lang,
      sort: 'title',
      ...all,
      ...asOf(req),
    }),
  ])
  const periodIds = [...new Set((reports.docs as Report[]).map((report) => idOf(report.period as Ref)).filter((id): id is ID => id !== undefined))]
  const periods = periodIds.length
    ? ((
        await payload.find({
          collection: COLLECTIONS.periods,
          where: { id: { in: periodIds } },
          select: { title: true, status: true, closesAt: true, extensions: true, instrument: true, opensAt: true },
          locale: lang,
          ...all,
          ...asOf(req),
        })
      ).docs as Period[])
    : []
  const periodOf = (report: Report) => periods.find((period) => sameId(period.id, report.period as Ref))
  const cityOf = (ref: unknown) => (cities.docs as City[]).find((city) => sameId(city.id, ref as Ref))
  const current = (reports.docs as Report[]).filter((report) => isCurrent(report, periodOf(report)))
  const earlier = (reports.docs as Report[]).filter((report) => !isCurrent(report, periodOf(report)))

  const instrumentIds = [...new Set(current.map((report) => idOf(periodOf(report)?.instrument as Ref)).filter((id): id is ID => id !== undefined))]
  const currentIds = current.map((report) => report.id)
  const [instruments, evidence] = await Promise.all([
    instrumentIds.length
      ? payload.find({ collection: COLLECTIONS.instruments, where: { id: { in: instrumentIds } }, select: { sections: true }, locale: lang, ...all, ...asOf(req) })
      : { docs: [] },
    currentIds.length
      ? payload.find({ collection: COLLECTIONS.evidence, where: { report: { in: currentIds } }, select: { report: true, question: true, verdict: true }, ...all, ...asOf(req) })
      : { docs: [] },
  ])

  const { owed, hasIndicators } = await owedIndicators(req, lang, programs.docs, cityOf, now)

  return {
    current: current.map((report) => {
      const period = periodOf(report)
      const city = cityOf(report.city)
      const instrument = (instruments.docs as Instrument[]).find((doc) => sameId(doc.id, period?.instrument as Ref))
      const questions = new Map((instrument?.sections ?? []).flatMap((section) => section.questions ?? []).map((question) => [question.key, question.text]))
      const files = evidence.docs.filter((file) => sameId(file.report as Ref, report.id))
      const deadline = period && city ? submissionDeadline(period, city) : null
      return {
        id: report.id,
        city: city?.name ?? report.title,
        period: period?.title ?? report.title,
        status: report.status,
        progress: instrument
          ? reportProgress(instrument as SubmissionInstrument, (report.answers ?? []) as SubmissionAnswer[], files)
          : null,
        deadline: deadline ? { at: deadline.at.toISOString(), zone: deadline.zone, extended: deadline.extended } : null,
        revision: latestRevision(report, (key) => questions.get(key) ?? key),
      }
    }),
    earlier: earlier
      .filter((report) => report.status === REPORT_STATUS.accepted)
      .map((report) => ({ id: report.id, city: cityOf(report.city)?.name ?? report.title, period: periodOf(report)?.title ?? report.title })),
    hasIndicators,
    owed,
  }
}

type ProgrammeRow = { id: ID; title: string; city: unknown; status?: string | null; startYear?: number | null }

/** The indicators of the cities' ongoing programmes that lack figures due this year, in each city's own month. */
async function owedIndicators(
  req: PayloadRequest,
  lang: Lang,
  programs: ProgrammeRow[],
  cityOf: (ref: unknown) => City | undefined,
  now: Date,
): Promise<{ owed: OwedIndicator[]; hasIndicators: boolean }> {
  if (programs.length === 0) return { owed: [], hasIndicators: false }
  const { payload } = req
  const indicators = await payload.find({
    collection: COLLECTIONS.indicators,
    where: { program: { in: programs.map((program) => program.id) } },
    select: { name: true, program: true, frequency: true },
    locale: lang,
    sort: 'name',
    ...all,
    ...asOf(req),
  })
  if (indicators.docs.length === 0) return { owed: [], hasIndicators: false }
  const years = [...new Set(programs.map((program) => monthIn(now, timeZoneOf(cityOf(program.city))).year))]
  const measurements = await payload.find({
    collection: COLLECTIONS.measurements,
    where: {
      and: [
        { indicator: { in: indicators.docs.map((indicator) => indicator.id) } },
        { year: { in: [...new Set(years.flatMap((year) => [year, year - 1]))] } },
      ],
    },
    select: { indicator: true, year: true, month: true },
    ...all,
    ...asOf(req),
  })
  const owed = indicators.docs.flatMap((indicator) => {
    const programme = programs.find((program) => sameId(program.id, indicator.program as Ref))
    if (!programme) return []
    const city = cityOf(programme.city)
    const owed = measurementsOwed(
      { id: indicator.id, frequency: indicator.frequency, startYear: programme.startYear, programmeStatus: programme.status },
      measurements.docs.filter((row) => sameId(row.indicator as Ref, indicator.id)),
      monthIn(now, timeZoneOf(city)),
    )
    return owed ? [{ id: indicator.id, name: indicator.name, programme: programme.title, city: city?.name ?? '', owed }] : []
  })
  return { owed, hasIndicators: true }
}
