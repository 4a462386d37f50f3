/**
 * The public site's production server: serves the built static site (`dist/site`, or the folder the
 * publish job writes to, `PANTAU_SITE_TARGET`) as a static host would. `npm start` runs it; an
 * operator can run it alone: `node scripts/serveSite.ts [folder]` (`SITE_PORT`, `SITE_HOST`,
 * `PANTAU_SITE_DIR`).
 *
 * - Compresses text answers (gzip or Brotli, as the browser asks).
 * - Cache rules of cms/infra/siteCaching.ts: hashed files immutable, everything else revalidated by
 *   ETag; the security headers of cms/infra/securityHeaders.ts on every answer, 404s included.
 * - `/kota/ambon` redirects to `/kota/ambon/` when that folder has a page (the site's URLs end in a
 *   slash); a missing page gets the site's own 404 page; no folder listings, no dotfiles, nothing
 *   outside the folder; only GET and HEAD.
 *
 * The publish job replaces the folder by two renames while this runs (cms/jobs/publishSite.ts). sirv
 * therefore runs in its `dev` mode, which looks each request's file up on disk instead of listing
 * the folder once at start: its list would miss new pages, and its cached sizes would no longer match
 * the files after a publish. The lookup costs a few `stat` calls per request: on loopback, page
 * answers took as long as with the cached list, within the noise (about 0.3 ms at the median).
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { Readable } from 'node:stream'

import nextEnv from '@next/env'
import compression from 'compression'
import sirv from 'sirv'

import { projectRoot, siteOutDir } from '../cms/infra/paths.ts'
import { photoOrigins } from '../cms/infra/bucket.ts'
import { headerObject, siteHeaders } from '../cms/infra/securityHeaders.ts'
import { cacheControlFor, REVALIDATE_CACHE } from '../cms/infra/siteCaching.ts'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void
type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void

export type SiteServerOptions = {
  /** The built site. */
  dir: string
  /** The CMS's address, whose images the pages show (the Content-Security-Policy allows it). */
  cmsOrigin: string
  /** Other origins of the pages' photos (a bucket or CDN, cms/infra/bucket.ts). */
  imageOrigins?: string[]
}

const MESSAGES = {
  badRequest: { id: 'Permintaan tidak valid', en: 'Bad request' },
  notFound: { id: 'Halaman tidak ditemukan', en: 'Page not found' },
  methodNotAllowed: { id: 'Metode tidak diizinkan', en: 'Method not allowed' },
}

/** The reader's language for a plain error text: English when it comes first in Accept-Language, else Indonesian. */
const languageOf = (req: http.IncomingMessage): 'id' | 'en' => (/^\s*en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'id')

function answerPlain(req: http.IncomingMessage, res: http.ServerResponse, status: number, message: keyof typeof MESSAGES): void {
  res.statusCode = status
  res.setHeader('Cache-Control', REVALIDATE_CACHE)
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.end(`${MESSAGES[message][languageOf(req)]}\n`)
}

/** The site path a request asks for, decoded; null when it does not decode or climbs out with `..`. */
function sitePath(pathname: string): string | null {
  if (!pathname.startsWith('/')) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.split(/[/\\]/).some((segment) => segment === '..')) return null
  return decoded
}

/** Files a static host keeps to itself: dotfiles (but `.well-known`) and the `_headers` it reads. */
const isPrivate = (decoded: string): boolean =>
  decoded === '/_headers' || decoded.split('/').some((segment) => segment.startsWith('.') && segment !== '.well-known')

/** Whether a path without its trailing slash names a folder with a page, which a static host redirects to. */
function isPageFolder(root: string, decoded: string): boolean {
  return fs.statSync(path.join(root, decoded, 'index.html'), { throwIfNoEntry: false })?.isFile() ?? false
}

/**
 * sirv states a file's length from one lookup and then opens the file by name. A publish swapping the
 * folder in between gives a body longer or shorter than stated: a longer one would spill into the
 * connection's next answer, a shorter one leave the browser waiting. Such an answer (or one whose
 * file vanished) is cut off instead, which a browser sees as a failed load.
 */
