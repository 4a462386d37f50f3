/**
 * Every admin component the config names (Pantau's own and those plugins add) is in the committed
 * import map (`cms/app/(payload)/admin/importMap.js`, written by `npm run generate:importmap`). One
 * missing is not a build error: the admin renders nothing in its place, and a missing provider (the
 * storage plugin adds one around the whole admin) leaves every admin page blank.
 */
import fs from 'node:fs'
import path from 'node:path'

import config from '@payload-config'
import { describe, expect, it } from 'vitest'

import { projectRoot } from '../../cms/infra/paths.ts'

const COMPONENT_PATH = /^(\/|@)[^\s#]+#[A-Za-z_$][\w$]*$/

/** The component paths (`file#Export`) anywhere in the built config. */
function componentPaths(root: unknown): Set<string> {
  const found = new Set<string>()
  const seen = new WeakSet<object>()
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (COMPONENT_PATH.test(value)) found.add(value)
      return
    }
    if (!value || typeof value !== 'object' || seen.has(value)) return
    seen.add(value)
    for (const child of Array.isArray(value) ? value : Object.values(value)) walk(child)
  }
  walk(root)
  return found
}

describe('the admin import map', () => {
  it('holds every component the config names', async () => {
    const built = await config
    const text = fs.readFileSync(path.join(projectRoot, 'cms', 'app', '(payload)', 'admin', 'importMap.js'), 'utf8')
    const mapped = new Set([...text.matchAll(/^\s+"([^"]+)": /gm)].map((match) => match[1]))
    const named = [...componentPaths(built)]
    expect(named).toContain('@payloadcms/storage-s3/client#S3ClientUploadHandler')
    expect(named.filter((component) => !mapped.has(component))).toEqual([])
  })
})
