import { headersWithCors, type PayloadRequest } from 'payload'

import { type Lang, langOf, type Problem, problemMessage } from '../domain/problems.ts'

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

/**
 * A refusal naming one problem of the catalogue (cms/domain/problems.ts) in `lang`, shaped like a
 * refused save: the message, and the problem as data under `errors[0].data.problems`.
 */
export function problemResponse(lang: Lang, status: number, item: Problem, headers = new Headers()): Response {
  const message = problemMessage(item, lang)
  return Response.json({ errors: [{ message, data: { problems: [item] } }], message }, { status, headers })
}

/** `problemResponse` for a request Payload has read, in its reader's language and with its CORS headers. */
export const problemRefusal = (req: PayloadRequest, status: number, item: Problem): Response =>
  problemResponse(langOf(req.i18n?.language), status, item, headersWithCors({ headers: new Headers(), req }))
