/**
 * A partial build of the public site, agreed between the publish job, which decides it, and the Astro
 * build, which carries it out. After a change to some cities' records only their pages and the pages
 * about all cities (home, compare, provinces, pillars, open data, feeds) are rendered again; every
 * other file is taken from the site already published.
 *
 * A city's pages show its own records, the list of cities (the names and links of comparable cities)
 * and the tables of no city (pillars, photos). The other cities' pages are therefore exactly as a full
 * build would write them when the change left the `cities` table and the tables of no city as they
 * were; otherwise the whole site is built.
 */
import { TABLE_NAMES, type TableName } from './tables.ts'

/**
 * The tables whose every record belongs to one city (by its `city` field, or its own id for
 * `cities`): a change to one city's records changes only its rows of these. The others (pillars,
 * photos) are small and read whole.
 */
export const CITY_TABLES = ['cities', 'programs', 'indicators', 'measurements', 'updates', 'scores'] as const satisfies readonly TableName[]
export type CityTable = (typeof CITY_TABLES)[number]

/** The city a record of a city table belongs to. */
export const cityOfRecord = (table: CityTable, record: { id: string; city?: string | null }): string => (table === 'cities' ? record.id : String(record.city))

/** The slugs of the cities whose pages a partial build renders again, comma-separated. */
export const SITE_CITIES_ENV = 'PANTAU_SITE_CITIES'
/** The published site a partial build takes every other file from. */
export const SITE_PREVIOUS_ENV = 'PANTAU_SITE_PREVIOUS'

/**
 * The published site whose search index a build carries over instead of writing its own: the publish
 * job indexes the new site once it has swapped it in, so its pages go live without waiting for the
 * index (site/integrations/searchIndex.ts). Unset (an `astro build` by hand): the build writes it.
 */
export const SITE_SEARCH_LATER_ENV = 'PANTAU_SITE_SEARCH_LATER'

/** A partial build: the cities whose pages are rendered again, and the site the rest comes from. */
export type PartialSiteBuild = {
  cities: ReadonlySet<string>
  previous: string
}

/**
 * The partial build the environment asks for: `PANTAU_SITE_PREVIOUS` names the published site, and
 * `PANTAU_SITE_CITIES` the cities to render again (none: only the pages about all cities). Null for a
 * whole build (`PANTAU_SITE_PREVIOUS` unset or empty).
 */
export function partialSiteBuild(env: Record<string, string | undefined>): PartialSiteBuild | null {
  const previous = env[SITE_PREVIOUS_ENV]?.trim()
  const cities = (env[SITE_CITIES_ENV] ?? '')
    .split(',')
    .map((slug) => slug.trim())
    .filter(Boolean)
  return previous ? { cities: new Set(cities), previous } : null
}

/**
 * Set to `message` by the publish job, which starts the build while the snapshot is still being
 * written: Astro starts, bundles the pages and waits, and the job sends the scope (`SiteScopeMessage`)
 * over the IPC channel once the snapshot is written, the pages read no data before it. The scope is
 * then the message's, not `PANTAU_SITE_CITIES` and `PANTAU_SITE_PREVIOUS`.
 */
export const SITE_SCOPE_ENV = 'PANTAU_SITE_SCOPE'
export const SCOPE_BY_MESSAGE = 'message'

/** The go of a build started early: the snapshot is written; build whole (null) or partially. */
export type SiteScopeMessage = { siteScope: { cities: string[]; previous: string } | null }

export const isSiteScopeMessage = (message: unknown): message is SiteScopeMessage =>
  typeof message === 'object' && message !== null && 'siteScope' in message

/**
 * What a build started early sends once it listens for its scope: a message sent before would be
 * lost (a process drops the messages that arrive while nothing listens).
 */
export const SCOPE_WANTED = { siteScopeWanted: true } as const
export const isScopeWanted = (message: unknown): boolean =>
  typeof message === 'object' && message !== null && (message as { siteScopeWanted?: unknown }).siteScopeWanted === true

/** The partial build a scope message names (null: whole). */
export const partialOfMessage = ({ siteScope }: SiteScopeMessage): PartialSiteBuild | null =>
  siteScope ? { cities: new Set(siteScope.cities), previous: siteScope.previous } : null

/**
 * The tables a city's pages read beyond its own rows: the list of cities and every table of no city
 * (a table added to the snapshot counts as one until it is named a city table). A change to any of
 * them rebuilds every page.
 */
const SHARED_TABLES: readonly TableName[] = TABLE_NAMES.filter((table) => table === 'cities' || !(CITY_TABLES as readonly TableName[]).includes(table))

const sameRows = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && JSON.stringify(a) === JSON.stringify(b)

/** The snapshot's tables as either half holds them (ids are numbers in the CMS on SQLite). */
type Tables = Record<Exclude<TableName, 'cities'>, readonly unknown[]> & { cities: readonly { id: string | number; slug: string }[] }

/**
 * The slugs of the cities whose pages must be built again after the snapshot went from `before` to
 * `after` by reading the records of the `touched` cities again, or null when every page must be
 * (a table other pages read changed). A touched city the public does not see has no pages to build.
 */
export function citiesToRebuild(before: Tables, after: Tables, touched: readonly string[]): string[] | null {
  if (SHARED_TABLES.some((table) => !sameRows(before[table], after[table]))) return null
  const ids = new Set(touched.map(String))
  return after.cities.filter((city) => ids.has(String(city.id))).map((city) => city.slug)
}
