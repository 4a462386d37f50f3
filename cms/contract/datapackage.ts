/**
 * The Frictionless Data Package that describes the snapshot (`datapackage.json`): what the CMS
 * says about the whole package (name, licence, description) and the part of it the site reads to
 * list the downloads and their licence. The per-table part (titles, CSV columns) is in tables.ts.
 */
import { z } from 'zod'

import { isoDate } from './records.ts'

export const DATAPACKAGE_FILE = 'datapackage.json'
/** What the package holds and how to read it, for a person rather than a program. */
export const README_FILE = 'README.md'
/** The folder of the per-city downloads in the snapshot, and under /data/ on the site. */
export const CITY_DOWNLOAD_DIR = 'kota'
/** A city's download: its tables as CSV, filtered to its rows, in one ZIP named by the city's page address. */
export const cityDownloadFile = (city: { slug: string }) => `${city.slug}.zip`

export const SNAPSHOT_LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0',
} as const

/**
 * Where data of the package comes from, credited as its licence asks: the region codes and names of
 * the cities (Kemendagri's list, from `idn-area-data`, under the Open Database License). Titles read
 * "Indonesian / English", as the tables'.
 */
export const SNAPSHOT_SOURCES = [
  {
    title:
      'Kode dan nama wilayah: idn-area-data (Kemendagri), Open Database License 1.0 / ' +
      'Region codes and names: idn-area-data (Kemendagri), Open Database License 1.0',
    path: 'https://github.com/fityannugroho/idn-area-data',
  },
] as const

/** What the package says about itself, beside its licence, creation date and resources. */
export const SNAPSHOT_PACKAGE = {
  profile: 'data-package',
  name: 'pantau-smart-city',
  title: 'Pantau: data terbuka / open data',
  description:
    'Kemajuan kota dalam Gerakan Menuju 100 Smart City: kota, dimensi, program publik dengan indikator dan ' +
    'capaiannya, kabar terbit, media dan skor evaluasi yang diterima. / Progress of the cities of the 100 Smart ' +
    'City Movement: cities, pillars, public programmes with their indicators and measurements, published ' +
    'updates, media and accepted evaluation scores.',
  keywords: ['smart city', 'Indonesia', 'open data'],
} as const

/** The CSV dialect of every table, as the writer (cms/snapshot/csv.ts) produces it: RFC 4180. */
export const CSV_DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true } as const

export const datapackageSchema = z.object({
  name: z.string().min(1),
  title: z.string().optional(),
  created: isoDate,
  licenses: z
    .array(z.object({ name: z.string().min(1), path: z.string().optional(), title: z.string().optional() }))
    .min(1),
  sources: z.array(z.object({ title: z.string().min(1), path: z.string().optional() })).optional(),
  resources: z
    .array(
      z.object({
        name: z.string().min(1),
        // A bare file name: the site serves each file under /data/ by this name.
        path: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, { message: 'Not a plain file name' }),
        title: z.string().optional(),
        format: z.string().optional(),
        bytes: z.number().int().nonnegative().optional(),
        count: z.number().int().nonnegative().optional(),
      }),
    )
    .min(1),
})

export type Datapackage = z.output<typeof datapackageSchema>
