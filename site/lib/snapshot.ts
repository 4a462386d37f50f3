import fs from 'node:fs/promises'
import path from 'node:path'

import { z } from 'astro/zod'

import { citySchema, dimensionSchema, indicatorSchema, measurementSchema, programSchema } from './schemas.ts'

/**
 * The publish snapshot (`npm run snapshot`, or the CMS's `publish-site` job) as the site reads it:
 * the collection schemas the pages already use, extended with what the snapshot adds. A snapshot
 * that does not match stops the build with the file and the path of the first problem.
 */

/** Text in both languages; the same shape the collection schemas read from Payload. */
const requiredText = dimensionSchema.shape.name
const optionalText = programSchema.shape.summary
/** Lexical rich text per language, or null where nobody wrote that language. */
const richText = z.object({ id: z.unknown(), en: z.unknown() })
const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), { message: 'Not an ISO date' })
const id = z.string().min(1)

export const snapshotCitySchema = citySchema.extend({
  profile: richText,
  masterplan: z.array(z.object({ book: z.enum(['I', 'II', 'III']), year: z.number().int().nullable(), url: z.string().nullable() })),
  updatedAt: isoDate,
})

export const snapshotDimensionSchema = dimensionSchema.extend({
  description: optionalText,
  subDimensions: z.array(z.object({ key: z.string().min(1), name: requiredText })),
})

export const snapshotProgramSchema = programSchema.extend({
  subDimension: z.string().nullable(),
  description: richText,
  updatedAt: isoDate,
})

export const snapshotIndicatorSchema = indicatorSchema

export const snapshotMeasurementSchema = measurementSchema.extend({
  city: id,
  source: z.string().nullable(),
})

export const snapshotUpdateSchema = z.object({
  id,
  program: id.nullable(),
  city: id,
  date: isoDate,
  title: requiredText,
  body: richText,
  photos: z.array(id),
})

const imageSize = z.object({ url: z.string().min(1), width: z.number().nullable(), height: z.number().nullable() })

export const snapshotMediaSchema = z.object({
  id,
  alt: requiredText,
  credit: z.string().nullable(),
  url: z.string().min(1),
  mimeType: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  sizes: z.record(z.string(), imageSize),
})

export const snapshotScoreSchema = z.object({
  id,
  /** The accepted report, whose results document the CMS serves to the public. */
  report: id,
  city: id,
  period: id,
  /** The evaluation round's year (the line's position) and name (its label). */
  periodYear: z.number().int(),
  periodTitle: requiredText,
  overall: z.number().nullable(),
  /** Totals per evaluation dimension of the instrument (Baseline, Output, Outcome, Impact, Quick win). */
  dimensionScores: z.array(z.object({ key: z.string(), score: z.number() })),
  /** Totals per pillar, by `dimensions.id`. */
  pillarScores: z.array(z.object({ pillar: id, score: z.number() })),
  recommendations: richText,
})

export const datapackageSchema = z.object({
  name: z.string().min(1),
  title: z.string().optional(),
  created: isoDate,
  licenses: z
    .array(z.object({ name: z.string().min(1), path: z.string().optional(), title: z.string().optional() }))
    .min(1),
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

/** Each JSON file of the snapshot and the schema of one of its records. */
export const SNAPSHOT_FILES = {
  cities: snapshotCitySchema,
  dimensions: snapshotDimensionSchema,
  programs: snapshotProgramSchema,
  indicators: snapshotIndicatorSchema,
  measurements: snapshotMeasurementSchema,
  updates: snapshotUpdateSchema,
  media: snapshotMediaSchema,
  scores: snapshotScoreSchema,
} as const

type SnapshotFiles = typeof SNAPSHOT_FILES
export type Snapshot = { [K in keyof SnapshotFiles]: z.output<SnapshotFiles[K]>[] } & {
  /** When the CMS wrote the snapshot: the "last updated" of the open data. */
  created: string
  /** The data package as read, for the open-data page's list of files and licence. */
  datapackage: Datapackage
}
export type SnapshotCity = Snapshot['cities'][number]
export type SnapshotProgram = Snapshot['programs'][number]
export type SnapshotUpdate = Snapshot['updates'][number]
export type SnapshotMedia = Snapshot['media'][number]
export type SnapshotScore = Snapshot['scores'][number]
export type SnapshotDimension = Snapshot['dimensions'][number]

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SnapshotError'
  }
}

