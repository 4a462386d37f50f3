import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, from which data/ and the site are found whatever the working directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Where uploads are written when no object storage is configured (`UPLOAD_DIR`, default `data/uploads`). */
export const uploadRoot = (): string =>
  path.resolve(projectRoot, process.env.UPLOAD_DIR || path.join('data', 'uploads'))

/**
 * The folder the public site is built into and served from: `PANTAU_SITE_TARGET` (relative to the
 * project root), default `dist/site`. The publish job swaps each new build in here, astro.config.mjs
 * writes here, and the static server (scripts/serveSite.ts) serves it.
 */
export const siteOutDir = (): string =>
  path.resolve(projectRoot, process.env.PANTAU_SITE_TARGET || path.join('dist', 'site'))
