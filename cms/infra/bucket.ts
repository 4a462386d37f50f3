/**
 * The bucket of uploaded files as the environment names it (`S3_*`), and the public addresses of
 * its photos. No imports: the site's and the admin's security headers read the photos' origin from
 * here, and astro.config.mjs loads it as it is.
 */

/** Environment variables, as `process.env` holds them. */
type Env = Record<string, string | undefined>

/** The S3 client settings Pantau sets (a subset of the AWS SDK's `S3ClientConfig`). */
export interface BucketClientConfig {
  region: string
  forcePathStyle: boolean
  endpoint?: string
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

export interface BucketSettings {
  bucket: string
  /** Base of the public addresses of media files, without a trailing slash. */
  publicBaseUrl: string
  client: BucketClientConfig
}

/** The bucket settings from the environment, or null when files stay on disk. */
export function bucketSettings(env: Env = process.env): BucketSettings | null {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return null
  const endpoint = env.S3_ENDPOINT?.trim() || undefined
  const region = env.S3_REGION?.trim() || 'us-east-1'
  const forcePathStyle = env.S3_FORCE_PATH_STYLE === 'true'
  const credentials =
    env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
      : undefined
  const defaultBase = endpoint
    ? forcePathStyle
      ? `${endpoint.replace(/\/$/, '')}/${bucket}`
      : endpoint.replace(/^(https?:\/\/)/, `$1${bucket}.`).replace(/\/$/, '')
    : `https://${bucket}.s3.${region}.amazonaws.com`
  return {
    bucket,
    publicBaseUrl: (env.S3_PUBLIC_URL?.trim() || defaultBase).replace(/\/$/, ''),
    client: { region, forcePathStyle, ...(endpoint ? { endpoint } : {}), ...(credentials ? { credentials } : {}) },
  }
}

/** The public address of a media file (or one of its sizes) in the bucket. */
export function publicMediaUrl(settings: BucketSettings, filename: string, prefix: string | undefined): string {
  const key = [prefix || 'media', filename].map((part) => part.split('/').map(encodeURIComponent).join('/')).join('/')
  return `${settings.publicBaseUrl}/${key}`
}

/** The origin photos are shown from when they live in the bucket, else null. */
export function mediaOrigin(env: Env = process.env): string | null {
  const settings = bucketSettings(env)
  return settings ? new URL(settings.publicBaseUrl).origin : null
}

/** The origins the pages' image policy adds for photos (the admin's, the site's, its `_headers`). */
export function photoOrigins(env: Env = process.env): string[] {
  const origin = mediaOrigin(env)
  return origin ? [origin] : []
}
