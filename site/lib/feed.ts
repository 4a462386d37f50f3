import rss, { type RSSFeedItem } from '@astrojs/rss'

import { UI } from './i18n.ts'
import type { Locale } from './locale.ts'
import { loadSiteData } from './siteData.ts'
import type { UpdateView } from './updates.ts'

/** The feed's items: every published update, newest first, its text already made safe. */
export function feedItems(updates: readonly UpdateView[]): RSSFeedItem[] {
  return updates.map((update) => ({
    title: update.title,
    link: update.href,
    pubDate: new Date(update.date),
    description: update.summary,
    content: update.bodyHtml,
    categories: [update.city.name, ...(update.programme ? [update.programme.title] : [])],
  }))
}

/** The RSS feed of published updates in one language (`/rss.xml`, `/en/rss.xml`). */
export async function feedResponse(locale: Locale): Promise<Response> {
  const t = UI[locale]
  const { updates } = (await loadSiteData()).view(locale)
  return rss({
    title: t.feedTitle,
    description: t.feedDescription,
    site: import.meta.env.SITE,
    items: feedItems(updates),
    // Item links already end in a slash or a fragment; the feed must not add one after '#kabar-3'.
    trailingSlash: false,
    customData: `<language>${locale === 'id' ? 'id-ID' : 'en-GB'}</language>`,
  })
}
