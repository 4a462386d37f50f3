import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { DEMO_PASSWORD } from '../../seed/data/accounts.ts'
import { PROGRAM_SLUGS } from '../../seed/data/programs.ts'
import { launchChromium, paintedPixels } from '../helpers/browser.ts'
import { login } from '../helpers/rest.ts'

/**
 * The public site as a reader gets it from the static build, and the way from "publish" in the
 * CMS to the page: the global setup runs the CMS with `PANTAU_PUBLISH_BUILD_SITE=true`, so the
 * `publish-site` job rebuilds the site, and `astro preview` serves each request from disk.
 */

const adminURL = inject('adminURL')
const siteURL = inject('siteURL')

const HOME = '/'
const CITY = '/kota/kota-ambon/'
const PROGRAMME = `/kota/kota-ambon/${PROGRAM_SLUGS.plasticRecycling}/`

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/** The JavaScript files a page asks for, from the first request on. */
function scriptRequests(page: Page): string[] {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script' || new URL(request.url()).pathname.endsWith('.js')) scripts.push(request.url())
  })
  return scripts
}

/** Scrolls every chart into view in turn and waits until chart.js has drawn on it. */
async function drawEveryChart(page: Page): Promise<number> {
  const canvases = page.locator('canvas[data-chart]')
  const count = await canvases.count()
  for (let index = 0; index < count; index += 1) {
    const canvas = canvases.nth(index)
    await canvas.scrollIntoViewIfNeeded()
    await expect.poll(() => canvas.getAttribute('data-drawn'), { timeout: 20_000 }).toBe('true')
    await expect.poll(() => paintedPixels(canvas), { timeout: 5_000 }).toBeGreaterThan(1000)
  }
  return count
}

