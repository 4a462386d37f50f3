import { defineCollection } from 'astro:content'
import { z } from 'astro/zod'

import scoringSource from '../cms/domain/scoring.ts?raw'
import { scoringMethodMarkdown } from './lib/method.ts'

/**
 * The published data does not pass through content collections: pages read the snapshot through
 * `lib/siteData.ts`, checked whole by `loadSnapshot` (schemas and references between files) and
 * joined once per build. The one collection here is the scoring method, rendered from the scoring
 * engine's own documentation with Astro's Markdown pipeline.
 */
const method = defineCollection({
  loader: {
    name: 'scoring-method',
    load: async ({ store, renderMarkdown }) => {
      const markdown = scoringMethodMarkdown(scoringSource)
      store.clear()
      for (const locale of ['id', 'en'] as const) {
        store.set({ id: locale, data: { locale }, body: markdown[locale], rendered: await renderMarkdown(markdown[locale]) })
      }
    },
  },
  schema: z.object({ locale: z.enum(['id', 'en']) }),
})

export const collections = { method }
