import { type NextRequest, NextResponse } from 'next/server'

import { headerProblem, LANGUAGE_COOKIE, problemResponse, requestLanguage } from './endpoints/requestProblem.ts'
import { photoOrigins } from './infra/bucket.ts'
import { adminContentSecurityPolicy } from './infra/securityHeaders.ts'

const DEFAULT_LANGUAGE = 'id'

/**
 * Every admin page gets a Content-Security-Policy with a nonce of its own: Next.js reads it from the
 * request and puts it on the scripts it writes into the page, so only those run (see
 * cms/infra/securityHeaders.ts). And Pantau's admin is Indonesian first: until a person picks a
 * language in their account settings, the admin speaks Indonesian whatever the browser's
 * Accept-Language says (Payload would follow it).
 */
function adminPage(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID())
  const policy = adminContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development', imageOrigins: photoOrigins() })
  const chooseLanguage = !request.cookies.has(LANGUAGE_COOKIE)
  if (chooseLanguage) request.cookies.set(LANGUAGE_COOKIE, DEFAULT_LANGUAGE)
  const headers = new Headers(request.headers)
  headers.set('Content-Security-Policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('Content-Security-Policy', policy)
  if (chooseLanguage) {
    response.cookies.set(LANGUAGE_COOKIE, DEFAULT_LANGUAGE, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 })
  }
  return response
}

/**
 * An API path that does not decode is answered here with the route guard's 400: Next.js decodes the
 * route's parameters before the route runs and would fail with a 500. Everything else about a
 * malformed request is for the route guard (cms/endpoints/guardRequest.ts).
 */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith('/admin')) return adminPage(request)
  const found = headerProblem(request)
  if (found) return problemResponse(requestLanguage(request.headers), found.status, found.problem)
  return NextResponse.next()
}

export const config = {
  // API requests reach the proxy only when their path holds a percent-encoding: Next.js reads the
  // whole body of a request before its proxy runs, so an oversized upload sent to the proxy would be
  // read before anyone could refuse it (the route guard refuses it by its declared size at once).
  matcher: ['/admin/:path*', '/api/:path(.*%.*)'],
}
