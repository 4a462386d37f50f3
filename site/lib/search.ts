/**
 * The browser half of the search page. Pagefind's script, its WebAssembly and the index chunks are
 * fetched only once someone searches (a query in the address, or typing in the box), so opening the
 * search page costs no more than any other page. Pagefind picks the index of the page's language.
 */

import { addressParams, keepInAddress } from './address.ts'

interface PagefindResult {
  url: string
  excerpt: string
  meta: { title?: string }
}
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResult> }[] } | null>
  debouncedSearch(query: string, options?: object, wait?: number): Promise<{ results: { data(): Promise<PagefindResult> }[] } | null>
}

const MAX_RESULTS = 20
let loaded: Promise<Pagefind> | undefined

/** Pagefind's own module from this site (`script-src 'self'`), outside the bundle: it is written after the build. */
function pagefind(): Promise<Pagefind> {
  const url = new URL('/pagefind/pagefind.js', window.location.href).href
  loaded ??= import(/* @vite-ignore */ url) as Promise<Pagefind>
  return loaded
}

function render(list: HTMLOListElement, results: PagefindResult[]): void {
  list.replaceChildren(
    ...results.map((result) => {
      const item = document.createElement('li')
      const link = document.createElement('a')
      link.href = result.url
      link.textContent = result.meta.title ?? result.url
      const excerpt = document.createElement('p')
      // Pagefind escapes the page text and marks the matched words with <mark>.
      excerpt.innerHTML = result.excerpt
      item.append(link, excerpt)
      return item
    }),
  )
}

/**
 * Searches as the visitor types, keeping the query in the address (and, given `otherLanguage`, in
 * the link to the other language's search page, which then searches the same words there).
 */
export function enhanceSearch(
  form: HTMLFormElement,
  input: HTMLInputElement,
  status: HTMLElement,
  list: HTMLOListElement,
  otherLanguage?: HTMLAnchorElement | null,
): void {
  const found = status.dataset.found ?? '{count} / {query}'
  const none = status.dataset.none ?? '{query}'
  let latest = 0
  async function run(query: string) {
    const mine = ++latest
    const trimmed = query.trim()
    if (!trimmed) {
      status.textContent = ''
      list.replaceChildren()
      return
    }
    status.textContent = status.dataset.searching ?? ''
    const search = await (await pagefind()).debouncedSearch(trimmed, {}, 150)
    // A newer query has started meanwhile; its answer is the one to show.
    if (search === null || mine !== latest) return
    const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()))
    if (mine !== latest) return
    render(list, results)
    status.textContent = (results.length > 0 ? found : none).replace('{count}', String(search.results.length)).replace('{query}', trimmed)
  }
  input.addEventListener('input', () => {
    keepInAddress({ q: input.value }, otherLanguage)
    void run(input.value)
  })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void run(input.value)
  })
  const query = addressParams().get('q') ?? ''
  if (query) {
    input.value = query
    keepInAddress({ q: query }, otherLanguage)
    void run(query)
  }
}
