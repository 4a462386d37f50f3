import { headersWithCors, type PayloadRequest } from 'payload'

/** An error answer in Payload's own shape (`errors: [{ message }]`), which the admin shows as a toast. */
export function refusal(req: PayloadRequest, status: number, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json(
    { errors: [{ message }], message, ...extra },
    { status, headers: headersWithCors({ headers: new Headers(), req }) },
  )
}
