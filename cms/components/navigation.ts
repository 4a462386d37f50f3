/**
 * Which collections each role finds in the admin's navigation: the ones it works with, nothing it
 * cannot use. One table, applied to the collections in payload.config.ts, so a collection's own
 * config stays about its data. Hiding is not access: the rules in cms/access/ still decide what a
 * person may read or change, here or through the API.
 */
import type { CollectionConfig } from 'payload'

import { type AccessUser } from '../access/predicates.ts'
import { COLLECTIONS, ROLES, type Role } from '../constants.ts'

const { secretariat, council, assessor } = ROLES

/** The roles that see each collection in the navigation; a collection not listed is the secretariat's alone. */
export const NAVIGATION: Partial<Record<string, Role[]>> = {
  [COLLECTIONS.cities]: [secretariat, council],
  [COLLECTIONS.programs]: [secretariat, council],
  [COLLECTIONS.indicators]: [secretariat, council],
  [COLLECTIONS.measurements]: [secretariat, council],
  [COLLECTIONS.updates]: [secretariat, council],
  [COLLECTIONS.media]: [secretariat, council],
  [COLLECTIONS.reports]: [secretariat, council, assessor],
  [COLLECTIONS.evidence]: [secretariat, council],
  [COLLECTIONS.reviews]: [secretariat, assessor],
  [COLLECTIONS.notices]: [secretariat, council, assessor],
}

export const rolesSeeing = (slug: string): Role[] => NAVIGATION[slug] ?? [secretariat]

/** The collections with `admin.hidden` set from the table, for everyone whose role is not listed. */
export function withRoleNavigation(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((collection) => {
    const roles = rolesSeeing(collection.slug)
    return {
      ...collection,
      admin: {
        ...collection.admin,
        hidden: ({ user }) => !roles.includes((user as AccessUser)?.role as Role),
      },
    }
  })
}
