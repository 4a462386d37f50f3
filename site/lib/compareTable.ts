/**
 * The browser half of the compare page: sorting by any column and filtering by cohort, province and
 * pillar, on the table the page already shows. Without JavaScript the full table stays, so this only
 * ever hides rows and reorders them; it holds no data of its own.
 */

type Direction = 'ascending' | 'descending'

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

/** Turns the column headings into sort buttons and wires the filter form; shows the form. */
export function enhance(table: HTMLTableElement, form: HTMLFormElement, status: HTMLElement): void {
  const template = status.dataset.template ?? '{shown} / {total}'
  const total = table.tBodies[0].rows.length
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
  form.addEventListener('change', apply)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    apply()
  })
  form.hidden = false
  apply()
}
