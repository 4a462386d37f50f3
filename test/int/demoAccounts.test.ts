import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_ACCOUNTS } from '../../seed/accounts.ts'
import { seedDemo } from '../../seed/demo.ts'
import { testPayload } from '../helpers/payload.ts'

const council = DEMO_ACCOUNTS.find((account) => account.email === 'dewan.ambon@pantau.example')!
const saved = { NODE_ENV: process.env.NODE_ENV, PANTAU_DEMO_ACCOUNTS: process.env.PANTAU_DEMO_ACCOUNTS }
let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
  await seedDemo(payload)
})

afterEach(() => {
  Object.assign(process.env, saved)
  if (saved.PANTAU_DEMO_ACCOUNTS === undefined) delete process.env.PANTAU_DEMO_ACCOUNTS
})

const signIn = () =>
  payload.login({ collection: 'users', data: { email: council.email, password: council.password } })

describe('demo accounts', () => {
  it('sign in outside production', async () => {
    const result = await signIn()
    expect(result.user?.email).toBe(council.email)
  })

  it('are refused by a production server, in Indonesian and English', async () => {
    Object.assign(process.env, { NODE_ENV: 'production' })
    delete process.env.PANTAU_DEMO_ACCOUNTS
    await expect(signIn()).rejects.toThrow(/Akun demo dinonaktifkan.*Demo accounts are disabled/)
  })

  it('sign in on a production server that explicitly allows them', async () => {
    Object.assign(process.env, { NODE_ENV: 'production', PANTAU_DEMO_ACCOUNTS: 'true' })
    const result = await signIn()
    expect(result.user?.email).toBe(council.email)
  })
})
