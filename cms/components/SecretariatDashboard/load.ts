/**
 * The period overview's data, read with the secretariat's own access: one loader for the full
 * overview (/admin/ringkasan) and the headline figures of the secretariat's start page, so both
 * show the same numbers.
 */
import type { PayloadRequest } from 'payload'

import { COLLECTIONS, ROLES } from '../../constants.ts'
import { type Dashboard, periodDashboard } from '../../domain/dashboard.ts'
import type { Lang } from '../kit/types.ts'
import type { Period } from '../../payload-types.ts'

const asPerson = (req: PayloadRequest) => ({ user: req.user, overrideAccess: false as const, req, depth: 0, pagination: false as const })

/** Every period, the newest first. */
export async function loadPeriods(req: PayloadRequest, lang: Lang): Promise<Period[]> {
  const { docs } = await req.payload.find({ collection: COLLECTIONS.periods, ...asPerson(req), locale: lang, sort: '-opensAt' })
  return docs as Period[]
}

/**
 * The period to show: the one asked for, else the newest open one, else the newest. A round whose
 * closing date passed still has reports in review, so a closed round stays current until another opens.
 */
export function currentPeriod(periods: Period[], wanted?: string): Period | null {
  return (
    periods.find((period) => wanted !== undefined && String(period.id) === wanted) ??
    periods.find((period) => period.status === 'open') ??
    periods[0] ??
    null
  )
}

export async function loadDashboard(req: PayloadRequest, period: Period, lang: Lang): Promise<Dashboard> {
  const [cities, reports, reviews, pillars, assessors] = await Promise.all([
    req.payload.find({ collection: COLLECTIONS.cities, ...asPerson(req), select: { name: true, regionCode: true, province: true }, sort: 'name' }),
    req.payload.find({ collection: COLLECTIONS.reports, where: { period: { equals: period.id } }, ...asPerson(req), select: { city: true, status: true } }),
    req.payload.find({
      collection: COLLECTIONS.reviews,
      where: { period: { equals: period.id } },
      ...asPerson(req),
      select: { report: true, assessor: true, status: true, published: true, overall: true, pillarScores: true },
    }),
    req.payload.find({ collection: COLLECTIONS.dimensions, ...asPerson(req), locale: lang, select: { name: true, order: true }, sort: 'order' }),
    req.payload.find({ collection: COLLECTIONS.users, where: { role: { equals: ROLES.assessor } }, ...asPerson(req), select: { name: true, email: true } }),
  ])
  return periodDashboard({
    period,
    cities: cities.docs.map((city) => ({ id: city.id, name: city.name, regionCode: city.regionCode, province: city.province })),
    reports: reports.docs.map((report) => ({ id: report.id, city: report.city, status: report.status })),
    reviews: reviews.docs.map((review) => ({
      report: review.report,
      assessor: review.assessor,
      status: review.status,
      published: review.published,
      overall: review.overall,
      pillarScores: (review.pillarScores ?? []).map((row) => ({ pillar: row.pillar, score: row.score })),
    })),
    pillars: pillars.docs.map((pillar) => ({ id: pillar.id, name: pillar.name })),
    assessors: assessors.docs.map((user) => ({ id: user.id, name: user.name || user.email })),
    now: new Date(),
  })
}
