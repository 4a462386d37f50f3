import fs from 'node:fs/promises'
import path from 'node:path'

import { CITY_DOWNLOAD_DIR, cityDownloadFile, DATAPACKAGE_FILE, README_FILE, type TableName } from '../../cms/contract/index.ts'
import { loadSiteData } from './siteData.ts'

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  zip: 'application/zip',
} as const
type Format = 'json' | 'csv'

/** The snapshot files the data package lists, and the package itself, of one format. */
export function openDataFileNames(resources: readonly { path: string }[], format: Format): string[] {
  return [DATAPACKAGE_FILE, ...resources.map((resource) => resource.path)].filter((file) => file.endsWith(`.${format}`))
}

/**
 * Every file of the snapshot in `dir` that the site publishes under `/data/`, relative to the
 * snapshot: the data package, its tables in both formats, its README and each city's ZIP (the cities
 * of `cities.json`). Read from the files themselves, which the pages' build has checked.
 */
export async function publishedDataFiles(dir: string): Promise<string[]> {
  const readJson = async <T>(file: string) => JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as T
  const [datapackage, cities] = await Promise.all([
    readJson<{ resources: { path: string }[] }>(DATAPACKAGE_FILE),
    readJson<{ slug: string }[]>(`${'cities' satisfies TableName}.json`),
  ])
  return [
    ...openDataFileNames(datapackage.resources, 'json'),
    ...openDataFileNames(datapackage.resources, 'csv'),
    README_FILE,
    ...cities.map((city) => `${CITY_DOWNLOAD_DIR}/${cityDownloadFile(city)}`),
  ]
}

/** Route parameters for `/data/[file].<format>`: the file name without its extension. */
export async function openDataPaths(format: Format) {
  const { snapshot } = await loadSiteData()
  return openDataFileNames(snapshot.datapackage.resources, format).map((file) => ({
    params: { file: file.slice(0, -(format.length + 1)) },
  }))
}

/** Route parameters for `/data/kota/[slug].zip`: one per city of the snapshot. */
export async function cityDownloadPaths() {
  const { snapshot } = await loadSiteData()
  return snapshot.cities.map((city) => ({ params: { slug: city.slug } }))
}

async function snapshotFile(file: string): Promise<Response> {
  const { dir } = await loadSiteData()
  const type = CONTENT_TYPES[path.extname(file).slice(1) as keyof typeof CONTENT_TYPES]
  return new Response(await fs.readFile(path.join(dir, file)), { headers: { 'Content-Type': type } })
}

/**
 * A snapshot file as the CMS wrote it: the download is the checked snapshot the pages were built
 * from, so what the public reads and what it downloads are the same facts.
 */
export async function openDataFile(file: string): Promise<Response> {
  const { snapshot } = await loadSiteData()
  const format = path.extname(file).slice(1) as Format
  if (!(format === 'json' || format === 'csv') || !openDataFileNames(snapshot.datapackage.resources, format).includes(file)) {
    return new Response(null, { status: 404 })
  }
  return snapshotFile(file)
}

/** The package's README, beside the files it describes. */
export const openDataReadme = () => snapshotFile(README_FILE)

/** A city's own download (its rows of every table, with names), as the CMS zipped it. */
export async function cityDownload(slug: string | undefined): Promise<Response> {
  const { snapshot } = await loadSiteData()
  const city = snapshot.cities.find((candidate) => candidate.slug === slug)
  if (!city) return new Response(null, { status: 404 })
  return snapshotFile(`${CITY_DOWNLOAD_DIR}/${cityDownloadFile(city)}`)
}
