import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import { headersWithCors, type PayloadHandler, type PayloadRequest } from 'payload'

import { type AccessUser, hasRole, idOf } from '../access/predicates.ts'
import { COLLECTIONS, REPORT_STATUS } from '../constants.ts'
import type { City, Dimension, Instrument, Period, Report, Review } from '../payload-types.ts'
import { renderResultsPdf, type ResultsData, type ResultsLang } from '../lib/resultsPdf.ts'
import { slugify } from '../lib/slugify.ts'
import { refusal } from './responses.ts'

type ID = number | string
type Ref = ID | { id: ID } | null | undefined

const plainText = (value: unknown): string => {
  if (!value || typeof value !== 'object' || !('root' in value)) return ''
  return convertLexicalToPlaintext({ data: value as Parameters<typeof convertLexicalToPlaintext>[0]['data'] }).trim()
}

/** The review whose totals are the report's result: the published one (the lead's), else any scored one. */
function resultReview(reviews: Review[]): Review | undefined {
  return reviews.find((review) => review.published) ?? reviews.find((review) => typeof review.overall === 'number')
}

async function resultsOf(req: PayloadRequest, report: Report, lang: ResultsLang): Promise<ResultsData | null> {
  // Read as the person asking: what they may not read does not go into their document.
  const asked = { user: req.user, overrideAccess: false as const, depth: 0, locale: lang, req }
  const { docs: reviews } = await req.payload.find({
    collection: COLLECTIONS.reviews,
    where: { report: { equals: report.id } },
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
 * `GET /api/reports/:id/results.pdf`: the results document of an accepted report, for whoever may
 * read the report and its review (the city's council, the assessors assigned to it, the
 * secretariat). Others get 404, as for the report itself; before acceptance there is nothing final
 * to print: 409. `?locale=en` writes it in English.
 */
export const resultsPdf: PayloadHandler = async (req) => {
  if (!hasRole(req.user as AccessUser)) {
    return refusal(req, 403, 'Masuk terlebih dahulu / Please sign in first')
  }
  const lang: ResultsLang = req.locale === 'en' ? 'en' : 'id'
  const report = (await req.payload.findByID({
    collection: COLLECTIONS.reports,
    id: req.routeParams?.id as ID,
    depth: 0,
    overrideAccess: false,
    disableErrors: true,
    user: req.user,
    req,
  })) as Report | null
  if (!report) return refusal(req, 404, 'Laporan tidak ditemukan / Report not found')
  if (report.status !== REPORT_STATUS.accepted) {
    return refusal(
      req,
      409,
      'Dokumen hasil tersedia setelah laporan diterima ketua tim asesor / The results document is available once the lead assessor has accepted the report',
    )
  }
  const data = await resultsOf(req, report, lang)
  if (!data) {
    return refusal(req, 409, 'Laporan ini belum memiliki nilai / This report has no scores yet')
  }
  const bytes = await renderResultsPdf(data)
  const headers = headersWithCors({ headers: new Headers(), req })
  headers.set('Content-Type', 'application/pdf')
  headers.set('Content-Disposition', `attachment; filename="hasil-evaluasi-${slugify(data.city) || report.id}-${report.id}.pdf"`)
  headers.set('Cache-Control', 'private, no-store')
  return new Response(bytes as BodyInit, { status: 200, headers })
}
