/**
 * What a page keeps in its address for sharing: the search words, the compare page's filters and
 * order. The same values go on the link to the other language's twin of the page, so switching
 * language keeps the view (cohorts, provinces, pillar slugs and column keys are the same in both).
 */

/** `href` with `params` set (an empty value takes the parameter off); other parameters are kept. */
export function withParams(href: string, params: Record<string, string>): string {
  const url = new URL(href, window.location.href)
  for (const [name, value] of Object.entries(params)) {
    if (value.trim()) url.searchParams.set(name, value)
    else url.searchParams.delete(name)
  }
  return url.href
}

/** Writes `params` into this page's address (no new history entry) and onto the other-language link. */
export function keepInAddress(params: Record<string, string>, otherLanguage?: HTMLAnchorElement | null): void {
  window.history.replaceState(window.history.state, '', withParams(window.location.href, params))
  if (otherLanguage) otherLanguage.href = withParams(otherLanguage.href, params)
}

/** The page's own address parameters. */
export const addressParams = (): URLSearchParams => new URL(window.location.href).searchParams

/** The link to this page in the other language, in the site's header. */
export const otherLanguageLink = (): HTMLAnchorElement | null => document.querySelector<HTMLAnchorElement>('.site-header a[hreflang]')
