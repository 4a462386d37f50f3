import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import { headersWithCors, type PayloadHandler, type PayloadRequest } from 'payload'

import { type AccessUser, hasRole } from '../../../access/predicates.ts'
import { COLLECTIONS, REPORT_STATUS } from '../../../constants.ts'
import type { City, Dimension, Instrument, Period, Report, Review } from '../../../payload-types.ts'
import { renderResultsPdf, type ResultsData, type ResultsLang } from '../../../infra/resultsPdf.ts'
import { slugify } from '../../../domain/slugify.ts'
import { problem } from '../../../domain/problems.ts'
import { refusal } from '../../../endpoints/responses.ts'
import { idOf, type ID, type Ref } from '../../../domain/ids.ts'

const plainText = (value: unknown): string => {
  if (!value || typeof value !== 'object' || !('root' in value)) return ''
  return convertLexicalToPlaintext({ data: value as Parameters<typeof convertLexicalToPlaintext>[0]['data'] }).trim()
}

/** The review whose totals are the report's result: the published one (the lead's), else any scored one. */
function resultReview(reviews: Review[]): Review | undefined {
  return reviews.find((review) => review.published) ?? reviews.find((review) => typeof review.overall === 'number')
}

/**
 * Who the document is for. Staff read as themselves: what they may not read does not go into their
 * document. The public gets the published result only; the round, instrument and pillars it is
 * printed with are read by the system, since only their names and weights go into it.
 */
type Audience = 'staff' | 'public'

async function resultsOf(req: PayloadRequest, report: Report, lang: ResultsLang, audience: Audience): Promise<ResultsData | null> {
  const asked =
    audience === 'staff'
      ? { user: req.user, overrideAccess: false as const, depth: 0, locale: lang, req }
      : { overrideAccess: true as const, depth: 0, locale: lang, req }
  const { docs: reviews } = await req.payload.find({
    collection: COLLECTIONS.reviews,
    where:
      audience === 'staff'
        ? { report: { equals: report.id } }
        : { and: [{ report: { equals: report.id } }, { published: { equals: true } }] },
    pagination: false,
    ...asked,
  })
  const review = resultReview(reviews as Review[])
  if (!review) return null
  const [city, period] = await Promise.all([
    req.payload.findByID({ collection: COLLECTIONS.cities, id: idOf(report.city as Ref) as ID, disableErrors: true, ...asked }),
    req.payload.findByID({ collection: COLLECTIONS.periods, id: idOf(report.period as Ref) as ID, disableErrors: true, ...asked }),
  ])
  const instrumentId = idOf((period as Period | null)?.instrument as Ref)
  const instrument =
    instrumentId === undefined
      ? null
      : ((await req.payload.findByID({ collection: COLLECTIONS.instruments, id: instrumentId, disableErrors: true, ...asked })) as Instrument | null)
  const pillarIds = (review.pillarScores ?? []).map((row) => idOf(row.pillar as Ref)).filter((id): id is ID => id !== undefined)
  const { docs: pillars } = pillarIds.length
    ? await req.payload.find({
        collection: COLLECTIONS.dimensions,
        where: { id: { in: pillarIds } },
        pagination: false,
        sort: 'order',
        ...asked,
      })
    : { docs: [] as Dimension[] }

  const dimensionScore = new Map((review.dimensionScores ?? []).map((row) => [row.key, row.score]))
  const dimensions: ResultsData['dimensions'] = (instrument?.evaluationDimensions ?? []).map((dimension) => ({
    name: dimension.name,
    weight: dimension.weight,
    score: dimensionScore.get(dimension.key) ?? null,
  }))
  // Scores of dimensions the instrument no longer names still belong in the document.
  const named = new Set((instrument?.evaluationDimensions ?? []).map((dimension) => dimension.key))
  for (const [key, score] of dimensionScore) if (!named.has(key)) dimensions.push({ name: key, weight: null, score })
  const pillarScore = new Map((review.pillarScores ?? []).map((row) => [String(idOf(row.pillar as Ref)), row.score]))
  const pillarText = new Map(
    (review.pillarRecommendations ?? []).map((row) => [String(idOf(row.pillar as Ref)), plainText(row.text)]),
  )
  const acceptance = [...(report.history ?? [])].reverse().find((row) => row.to === REPORT_STATUS.accepted)
  return {
    lang,
    city: (city as City | null)?.name ?? String(idOf(report.city as Ref)),
    province: (city as City | null)?.province ?? null,
    period: (period as Period | null)?.title ?? report.title,
    acceptedAt: acceptance?.at ?? null,
    index: typeof review.overall === 'number' ? review.overall : null,
    dimensions,
    pillars: (pillars as Dimension[]).map((pillar) => ({
      name: pillar.name,
      colour: pillar.colour ?? null,
      score: pillarScore.get(String(pillar.id)) ?? null,
      recommendation: pillarText.get(String(pillar.id)) ?? '',
    })),
    recommendations: plainText(review.recommendations),
  }
}

/**
 * `GET /api/reports/:id/results.pdf`: the results document of an accepted report.
 *
 * - Whoever may read the report (the city's council, the assessors assigned to it, the secretariat)
 *   gets it from their own reading of the review; before acceptance there is nothing final to
 *   print: 409.
 * - Anyone else, signed in or not, gets the published result once the report is accepted, as the
 *   public site shows it (the site links here); otherwise 404, so nothing is learnt about reports
 *   that are not public.
 *
 * `?locale=en` writes it in English.
 */
export const resultsPdf: PayloadHandler = async (req) => {
  const lang: ResultsLang = req.locale === 'en' ? 'en' : 'id'
  const find = (access: { overrideAccess: false; user: PayloadRequest['user'] } | { overrideAccess: true }) =>
    req.payload.findByID({ collection: COLLECTIONS.reports, id: req.routeParams?.id as ID, depth: 0, disableErrors: true, req, ...access })
  const ownReport = hasRole(req.user as AccessUser) ? ((await find({ overrideAccess: false, user: req.user })) as Report | null) : null
  const audience: Audience = ownReport ? 'staff' : 'public'
  // A report itself is never public; whether its result is, is decided by its status and review.
  const report = ownReport ?? ((await find({ overrideAccess: true })) as Report | null)
  const notFound = () => refusal(req, 404, problem('report.notFound'))
  if (!report) return notFound()
  if (report.status !== REPORT_STATUS.accepted) {
    if (audience === 'public') return notFound()
    return refusal(req, 409, problem('results.notAccepted'))
  }
  const data = await resultsOf(req, report, lang, audience)
  if (!data) {
    if (audience === 'public') return notFound()
    return refusal(req, 409, problem('results.noScores'))
  }
  const bytes = await renderResultsPdf(data)
  const headers = headersWithCors({ headers: new Headers(), req })
  headers.set('Content-Type', 'application/pdf')
  headers.set('Content-Disposition', `attachment; filename="hasil-evaluasi-${slugify(data.city) || report.id}-${report.id}.pdf"`)
  // The public document is the same for everyone and changes only when a result is republished.
  headers.set('Cache-Control', audience === 'public' ? 'public, max-age=3600' : 'private, no-store')
  return new Response(bytes as BodyInit, { status: 200, headers })
}
