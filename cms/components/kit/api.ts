/** Calls of Pantau's admin views to Payload's REST API, with the signed-in person's cookie. */
import type { Problem } from '../../domain/problems.ts'

type PayloadErrorBody = {
  message?: string
  errors?: { message?: string; data?: { errors?: { message?: string; path?: string }[]; problems?: Problem[] } }[]
}

/**
 * The problems a refusal carries as data (see cms/server/problemsError.ts); empty when the answer
 * has none, e.g. a network or access error, whose message `messages` still holds.
 */
export function problemsOf(body: unknown): Problem[] {
  const { errors } = (body ?? {}) as PayloadErrorBody
  return (errors ?? []).flatMap((error) => error.data?.problems ?? [])
}

/** Every message of a Payload error answer, the field-level ones of a ValidationError first-class. */
export function errorMessages(body: unknown): string[] {
  const { message, errors } = (body ?? {}) as PayloadErrorBody
  const messages = (errors ?? []).flatMap((error) => {
    const fieldMessages = (error.data?.errors ?? []).map((item) => item.message).filter((text): text is string => Boolean(text))
    return fieldMessages.length > 0 ? fieldMessages : error.message ? [error.message] : []
  })
  if (messages.length === 0 && message) messages.push(message)
  return messages
}

export type ApiResult<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; messages: string[]; problems: Problem[]; body: unknown }

export async function callApi<T>(url: string, init: RequestInit): Promise<ApiResult<T>> {
  const response = await fetch(url, { credentials: 'include', ...init })
  const body = (await response.json().catch(() => null)) as unknown
  if (response.ok) return { ok: true, status: response.status, body: body as T }
  return { ok: false, status: response.status, messages: errorMessages(body), problems: problemsOf(body), body }
}

export const jsonRequest = (method: string, payload: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(payload),
})

/**
 * Uploads one file as multipart form data, reporting progress: fetch cannot tell how much of a
 * request body has gone, XMLHttpRequest can.
 */
export function uploadWithProgress<T>(
  url: string,
  form: FormData,
  onProgress: (percent: number) => void,
): Promise<ApiResult<T>> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', url)
    request.withCredentials = true
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    request.onerror = () => reject(new Error('network'))
    request.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(request.responseText)
      } catch {
        body = { message: request.responseText }
      }
      if (request.status >= 200 && request.status < 300) resolve({ ok: true, status: request.status, body: body as T })
      else resolve({ ok: false, status: request.status, messages: errorMessages(body), problems: problemsOf(body), body })
    }
    request.send(form)
  })
}
