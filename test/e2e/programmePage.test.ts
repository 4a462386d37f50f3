import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { PROGRAM_SLUGS } from '../../seed/data/programs.ts'
import { launchChromium, paintedPixels } from '../helpers/browser.ts'

const siteURL = inject('siteURL')
const plasticPage = `/kota/kota-ambon/${PROGRAM_SLUGS.plasticRecycling}/`
const PLASTIC = 'Sampah plastik yang didaur ulang'

/** The JavaScript files a page asks for, from the first request on. */
function scriptRequests(page: Page): string[] {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script' || new URL(request.url()).pathname.endsWith('.js')) scripts.push(request.url())
  })
  return scripts
}

const indicatorSection = (page: Page, name: string) =>
  page.locator('section.indicator', { has: page.getByRole('heading', { level: 3, name }) })


let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

describe('the public programme page', () => {
  it('loads chart.js only once a chart scrolls into view, then draws actual against target', async () => {
    // A short window, so the charts start well below the fold.
    const context = await browser.newContext({ viewport: { width: 390, height: 300 } })
    const page = await context.newPage()
    const scripts = scriptRequests(page)
    await page.goto(`${siteURL}${plasticPage}`, { waitUntil: 'networkidle' })
    expect(await page.locator('html').getAttribute('lang')).toBe('id')
    expect(scripts.some((url) => url.includes('chartWorker'))).toBe(false)

    const canvas = indicatorSection(page, PLASTIC).locator('canvas')
    await canvas.scrollIntoViewIfNeeded()
    await expect.poll(() => canvas.getAttribute('data-drawn'), { timeout: 15_000 }).toBe('true')
    expect(scripts.some((url) => url.includes('chartWorker'))).toBe(true)
    const size = await canvas.boundingBox()
    expect(size?.width).toBeGreaterThan(300)
    expect(size?.height).toBeGreaterThan(200)
    await expect.poll(() => paintedPixels(canvas), { timeout: 5_000 }).toBeGreaterThan(1000)
    expect(await canvas.getAttribute('role')).toBe('img')
    expect(await canvas.getAttribute('aria-label')).toMatch(/target 250 ton/)
    await context.close()
  })

  it('puts the same numbers in a table, with the target of 250 tonnes a month on every row', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteURL}${plasticPage}`)
    const table = indicatorSection(page, PLASTIC).getByRole('table')
    await expect.poll(() => table.locator('caption').textContent()).toMatch(/per bulan.*ton/)
    expect(await table.locator('thead th[scope="col"]').allTextContents()).toEqual(['Periode', 'Capaian', 'Target'])
    expect(await table.locator('tbody th[scope="row"]').first().textContent()).toBe('Juni 2023')
    const targets = await table.locator('tbody tr td:last-child').allTextContents()
    expect(targets.length).toBeGreaterThan(12)
    expect(new Set(targets)).toEqual(new Set(['250']))
    await context.close()
  })

  it('still gives readers without JavaScript every figure, and no empty chart box', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const scripts = scriptRequests(page)
    await page.goto(`${siteURL}${plasticPage}`, { waitUntil: 'networkidle' })
    const section = indicatorSection(page, PLASTIC)
    expect(await section.locator('tbody tr').count()).toBeGreaterThan(12)
    expect(await section.locator('tbody tr').first().locator('td').first().textContent()).toMatch(/^\d+(,\d)?$/)
    expect(await section.locator('canvas').isVisible()).toBe(false)
    expect(scripts).toEqual([])
    await context.close()
  })

  it('switches language to the same programme in English', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteURL}${plasticPage}`)
    await page.getByRole('link', { name: 'English' }).click()
    await page.waitForURL(`**/en${plasticPage}`)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Plastic-waste recycling plant')
    expect(await page.getByRole('table').first().locator('thead th').allTextContents()).toContain('Target')
    await context.close()
  })

  it('is reached from the city page', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteURL}/kota/kota-ambon/`)
    await page.getByRole('link', { name: /Pabrik Daur Ulang Sampah Plastik/ }).click()
    await page.waitForURL(`**${plasticPage}`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pabrik Daur Ulang Sampah Plastik')
    await context.close()
  })
})
