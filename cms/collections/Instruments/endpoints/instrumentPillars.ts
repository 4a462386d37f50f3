import type { PayloadRequest } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'
import { asSystem } from '../../../server/asSystem.ts'

/**
 * The pillars by id and by slug: files name a pillar by its slug, which stays the same from one
 * server to the next while database ids do not. A pillar without a slug goes by its id.
 */
export async function instrumentPillars(req: PayloadRequest): Promise<{ slugOf: Map<string, string>; idOf: Map<string, number> }> {
  const docs = await asSystem(req, 'pillars are public facts every instrument file names').find(COLLECTIONS.dimensions, {})
  const slugOf = new Map<string, string>()
  const idOf = new Map<string, number>()
  for (const dimension of docs) {
    const slug = dimension.slug || String(dimension.id)
    slugOf.set(String(dimension.id), slug)
    idOf.set(slug, dimension.id)
  }
  return { slugOf, idOf }
}