/** `[3].title.id`: where in a file a problem sits, as a reader would look it up. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`)).join('').replace(/^\./, '') || '(root)'
}

function mismatch(dir: string, file: string, where: string, problem: string): SnapshotError {
  return new SnapshotError(
    `Snapshot tidak sesuai skema / The snapshot does not match its schema: ${path.join(dir, file)} at ${where}: ${problem}`,
  )
}

async function readJson(dir: string, file: string): Promise<unknown> {
  const full = path.join(dir, file)
  let text: string
  try {
    text = await fs.readFile(full, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new SnapshotError(
      code === 'ENOENT'
        ? `Berkas snapshot tidak ada / Snapshot file missing: ${full}. Jalankan / run \`npm run snapshot\` first.`
        : `Berkas snapshot tidak terbaca / Cannot read snapshot file ${full}: ${(error as Error).message}`,
    )
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new SnapshotError(`Berkas snapshot bukan JSON yang sah / Snapshot file is not valid JSON: ${full}: ${(error as Error).message}`)
  }
}

function parseFile<T extends z.ZodType>(dir: string, file: string, schema: T, data: unknown): z.output<T> {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  const [issue] = result.error.issues
  throw mismatch(dir, file, formatPath(issue.path), issue.message)
}

/** Every reference points at a record of the snapshot, so no page links to something left out. */
function checkReferences(dir: string, snapshot: Snapshot): void {
  const ids = (records: readonly { id: string }[]) => new Set(records.map((record) => record.id))
  const known = {
    cities: ids(snapshot.cities),
    dimensions: ids(snapshot.dimensions),
    programs: ids(snapshot.programs),
    indicators: ids(snapshot.indicators),
    media: ids(snapshot.media),
  }
  const rules: [keyof SnapshotFiles, string, keyof typeof known][] = [
    ['programs', 'city', 'cities'],
    ['programs', 'dimension', 'dimensions'],
    ['indicators', 'program', 'programs'],
    ['indicators', 'city', 'cities'],
    ['measurements', 'indicator', 'indicators'],
    ['measurements', 'program', 'programs'],
    ['measurements', 'city', 'cities'],
    ['updates', 'program', 'programs'],
    ['updates', 'city', 'cities'],
    ['updates', 'photos', 'media'],
    ['scores', 'city', 'cities'],
  ]
  for (const [file, field, target] of rules) {
    const records = snapshot[file] as unknown as Record<string, unknown>[]
    records.forEach((record, index) => {
      const value = record[field]
      const values = Array.isArray(value) ? value : [value]
      values.forEach((reference, position) => {
        if (reference === null || reference === undefined || known[target].has(String(reference))) return
        const where = formatPath(Array.isArray(value) ? [index, field, position] : [index, field])
        throw mismatch(dir, `${file}.json`, where, `"${String(reference)}" is not in ${target}.json`)
      })
    })
  }
}

/**
 * Reads and checks the snapshot in `dir`: every JSON file against its schema, the data package's
 * date and licence, and every reference between files. Throws a `SnapshotError` naming the file and
 * the path of the first problem.
 */
export async function loadSnapshot(dir: string): Promise<Snapshot> {
  const datapackage = parseFile(dir, 'datapackage.json', datapackageSchema, await readJson(dir, 'datapackage.json'))
  const names = Object.keys(SNAPSHOT_FILES) as (keyof SnapshotFiles)[]
  const contents = await Promise.all(names.map((name) => readJson(dir, `${name}.json`)))
  // Checked one file after the other, so the first problem reported is always the same one.
  const entries = names.map((name, index) => {
    const records = parseFile(dir, `${name}.json`, z.array(SNAPSHOT_FILES[name] as z.ZodType), contents[index])
    return [name, records] as const
  })
  const snapshot = { ...Object.fromEntries(entries), created: datapackage.created, datapackage } as Snapshot
  checkReferences(dir, snapshot)
  return snapshot
}
