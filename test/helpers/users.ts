import type { Payload } from 'payload'

import { COLLECTIONS, type Role } from '../../cms/constants.ts'
import type { User } from '../../cms/payload-types.ts'

let counter = 0

/** The password of every user made here, for tests that sign in through the REST API. */
export const TEST_PASSWORD = 'correct-horse-battery-staple'

/**
 * Creates a user of the given role (a council member of `cities`) and returns it in the shape the
 * Local API expects for `user`, ready for calls with `overrideAccess: false`.
 */
export async function createUser(
  payload: Payload,
  role: Role,
  cities: (number | string)[] = [],
): Promise<User & { collection: 'users' }> {
  counter += 1
  const user = await payload.create({
    collection: COLLECTIONS.users,
    data: {
      email: `${role}-${counter}-${Date.now()}@example.test`,
      password: TEST_PASSWORD,
      name: `Test ${role} ${counter}`,
      role,
      cities: cities as number[],
    },
  })
  return { ...user, collection: 'users' }
}
