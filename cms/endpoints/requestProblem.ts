import { extractHeaderLanguage } from '@payloadcms/translations'

import { MAX_REQUEST_BYTES } from '../constants.ts'
import { type Lang, langOf, type Problem, problem, problemMessage } from '../domain/problems.ts'

/**
 * What is wrong with a REST request before anything reads it, and the answer that says so. Nothing
 * here imports Payload, so the proxy in front of Next.js (cms/proxy.ts) uses it too: Next.js decodes
 * a route's parameters before the route runs and fails with a 500 on a path that does not decode.
 */

/** Payload's language cookie (`<cookiePrefix>-lng`; Pantau keeps the prefix `payload`). */
export const LANGUAGE_COOKIE = 'payload-lng'

/**
 * The language a request is answered in, by Payload's own order (`getRequestLanguage`): the language
 * cookie, then Accept-Language, then Indonesian.
 */
export function requestLanguage(headers: Headers): Lang {
  const cookie = (headers.get('cookie') ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === LANGUAGE_COOKIE)?.[1]
  if (cookie === 'en' || cookie === 'id') return cookie
  const accepted = headers.get('accept-language')
  return langOf(accepted ? extractHeaderLanguage(accepted) : undefined)
}

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT'])
/** JSON, upload forms, and the form encoding Payload's admin uses to send a long query as POST. */
const READABLE_TYPES = new Set(['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded'])
const CONTROL_CHARACTER = /\p{Cc}/u
const MB = 1024 * 1024

const essenceOf = (contentType: string | null) => (contentType ?? '').split(';', 1)[0].trim().toLowerCase()

/** Whether every segment of the path decodes, to text without control characters. */
export function pathIsClean(pathname: string): boolean {
  for (const segment of pathname.split('/')) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return false
    }
    if (CONTROL_CHARACTER.test(decoded)) return false
  }
  return true
}

const hasBody = (request: Request) => request.body !== null && request.headers.get('content-length') !== '0'

type RequestProblem = { status: number; problem: Problem }

/**
 * What is wrong with the request by its address and headers alone: a body declared too large, a
 * path that does not decode. Never reads the body, so the proxy can answer before Next.js does.
 */
export function headerProblem(request: Request): RequestProblem | undefined {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) {
    const params = { declaredMb: Math.ceil(declared / MB), limitMb: MAX_REQUEST_BYTES / MB }
    return { status: 413, problem: problem('request.tooLarge', { params }) }
  }
  if (!pathIsClean(new URL(request.url).pathname)) return { status: 400, problem: problem('request.badPath') }
  return undefined
}

/** What is wrong with the request before it is read, with the status to answer; undefined when nothing is. */
export async function requestProblem(request: Request): Promise<RequestProblem | undefined> {
  const found = headerProblem(request)
  if (found) return found
  if (!BODY_METHODS.has(request.method.toUpperCase()) || !hasBody(request)) return undefined

  const contentType = request.headers.get('content-type')
  const type = essenceOf(contentType)
  if (!READABLE_TYPES.has(type)) return { status: 415, problem: problem('request.unsupportedType', { params: { type: type || '-' } }) }
  if (type === 'multipart/form-data' && !/;\s*boundary=("[^"]+"|[^\s;]+)/i.test(contentType ?? '')) {
    return { status: 400, problem: problem('request.unreadableForm') }
  }
  if (type === 'application/json') {
    // A copy: Payload reads the body itself afterwards.
    const text = await request.clone().text()
    if (text.trim() === '') return undefined
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return { status: 400, problem: problem('request.invalidJson') }
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return { status: 400, problem: problem('request.bodyNotObject') }
  }
  return undefined
}

/**
 * A refusal naming one problem of the catalogue (cms/domain/problems.ts) in `lang`, shaped like a
 * refused save: the message, and the problem as data under `errors[0].data.problems`.
 */
export function problemResponse(lang: Lang, status: number, item: Problem, headers = new Headers()): Response {
  const message = problemMessage(item, lang)
  return Response.json({ errors: [{ message, data: { problems: [item] } }], message }, { status, headers })
}