describe('the public pages in Chromium', () => {
  it('renders the home page from the snapshot, with the cities by cohort and the pillar averages as a radar', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const scripts = scriptRequests(page)
    const response = await page.goto(`${siteURL}${HOME}`, { waitUntil: 'networkidle' })
    expect(response?.status()).toBe(200)
    expect(await page.locator('html').getAttribute('lang')).toBe('id')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Pantau/)
    expect(await page.getByRole('link', { name: 'Kota Ambon' }).count()).toBeGreaterThan(0)
    // The demo's accepted 2022 results score four pillars: one radar, and a row per pillar that
    // links to the pillar's page.
    const averages = page.getByRole('region', { name: /Rata-rata nilai terakhir/ })
    const pillars = await averages.locator('tbody tr').count()
    expect(pillars).toBeGreaterThanOrEqual(3)
    expect(await averages.getByRole('link').count()).toBe(pillars)
    expect(await drawEveryChart(page)).toBe(1)
    // chart.js parses and draws in the chart worker, off the page's main thread.
    expect(scripts.some((url) => url.includes('chartWorker'))).toBe(true)
    await context.close()
  })

  it('renders the city page with its programmes, and draws each chart it has once scrolled to', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 400 } })
    const page = await context.newPage()
    const scripts = scriptRequests(page)
    const response = await page.goto(`${siteURL}${CITY}`, { waitUntil: 'networkidle' })
    expect(response?.status()).toBe(200)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kota Ambon')
    expect(await page.getByRole('link', { name: /Pabrik Daur Ulang Sampah Plastik/ }).count()).toBeGreaterThan(0)
    // Ambon's accepted 2022 result scores four pillars: the radar, below the fold, whose part of
    // chart.js loads once it is scrolled to. (The index line needs a second accepted round.)
    expect(scripts.some((url) => url.includes('chartWorker'))).toBe(false)
    expect(await drawEveryChart(page)).toBeGreaterThanOrEqual(1)
    expect(scripts.some((url) => url.includes('chartWorker'))).toBe(true)
    // The latest round's results document comes from the CMS to anyone, signed in or not.
    const results = await page.getByRole('link', { name: /^Dokumen hasil evaluasi \d{4} \(PDF\)$/ }).getAttribute('href')
    const pdf = await context.request.get(results!)
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    await context.close()
  })

  it('renders the programme page and draws every indicator chart after it scrolls into view', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 300 } })
    const page = await context.newPage()
    const scripts = scriptRequests(page)
    await page.goto(`${siteURL}${PROGRAMME}`, { waitUntil: 'networkidle' })
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pabrik Daur Ulang Sampah Plastik')
    expect(scripts.some((url) => url.includes('chartWorker'))).toBe(false)
    expect(await drawEveryChart(page)).toBeGreaterThanOrEqual(1)
    expect(scripts.some((url) => url.includes('chartWorker'))).toBe(true)
    // The opening's update carries its photo, described for screen readers, served by the CMS.
    const photo = page.getByRole('img', { name: /^Gedung pabrik daur ulang/ })
    await photo.scrollIntoViewIfNeeded()
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0)
    await context.close()
  })

  it('gives readers without JavaScript the figures in tables and requests no chart script', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    for (const path of [PROGRAMME, CITY, HOME]) {
      const page = await context.newPage()
      const scripts = scriptRequests(page)
      await page.goto(`${siteURL}${path}`, { waitUntil: 'networkidle' })
      const cells = await page.locator('main table tbody td.number').allTextContents()
      expect(cells.some((cell) => /^\d[\d.,]*%?$/.test(cell.trim()))).toBe(true)
      for (const canvas of await page.locator('canvas').all()) expect(await canvas.isVisible()).toBe(false)
      expect(scripts).toEqual([])
      await page.close()
    }
    await context.close()
  })

  // Jambi has neither programmes nor accepted results yet; the pillar, open-data and method pages
  // are text and tables.
  it.each([
    '/kota/kota-jambi/',
    '/en/kota/kota-jambi/',
    '/pilar/smart-environment/',
    '/data-terbuka/',
    '/metode/',
    '/en/open-data/',
    '/en/method/',
  ])('loads no JavaScript at all on the chartless page %s', async (path) => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const scripts = scriptRequests(page)
    const response = await page.goto(`${siteURL}${path}`, { waitUntil: 'networkidle' })
    expect(response?.status()).toBe(200)
    expect(await page.locator('canvas').count()).toBe(0)
    expect(await page.locator('script').count()).toBe(0)
    expect(scripts).toEqual([])
    await context.close()
  })

  it.each([
    [HOME, 'id'],
    [CITY, 'id'],
    [PROGRAMME, 'id'],
    ['/en/', 'en'],
    [`/en${CITY}`, 'en'],
    [`/en${PROGRAMME}`, 'en'],
  ])('marks %s as lang="%s" and links the other language with its own lang', async (path, lang) => {
    const response = await fetch(`${siteURL}${path}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(new RegExp(`<html[^>]* lang="${lang}"`))
    const other = lang === 'id' ? 'en' : 'id'
    expect(html).toMatch(new RegExp(`<a [^>]*hreflang="${other}"[^>]* lang="${other}"`))
  })

  it('answers an unknown address with 404 and the bilingual not-found page', async () => {
    const response = await fetch(`${siteURL}/kota/kota-yang-tidak-ada/`)
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).toContain('Halaman tidak ditemukan')
    expect(html).toContain('Page not found')
  })
})

const text = (value: string) => ({ type: 'text', version: 1, text: value, detail: 0, format: 0, mode: 'normal', style: '' })
const block = (type: string, children: object[], extra: object = {}) => ({
  type,
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  children,
  ...extra,
})

/** Rich text as a hostile or careless editor could send it through the API. */
function hostileBody(marker: string) {
  return {
    root: block('root', [
      block('paragraph', [text(`${marker} <script>alert(1)</script> <img src=x onerror=alert(1)>`)], { textFormat: 0, textStyle: '' }),
      block(
        'paragraph',
        [
          text('Lihat '),
          block('link', [text('tautan ini')], { version: 3, fields: { linkType: 'custom', url: 'javascript:alert(document.domain)', newTab: false } }),
        ],
        { textFormat: 0, textStyle: '' },
      ),
    ]),
  }
}

describe('publishing an update in the CMS', () => {
  it('shows it on the programme page after the publish-site job rebuilt the site, with its script neutralised', async () => {
    const token = await login(adminURL, 'sekretariat@pantau.example', DEMO_PASSWORD)
    const headers = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
    const found = await fetch(`${adminURL}/api/programs?where[slug][equals]=${PROGRAM_SLUGS.plasticRecycling}&depth=0`, { headers })
    const [programme] = ((await found.json()) as { docs: { id: number; city: number }[] }).docs
    expect(programme).toBeDefined()

    const title = `Kabar uji terbit ${Date.now()}`
    const published = performance.now()
    const created = await fetch(`${adminURL}/api/updates?locale=id`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title,
        date: new Date().toISOString(),
        program: programme.id,
        city: programme.city,
        body: hostileBody('MUATAN-UJI'),
        _status: 'published',
      }),
    })
    expect(created.status, await created.clone().text()).toBe(201)

    let html = ''
    await expect
      .poll(
        async () => {
          const response = await fetch(`${siteURL}${PROGRAMME}`)
          html = response.ok ? await response.text() : ''
          return html.includes(title)
        },
        { timeout: 180_000, interval: 1_000 },
      )
      .toBe(true)
    const seconds = (performance.now() - published) / 1000
    console.log(`publish -> programme page updated: ${seconds.toFixed(1)} s`)

    // The payload arrives as visible text, escaped, never as markup.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/<script>alert\(1\)/)
    expect(html).not.toMatch(/<img[^>]*onerror/i)
    expect(html).not.toMatch(/href="\s*javascript:/i)

    const context = await browser.newContext()
    const page = await context.newPage()
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto(`${siteURL}${PROGRAMME}`, { waitUntil: 'networkidle' })
    const update = page.locator('article', { has: page.getByRole('heading', { name: title }) })
    await expect.poll(() => update.count()).toBe(1)
    expect(await update.textContent()).toContain('<script>alert(1)</script>')
    expect(await update.locator('script, img[onerror], [onerror]').count()).toBe(0)
    const scriptSources = await page.locator('script').evaluateAll((scripts) => scripts.map((script) => script.textContent ?? ''))
    expect(scriptSources.some((source) => source.includes('alert('))).toBe(false)
    for (const href of await update.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) {
      expect(href.trim().toLowerCase().startsWith('javascript:')).toBe(false)
    }
    const link = update.getByText('tautan ini')
    if ((await link.count()) > 0) await link.click({ noWaitAfter: true }).catch(() => undefined)
    await page.waitForTimeout(500)
    expect(dialogs).toEqual([])
    await context.close()
  })
})
