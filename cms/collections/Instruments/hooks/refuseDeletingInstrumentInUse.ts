import { APIError, type CollectionBeforeDeleteHook } from 'payload'

import { frozenInstrumentError, periodHolding } from './freezeInstrumentInUse.ts'

/**
 * Refuses deleting an instrument any period uses. Unlike editing, this includes upcoming periods:
 * a period cannot exist without its instrument, and the deletion would leave it pointing nowhere.
 */
export const refuseDeletingInstrumentInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (!req.user) return
  const holding = await periodHolding(req, id, ['upcoming', 'open', 'closed'])
  if (!holding) return
  if (holding.status !== 'upcoming') throw frozenInstrumentError(holding)
  throw new APIError(
    `Instrumen ini dipakai periode "${holding.title.id}" yang akan datang. Pilih instrumen lain untuk periode itu sebelum menghapus. / ` +
      `This instrument is used by the upcoming period "${holding.title.en}". Choose another instrument for that period before deleting it.`,
    409,
    null,
    true,
  )
}
