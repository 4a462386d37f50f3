import { APIError, type CollectionBeforeChangeHook, type FieldAccess, type PayloadRequest } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'
import { type ID } from '../../../domain/ids.ts'
import { type Problem, problem } from '../../../domain/problems.ts'
import { asSystem } from '../../../server/asSystem.ts'
import { messageFor } from '../../../server/problemsError.ts'

type PeriodStatus = 'upcoming' | 'open' | 'closed'

/**
 * Statuses whose period pins its instrument. An open period is being answered and a closed one has
 * been answered and scored: changing the questions or weights under either would change the meaning
 * of answers and scores already given. An upcoming period has no answers yet, so the secretariat may
 * still polish the instrument it will use.
 */
export const FREEZING_STATUSES: PeriodStatus[] = ['open', 'closed']

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

const frozenCache = new WeakMap<PayloadRequest, Map<string, Promise<HoldingPeriod | null>>>()

/**
 * The open or closed period that freezes `instrument`, looked up once per request: the form asks
 * for every field whether it may still be changed, and the banner asks too.
 */
export function frozenBy(req: PayloadRequest, instrument: ID | undefined): Promise<HoldingPeriod | null> {
  if (instrument === undefined || instrument === null) return Promise.resolve(null)
  const known = frozenCache.get(req) ?? new Map<string, Promise<HoldingPeriod | null>>()
  frozenCache.set(req, known)
  const key = String(instrument)
  if (!known.has(key)) known.set(key, periodHolding(req, instrument, FREEZING_STATUSES))
  return known.get(key) as Promise<HoldingPeriod | null>
}

/**
 * Field access that makes a frozen instrument read-only in the admin form: Payload asks it per
 * document when it builds the form. A save is refused by `freezeInstrumentInUse` all the same (with
 * the period named), which runs before Payload applies field access.
 */
export const unlessFrozen: FieldAccess = async ({ req, id, doc }) => !(await frozenBy(req, (doc?.id ?? id) as ID | undefined))

/** The problem a period holding the instrument makes, for the message and for the admin's banner. */
export const frozenProblem = ({ title, status }: HoldingPeriod): Problem =>
  problem('instrument.frozen', { params: { period_id: title.id, period_en: title.en, status } })

/**
 * Status 409: the instrument itself is fine, it is its use by a period that stands in the way. The
 * message is in the person's admin language; `data.problems` carries it as data.
 */
export const frozenInstrumentError = (req: PayloadRequest, holding: HoldingPeriod, found: Problem = frozenProblem(holding)) =>
  new APIError(messageFor(req, found), 409, { problems: [found] }, true)

/**
 * Refuses a person's change to an instrument that an open or closed period uses. System code
 * acting for no person (the seed re-applying its own data, migrations) is trusted, as in the
 * report workflow.
 */
export const freezeInstrumentInUse: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !req.user || originalDoc?.id === undefined) return data
  const holding = await frozenBy(req, originalDoc.id)
  if (holding) throw frozenInstrumentError(req, holding)
  return data
}
