import type { PayloadRequest } from 'payload'

import { COLLECTIONS } from '../constants.ts'
import type { Evidence } from '../payload-types.ts'
import { idOf, type ID } from '../domain/ids.ts'

/**
 * The evidence of `city` already holding the file with this fingerprint, if the person may read it.
 * The lookup runs with the person's own read access, so it can never reveal that another city, or
 * a report they may not see, holds the same file.
 */
export async function findSameEvidence(
  req: PayloadRequest,
  { city, sha256, except }: { city: unknown; sha256: string; except?: ID },
): Promise<Evidence | undefined> {
  const cityId = idOf(city as ID | { id: ID } | undefined)
  if (cityId === undefined || !req.user) return undefined
  const { docs } = await req.payload.find({
    collection: COLLECTIONS.evidence,
    where: {
      and: [
        { sha256: { equals: sha256 } },
        { city: { equals: cityId } },
        ...(except === undefined ? [] : [{ id: { not_equals: except } }]),
      ],
    },
    sort: 'createdAt',
    depth: 0,
    limit: 1,
    user: req.user,
    overrideAccess: false,
    req,
  })
  return docs[0]
}
