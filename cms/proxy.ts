import { type NextRequest, NextResponse } from 'next/server'

/** Payload's language cookie (`<cookiePrefix>-lng`). */
const LANGUAGE_COOKIE = 'payload-lng'
const DEFAULT_LANGUAGE = 'id'

/**
 * Pantau's admin is Indonesian first: until a person picks a language in their account settings,
 * the admin speaks Indonesian whatever the browser's Accept-Language says (Payload would follow it).
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next()
  request.cookies.set(LANGUAGE_COOKIE, DEFAULT_LANGUAGE)
  const response = NextResponse.next({ request: { headers: request.headers } })
  response.cookies.set(LANGUAGE_COOKIE, DEFAULT_LANGUAGE, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 })
  return response
}

export const config = {
  matcher: ['/admin/:path*'],
}
