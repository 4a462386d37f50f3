/**
 * The browser half of the compare page: sorting by any column and filtering by cohort, province and
 * pillar, on the table the page already shows. Without JavaScript the full table stays, so this only
 * ever hides rows and reorders them; it holds no data of its own.
 *
 * The view is kept in the address (`?province=Maluku&pillar=smart-economy&sort=index&order=descending`),
 * so a link shared or bookmarked opens the same view, and the other language's page keeps it too.
 * A value the page does not offer (a cohort since renamed, a typo) is left out, never an error.
 */
import { addressParams, keepInAddress, otherLanguageLink } from './address.ts'

type Direction = 'ascending' | 'descending'
const DIRECTIONS: readonly string[] = ['ascending', 'descending']
const FILTERS = ['cohort', 'province', 'pillar'] as const

const collator = new Intl.Collator(document.documentElement.lang || 'id', { sensitivity: 'base', numeric: true })

/** A row's sort key of a column: a number, or text; rows without a figure go last either way. */
function keyOf(row: HTMLTableRowElement, column: string, type: string): number | string | null {
  const raw = row.dataset[column.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())] ?? ''
  if (raw === '') return null
  return type === 'number' ? Number(raw) : raw
}

export function sortRows(table: HTMLTableElement, column: string, direction: Direction): void {
  const header = table.querySelector<HTMLTableCellElement>(`th[data-sort="${column}"]`)
  const type = header?.dataset.type ?? 'text'
  const body = table.tBodies[0]
  const rows = [...body.rows]
  const sign = direction === 'ascending' ? 1 : -1
  rows.sort((a, b) => {
    const left = keyOf(a, column, type)
    const right = keyOf(b, column, type)
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1
    const order = typeof left === 'number' && typeof right === 'number' ? left - right : collator.compare(String(left), String(right))
    return order * sign || collator.compare(a.dataset.city ?? '', b.dataset.city ?? '')
  })
  body.append(...rows)
  for (const cell of table.querySelectorAll<HTMLTableCellElement>('th[data-sort]')) {
    if (cell === header) cell.setAttribute('aria-sort', direction)
    else cell.removeAttribute('aria-sort')
  }
}

export function filterRows(table: HTMLTableElement, filters: { cohort: string; province: string }): number {
  let shown = 0
  for (const row of table.tBodies[0].rows) {
    const visible =
      (!filters.cohort || row.dataset.cohort === filters.cohort) && (!filters.province || row.dataset.province === filters.province)
    row.hidden = !visible
    if (visible) shown += 1
  }
  return shown
}

export function highlightPillar(table: HTMLTableElement, pillar: string): void {
  for (const cell of table.querySelectorAll<HTMLElement>('[data-pillar]')) {
    if (pillar && cell.dataset.pillar === pillar) cell.setAttribute('data-highlight', '')
    else cell.removeAttribute('data-highlight')
  }
}

/** The column the table is sorted by, and which way, as its heading says (none before any sort). */
function sortedBy(table: HTMLTableElement): { sort: string; order: string } {
  const header = table.querySelector<HTMLTableCellElement>('th[data-sort][aria-sort]')
  return { sort: header?.dataset.sort ?? '', order: header?.getAttribute('aria-sort') ?? '' }
}

/** Sets each filter to the address's value where the list offers it. */
function filtersFromAddress(form: HTMLFormElement, params: URLSearchParams): void {
  for (const name of FILTERS) {
    const select = form.elements.namedItem(name)
    const value = params.get(name)
    if (!(select instanceof HTMLSelectElement) || value === null) continue
    if ([...select.options].some((option) => option.value === value)) select.value = value
  }
}

/** Turns the column headings into sort buttons and wires the filter form; shows the form. */
export function enhance(table: HTMLTableElement, form: HTMLFormElement, status: HTMLElement): void {
  const template = status.dataset.template ?? '{shown} / {total}'
  const total = table.tBodies[0].rows.length
  const otherLanguage = otherLanguageLink()
  const remember = () => {
    const data = new FormData(form)
    keepInAddress({ ...Object.fromEntries(FILTERS.map((name) => [name, String(data.get(name) ?? '')])), ...sortedBy(table) }, otherLanguage)
  }
  for (const header of table.querySelectorAll<HTMLTableCellElement>('th[data-sort]')) {
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = header.textContent
    if (header.title) button.title = header.title
    header.replaceChildren(button)
    button.addEventListener('click', () => {
      const column = header.dataset.sort as string
      const current = header.getAttribute('aria-sort')
      // Scores read best first; names and ranks read from the top.
      const first: Direction = header.dataset.type === 'number' && column !== 'rank' ? 'descending' : 'ascending'
      const next: Direction = current === first ? (first === 'ascending' ? 'descending' : 'ascending') : first
      sortRows(table, column, next)
      remember()
    })
  }
  const apply = () => {
    const data = new FormData(form)
    const shown = filterRows(table, { cohort: String(data.get('cohort') ?? ''), province: String(data.get('province') ?? '') })
    const pillar = String(data.get('pillar') ?? '')
    highlightPillar(table, pillar)
    if (pillar) sortRows(table, `pillar-${pillar}`, 'descending')
    status.textContent = template.replace('{shown}', String(shown)).replace('{total}', String(total))
  }
  const update = () => {
    apply()
    remember()
  }
  form.addEventListener('change', update)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    update()
  })
  form.hidden = false
  const params = addressParams()
  filtersFromAddress(form, params)
  apply()
  // An order from the address, after the pillar's own: the one the person chose last.
  const sort = params.get('sort') ?? ''
  const order = params.get('order') ?? ''
  if (table.querySelector(`th[data-sort="${CSS.escape(sort)}"]`) && DIRECTIONS.includes(order)) sortRows(table, sort, order as Direction)
  remember()
}
