import type { AfterErrorHook } from 'payload'

type DetailedError = { name?: unknown; message?: unknown; data?: unknown; isPublic?: unknown; status?: unknown }

/**
 * Keeps a refusal's own words in the REST answer. Payload copies an error's `data` only for errors
 * that are `instanceof` its own classes, and its message only when the error has a `name`. In the
 * Next.js production bundle an error thrown by our hooks can come from another copy of the `payload`
 * module, failing the first test (a refused save shrank to "The following field is invalid: status",
 * the council's list of what is missing gone), and a minified class can have an empty name, failing
 * the second (a demo account refused on a production server read "An unknown error occurred.").
 * Public client errors (4xx) get their message, and their `data` if they carry any, back; anything
 * else is left as Payload made it.
 */
export const keepErrorDetails: AfterErrorHook = ({ error, result }) => {
  const { name, message, data, isPublic, status } = error as DetailedError
  if (isPublic !== true || typeof status !== 'number' || status >= 500 || typeof message !== 'string') return
  const errors = result?.errors ?? []
  const detailed = data !== null && typeof data === 'object'
  if (detailed ? errors.some((entry) => entry.data) : errors.some((entry) => entry.message === message)) return
  const entry = { ...(name ? { name: String(name) } : {}), message, ...(detailed ? { data: data as Record<string, unknown> } : {}) }
  return { response: { ...result, errors: [entry] } }
}
