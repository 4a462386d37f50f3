import type { APIRoute } from 'astro'

import { LOCALES } from '../../../../lib/locale.ts'
import { renderShareCard, type ShareCard } from '../../../../lib/shareCard.ts'
import { loadSiteData } from '../../../../lib/siteData.ts'

/**
 * A city page's share card in each language (`/og/id/kota/kota-ambon.jpg`), for the dev server only
 * (site/integrations/shareCards.ts injects this route there): a build links the cards from its cache.
 */
export async function getStaticPaths() {
  const data = await loadSiteData()
  return LOCALES.flatMap((locale) =>
    data.view(locale).cities.map((page) => ({ params: { locale, city: page.city.slug }, props: { card: page.share.card } })),
  )
}

export const GET: APIRoute<{ card: ShareCard }> = async ({ props }) =>
  new Response(await renderShareCard(props.card), { headers: { 'Content-Type': 'image/jpeg' } })
