import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { DEMO_ACCOUNTS } from '../../seed/data/accounts.ts'
import { launchChromium } from '../helpers/browser.ts'
import { getJSON, login } from '../helpers/rest.ts'

const adminURL = inject('adminURL')
const council = DEMO_ACCOUNTS.find((account) => account.email === 'dewan.ambon@pantau.example')!

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
  const context = await browser.newContext({ locale: 'id-ID' })
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
})

/** The secretariat's API token: what the council may not read itself is looked up as the secretariat. */
async function secretariatToken(): Promise<string> {
  const secretariat = DEMO_ACCOUNTS.find((account) => account.role === 'secretariat')!
  return login(adminURL, secretariat.email, secretariat.password)
}

/** Rows of the admin list view currently shown. */
async function listedTitles(path: string): Promise<string[]> {
  await page.goto(`${adminURL}${path}`)
  await page.locator('.table, .collection-list__no-results').first().waitFor({ timeout: 60_000 })
  return page.locator('.table tbody tr').allInnerTexts()
}

describe('a council member in the admin', () => {
  it('signs in with the demo account', async () => {
    await page.goto(`${adminURL}/admin/login`)
    await page.locator('input[name="email"]').fill(council.email)
    await page.locator('input[name="password"]').fill(council.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
    await expect(page.locator('body').innerText()).resolves.toMatch(/Program|Laporan/)
  })

  it('sees only its own city among the cities', async () => {
    const rows = await listedTitles('/admin/collections/cities')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toContain('Kota Ambon')
  })

  it("sees Ambon's programmes, private ones included, and no other city's", async () => {
    const token = await secretariatToken()
    const { body } = await getJSON(`${adminURL}/api/programs?limit=100&depth=1`, token)
    const programs = (body as { docs: { title: string; isPublic: boolean; city: { regionCode: string } }[] }).docs
    const ambon = programs.filter((program) => program.city.regionCode === '81.71')
    const elsewhere = programs.filter((program) => program.city.regionCode !== '81.71')
    expect(ambon.some((program) => !program.isPublic)).toBe(true)
    expect(elsewhere.length).toBeGreaterThan(0)

    const rows = (await listedTitles('/admin/collections/programs?limit=100')).join('\n')
    for (const program of ambon) expect(rows).toContain(program.title)
    for (const program of elsewhere) expect(rows).not.toContain(program.title)
    // Whether a programme is on the public site reads as a word, not Payload's "benar"/"salah".
    const shown = await page.locator('.table tbody td.cell-isPublic').allInnerTexts()
    expect(new Set(shown.map((cell) => cell.trim()))).toEqual(new Set(['ya', 'tidak']))
  })

  it("reads a value's month by name, and a yearly value as the whole year, not as a missing month", async () => {
    const yearly = await listedTitles('/admin/collections/measurements?limit=20&where[month][exists]=false')
    expect(yearly.length).toBeGreaterThan(0)
    const yearlyMonths = await page.locator('.table tbody td.cell-month').allInnerTexts()
    expect(new Set(yearlyMonths.map((cell) => cell.trim()))).toEqual(new Set(['Setahun']))

    const august = await listedTitles('/admin/collections/measurements?limit=20&where[month][equals]=8')
    expect(august.length).toBeGreaterThan(0)
    const augustMonths = await page.locator('.table tbody td.cell-month').allInnerTexts()
    expect(new Set(augustMonths.map((cell) => cell.trim()))).toEqual(new Set(['Agustus (8)']))
  })

  it("opens a programme and reads its indicators' units, targets and frequencies, not the programme again", async () => {
    const token = await secretariatToken()
    const { body } = await getJSON(`${adminURL}/api/programs?where[slug][equals]=ambon-pabrik-daur-ulang-sampah-plastik&depth=1`, token)
    const [plant] = (body as { docs: { id: number; indicators: { docs: unknown[] } }[] }).docs
    expect(plant.indicators.docs.length).toBeGreaterThan(0)
    expect(plant.indicators.docs.every((indicator) => ['number', 'string'].includes(typeof indicator))).toBe(true)

    await page.goto(`${adminURL}/admin/collections/programs/${plant.id}`)
    const table = page.locator('.relationship-table').first()
    await table.locator('tbody tr').first().waitFor({ timeout: 60_000 })
    const headings = (await table.locator('thead th').allInnerTexts()).map((heading) => heading.trim()).filter(Boolean)
    expect(headings).toEqual(['Nama', 'Satuan', 'Target', 'Tahun target', 'Frekuensi pelaporan'])
    const rows = await table.locator('tbody tr').allInnerTexts()
    expect(rows).toHaveLength(plant.indicators.docs.length)
    expect(rows.find((row) => row.includes('Sampah plastik yang didaur ulang'))).toMatch(/ton\s+250\s+2024\s+Bulanan/)
  })

  it('sees only its own city\'s reports', async () => {
    const rows = await listedTitles('/admin/collections/reports')
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((row) => row.includes('Kota Ambon'))).toBe(true)
  })
})
