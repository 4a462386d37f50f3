import { type CollectionBeforeValidateHook, type CollectionSlug, Forbidden } from 'payload'

import { type AccessUser, isCouncil, isCouncilOfCity } from '../access/predicates.ts'
import { idOf, type Ref } from '../domain/ids.ts'
import { asSystem } from '../server/asSystem.ts'

/**
 * Copies `city` (and any other named fields, e.g. `program`) from the parent a record points to, so that access
 * rules can filter on the record's own city. A council member cannot attach a record to a parent
 * of another city.
 */
export const inheritCityFromParent =
  (parentField: string, parentCollection: CollectionSlug, copy: string[] = ['city']): CollectionBeforeValidateHook =>
  async ({ data, req, originalDoc }) => {
    if (!data) return data
    const parentId = idOf((data[parentField] ?? originalDoc?.[parentField]) as Ref | undefined)
    if (parentId === undefined) return data
    const parent = (await asSystem(req, 'the parent decides the city, also when the person may not read it').findByID(
      parentCollection,
      parentId,
    )) as Record<string, unknown> | null
    if (!parent) return data
    const user = req.user as AccessUser
    if (isCouncil(user) && !isCouncilOfCity(user, parent.city as Ref)) {
      throw new Forbidden(req.t)
    }
    for (const field of copy) data[field] = parent[field]
    return data
  }
