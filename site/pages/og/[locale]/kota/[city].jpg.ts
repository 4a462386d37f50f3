import type { APIRoute } from 'astro'

import { LOCALES } from '../../../../lib/locale.ts'
import { prepareShareCards, renderShareCard, type ShareCard } from '../../../../lib/shareCard.ts'
import { loadSiteData } from '../../../../lib/siteData.ts'

/** A city page's share card in each language (`/og/id/kota/kota-ambon.jpg`), drawn at build time. */
export async function getStaticPaths() {
  const data = await loadSiteData()
  const paths = LOCALES.flatMap((locale) =>
    data.rendered(locale).cities.map((page) => ({ params: { locale, city: page.city.slug }, props: { card: page.share.card } })),
  )
  // A build draws every card from now on, while the pages render; each route below then only waits
  // for its card. The dev server draws a card when it is asked for.
  if (import.meta.env.PROD) prepareShareCards(paths.map((path) => path.props.card))
  return paths
}

export const GET: APIRoute<{ card: ShareCard }> = async ({ props }) =>
  new Response(await renderShareCard(props.card), { headers: { 'Content-Type': 'image/jpeg' } })
