import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { COLLECTIONS, CONTEXT_FLAGS, DEFAULT_LOCALE, REPORT_STATUS } from '../../../constants.ts'
import { idOf, type ID, type Ref } from '../../../domain/ids.ts'
import { asSystem } from '../../../server/asSystem.ts'

const OPEN = 'open'
const CLOSED = 'closed'

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
    const stored = await asSystem(req, 'the stored period being opened').findByID(COLLECTIONS.periods, period.id, {
      locale: DEFAULT_LOCALE,
    })
    return String(stored?.title ?? period.title ?? '')
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}

/**
 * Opening a period gives every participating city its draft report ("Kota Ambon — Evaluasi Smart
 * City 2023 Tahap I"), and a city added to an open period gets one too; so does a city added once
 * the period has closed, whose report is late from the start until the secretariat extends its
 * deadline (a period closed before it ever opened has no reports). Cities that already have a
 * report for the period are left alone, so saving again creates nothing twice, and a draft the
 * secretariat deleted is not brought back by an unrelated edit.
 *
 * The drafts are created for the person who opened the period, with their access, in the same
 * transaction: if they may not create reports, the period does not open either. System writes
 * (the seed, the test fixtures, imports) have no person to act for and set up their periods and
 * reports themselves, as does anyone passing `req.context.skipPeriodOpening`.
 */
export const createDraftReports: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (!req.user || req.context?.[CONTEXT_FLAGS.skipPeriodOpening]) return doc
  const was = operation === 'update' ? previousDoc?.status : undefined
  const addedLate = doc.status === CLOSED && (was === OPEN || was === CLOSED)
  if (doc.status !== OPEN && !addedLate) return doc
  const before = new Set(was === OPEN || addedLate ? cityIds(previousDoc?.cities).map(String) : [])
  const candidates = cityIds(doc.cities).filter((id) => !before.has(String(id)))
  if (candidates.length === 0) return doc

  const system = asSystem(req, 'a report the secretariat deleted or cannot read must not be created twice')
  const existing = await system.find(COLLECTIONS.reports, { and: [{ period: { equals: doc.id } }, { city: { in: candidates } }] })
  const covered = new Set(existing.map((report) => String(idOf(report.city as Ref))))
  const missing = candidates.filter((id) => !covered.has(String(id)))
  if (missing.length === 0) return doc

  // One after the other: reading the title switches the shared request's locale for a moment.
  const periodTitle = await indonesianTitle(req, doc)
  const cities = await system.find(COLLECTIONS.cities, { id: { in: missing } })
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
