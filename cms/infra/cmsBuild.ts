import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from './paths.ts'

const BUILD_ID = path.join(projectRoot, 'cms', '.next', 'BUILD_ID')

function newestChange(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.next' || entry.name === 'node_modules') continue
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

/** Whether there is a CMS build at all. */
export const cmsBuildExists = (): boolean => fs.existsSync(BUILD_ID)

/**
 * Whether the CMS's production build (`cms/.next`) was made from the current sources: newer than
 * every file under `cms/` and than the lock file. `npm start` builds again when it is not; the
 * benches that serve the build say so.
 */
export function cmsBuildIsCurrent(): boolean {
  if (!cmsBuildExists()) return false
  const built = fs.statSync(BUILD_ID).mtimeMs
  const inputs = [newestChange(path.join(projectRoot, 'cms')), fs.statSync(path.join(projectRoot, 'package-lock.json')).mtimeMs]
  return inputs.every((time) => time < built)
}
