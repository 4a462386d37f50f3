/**
 * The zod schema of one record of each published table: what the CMS writes into the snapshot
 * (`z.input`) and what the site's pages receive after parsing it (`z.output`). Ids and references
 * become strings, so the same pages work on SQLite (numeric ids) and MongoDB (ObjectId strings); a
 * missing language becomes `undefined`, so pages fall back to the other one (see `inLocale`).
 *
 * Each table has a core schema (what the pages and their helpers work with) and the snapshot
 * record, which extends it with what only some pages need (rich text, dates, photos).
 */
import { z } from 'zod'

import {
  CITY_KINDS,
  COHORTS,
  FUNDING_SOURCES,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  MASTERPLAN_BOOKS,
  PARTNER_KINDS,
  PROGRAMME_STATUSES,
} from './options.ts'

// Strings first: the snapshot's ids are strings, and a union stops at the first type that fits,
// so tens of thousands of measurements are not each tried as a number first.
const documentId = z.union([z.string().min(1), z.number()]).transform(String)

/** A relationship at depth 0 is only the related id; a populated object means the query changed. */
const reference = documentId

/** An id the CMS wrote as a string into the snapshot. */
const id = z.string().min(1)

/**
 * A text in both languages: one key per locale, missing or null where nobody wrote that language
 * yet. Pages fall back to the other language (see `inLocale`).
 */
const localizedText = z
  .object({ id: z.string().nullish(), en: z.string().nullish() })
  .transform(({ id, en }) => ({ id: id || undefined, en: en || undefined }))

const requiredLocalizedText = localizedText.refine(({ id, en }) => Boolean(id || en), {
  message: 'Teks wajib ada dalam sedikitnya satu bahasa / The text is required in at least one language',
})

const optionalLocalizedText = localizedText.nullish().transform((text) => text ?? { id: undefined, en: undefined })

/** Lexical rich text per language, as stored, or null where nobody wrote that language. The site sanitises it. */
const richText = z.object({ id: z.unknown(), en: z.unknown() })

export const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), { message: 'Not an ISO date' })

/** 1-12 for a monthly value, null for a yearly one. */
const month = z
  .number()
  .int()
  .min(1)
  .max(12)
  .nullish()
  .transform((value) => value ?? null)

export const citySchema = z.object({
  id: documentId,
  name: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  kind: z.enum(CITY_KINDS),
  province: z.string().min(1),
  regionCode: z.string(),
  cohort: z.enum(COHORTS),
})

export const dimensionSchema = z.object({
  id: documentId,
  name: requiredLocalizedText,
  slug: z.string(),
  order: z.number(),
  colour: z.string(),
})

export const programSchema = z.object({
  id: documentId,
  title: requiredLocalizedText,
  slug: z.string(),
  city: reference,
  dimension: reference,
  summary: optionalLocalizedText,
  agency: z.string(),
  startYear: z.number().int(),
  status: z.enum(PROGRAMME_STATUSES),
  // Optional in the output, not defaulted, so a programme built by hand in a test need not list them.
  partners: z
    .array(z.object({ name: z.string().min(1), kind: z.enum(PARTNER_KINDS).nullish() }))
    .nullish(),
  fundingSources: z.array(z.enum(FUNDING_SOURCES)).nullish(),
})

export const indicatorSchema = z.object({
  id: documentId,
  name: requiredLocalizedText,
  program: reference,
  city: reference,
  unit: z.string(),
  baseline: z.number().nullish().transform((value) => value ?? null),
  target: z.number(),
  targetYear: z.number().int(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  frequency: z.enum(INDICATOR_FREQUENCIES),
  aggregation: z.enum(INDICATOR_AGGREGATIONS),
  /** ISO date; the programme page lists indicators in the order the city entered them. */
  createdAt: z.string().optional(),
})

export const measurementSchema = z.object({
  id: documentId,
  indicator: reference,
  program: reference,
  year: z.number().int(),
  month,
  value: z.number(),
})

export const snapshotCitySchema = citySchema.extend({
  profile: richText,
  /** Masterplan books; `url` only when the document itself is marked public. */
  masterplan: z.array(z.object({ book: z.enum(MASTERPLAN_BOOKS), year: z.number().int().nullable(), url: z.string().nullable() })),
  updatedAt: isoDate,
})

export const snapshotDimensionSchema = dimensionSchema.extend({
  description: optionalLocalizedText,
  subDimensions: z.array(z.object({ key: z.string().min(1), name: requiredLocalizedText })),
})

export const snapshotProgramSchema = programSchema.extend({
  subDimension: z.string().nullable(),
  description: richText,
  updatedAt: isoDate,
})

/*
 * In the snapshot every id is a string (the CMS writes them so): checked as one, without the CMS
 * schemas' union with a number and conversion, which made a site build's first check of 164,000
 * measurements take about 1 s instead of about 0.3 s.
 */
export const snapshotIndicatorSchema = indicatorSchema.extend({ id, program: id, city: id })

export const snapshotMeasurementSchema = measurementSchema.extend({
  id,
  indicator: id,
  program: id,
  city: id,
  source: z.string().nullable(),
})

export const snapshotUpdateSchema = z.object({
  id,
  program: id.nullable(),
  city: id,
  date: isoDate,
  title: requiredLocalizedText,
  body: richText,
  photos: z.array(id),
})

const imageSize = z.object({ url: z.string().min(1), width: z.number().nullable(), height: z.number().nullable() })

export const snapshotMediaSchema = z.object({
  id,
  alt: requiredLocalizedText,
  credit: z.string().nullable(),
  url: z.string().min(1),
  mimeType: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  /** Resized copies by size name (`card`, `thumbnail`...). */
  sizes: z.record(z.string(), imageSize),
})

/**
 * Scores of accepted evaluations: the index, the totals per evaluation dimension (Baseline, Output,
 * ...) and per pillar (`dimensions.id`), the round's year and name, and the recommendations.
 */
export const snapshotScoreSchema = z.object({
  id,
  /** The accepted report; its results document is `/api/reports/<report>/results.pdf` on the CMS. */
  report: id,
  city: id,
  period: id,
  /** The evaluation round's year (the line's position) and name (its label). */
  periodYear: z.number().int(),
  periodTitle: requiredLocalizedText,
  overall: z.number().nullable(),
  /** Totals per evaluation dimension of the instrument (Baseline, Output, Outcome, Impact, Quick win). */
  dimensionScores: z.array(z.object({ key: z.string(), score: z.number() })),
  /** Totals per pillar, by `dimensions.id`. */
  pillarScores: z.array(z.object({ pillar: id, score: z.number() })),
  recommendations: richText,
})

/** A text in both languages as the CMS writes it: null where nobody wrote that language. */
export type WrittenText = { id: string | null; en: string | null }
/** The same text as the pages receive it: undefined where nobody wrote that language. */
export type LocalizedText = z.output<typeof localizedText>

export type City = z.output<typeof citySchema>
export type Dimension = z.output<typeof dimensionSchema>
export type Program = z.output<typeof programSchema>
export type Indicator = z.output<typeof indicatorSchema>
export type Measurement = z.output<typeof measurementSchema>
export type ImageSize = z.input<typeof imageSize>
