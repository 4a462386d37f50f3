/**
 * The HTTP security headers of Pantau's two faces, defined once for every server that sends them:
 * the admin and API (cms/next.config.mjs, and cms/proxy.ts for the admin's per-page policy), the
 * public site as `npm start` serves it (astro.config.mjs `server.headers`, which `astro preview`
 * sends) and as a static host or CDN serves it (the `_headers` file astro.config.mjs writes into the
 * built site, in the format of Netlify and Cloudflare Pages). A server added later (a small static
 * server for the site, a reverse proxy) takes its list from here too.
 *
 * Plain TypeScript without imports, so Next.js's and Astro's config files can load it as they are.
 */

export interface Header {
  key: string
  value: string
}

/** A Content-Security-Policy written as directives, one per key. */
const policy = (directives: Record<string, string>): string =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources}`.trim())
    .join('; ')

const PERMISSIONS = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ')

/**
 * Sent with every page and answer of both faces: no guessing of content types, no full addresses
 * (which name documents) sent to other sites, no camera, microphone or location, no framing by other
 * sites (X-Frame-Options for browsers without CSP `frame-ancestors`), no shared window with pages
 * that open Pantau.
 */
export const BASE_HEADERS: Header[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: PERMISSIONS },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]

/** HTTPS only from now on, for two years; sent only over HTTPS, where browsers heed it. */
export const HSTS: Header = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }

/** Where Payload's code editor (the admin's JSON fields) loads Monaco from, scripts, styles and fonts. */
const MONACO_CDN = 'https://cdn.jsdelivr.net'

/**
 * The admin (Payload's React app). Scripts run only with the nonce the proxy gives each page, and
 * what those scripts load themselves (`strict-dynamic`: Next.js's chunks, the code editor's loader);
 * Next.js puts the nonce on its own scripts. Styles may be inline: React style attributes and the
 * admin's select boxes need it; the code editor brings its stylesheet and font from its CDN.
 * Evidence previews are blob: URLs, shown in a frame (PDF) or as an image. In development, Next.js's
 * reloader needs `eval` and a websocket.
 */
export function adminContentSecurityPolicy(nonce: string, { development = false, imageOrigins = [] as string[] } = {}): string {
  return policy({
    'default-src': "'self'",
    'script-src': `'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    'style-src': `'self' 'unsafe-inline' ${MONACO_CDN}`,
    'img-src': ["'self' data: blob:", ...imageOrigins].join(' '),
    'font-src': `'self' data: ${MONACO_CDN}`,
    'connect-src': `'self'${development ? ' ws: wss:' : ''}`,
    'frame-src': "'self' blob:",
    'worker-src': "'self' blob:",
    // A PDF preview in a frame is drawn by the browser's viewer, which this directive governs.
    'object-src': 'blob:',
    'base-uri': "'self'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
  })
}

/** The API: JSON and files, nothing to run, nothing to embed. Uploaded files add `sandbox` (infra/uploadHeaders.ts). */
export const API_CONTENT_SECURITY_POLICY = policy({
  'default-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
})

/**
 * The public site: its own scripts and styles only (the built site has no inline script or
 * stylesheet), images of its own and of the CMS (programme photos are served by the CMS, or from
 * `imageOrigins`: the bucket or CDN holding them, cms/infra/bucket.ts). Style
 * attributes are allowed: the pages set bar lengths and pillar colours as CSS variables in them.
 * The search runs Pagefind's WebAssembly, which a browser compiles only under 'wasm-unsafe-eval'
 * (it allows compiling WebAssembly the site serves itself, not JavaScript's eval).
 */
export function siteContentSecurityPolicy(cmsOrigin: string, imageOrigins: string[] = []): string {
  return policy({
    'default-src': "'self'",
    'script-src': "'self' 'wasm-unsafe-eval'",
    'style-src': "'self'",
    'style-src-attr': "'unsafe-inline'",
    'img-src': [`'self' data: ${new URL(cmsOrigin).origin}`, ...imageOrigins].join(' '),
    'font-src': "'self'",
    'connect-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'self'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
  })
}

/** Every header of the public site; `https` adds HSTS (a CDN's HTTPS address, not `npm start`'s http://localhost). */
export function siteHeaders({ cmsOrigin, https, imageOrigins = [] }: { cmsOrigin: string; https: boolean; imageOrigins?: string[] }): Header[] {
  return [...BASE_HEADERS, { key: 'Content-Security-Policy', value: siteContentSecurityPolicy(cmsOrigin, imageOrigins) }, ...(https ? [HSTS] : [])]
}

/** `headers` as an object, as Astro's `server.headers` and a Node server take them. */
export const headerObject = (headers: Header[]): Record<string, string> => Object.fromEntries(headers.map(({ key, value }) => [key, value]))

/**
 * A `_headers` file for static hosts and CDNs (Netlify, Cloudflare Pages): `headers` for every path.
 * Other hosts (nginx, S3 + CloudFront, Caddy) take the same list as their own configuration.
 */
export function headersFile(headers: Header[]): string {
  const lines = headers.map(({ key, value }) => `  ${key}: ${value}`)
  return ['# Security headers of the Pantau public site (cms/infra/securityHeaders.ts)', '/*', ...lines, ''].join('\n')
}
