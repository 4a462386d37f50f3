import { APIError, type CollectionBeforeLoginHook } from 'payload'

import { problem } from '../../../domain/problems.ts'
import { messageFor } from '../../../server/problemsError.ts'

export const demoAccountsAllowed = (): boolean =>
  process.env.NODE_ENV !== 'production' || process.env.PANTAU_DEMO_ACCOUNTS === 'true'

/** Demo accounts have published passwords: a production server refuses them unless told otherwise. */
export const refuseDemoLoginInProduction: CollectionBeforeLoginHook = ({ req, user }) => {
  if (user?.isDemo && !demoAccountsAllowed()) {
    throw new APIError(messageFor(req, problem('login.demoDisabled')), 403, undefined, true)
  }
  return user
}
