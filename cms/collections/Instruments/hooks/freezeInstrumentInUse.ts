import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'
import { type ID } from '../../../domain/ids.ts'
import { asSystem } from '../../../server/asSystem.ts'

type PeriodStatus = 'upcoming' | 'open' | 'closed'

/**
 * Statuses whose period pins its instrument. An open period is being answered and a closed one has
 * been answered and scored: changing the questions or weights under either would change the meaning
 * of answers and scores already given. An upcoming period has no answers yet, so the secretariat may
 * still polish the instrument it will use.
 */
export const FREEZING_STATUSES: PeriodStatus[] = ['open', 'closed']

const STATUS_LABELS: Record<PeriodStatus, { id: string; en: string }> = {
  upcoming: { id: 'akan datang', en: 'upcoming' },
  open: { id: 'dibuka', en: 'open' },
  closed: { id: 'ditutup', en: 'closed' },
}

export type HoldingPeriod = { title: { id: string; en: string }; status: PeriodStatus }

const textIn = (value: unknown, locale: 'id' | 'en'): string | undefined => {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object') {
    const text = (value as Record<string, unknown>)[locale]
    return typeof text === 'string' && text ? text : undefined
  }
  return undefined
}

/**
 * The period that holds `instrument` in one of `statuses`, a freezing one first, or null.
 */
export async function periodHolding(
  req: PayloadRequest,
  instrument: ID,
  statuses: PeriodStatus[],
): Promise<HoldingPeriod | null> {
  // A Local API call with `req` sets `req.locale`; left at 'all', the write under way would drop its texts.
  const { locale, fallbackLocale } = req
  const docs = await asSystem(req, 'whoever edits must be stopped even by a period they could not read')
    .find(COLLECTIONS.periods, { and: [{ instrument: { equals: instrument } }, { status: { in: statuses } }] }, { limit: 20, locale: 'all' })
    .finally(() => Object.assign(req, { locale, fallbackLocale }))
  const period =
    docs.find((doc) => FREEZING_STATUSES.includes(doc.status as PeriodStatus)) ?? docs[0]
  if (!period) return null
  const id = textIn(period.title, 'id') ?? String(period.id)
  return { title: { id, en: textIn(period.title, 'en') ?? id }, status: period.status as PeriodStatus }
}

/** Status 409: the instrument itself is fine, it is its use by a period that stands in the way. */
export const frozenInstrumentError = ({ title, status }: HoldingPeriod): APIError<null> =>
  new APIError(
    `Instrumen ini dipakai periode "${title.id}" (${STATUS_LABELS[status].id}) sehingga dibekukan: jawaban dan nilai periode itu bergantung padanya. ` +
      'Buat salinan dengan "Duplikat" (menjadi versi baru), lalu ubah salinannya. / ' +
      `This instrument is used by the period "${title.en}" (${STATUS_LABELS[status].en}) and is frozen: that period's answers and scores depend on it. ` +
      'Duplicate it as a new version ("Duplicate") and edit the copy.',
    409,
    null,
    true,
  )

/**
 * Refuses a person's change to an instrument that an open or closed period uses. System code
 * acting for no person (the seed re-applying its own data, migrations) is trusted, as in the
 * report workflow.
 */
export const freezeInstrumentInUse: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !req.user || originalDoc?.id === undefined) return data
  const holding = await periodHolding(req, originalDoc.id, FREEZING_STATUSES)
  if (holding) throw frozenInstrumentError(holding)
  return data
}
