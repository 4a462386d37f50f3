/** The development-only secret; a production start refuses it. */
export const DEVELOPMENT_SECRET = 'pantau-development-secret-do-not-use-in-production'

const MIN_SECRET_LENGTH = 32

/**
 * `PAYLOAD_SECRET` signs sessions and encrypts tokens. Development and tests fall back to a fixed
 * secret; production refuses to start without a long, non-default one.
 */
export function resolveSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.PAYLOAD_SECRET?.trim()
  if (env.NODE_ENV !== 'production') return secret || DEVELOPMENT_SECRET
  if (!secret || secret === DEVELOPMENT_SECRET || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `PAYLOAD_SECRET wajib diisi di produksi (minimal ${MIN_SECRET_LENGTH} karakter acak, bukan nilai bawaan). / ` +
        `PAYLOAD_SECRET must be set in production (at least ${MIN_SECRET_LENGTH} random characters, not the default). ` +
        'Generate one with: node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'hex\'))"',
    )
  }
  return secret
}
