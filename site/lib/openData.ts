import type { Locale } from './locale.ts'
import type { Datapackage } from './snapshot.ts'
import { formatDate } from './updates.ts'

/**
 * The open-data files are served from one address for both languages, under the names the CMS
 * gives them, so a download link keeps working from one snapshot to the next.
 */
export const OPEN_DATA_PATH = '/data/'

export const openDataHref = (file: string) => `${OPEN_DATA_PATH}${file}`

export interface ResourceView {
  name: string
  path: string
  href: string
  title: string
  format: string
  size: string | null
  records: number | null
}

export interface OpenDataView {
  created: string
  createdLabel: string
  licence: { name: string; title: string; href: string | null }
  /** Where data of the package comes from, credited as its licence asks. */
  sources: { title: string; href: string | null }[]
  packageHref: string
  resources: ResourceView[]
}

const NUMBER_TAG: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' }

/** Titles in the data package read "Indonesian / English". */
export function titleIn(title: string, locale: Locale): string {
  const [indonesian, english] = title.split(' / ')
  return (locale === 'en' ? english : indonesian)?.trim() || title
}

export function formatBytes(bytes: number, locale: Locale): string {
  const [value, unit] = bytes < 1024 ? [bytes, 'byte'] : bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / 1024 / 1024, 'megabyte']
  return new Intl.NumberFormat(NUMBER_TAG[locale], {
    style: 'unit',
    unit,
    // Short units (kB, MB), but bytes in words: the short English form is "988 byte".
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(value)
}

/**
 * The data package's files for the open-data page, tables first (CSV then JSON of the same table),
 * each titled in the page's language. A JSON file without a title borrows its table's.
 */
export function openDataView(datapackage: Datapackage, locale: Locale): OpenDataView {
  const baseName = (name: string) => name.replace(/-(json|csv)$/, '')
  const titles = new Map(
    datapackage.resources.flatMap((resource) => (resource.title ? [[baseName(resource.name), resource.title] as const] : [])),
  )
  const order = [...new Set(datapackage.resources.map((resource) => baseName(resource.name)))]
  // A table's CSV holds the records its JSON counts.
  const counts = new Map(
    datapackage.resources.flatMap((resource) => (resource.count === undefined ? [] : [[baseName(resource.name), resource.count] as const])),
  )
  const [licence] = datapackage.licenses
  return {
    created: datapackage.created,
    createdLabel: formatDate(datapackage.created, locale),
    licence: { name: licence.name, title: licence.title ?? licence.name, href: licence.path ?? null },
    sources: (datapackage.sources ?? []).map((source) => ({ title: titleIn(source.title, locale), href: source.path ?? null })),
    packageHref: openDataHref('datapackage.json'),
    resources: [...datapackage.resources]
      .sort(
        (a, b) =>
          order.indexOf(baseName(a.name)) - order.indexOf(baseName(b.name)) ||
          (a.format ?? '').localeCompare(b.format ?? ''),
      )
      .map((resource) => {
        const title = titles.get(baseName(resource.name))
        return {
          name: resource.name,
          path: resource.path,
          href: openDataHref(resource.path),
          title: title ? titleIn(title, locale) : baseName(resource.name),
          format: (resource.format ?? resource.path.split('.').pop() ?? '').toUpperCase(),
          size: resource.bytes === undefined ? null : formatBytes(resource.bytes, locale),
          records: resource.count ?? counts.get(baseName(resource.name)) ?? null,
        }
      }),
  }
}
