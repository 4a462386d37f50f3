import { APIError, type CollectionBeforeLoginHook } from 'payload'

export const demoAccountsAllowed = (): boolean =>
  process.env.NODE_ENV !== 'production' || process.env.PANTAU_DEMO_ACCOUNTS === 'true'

/** Demo accounts have published passwords: a production server refuses them unless told otherwise. */
export const refuseDemoLoginInProduction: CollectionBeforeLoginHook = ({ user }) => {
  if (user?.isDemo && !demoAccountsAllowed()) {
    throw new APIError(
      'Akun demo dinonaktifkan di server produksi. / Demo accounts are disabled on a production server (set PANTAU_DEMO_ACCOUNTS=true to allow them).',
      403,
      undefined,
      true,
    )
  }
  return user
}
