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
