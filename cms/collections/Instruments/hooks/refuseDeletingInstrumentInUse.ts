import type { CollectionBeforeDeleteHook } from 'payload'

import { problem } from '../../../domain/problems.ts'

import { frozenInstrumentError, periodHolding } from './freezeInstrumentInUse.ts'

/**
 * Refuses deleting an instrument any period uses. Unlike editing, this includes upcoming periods:
 * a period cannot exist without its instrument, and the deletion would leave it pointing nowhere.
 */
export const refuseDeletingInstrumentInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (!req.user) return
  const holding = await periodHolding(req, id, ['upcoming', 'open', 'closed'])
  if (!holding) return
  if (holding.status !== 'upcoming') throw frozenInstrumentError(req, holding)
  throw frozenInstrumentError(req, holding, problem('instrument.inUpcomingPeriod', { params: { period_id: holding.title.id, period_en: holding.title.en } }))
}
