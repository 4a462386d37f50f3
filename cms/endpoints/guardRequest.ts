import { getRequestLanguage, headersWithCors, type PayloadRequest, type SanitizedConfig } from 'payload'
import { parseCookies } from 'payload/shared'

import { MAX_REQUEST_BYTES } from '../constants.ts'
import { langOf, type Problem, problem } from '../domain/problems.ts'
import { problemResponse } from './responses.ts'

/**
 * The first look at every REST request, before Payload reads any of it: what Payload itself would
 * only find out by reading the body, or by failing with a 500 and a stack trace in the log. A body
 * declared larger than Pantau accepts is refused at once (413), not read for minutes; a path that
 * does not decode or holds a control character, a body of a type no endpoint reads (415), JSON that
 * is not an object, and a multipart form without a boundary are refused (400), each with a message
 * in the caller's language. `cms/app/(payload)/api/[...slug]/route.ts` puts it before Payload's REST
 * handlers; the tests call that same route.
 */

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT'])
/** JSON, upload forms, and the form encoding Payload's admin uses to send a long query as POST. */
const READABLE_TYPES = new Set(['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded'])
const CONTROL_CHARACTER = /\p{Cc}/u
const MB = 1024 * 1024

const essenceOf = (contentType: string | null) => (contentType ?? '').split(';', 1)[0].trim().toLowerCase()

/** Whether every segment of the path decodes, to text without control characters. */
function pathIsClean(pathname: string): boolean {
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

/** What is wrong with the request before it is read, with the status to answer; undefined when nothing is. */
export async function requestProblem(request: Request): Promise<{ status: number; problem: Problem } | undefined> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) {
    const params = { declaredMb: Math.ceil(declared / MB), limitMb: MAX_REQUEST_BYTES / MB }
    return { status: 413, problem: problem('request.tooLarge', { params }) }
  }
  if (!pathIsClean(new URL(request.url).pathname)) return { status: 400, problem: problem('request.badPath') }
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

type RouteHandler<A> = (request: Request, args: A) => Promise<Response>

/**
 * Wraps a REST route handler so that a malformed request is answered here, in the language Payload
 * would answer in (its language cookie, then Accept-Language), with Payload's CORS headers.
 */
export const guardRequests =
  (configPromise: Promise<SanitizedConfig> | SanitizedConfig) =>
  <A>(handler: RouteHandler<A>): RouteHandler<A> =>
  async (request, args) => {
    const found = await requestProblem(request)
    if (!found) return handler(request, args)
    const config = await configPromise
    const lang = langOf(getRequestLanguage({ config, cookies: parseCookies(request.headers), headers: request.headers }))
    const cors = headersWithCors({ headers: new Headers(), req: { headers: request.headers, payload: { config } } as unknown as PayloadRequest })
    return problemResponse(lang, found.status, found.problem, cors)
  }
