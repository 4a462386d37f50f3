import { extractHeaderLanguage } from '@payloadcms/translations'
import { APIError } from 'payload'

import { MAX_UPLOAD_BYTES } from '../constants.ts'
import { langOf, problem, problemMessage } from '../domain/problems.ts'

/**
 * The admin language of a raw request, as Payload decides it (its language cookie, then the
 * browser's Accept-Language): the upload limit is hit while the body is read, before Payload has
 * built `req.i18n`.
 */
function languageOf(request: Request): string | undefined {
  const cookie = (request.headers.get('cookie') ?? '').match(/(?:^|;\s*)payload-lng=([^;]+)/)?.[1]
  if (cookie) return decodeURIComponent(cookie)
  const header = request.headers.get('accept-language')
  return header ? extractHeaderLanguage(header) : undefined
}

/**
 * Refuses an upload over the limit with 413 and a message in the person's language; Payload's own
 * `responseOnLimit` is one fixed text for everyone.
 */
export function refuseOversizedUpload({ request }: { request: Request }): never {
  const message = problemMessage(problem('upload.tooLarge', { params: { megabytes: MAX_UPLOAD_BYTES / 1024 / 1024 } }), langOf(languageOf(request)))
  throw new APIError(message, 413, undefined, true)
}
