import { expect } from 'vitest'

/**
 * Asserts that a Payload call fails with a ValidationError whose message for `path` matches
 * `pattern`. Payload's Error.message only names the field; the person-facing text is per field.
 */
export async function expectFieldError(call: Promise<unknown>, path: string, pattern: RegExp): Promise<void> {
  await expect(call).rejects.toMatchObject({
    data: { errors: expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(pattern) })]) },
  })
}

/**
 * Asserts that a Payload call is refused with exactly these problem codes, in this order (see
 * cms/domain/problems.ts), and returns the problems for further checks.
 */
export async function expectProblems(call: Promise<unknown>, codes: string[]): Promise<{ code: string; question?: string; params?: Record<string, unknown> }[]> {
  const error = (await call.then(
    () => {
      throw new Error(`expected a refusal with ${codes.join(', ')}, but the call succeeded`)
    },
    (caught: unknown) => caught,
  )) as { data?: { problems?: { code: string; question?: string; params?: Record<string, unknown> }[] } }
  const problems = error?.data?.problems ?? []
  expect(problems.map((item) => item.code)).toEqual(codes)
  return problems
}
