/**
 * The figures of the secretariat's period dashboard, from plain records: pure, so the admin view,
 * a future export and the tests read the same numbers.
 */
import { REPORT_STATUS, type ReportStatus, REVIEW_STATUS } from '../constants.ts'
import { type CityPlace, type DeadlinePeriod, submissionDeadline } from './deadlines.ts'
import { type ID, idText, type Ref } from './ids.ts'

const key = (value: Ref): string => idText(value) ?? ''

export type DashboardInput = {
  period: DeadlinePeriod & {
    cities?: Ref[] | null
    assignments?: { city?: Ref; assessor?: Ref; lead?: boolean | null }[] | null
  }
  cities: ({ id: ID; name: string } & CityPlace)[]
  reports: { id: ID; city: Ref; status: ReportStatus }[]
  reviews: {
    report: Ref
    assessor: Ref
    status: string
    published?: boolean | null
    overall?: number | null
    pillarScores?: { pillar: Ref; score: number }[] | null
  }[]
  pillars: { id: ID; name: string }[]
  assessors: { id: ID; name: string }[]
  now: Date
}

export type CityRow = {
  city: string
  status: ReportStatus | null
  /** The city's deadline (with its extension) has passed and its report is not in. */
  overdue: boolean
  deadline: string | null
  /** The accepted index, two decimals, when the report is accepted. */
  index: number | null
  pillars: Record<string, number | null>
}

export type Dashboard = {
  cities: CityRow[]
  statusCounts: Record<ReportStatus, number>
  overdue: string[]
  /** Accepted cities by index, best first; equal indices share a rank. */
  ranking: { rank: number; city: string; index: number }[]
  /** How many accepted indices fall in each half-point band from 1 to 5. */
  distribution: { from: number; to: number; count: number }[]
  pillarAverages: { pillar: string; average: number | null }[]
  workload: { assessor: string; assigned: number; completed: number; lead: number }[]
  /** Cities whose report is with the assessors (submitted or in review) and not every assigned review is completed. */
  inReview: string[]
  /** Cities whose report is with the assessors and every assigned assessor completed its review: the lead decides next. */
  awaitingLead: string[]
  /** The reports of `inReview` and of `awaitingLead` (ids as text), for a list of just those. */
  reports: { inReview: string[]; awaitingLead: string[] }
  /** Participating cities no assessor is assigned to yet. */
  unassigned: string[]
}

/** States in which the council has handed its report in. */
const HANDED_IN = new Set<ReportStatus>([REPORT_STATUS.submitted, REPORT_STATUS.inReview, REPORT_STATUS.accepted])

/** States in which the report is with its assessors, waiting for the lead to accept it or send it back. */
const WITH_ASSESSORS = new Set<ReportStatus>([REPORT_STATUS.submitted, REPORT_STATUS.inReview])

const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100

export const INDEX_BANDS = [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5].map((from) => ({ from, to: from + 0.5 }))