function keepToStatedLength(res: http.ServerResponse, size: number): void {
  res.once('pipe', (source: Readable) => {
    let read = 0
    const cutOff = () => {
      source.destroy()
      res.destroy()
    }
    source.prependListener('data', (chunk: Buffer) => {
      read += chunk.length
      if (read > size) cutOff()
    })
    source.prependOnceListener('end', () => {
      if (read !== size) cutOff()
    })
    source.once('error', cutOff)
  })
}

/** The request handler of the site server; see the file's comment for what it does. */
export function siteHandler({ dir, cmsOrigin, imageOrigins = [] }: SiteServerOptions): Handler {
  const root = path.resolve(dir)
  const security = Object.entries(headerObject(siteHeaders({ cmsOrigin, https: false, imageOrigins })))
  const files = sirv(root, { dev: true, etag: true, extensions: ['html'], setHeaders: (res, _pathname, stats) => keepToStatedLength(res, stats.size) })
  const compress = compression() as unknown as Middleware

  const notFound = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    res.setHeader('Cache-Control', REVALIDATE_CACHE)
    fs.readFile(path.join(root, '404.html'), (error, page) => {
      if (error) return answerPlain(req, res, 404, 'notFound')
      res.statusCode = 404
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.end(page)
    })
  }

  const route = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return answerPlain(req, res, 405, 'methodNotAllowed')
    }
    const url = req.url ?? '/'
    const queryAt = url.indexOf('?')
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt)
    const decoded = sitePath(pathname)
    if (decoded === null) return answerPlain(req, res, 400, 'badRequest')
    if (isPrivate(decoded)) return notFound(req, res)

    if (!decoded.endsWith('/') && !pathname.startsWith('//') && isPageFolder(root, decoded)) {
      res.statusCode = 301
      res.setHeader('Cache-Control', REVALIDATE_CACHE)
      res.setHeader('Location', `${pathname}/${queryAt === -1 ? '' : url.slice(queryAt)}`)
      return void res.end()
    }

    res.setHeader('Cache-Control', cacheControlFor(decoded))
    // sirv's own range handling misreads suffix ranges and would be compressed besides: whole files only.
    delete req.headers.range
    files(req, res, () => notFound(req, res))
  }

  return (req, res) => {
    for (const [key, value] of security) res.setHeader(key, value)
    compress(req, res, () => route(req, res))
  }
}

/** The site server, listening on `port` at `host` (port 0: a free one). */
export async function startSiteServer(options: SiteServerOptions & { port: number; host: string }): Promise<http.Server> {
  const server = http.createServer(siteHandler(options))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  return server
}

/** The folder to serve: the argument, else `PANTAU_SITE_DIR`, else where the publish job writes. */
export function siteDirFrom(argument: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (argument) return path.resolve(argument)
  if (env.PANTAU_SITE_DIR) return path.resolve(projectRoot, env.PANTAU_SITE_DIR)
  return siteOutDir()
}

async function main(): Promise<void> {
  // The root `.env` counts here as it does for the CMS (cms/next.config.mjs); set variables win.
  nextEnv.loadEnvConfig(projectRoot, false, { info: () => undefined, error: console.error })
  const dir = siteDirFrom(process.argv[2])
  const port = Number(process.env.SITE_PORT || 4321)
  const host = process.env.SITE_HOST || 'localhost'
  const cmsOrigin = process.env.PAYLOAD_PUBLIC_SERVER_URL || 'http://localhost:3000'
  const server = await startSiteServer({ dir, port, host, cmsOrigin, imageOrigins: photoOrigins() })

  console.log(`[pantau-site] Situs publik dari / public site from ${path.relative(process.cwd(), dir) || dir} di / at http://${host}:${port}/`)
  const stop = () => {
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    // Answers still being sent get a moment to finish.
    setTimeout(() => server.closeAllConnections(), 3000).unref()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(`[pantau-site] Gagal / Failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
