import { Forbidden, NotFound, type Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, REPORT_STATUS } from '../../cms/constants.ts'
import type { City } from '../../cms/payload-types.ts'
import { DEMO_ACCOUNTS } from '../../seed/data/accounts.ts'
import { seedDemo } from '../../seed/scenarios/demo.ts'
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

/** A demo council member as the Local API takes `user`, acting with its own access only. */
async function actingAs(email: string) {
  const { docs: [user] } = await payload.find({ collection: COLLECTIONS.users, where: { email: { equals: email } }, depth: 0 })
  return { user: { ...user, collection: COLLECTIONS.users }, overrideAccess: false as const }
}

/** The council's reports of the 2023 round (the demo's 2022 round is closed and accepted). */
async function ownReports(email: string) {
  const { docs } = await payload.find({
    collection: COLLECTIONS.reports,
    where: { 'period.year': { equals: 2023 } },
    depth: 1,
    ...(await actingAs(email)),
  })
  return docs.map((report) => ({ ...report, city: report.city as City }))
}

describe('demo accounts', () => {
  it('sign in outside production', async () => {
    const result = await signIn()
    expect(result.user?.email).toBe(council.email)
  })

  it("are refused by a production server, in the person's language", async () => {
    Object.assign(process.env, { NODE_ENV: 'production' })
    delete process.env.PANTAU_DEMO_ACCOUNTS
    await expect(signIn()).rejects.toThrow(/^Akun demo dinonaktifkan di server produksi$/)
  })

  it('sign in on a production server that explicitly allows them', async () => {
    Object.assign(process.env, { NODE_ENV: 'production', PANTAU_DEMO_ACCOUNTS: 'true' })
    const result = await signIn()
    expect(result.user?.email).toBe(council.email)
  })
})

describe('the demo councils', () => {
  it('let Semarang fill in its own 2023 draft', async () => {
    const reports = await ownReports('dewan.semarang@pantau.example')
    expect(reports.map((report) => [report.city.name, report.status])).toEqual([['Kota Semarang', REPORT_STATUS.draft]])
    const answers = [{ question: 'out.ict_staff', value: 212, comment: 'Data BKPSDM' }]
    const saved = await payload.update({
      collection: COLLECTIONS.reports,
      id: reports[0].id,
      data: { answers },
      ...(await actingAs('dewan.semarang@pantau.example')),
    })
    expect(saved.answers).toMatchObject(answers)
  })

  it("show Ambon its submitted report, which it can no longer change", async () => {
    const reports = await ownReports(council.email)
    expect(reports.map((report) => [report.city.name, report.status])).toEqual([['Kota Ambon', REPORT_STATUS.submitted]])
    const change = payload.update({
      collection: COLLECTIONS.reports,
      id: reports[0].id,
      data: { constraintNotes: 'Diubah setelah diajukan' },
      ...(await actingAs(council.email)),
    })
    await expect(change).rejects.toSatisfy((error) => error instanceof Forbidden || error instanceof NotFound)
  })
})
