import type { AfterErrorHook } from 'payload'

type DetailedError = { name?: unknown; message?: unknown; data?: unknown; isPublic?: unknown; status?: unknown }

/**
 * Keeps the field-level messages of a refused save in the REST answer. Payload adds them only for
 * errors that are `instanceof` its own classes; in the Next.js production bundle an error thrown by
 * our hooks can come from another copy of the `payload` module, fails that test, and the answer
 * shrinks to "The following field is invalid: status" with the council's list of what is missing
 * gone. Public client errors (4xx) carrying `data` get it back; anything else is left as Payload made it.
 */
export const keepErrorDetails: AfterErrorHook = ({ error, result }) => {
  const { name, message, data, isPublic, status } = error as DetailedError
  if (isPublic !== true || typeof status !== 'number' || status >= 500 || !data || typeof data !== 'object') return
  const errors = result?.errors ?? []
  if (errors.some((entry) => entry.data)) return
  return { response: { ...result, errors: [{ name: String(name), message: String(message), data: data as Record<string, unknown> }] } }
}
