import type { Payload } from 'payload'

import * as route from '../../cms/app/(payload)/api/[...slug]/route.ts'
import { COLLECTIONS } from '../../cms/constants.ts'
import type { UploadFile } from './files.ts'
import { TEST_PASSWORD } from './users.ts'

export interface ApiResponse<T = any> {
  status: number
  body: T
  headers: Headers
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** The route segments Next.js hands the `[...slug]` route: the path after /api, each segment decoded. */
function slugOf(url: URL): string[] {
  return url.pathname
    .replace(/^\/api\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment)
      } catch {
        return segment
      }
    })
}

/**
 * Sends `request` to the app's REST route (`cms/app/(payload)/api/[...slug]/route.ts`) in this
 * process, as Next.js does: the request guard, then Payload's REST router (parsing,
 * authentication, access, error responses), without starting a server.
 */
export async function sendApi(request: Request): Promise<Response> {
  const handler = route[request.method.toUpperCase() as Method]
  return handler(request, { params: Promise.resolve({ slug: slugOf(new URL(request.url)) }) })
}

/** Sends a request to the REST API as a client would, and reads the answer (JSON, or the bytes). */
export async function callApi<T = any>(
  method: Method,
  path: string,
  options: {
    token?: string
    json?: unknown
    form?: FormData
    headers?: Record<string, string>
    body?: BodyInit
    language?: 'id' | 'en'
  } = {},
): Promise<ApiResponse<T>> {
  const headers = new Headers(options.headers)
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  // The admin language, as the browser announces it (the admin's own cookie takes precedence there).
  if (options.language) headers.set('Accept-Language', options.language)
  let body: BodyInit | undefined = options.body
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json')
    body = JSON.stringify(options.json)
  } else if (options.form) {
    // Encoded up front, as a browser sends it: a refused form is then never left half-streamed.
    const encoded = new Response(options.form)
    headers.set('Content-Type', encoded.headers.get('content-type') as string)
    body = await encoded.arrayBuffer()
  }
  const response = await sendApi(new Request(`http://localhost:3000/api${path}`, { method, headers, body }))
  const type = response.headers.get('content-type') ?? ''
  const parsed = type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer())
  return { status: response.status, body: parsed as T, headers: response.headers }
}

/** Signs `user` in and returns the JWT a REST client would send. */
export async function tokenOf(payload: Payload, user: { email: string }): Promise<string> {
  const { token } = await payload.login({
    collection: COLLECTIONS.users,
    data: { email: user.email, password: TEST_PASSWORD },
  })
  if (!token) throw new Error(`no token for ${user.email}`)
  return token
}

/** A multipart body as the admin and REST clients send an upload: the file plus `_payload` JSON. */
export function uploadForm(file: UploadFile, data: Record<string, unknown> = {}, field = 'file'): FormData {
  const form = new FormData()
  form.append(field, new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
  form.append('_payload', JSON.stringify(data))
  return form
}
