import { headersWithCors, type PayloadRequest } from 'payload'

import { type Lang, langOf, type Problem } from '../domain/problems.ts'
import { problemResponse } from './requestProblem.ts'

/** A message in each of Pantau's languages; the person reads the one of their admin language. */
export type Words = Record<Lang, string>

/** `words` in the language of the request's reader. */
export const inLanguageOf = (req: PayloadRequest, words: Words | string): string =>
  typeof words === 'string' ? words : words[langOf(req.i18n?.language)]

/** An error answer in Payload's own shape (`errors: [{ message }]`), which the admin shows as a toast. */
export function refusal(req: PayloadRequest, status: number, message: Words | string, extra: Record<string, unknown> = {}): Response {
  const text = inLanguageOf(req, message)
  return Response.json(
    { errors: [{ message: text }], message: text, ...extra },
    { status, headers: headersWithCors({ headers: new Headers(), req }) },
  )
}

/** `problemResponse` for a request Payload has read, in its reader's language and with its CORS headers. */
export const problemRefusal = (req: PayloadRequest, status: number, item: Problem): Response =>
  problemResponse(langOf(req.i18n?.language), status, item, headersWithCors({ headers: new Headers(), req }))
