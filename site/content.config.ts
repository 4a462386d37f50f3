import { defineCollection } from 'astro:content'
import type { Loader } from 'astro/loaders'
import type { CollectionSlug, Payload } from 'payload'

import {
  citySchema,
  dimensionSchema,
  indicatorSchema,
  measurementSchema,
  programSchema,
} from './lib/schemas.ts'

/**
 * The public site's data, read through Payload's Local API at build time: no CMS server needs to
 * be running, only the database (`DATABASE_URI`).
 */

let payloadInstance: Promise<Payload> | undefined

/**
 * Payload is imported on first use, not at the top, so the content config itself evaluates at
 * once: Astro waits only five seconds for it before skipping the content sync, and Payload with
 * its database adapter can take longer than that to load on a small machine. Payload's development
 * hot reload is switched off because it would dial a Next.js dev server the site does not use.
 */
function payload(): Promise<Payload> {
  process.env.DISABLE_PAYLOAD_HMR ??= 'true'
  payloadInstance ??= Promise.all([import('payload'), import('@payload-config')]).then(
    ([{ getPayload }, { default: config }]) => getPayload({ config }),
  )
  return payloadInstance
}

interface Query {
  /** Only the fields the site shows; rich text and internal notes are not read at all. */
  select: Record<string, true>
}

function payloadLoader(collection: CollectionSlug, { select }: Query): Loader {
  return {
    name: `payload-${collection}`,
    load: async ({ store, parseData, logger }) => {
      const cms = await payload()
      const result = await cms.find({
        collection,
        select,
        // Access applied and deliberately no `user`: the site reads exactly what the anonymous
        // public may read, so it can never hold anything else.
        overrideAccess: false,
        // References stay ids (the pages join them), and every language comes in one query.
        depth: 0,
        locale: 'all',
        pagination: false,
      })
      store.clear()
      for (const doc of result.docs) {
        const id = String(doc.id)
        store.set({ id, data: await parseData({ id, data: { ...doc } }) })
      }
      if (result.docs.length === 0) {
        logger.warn(`No public ${collection} in this database: is DATABASE_URI the one that was seeded?`)
      } else {
        logger.info(`${result.docs.length} ${collection}`)
      }
    },
  }
}

const cities = defineCollection({
  loader: payloadLoader('cities', {
    select: { name: true, slug: true, kind: true, province: true, regionCode: true, cohort: true },
  }),
  schema: citySchema,
})

const programs = defineCollection({
  loader: payloadLoader('programs', {
    select: {
      title: true,
      slug: true,
      city: true,
      dimension: true,
      summary: true,
      agency: true,
      startYear: true,
      status: true,
      partners: true,
      fundingSources: true,
    },
  }),
  schema: programSchema,
})

const indicators = defineCollection({
  loader: payloadLoader('indicators', {
    select: {
      name: true,
      program: true,
      city: true,
      unit: true,
      baseline: true,
      target: true,
      targetYear: true,
      direction: true,
      frequency: true,
      aggregation: true,
      createdAt: true,
    },
  }),
  schema: indicatorSchema,
})

const measurements = defineCollection({
  loader: payloadLoader('measurements', {
    select: { indicator: true, program: true, year: true, month: true, value: true },
  }),
  schema: measurementSchema,
})

const dimensions = defineCollection({
  loader: payloadLoader('dimensions', {
    select: { name: true, slug: true, order: true, colour: true },
  }),
  schema: dimensionSchema,
})

export const collections = { cities, programs, indicators, measurements, dimensions }
