import type { AfterErrorHookArgs } from 'payload'
import { describe, expect, it } from 'vitest'

import { keepErrorDetails } from '../../cms/hooks/keepErrorDetails.ts'

/** An error as another copy of the `payload` module would throw it: the same shape, not the same class. */
const foreignValidationError = () =>
  Object.assign(new Error('The following field is invalid: status'), {
    name: 'ValidationError',
    status: 400,
    isPublic: true,
    data: { collection: 'reports', errors: [{ path: 'answers', message: 'Pertanyaan G1 belum dijawab / Question G1 is not answered' }] },
  })

const run = async (error: Error, result: AfterErrorHookArgs['result']) =>
  keepErrorDetails({ error, result, context: {}, req: {} as AfterErrorHookArgs['req'] } as AfterErrorHookArgs)

describe('keepErrorDetails', () => {
  it("puts back the field messages Payload dropped from a refused save's answer", async () => {
    const outcome = await run(foreignValidationError(), { errors: [{ message: 'The following field is invalid: status' }] })
    expect(outcome?.response?.errors?.[0]?.data).toEqual({
      collection: 'reports',
      errors: [{ path: 'answers', message: 'Pertanyaan G1 belum dijawab / Question G1 is not answered' }],
    })
  })

  it('puts back the message of a public refusal whose class lost its name to minifying', async () => {
    const error = Object.assign(new Error('Akun demo dinonaktifkan di server produksi'), { name: '', status: 403, isPublic: true, data: undefined })
    const outcome = await run(error, { errors: [{ message: 'An unknown error occurred.' }] })
    expect(outcome?.response?.errors).toEqual([{ message: 'Akun demo dinonaktifkan di server produksi' }])
  })

  it('leaves an answer that already carries the details alone', async () => {
    const error = foreignValidationError()
    await expect(run(error, { errors: [{ message: error.message, data: error.data }] })).resolves.toBeUndefined()
    const refusal = Object.assign(new Error('Log audit hanya bisa ditambah'), { name: 'APIError', status: 403, isPublic: true })
    await expect(run(refusal, { errors: [{ message: refusal.message }] })).resolves.toBeUndefined()
  })

  it.each([
    ['a server fault', { status: 500, isPublic: true }],
    ['an error not meant for the public', { status: 400, isPublic: false }],
  ])('never exposes the data of %s', async (_name, override) => {
    const error = Object.assign(foreignValidationError(), override)
    await expect(run(error, { errors: [{ message: 'Something went wrong.' }] })).resolves.toBeUndefined()
  })
})