export function periodDashboard(input: DashboardInput): Dashboard {
  const cityName = new Map(input.cities.map((city) => [String(city.id), city.name]))
  const cityOf = new Map(input.cities.map((city) => [String(city.id), city]))
  const participating = (input.period.cities ?? []).map(key)
  const reportOf = new Map(input.reports.map((report) => [key(report.city), report]))
  const publishedOf = new Map(
    input.reviews.filter((review) => review.published && typeof review.overall === 'number').map((review) => [key(review.report), review]),
  )

  const cities: CityRow[] = participating.map((city) => {
    const report = reportOf.get(city)
    const deadline = submissionDeadline(input.period, cityOf.get(city) ?? { id: city })?.at
    const accepted = report?.status === REPORT_STATUS.accepted ? publishedOf.get(String(report.id)) : undefined
    const pillarScores = new Map((accepted?.pillarScores ?? []).map((row) => [key(row.pillar), row.score]))
    return {
      city: cityName.get(city) ?? city,
      status: report?.status ?? null,
      overdue: Boolean(deadline && input.now > deadline && !(report && HANDED_IN.has(report.status))),
      deadline: deadline?.toISOString() ?? null,
      index: accepted?.overall != null ? round2(accepted.overall) : null,
      pillars: Object.fromEntries(input.pillars.map((pillar) => [pillar.name, pillarScores.get(String(pillar.id)) ?? null])),
    }
  })

  const statusCounts = Object.fromEntries(Object.values(REPORT_STATUS).map((status) => [status, 0])) as Record<ReportStatus, number>
  for (const row of cities) if (row.status) statusCounts[row.status] += 1

  const scored = cities.filter((row): row is CityRow & { index: number } => row.index !== null).sort((a, b) => b.index - a.index)
  const ranking = scored.map((row) => ({
    rank: 1 + scored.findIndex((other) => other.index === row.index),
    city: row.city,
    index: row.index,
  }))

  const distribution = INDEX_BANDS.map((band, position) => ({
    from: band.from,
    to: band.to,
    // The last band includes 5.00.
    count: scored.filter((row) => row.index >= band.from && (row.index < band.to || (position === INDEX_BANDS.length - 1 && row.index <= band.to))).length,
  }))

  const pillarAverages = input.pillars.map((pillar) => {
    const values = cities.map((row) => row.pillars[pillar.name]).filter((value): value is number => typeof value === 'number')
    return { pillar: pillar.name, average: values.length ? round2(values.reduce((sum, value) => sum + value, 0) / values.length) : null }
  })

  const assessorName = new Map(input.assessors.map((assessor) => [String(assessor.id), assessor.name]))
  const workload = new Map<string, { assessor: string; assigned: number; completed: number; lead: number }>()
  for (const row of input.period.assignments ?? []) {
    const assessor = key(row.assessor)
    const entry = workload.get(assessor) ?? { assessor: assessorName.get(assessor) ?? assessor, assigned: 0, completed: 0, lead: 0 }
    entry.assigned += 1
    if (row.lead) entry.lead += 1
    const report = reportOf.get(key(row.city))
    const done = report
      ? input.reviews.some(
          (review) => key(review.report) === String(report.id) && key(review.assessor) === assessor && review.status === REVIEW_STATUS.completed,
        )
      : false
    if (done) entry.completed += 1
    workload.set(assessor, entry)
  }

  const assessorsOf = (city: string) => (input.period.assignments ?? []).filter((row) => key(row.city) === city).map((row) => key(row.assessor))
  const reviewsDone = (city: string, report: { id: ID }) => {
    const assigned = assessorsOf(city)
    return (
      assigned.length > 0 &&
      assigned.every((assessor) =>
        input.reviews.some(
          (review) => key(review.report) === String(report.id) && key(review.assessor) === assessor && review.status === REVIEW_STATUS.completed,
        ),
      )
    )
  }
  const withAssessors = participating.filter((city) => {
    const report = reportOf.get(city)
    return report !== undefined && WITH_ASSESSORS.has(report.status)
  })
  const nameOf = (city: string) => cityName.get(city) ?? city
  const reportIdOf = (city: string) => String(reportOf.get(city)!.id)
  const inReview = withAssessors.filter((city) => !reviewsDone(city, reportOf.get(city)!))
  const awaitingLead = withAssessors.filter((city) => reviewsDone(city, reportOf.get(city)!))

  return {
    cities,
    statusCounts,
    overdue: cities.filter((row) => row.overdue).map((row) => row.city),
    ranking,
    distribution,
    pillarAverages,
    workload: [...workload.values()].sort((a, b) => b.assigned - a.assigned || a.assessor.localeCompare(b.assessor)),
    inReview: inReview.map(nameOf),
    awaitingLead: awaitingLead.map(nameOf),
    reports: { inReview: inReview.map(reportIdOf), awaitingLead: awaitingLead.map(reportIdOf) },
    unassigned: participating.filter((city) => assessorsOf(city).length === 0).map(nameOf),
  }
}
