import { headersWithCors, type PayloadRequest } from 'payload'

import { type Lang, langOf } from '../domain/problems.ts'

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
