import type { Locale } from '../../cms/constants.ts'

/**
 * Seed content is written once with both languages side by side, `t('Sampah', 'Waste')`, and then
 * written to Payload one locale at a time, because the Local API stores one locale per call.
 */

const BILINGUAL = Symbol('bilingual')

export type Bilingual<T = string> = { readonly [BILINGUAL]: true; readonly id: T; readonly en: T }

export const t = <T = string>(id: T, en: T): Bilingual<T> => ({ [BILINGUAL]: true, id, en })

export const isBilingual = (value: unknown): value is Bilingual<unknown> =>
  typeof value === 'object' && value !== null && BILINGUAL in value

/** A collection's data in which any value may be given in both languages. */
export type Seedable<T> =
  | Bilingual<T>
  | (T extends readonly (infer Item)[]
      ? Seedable<Item>[]
      : T extends object
        ? { [K in keyof T]: Seedable<T[K]> }
        : T)

type Plain = Record<string, unknown>
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !isBilingual(value)

/** The data as Payload receives it for one locale. */
export function inLocale<T>(value: Seedable<T>, locale: Locale): T {
  const pick = (node: unknown): unknown => {
    if (isBilingual(node)) return node[locale]
    if (Array.isArray(node)) return node.map(pick)
    if (isPlain(node)) return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, pick(item)]))
    return node
  }
  return pick(value) as T
}

export function hasBilingual(value: unknown): boolean {
  if (isBilingual(value)) return true
  if (Array.isArray(value)) return value.some(hasBilingual)
  if (isPlain(value)) return Object.values(value).some(hasBilingual)
  return false
}

/**
 * Gives each array row of `data` the id of the row at the same place in `doc`. Payload keeps the
 * other locale's values of a row only when the row keeps its id; a row without one is a new row,
 * and writing the English pass would silently drop the Indonesian texts inside arrays.
 */
export function carryRowIds<T>(data: T, doc: unknown): T {
  if (!isPlain(data) || !isPlain(doc)) return data
  const result: Plain = { ...data }
  for (const [key, value] of Object.entries(data)) {
    const existing = doc[key]
    if (Array.isArray(value) && Array.isArray(existing)) {
      result[key] = value.map((row: unknown, index) => {
        const before: unknown = existing[index]
        if (!isPlain(row) || !isPlain(before)) return row
        const carried = carryRowIds(row, before) as Plain
        return typeof before.id === 'string' && carried.id === undefined ? { ...carried, id: before.id } : carried
      })
    } else if (isPlain(value) && isPlain(existing)) {
      result[key] = carryRowIds(value, existing)
    }
  }
  return result as T
}
