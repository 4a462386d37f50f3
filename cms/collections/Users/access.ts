import type { Access } from 'payload'

import { userOf } from '../../access/rules.ts'
import { hasRole, isSecretariat } from '../../access/predicates.ts'

/**
 * Who may read and manage accounts.
 */

/** The secretariat manages accounts; everyone else sees and edits only their own. */
export const readSelfOrSecretariat: Access = ({ req }) => {
  const user = userOf(req)
  if (isSecretariat(user)) return true
  return hasRole(user) && user ? { id: { equals: user.id } } : false
}
