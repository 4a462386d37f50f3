import { getPayload, headersWithCors, type PayloadRequest, type SanitizedConfig } from 'payload'

import { logsAsJson, REQUEST_ID_HEADER, requestIdOf, withRequestId } from '../infra/requestLog.ts'
import { problemResponse, requestLanguage, requestProblem } from './requestProblem.ts'

/**
 * The first look at every REST request, before Payload reads any of it: what Payload itself would
 * only find out by reading the body, or by failing with a 500 and a stack trace in the log. A body
 * declared larger than Pantau accepts is refused at once (413), not read for minutes; a path that
 * does not decode or holds a control character, a body of a type no endpoint reads (415), JSON that
 * is not an object, and a multipart form without a boundary are refused (400), each with a message
 * in the caller's language. `cms/app/(payload)/api/[...slug]/route.ts` puts it before Payload's REST
 * handlers; the tests call that same route. The checks themselves are in ./requestProblem.ts.
 *
 * It also gives each request its id (infra/requestLog.ts): every log line written while it is
 * answered carries the id, the answer names it in `X-Request-Id`, and with JSON logs (production) one line records
 * the request when it is answered (method, path without the query, status, milliseconds; never a
 * header or body).
 */

type RouteHandler<A> = (request: Request, args: A) => Promise<Response>

/**
 * Wraps a REST route handler so that a malformed request is answered here, in the language Payload
 * would answer in (its language cookie, then Accept-Language), with Payload's CORS headers.
 */
export const guardRequests =
  (configPromise: Promise<SanitizedConfig> | SanitizedConfig) =>
  <A>(handler: RouteHandler<A>): RouteHandler<A> =>
  async (request, args) => {
    const id = requestIdOf(request.headers)
    const started = performance.now()
    const response = await withRequestId(id, () => answer(configPromise, handler, request, args))
    if (logsAsJson()) {
      const { logger } = await getPayload({ config: configPromise })
      const line = { method: request.method, path: new URL(request.url).pathname, status: response.status, ms: Math.round(performance.now() - started) }
      withRequestId(id, () => logger.info(line, 'request'))
    }
    return withHeader(response, REQUEST_ID_HEADER, id)
  }

async function answer<A>(configPromise: Promise<SanitizedConfig> | SanitizedConfig, handler: RouteHandler<A>, request: Request, args: A): Promise<Response> {
  const found = await requestProblem(request)
  if (!found) return handler(request, args)
  const config = await configPromise
  const cors = headersWithCors({ headers: new Headers(), req: { headers: request.headers, payload: { config } } as unknown as PayloadRequest })
  return problemResponse(requestLanguage(request.headers), found.status, found.problem, cors)
}

/** `response` with one more header; a response whose headers are fixed (a redirect) is copied first. */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value)
    return response
  } catch {
    const headers = new Headers(response.headers)
    headers.set(name, value)
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
}
