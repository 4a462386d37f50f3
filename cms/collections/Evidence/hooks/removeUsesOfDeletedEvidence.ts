import type { CollectionBeforeDeleteHook } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'

/**
 * A deleted file no longer supports any question: its uses go first, while they still name it (on
 * SQLite the foreign key would empty them afterwards). The council may delete only files no
 * submitted report uses (see ../access.ts), so only uses in editable reports are removed here; it
 * removes them as the system because those uses may belong to several of the city's reports.
 */
export const removeUsesOfDeletedEvidence: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: COLLECTIONS.evidenceUses,
    where: { evidence: { equals: id } },
    overrideAccess: true,
    req,
  })
}
