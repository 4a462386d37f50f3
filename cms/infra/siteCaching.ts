/**
 * How long browsers and caches may keep each file of the public site, defined once for both ways it
 * is served: the static server of `npm start` (scripts/serveSite.ts) and a static host or CDN (the
 * `_headers` file astro.config.mjs writes into the built site, after the security headers).
 *
 * Files whose names carry a hash of their content (Astro's `/_astro/` bundles, Pagefind's index and
 * fragment files) never change under that name, so they are kept for a year without asking again.
 * Every other file (pages, CSV and ZIP downloads, JSON, share images, Pagefind's entry files) keeps its
 * name from one publish to the next: caches may store it but ask again (ETag) before each use. A
 * publish then reaches the very next page view, and a page never meets the search index or the
 * stylesheets of another publish, whose hashed files the publish removed.
 *
 * Plain TypeScript without imports, so astro.config.mjs can load it as it is.
 */

/** For files named by their content: a year, never revalidated. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable'

/**
 * For everything else: stored, revalidated on every use. It is also what Netlify and Cloudflare
 * Pages send when no rule says otherwise, which is why `_headers` needs no `/*` rule for it.
 */
export const REVALIDATE_CACHE = 'public, max-age=0, must-revalidate'

/** Folders whose files are named by a hash of their content: Astro's bundles and Pagefind's index. */
export const HASHED_FOLDERS = ['/_astro/', '/pagefind/fragment/', '/pagefind/index/'] as const

/** The Cache-Control of the file at a site path (decoded, starting with `/`). */
export const cacheControlFor = (pathname: string): string =>
  HASHED_FOLDERS.some((folder) => pathname.startsWith(folder)) ? IMMUTABLE_CACHE : REVALIDATE_CACHE

/**
 * The cache rules as `_headers` blocks (Netlify, Cloudflare Pages). Only the hashed folders get a
 * rule: a host joins the values of every rule matching a path, so a `/*` rule with the short value
 * would turn `/_astro/*`'s into a contradiction. The rest is left to the host's default (see
 * REVALIDATE_CACHE); a host with another default takes both values from here as its configuration.
 */
export function cacheHeadersFile(): string {
  return [
    `# Cache rules of the Pantau public site (cms/infra/siteCaching.ts); every other path: Cache-Control: ${REVALIDATE_CACHE}`,
    ...HASHED_FOLDERS.flatMap((folder) => [`${folder}*`, `  Cache-Control: ${IMMUTABLE_CACHE}`]),
    '',
  ].join('\n')
}
