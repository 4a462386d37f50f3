import fs from 'node:fs/promises'
import path from 'node:path'

import { loadSiteData } from './siteData.ts'

const CONTENT_TYPES = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const
type Format = keyof typeof CONTENT_TYPES

/** The snapshot files the data package lists, and the package itself, of one format. */
export function openDataFileNames(resources: readonly { path: string }[], format: Format): string[] {
  return ['datapackage.json', ...resources.map((resource) => resource.path)].filter((file) => file.endsWith(`.${format}`))
}

/** Route parameters for `/data/[file].<format>`: the file name without its extension. */
export async function openDataPaths(format: Format) {
  const { snapshot } = await loadSiteData()
  return openDataFileNames(snapshot.datapackage.resources, format).map((file) => ({
    params: { file: file.slice(0, -(format.length + 1)) },
  }))
}

/**
 * A snapshot file as the CMS wrote it: the download is the checked snapshot the pages were built
 * from, so what the public reads and what it downloads are the same facts.
 */
export async function openDataFile(file: string): Promise<Response> {
  const { dir, snapshot } = await loadSiteData()
  const format = path.extname(file).slice(1) as Format
  if (!(format in CONTENT_TYPES) || !openDataFileNames(snapshot.datapackage.resources, format).includes(file)) {
    return new Response(null, { status: 404 })
  }
  return new Response(await fs.readFile(path.join(dir, file)), { headers: { 'Content-Type': CONTENT_TYPES[format] } })
}
