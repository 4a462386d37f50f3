import { defineCollection } from 'astro:content'
import { z } from 'astro/zod'

import { LOCALES, SCORING_METHOD } from '../cms/contract/index.ts'

/**
 * The published data does not pass through content collections: pages read the snapshot through
 * `lib/siteData.ts`, checked whole by `loadSnapshot` (schemas and references between files) and
 * joined once per build. The one collection here is the scoring method, the contract's description
 * of the scoring engine (cms/contract/method.ts), rendered with Astro's Markdown pipeline.
 */
const method = defineCollection({
  loader: {
    name: 'scoring-method',
    load: async ({ store, renderMarkdown }) => {
      store.clear()
      for (const locale of LOCALES) {
        const markdown = SCORING_METHOD[locale]
        store.set({ id: locale, data: { locale }, body: markdown, rendered: await renderMarkdown(markdown) })
      }
    },
  },
  schema: z.object({ locale: z.enum(LOCALES) }),
})

export const collections = { method }
