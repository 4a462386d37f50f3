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
