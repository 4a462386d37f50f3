import { type NextRequest, NextResponse } from 'next/server'

import { adminContentSecurityPolicy } from './infra/securityHeaders.ts'

/** Payload's language cookie (`<cookiePrefix>-lng`). */
const LANGUAGE_COOKIE = 'payload-lng'
const DEFAULT_LANGUAGE = 'id'

/**
 * Every admin page gets a Content-Security-Policy with a nonce of its own: Next.js reads it from the
 * request and puts it on the scripts it writes into the page, so only those run (see
 * cms/infra/securityHeaders.ts). And Pantau's admin is Indonesian first: until a person picks a
 * language in their account settings, the admin speaks Indonesian whatever the browser's
 * Accept-Language says (Payload would follow it).
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID())
  const policy = adminContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' })
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

export const config = {
  matcher: ['/admin/:path*'],
}
