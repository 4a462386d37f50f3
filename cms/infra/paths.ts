import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, from which data/ and the site are found whatever the working directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Where uploads are written when no object storage is configured (`UPLOAD_DIR`, default `data/uploads`). */
export const uploadRoot = (): string =>
  path.resolve(projectRoot, process.env.UPLOAD_DIR || path.join('data', 'uploads'))
