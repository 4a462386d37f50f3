/**
 * SQLite values in a backup's JSON lines, keeping each value's storage class: integers and text as
 * JSON numbers and strings; a real with a whole value as `{"$real": "2"}`, since JSON alone would
 * bring it back as an integer (an untyped column would then hold another type than before); blobs as
 * `{"$blob": base64}`; an integer beyond JavaScript's safe range as `{"$integer": "..."}`. On the way
 * back a whole JSON number is bound as a BigInt, which SQLite stores as an integer, and any other
 * number as a real.
 */
import { BackupError } from './errors.ts'

/** A value as the libsql client reads it. */
export type ReadValue = null | string | number | bigint | ArrayBuffer
/** A value as the libsql client binds it. */
export type InValue = null | string | number | bigint | Uint8Array

export type Encoded = null | string | number | { $real: string } | { $integer: string } | { $blob: string }

/** `value` read from a column whose `typeof()` in SQL was `type`. */
export function encodeValue(value: ReadValue, type: string): Encoded {
  if (value === null) return null
  if (value instanceof ArrayBuffer) return { $blob: Buffer.from(value).toString('base64') }
  if (typeof value === 'bigint') return { $integer: value.toString() }
  if (typeof value === 'number' && type === 'real' && (Number.isInteger(value) || !Number.isFinite(value))) {
    return { $real: Object.is(value, -0) ? '-0' : String(value) }
  }
  return value
}

/** The value to bind for an encoded one; `where` names it in the refusal of anything else. */
export function decodeValue(value: unknown, where: string): InValue {
  if (value === null || typeof value === 'string') return value
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value
  if (typeof value === 'object') {
    const tagged = value as Record<string, unknown>
    if (typeof tagged.$real === 'string') return Number(tagged.$real)
    if (typeof tagged.$integer === 'string' && /^-?\d+$/.test(tagged.$integer)) return BigInt(tagged.$integer)
    if (typeof tagged.$blob === 'string') return Buffer.from(tagged.$blob, 'base64')
  }
  throw new BackupError('schema', `Nilai tidak dikenal di / Unknown value in ${where}: ${JSON.stringify(value)}`, { subject: where })
}
