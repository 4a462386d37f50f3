/**
 * Document ids as Pantau handles them. SQLite gives numbers and MongoDB gives ObjectId strings, and a
 * relationship arrives either as the bare id (depth 0) or as the related document (depth 1 and more).
 * These helpers accept every form, so no rule depends on the database engine or on the depth of a read.
 */

export type ID = number | string

/** A relationship as Payload hands it over: the id, the populated document, or nothing. */
export type Ref = ID | { id: ID } | null | undefined

/** The id a relationship points to, whatever its form; undefined when it points nowhere. */
export const idOf = (value: Ref): ID | undefined =>
  value && typeof value === 'object' ? value.id : (value ?? undefined)

/** The id as text (numbers and ObjectIds compare alike), or null when there is none. */
export const idText = (value: Ref): string | null => {
  const id = idOf(value)
  return id === undefined ? null : String(id)
}

/** Whether two relationships point to the same document; never true when either points nowhere. */
export const sameId = (a: Ref, b: Ref): boolean => {
  const left = idText(a)
  return left !== null && left === idText(b)
}

/**
 * How a database spells its document ids: SQLite numbers them (1, 2, 3 ...), MongoDB gives 24-hex
 * ObjectIds, and a collection with ids of its own may use any text.
 */
export type IdKind = 'integer' | 'objectId' | 'text'

const ID_PATTERNS: Record<IdKind, RegExp> = {
  integer: /^(0|[1-9]\d{0,15})$/,
  objectId: /^[0-9a-f]{24}$/i,
  // Any text, but no control character, which no id of ours contains and a path never needs.
  text: /^[^\p{Cc}]+$/u,
}

/**
 * Whether `text` (an id as it arrives in a URL) is an id of this kind, exactly: `2' OR '1'='1` or
 * `2abc` is no number, though a lenient parser reads 2 from both and answers with document 2.
 */
export function isWellFormedId(text: string, kind: IdKind): boolean {
  if (!ID_PATTERNS[kind].test(text)) return false
  return kind !== 'integer' || Number(text) <= Number.MAX_SAFE_INTEGER
}
