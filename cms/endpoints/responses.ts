import { headersWithCors, type PayloadRequest } from 'payload'

import { type Lang, langOf, type Problem, problemMessage } from '../domain/problems.ts'
import { problemResponse } from './requestProblem.ts'

/** A message in each of Pantau's languages; the person reads the one of their admin language. */
export type Words = Record<Lang, string>

const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null && 'code' in value

/** `words` (or a problem of the catalogue) in the language of the request's reader. */
export const inLanguageOf = (req: PayloadRequest, words: Words | Problem): string =>
  isProblem(words) ? problemMessage(words, langOf(req.i18n?.language)) : words[langOf(req.i18n?.language)]

/**
 * An error answer in Payload's own shape (`errors: [{ message }]`), which the admin shows as a toast,
 * in the reader's language; a problem of the catalogue also travels as data (`data.problems`).
 */
export function refusal(req: PayloadRequest, status: number, message: Problem | Words, extra: Record<string, unknown> = {}): Response {
  const text = inLanguageOf(req, message)
  const data = isProblem(message) ? { data: { problems: [message] } } : {}
  return Response.json(
    { errors: [{ message: text, ...data }], message: text, ...extra },
    { status, headers: headersWithCors({ headers: new Headers(), req }) },
  )
}

/** `problemResponse` for a request Payload has read, in its reader's language and with its CORS headers. */
export const problemRefusal = (req: PayloadRequest, status: number, item: Problem): Response =>
  problemResponse(langOf(req.i18n?.language), status, item, headersWithCors({ headers: new Headers(), req }))
