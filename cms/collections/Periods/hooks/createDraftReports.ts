import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { idOf } from '../../../access/predicates.ts'
import { COLLECTIONS, CONTEXT_FLAGS, DEFAULT_LOCALE, REPORT_STATUS } from '../../../constants.ts'

type ID = number | string
type Ref = ID | { id: ID } | null | undefined

const OPEN = 'open'

const cityIds = (cities: unknown): ID[] =>
  (Array.isArray(cities) ? (cities as Ref[]) : []).map(idOf).filter((id): id is ID => id !== undefined)

/**
 * The period's title in Indonesian, the language of report titles, whichever language the
 * secretariat saved in. The Local API sets the locale it is given on the shared request, so the
 * request's own locale is put back for the rest of the save.
 */
async function indonesianTitle(req: PayloadRequest, period: { id: ID; title?: unknown }): Promise<string> {
  if (period.title && typeof period.title === 'object') return String((period.title as Record<string, unknown>)[DEFAULT_LOCALE] ?? '')
  if (!req.locale || req.locale === DEFAULT_LOCALE) return String(period.title ?? '')
  const { locale, fallbackLocale } = req
  try {
    const stored = await req.payload.findByID({
      collection: COLLECTIONS.periods,
      id: period.id,
      depth: 0,
      locale: DEFAULT_LOCALE,
      overrideAccess: true,
      req,
    })
    return String(stored.title ?? period.title ?? '')
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}

/**
 * Opening a period gives every participating city its draft report ("Kota Ambon — Evaluasi Smart
 * City 2023 Tahap I"), and a city added to an open period gets one too. Cities that already have a
 * report for the period are left alone, so saving again creates nothing twice, and a draft the
 * secretariat deleted is not brought back by an unrelated edit.
 *
 * The drafts are created for the person who opened the period, with their access, in the same
 * transaction: if they may not create reports, the period does not open either. System writes
 * (the seed, the test fixtures, imports) have no person to act for and set up their periods and
 * reports themselves, as does anyone passing `req.context.skipPeriodOpening`.
 */
export const createDraftReports: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (doc.status !== OPEN || !req.user || req.context?.[CONTEXT_FLAGS.skipPeriodOpening]) return doc
  const wasOpen = operation === 'update' && previousDoc?.status === OPEN
  const before = new Set(wasOpen ? cityIds(previousDoc?.cities).map(String) : [])
  const candidates = cityIds(doc.cities).filter((id) => !before.has(String(id)))
  if (candidates.length === 0) return doc

  const { docs: existing } = await req.payload.find({
    collection: COLLECTIONS.reports,
    where: { and: [{ period: { equals: doc.id } }, { city: { in: candidates } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const covered = new Set(existing.map((report) => String(idOf(report.city as Ref))))
  const missing = candidates.filter((id) => !covered.has(String(id)))
  if (missing.length === 0) return doc

  // One after the other: reading the title switches the shared request's locale for a moment.
  const periodTitle = await indonesianTitle(req, doc)
  const { docs: cities } = await req.payload.find({
    collection: COLLECTIONS.cities,
    where: { id: { in: missing } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const city of cities) {
    await req.payload.create({
      collection: COLLECTIONS.reports,
      data: { title: `${city.name} — ${periodTitle}`, city: city.id, period: doc.id, status: REPORT_STATUS.draft },
      depth: 0,
      user: req.user,
      overrideAccess: false,
      req,
    })
  }
  return doc
}
