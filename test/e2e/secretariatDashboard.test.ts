import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { ROLES } from '../../cms/constants.ts'
import { DEMO_ACCOUNTS } from '../../seed/data/accounts.ts'
import { launchChromium } from '../helpers/browser.ts'

const adminURL = inject('adminURL')

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

async function signedIn(role: string): Promise<Page> {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role)!
  const page = await (await browser.newContext({ locale: 'id-ID' })).newPage()
  await page.goto(`${adminURL}/admin/login`)
  await page.locator('input[name="email"]').fill(account.email)
  await page.locator('input[name="password"]').fill(account.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  return page
}

describe("the secretariat's period overview", () => {
  it('is linked from the navigation and lists every participating city with its report status', async () => {
    const page = await signedIn(ROLES.secretariat)
    // The navigation starts folded on a narrow window: the link is there, then followed.
    const href = await page.locator('#nav-ringkasan').getAttribute('href')
    expect(href).toMatch(/\/admin\/ringkasan$/)
    await page.goto(`${adminURL}${href}`)
    const rows = await page.getByTestId('dashboard-cities').locator('tbody tr').allInnerTexts()
    expect(rows.length).toBeGreaterThanOrEqual(5)
    // The demo's 2023 round closed with Makassar's report still a draft. (Other tests file Semarang's
    // report and review Ambon's, so their rows depend on the order the files run in.)
    for (const city of ['Kota Ambon', 'Kota Semarang', 'Kota Samarinda', 'Kabupaten Banyuwangi', 'Kota Makassar']) {
      expect(rows.some((row) => row.includes(city))).toBe(true)
    }
    expect(rows.find((row) => row.includes('Kota Makassar'))).toMatch(/Draf\s*·\s*terlambat/)
    await expect(page.getByTestId('dashboard-overdue').innerText()).resolves.toContain('Kota Makassar')
    await expect(page.getByTestId('dashboard-overdue').innerText()).resolves.not.toContain('Kota Ambon')
    // Charts are drawn, each beside its table.
    await expect(page.locator('canvas').count()).resolves.toBeGreaterThanOrEqual(2)
    const drawn = await page.locator('canvas').first().evaluate((canvas) => (canvas as HTMLCanvasElement).width > 0)
    expect(drawn).toBe(true)
    // Index bands are written as Indonesian numbers, with a decimal comma.
    const bands = await page.locator('section[aria-labelledby="dash-distribution"] tbody th').allInnerTexts()
    expect(bands[0]).toBe('1,0–1,5')
    expect(bands.at(-1)).toBe('4,5–5,0')
  })

  it('is refused to a council member, and not linked for them', async () => {
    const page = await signedIn(ROLES.council)
    await expect(page.locator('#nav-ringkasan').count()).resolves.toBe(0)
    await page.goto(`${adminURL}/admin/ringkasan`)
    await expect(page.locator('body').innerText()).resolves.toContain('hanya untuk sekretariat')
    await expect(page.getByTestId('dashboard-cities').count()).resolves.toBe(0)
  })

  it('sends a visitor who is not signed in to the login', async () => {
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${adminURL}/admin/ringkasan`)
    await page.waitForURL(/\/admin\/login/)
  })
})
