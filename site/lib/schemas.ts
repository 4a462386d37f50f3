import { z } from 'astro/zod'

/**
 * The shape of the Payload documents the site reads (Local API, `depth: 0`, `locale: 'all'`), and
 * what the pages receive after parsing. Ids and references become strings so the same pages work
 * on SQLite (numeric ids) and MongoDB (ObjectId strings). A document that no longer fits stops the
 * build here, with the collection, entry and field in the message, instead of rendering a wrong page.
 */

// Strings first: the snapshot's ids are strings, and a union stops at the first type that fits,
// so tens of thousands of measurements are not each tried as a number first.
const documentId = z.union([z.string().min(1), z.number()]).transform(String)

/** A relationship at depth 0 is only the related id; a populated object means the query changed. */
const reference = documentId

/**
 * A localized field read with `locale: 'all'`: one key per locale, missing where nobody wrote that
 * language yet. Pages fall back to the other language (see `inLocale`).
 */
const localizedText = z
  .object({ id: z.string().nullish(), en: z.string().nullish() })
  .transform(({ id, en }) => ({ id: id || undefined, en: en || undefined }))

const requiredLocalizedText = localizedText.refine(({ id, en }) => Boolean(id || en), {
  message: 'Teks wajib ada dalam sedikitnya satu bahasa / The text is required in at least one language',
})

export const COHORTS = ['2017', '2018', '2019'] as const
export const PARTNER_KINDS = ['private', 'government', 'university', 'community'] as const
export const FUNDING_SOURCES = ['apbd', 'apbn', 'csr', 'partner'] as const

export const citySchema = z.object({
  id: documentId,
  name: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  kind: z.enum(['kota', 'kabupaten']),
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
  summary: localizedText.nullish().transform((text) => text ?? { id: undefined, en: undefined }),
  agency: z.string(),
  startYear: z.number().int(),
  status: z.enum(['planned', 'ongoing', 'completed', 'paused']),
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
  direction: z.enum(['up', 'down']),
  frequency: z.enum(['monthly', 'yearly']),
  aggregation: z.enum(['per_period', 'cumulative']),
  /** ISO date; the programme page lists indicators in the order the city entered them. */
  createdAt: z.string().optional(),
})

/** 1-12 for a monthly value, null for a yearly one. */
const month = z
  .number()
  .int()
  .min(1)
  .max(12)
  .nullish()
  .transform((value) => value ?? null)

export const measurementSchema = z.object({
  id: documentId,
  indicator: reference,
  program: reference,
  year: z.number().int(),
  month,
  value: z.number(),
})

export type LocalizedText = z.output<typeof localizedText>
export type City = z.output<typeof citySchema>
export type Cohort = City['cohort']
export type Dimension = z.output<typeof dimensionSchema>
export type Program = z.output<typeof programSchema>
export type PartnerKind = (typeof PARTNER_KINDS)[number]
export type FundingSource = (typeof FUNDING_SOURCES)[number]
export type Indicator = z.output<typeof indicatorSchema>
export type Measurement = z.output<typeof measurementSchema>
