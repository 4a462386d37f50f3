import { type CollectionBeforeValidateHook, Forbidden } from 'payload'

import { type AccessUser, isCouncil, mayWriteCity } from '../access/predicates.ts'
import type { Ref } from '../domain/ids.ts'

/**
 * The create rule's city check, asked again of the record as it will be saved. The create rule
 * (`createCityRecord`) lets a council member open an empty form, where nothing names a city yet; a
 * duplicate arrives the same way (an empty body, the copied city filled in by Payload only after the
 * rule has run). Here the city is known: a council member creates records of its own cities only.
 */
export const refuseOtherCitysRecord: CollectionBeforeValidateHook = ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const user = req.user as AccessUser
  // No city at all is for the required field to refuse, in words.
  if (isCouncil(user) && data.city != null && !mayWriteCity(user, data.city as Ref)) throw new Forbidden(req.t)
  return data
}
