import config from '@payload-config'
import { handleEndpoints, type Payload } from 'payload'

import { COLLECTIONS } from '../../cms/constants.ts'
import type { UploadFile } from './files.ts'
import { TEST_PASSWORD } from './users.ts'

export interface ApiResponse<T = any> {
  status: number
  body: T
  headers: Headers
}

/**
 * Sends a request through Payload's REST router in this process, exactly as the Next.js route
 * handler does (parsing, authentication, access, error responses), without starting a server.
 */
export async function callApi<T = any>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: { token?: string; json?: unknown; form?: FormData; language?: 'id' | 'en' } = {},
): Promise<ApiResponse<T>> {
  const headers = new Headers()
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  // The admin language, as the browser announces it (the admin's own cookie takes precedence there).
  if (options.language) headers.set('Accept-Language', options.language)
  let body: BodyInit | undefined
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json')
    body = JSON.stringify(options.json)
  } else if (options.form) {
    body = options.form
  }
  const request = new Request(`http://localhost:3000/api${path}`, { method, headers, body })
  const response = await handleEndpoints({ config, request })
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
