/**
 * What a citizen or journalist comes back to the public site for: comparing cities (with and
 * without JavaScript), searching in either language, downloading one city's data with names, and
 * a share picture for a city's page.
 */
import { strFromU8, unzipSync } from 'fflate'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { PROGRAM_SLUGS } from '../../seed/data/programs.ts'
import { launchChromium } from '../helpers/browser.ts'
import { csvRecords } from '../helpers/csv.ts'

const siteURL = inject('siteURL')

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

const compareRows = (page: Page) => page.locator('table.compare tbody tr')
const visibleCities = (page: Page) => page.locator('table.compare tbody tr:not([hidden]) th[scope="row"]').allTextContents()
/**
 * Each city's latest published index, read from the site's own open data: other browser tests may
 * accept a report (Ambon's 2023) before this file runs, and the compare page must follow.
 */
async function latestIndices(): Promise<Map<number, number>> {
  const scores = (await (await fetch(`${siteURL}/data/scores.json`)).json()) as { city: number; periodYear: number; overall: number | null }[]
  const latest = new Map<number, { year: number; overall: number }>()
  for (const score of scores) {
    if (score.overall === null) continue
    const known = latest.get(score.city)
    if (!known || score.periodYear > known.year) latest.set(score.city, { year: score.periodYear, overall: score.overall })
  }
  return new Map([...latest].map(([city, { overall }]) => [city, overall]))
}
const cityIds = async () => {
  const cities = (await (await fetch(`${siteURL}/data/cities.json`)).json()) as { id: number; name: string }[]
  return new Map(cities.map((city) => [city.name, city.id]))
}
const shown = (value: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(value)

const indexColumn = async (page: Page) => {
  const headers = await page.locator('table.compare thead th').allTextContents()
  return headers.findIndex((header) => header.trim() === 'Indeks capaian')
}

describe('the compare page', () => {
  it('shows every city in one table without JavaScript, and no filter that could not work', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const response = await page.goto(`${siteURL}/bandingkan/`)
    expect(response?.status()).toBe(200)
    // The demo's ten cities, each with its row and a link to its page.
    expect(await compareRows(page).count()).toBe(10)
    expect(await page.getByRole('link', { name: 'Kota Ambon' }).first().getAttribute('href')).toBe('/kota/kota-ambon/')
    const ambon = page.locator('table.compare tbody tr', { has: page.getByRole('link', { name: 'Kota Ambon' }) })
    const ambonIndex = (await latestIndices()).get((await cityIds()).get('Kota Ambon') as number)
    expect(ambonIndex).toBeTypeOf('number')
    expect(await ambon.locator('td').allTextContents()).toContain(shown(ambonIndex as number))
    expect(await page.locator('form#filter-bandingkan').isVisible()).toBe(false)
    await context.close()
  })

  it('sorts by a column heading and filters by province with JavaScript', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteURL}/bandingkan/`, { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: 'Indeks capaian' }).click()
    const column = await indexColumn(page)
    const indices = await page.locator(`table.compare tbody tr td:nth-child(${column + 1})`).allTextContents()
    const scored = indices.filter((text) => text !== '–').map((text) => Number(text.replace(',', '.')))
    expect(scored).toEqual([...scored].sort((a, b) => b - a))
    const indices_ = await latestIndices()
    const best = Math.max(...indices_.values())
    expect(scored[0]).toBe(Number(shown(best).replace(',', '.')))
    const names = await cityIds()
    const leader = [...names].find(([, id]) => indices_.get(id) === best)?.[0]
    expect((await visibleCities(page))[0]).toBe(leader)
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toBe('Indeks capaian')

    await page.locator('select[name="province"]').selectOption('Maluku')
    expect(await visibleCities(page)).toEqual(['Kota Ambon'])
    expect(await page.getByRole('status').textContent()).toMatch(/^1 dari 10 kota/)

    await page.locator('select[name="province"]').selectOption('')
    await page.locator('select[name="cohort"]').selectOption('2017')
    const cohort2017 = await visibleCities(page)
    expect(cohort2017.length).toBeGreaterThan(1)
    expect(cohort2017).toContain('Kota Semarang')
    expect(cohort2017).not.toContain('Kota Ambon')
    await context.close()
  })

  it('keeps the filters and the order in the address, for a link to share and for the other language', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteURL}/bandingkan/?province=Maluku&sort=city&order=ascending`, { waitUntil: 'networkidle' })
    expect(await visibleCities(page)).toEqual(['Kota Ambon'])
    expect(await page.locator('select[name="province"]').inputValue()).toBe('Maluku')
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toBe('Kota/kabupaten')

    await page.locator('select[name="province"]').selectOption('')
    await page.locator('select[name="cohort"]').selectOption('2017')
    await page.getByRole('button', { name: 'Indeks capaian' }).click()
    const address = new URL(page.url())
    expect(Object.fromEntries(address.searchParams)).toEqual({ cohort: '2017', sort: 'index', order: 'descending' })
    const cohort2017 = await visibleCities(page)

    // The English page opens on the same view.
    const english = await page.locator('.site-header a[hreflang="en"]').getAttribute('href')
    expect(new URL(english as string).searchParams.get('cohort')).toBe('2017')
    await page.goto(english as string, { waitUntil: 'networkidle' })
    expect(new URL(page.url()).pathname).toBe('/en/compare/')
    expect(await page.locator('select[name="cohort"]').inputValue()).toBe('2017')
    expect(await visibleCities(page)).toEqual(cohort2017)
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toBe('Achievement index')

    // A value the page does not offer is left out: every city shown, the address cleaned.
    await page.goto(`${siteURL}/bandingkan/?province=Atlantis&order=sideways`, { waitUntil: 'networkidle' })
    expect(await compareRows(page).count()).toBe(10)
    expect(await visibleCities(page)).toHaveLength(10)
    expect(new URL(page.url()).search).toBe('')
    await context.close()
  })

  it.each([
    ['/bandingkan/', 'id'],
    ['/en/compare/', 'en'],
  ])('fits a phone with its filters shown, nothing to scroll sideways but the table (%s)', async (pathname) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    await page.goto(`${siteURL}${pathname}`, { waitUntil: 'networkidle' })
    expect(await page.locator('form.filters').isVisible()).toBe(true)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await context.close()
  })

  it('names the top cities per pillar and per evaluation dimension, Quick Win included, with their programmes', async () => {
    const response = await fetch(`${siteURL}/en/compare/`)
    const html = await response.text()
    expect(html).toContain('Top cities by evaluation dimension')
    expect(html).toMatch(/Quick Win<\/h3><ol[^>]*><li[^>]*><a href="\/en\/kota\/kabupaten-banyuwangi\/"/)
    expect(html).toMatch(/href="\/en\/kota\/kota-ambon\/ambon-/)
  })
})

describe('the province page', () => {
  it("lists the province's cities and is linked from the city page with comparable cities", async () => {
    const city = await (await fetch(`${siteURL}/kota/kabupaten-gresik/`)).text()
    expect(city).toContain('href="/provinsi/jawa-timur/"')
    // Gresik's cohort (2017) and province (Jawa Timur) each list the other demo cities that share it.
    const cohort = city.slice(city.indexOf('Angkatan 2017 yang sama'), city.indexOf('Di Provinsi Jawa Timur'))
    expect(cohort).toContain('Kota Semarang')
    expect(cohort).not.toContain('Kabupaten Gresik')
    expect(city.slice(city.indexOf('Di Provinsi Jawa Timur'))).toMatch(/Kabupaten Banyuwangi[\s\S]*Kabupaten Bojonegoro|Kabupaten Bojonegoro[\s\S]*Kabupaten Banyuwangi/)
    const province = await fetch(`${siteURL}/provinsi/jawa-timur/`)
    expect(province.status).toBe(200)
    const listed = await province.text()
    for (const name of ['Kabupaten Banyuwangi', 'Kabupaten Gresik', 'Kabupaten Bojonegoro']) expect(listed).toContain(name)
    expect(listed).not.toContain('Kota Ambon')
  })
})

describe('the search', () => {
  async function search(path: string, query: string) {
    const context = await browser.newContext()
    const page = await context.newPage()
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) scripts.push(request.url())
    })
    await page.goto(`${siteURL}${path}`, { waitUntil: 'networkidle' })
    // Nothing of the index is fetched until someone searches.
    expect(scripts).toEqual([])
    await page.getByRole('searchbox').fill(query)
    const results = page.locator('#hasil-cari li a')
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0)
    const found = {
      titles: await results.allTextContents(),
      hrefs: await results.evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      excerpts: await page.locator('#hasil-cari li p').allTextContents(),
    }
    await context.close()
    return found
  }

  it('finds Ambon\'s recycling plant for "daur ulang" in Indonesian, on Indonesian pages only', async () => {
    const { titles, hrefs } = await search('/cari/', 'daur ulang')
    expect(titles.some((title) => title.includes('Pabrik Daur Ulang Sampah Plastik'))).toBe(true)
    expect(hrefs.every((href) => !href?.startsWith('/en/'))).toBe(true)
    // The programme is found on its own page, not again on the pillar page that lists it.
    expect(hrefs).not.toContain('/pilar/smart-environment/')
  })

  it("finds a programme by its agency's name, the excerpt reading the term apart from its value", async () => {
    const { hrefs, excerpts } = await search('/cari/', 'Dinas Pariwisata')
    // The programme's own page, whose facts are a <dl>: the term once ran into the value ("jawabDinas").
    const programme = hrefs.indexOf(`/kota/kota-ambon/${PROGRAM_SLUGS.cityOfMusic}/`)
    expect(programme).toBeGreaterThanOrEqual(0)
    expect(excerpts[programme]).toContain('penanggung jawab: Dinas Pariwisata')
    // Figures of the score and indicator tables are not in the index: they read as run-on numbers.
    expect(excerpts.filter((excerpt) => /Indikator\s*Satuan|skala 1 sampai 5Periode/.test(excerpt))).toEqual([])
  })

  it("finds a province by its name, not by the figures of its cities' table", async () => {
    const byName = await search('/cari/', 'Maluku')
    expect(byName.hrefs).toContain('/provinsi/maluku/')
    const byCity = await search('/cari/', 'Ambon')
    expect(byCity.hrefs).toContain('/kota/kota-ambon/')
    expect(byCity.hrefs).not.toContain('/provinsi/maluku/')
  })

  it('keeps the query when the visitor switches language, and searches it there', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteURL}/cari/?q=Ambon`, { waitUntil: 'networkidle' })
    const english = page.locator('.site-header a[hreflang="en"]')
    await expect.poll(() => english.getAttribute('href')).toMatch(/\/en\/search\/\?q=Ambon$/)
    await english.click()
    await page.waitForURL(/\/en\/search\/\?q=Ambon$/)
    await expect(page.getByRole('searchbox').inputValue()).resolves.toBe('Ambon')
    await expect.poll(() => page.locator('#hasil-cari li a').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    expect((await page.locator('#hasil-cari li a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).every((href) => href?.startsWith('/en/'))).toBe(true)
    await context.close()
  })

  it('finds it for "recycling" in English, on English pages only', async () => {
    const { titles, hrefs } = await search('/en/search/', 'recycling')
    expect(titles.some((title) => title.includes('Plastic-waste recycling plant'))).toBe(true)
    expect(hrefs.every((href) => href?.startsWith('/en/'))).toBe(true)
  })
})

describe("a city's download", () => {
  it("holds only that city's rows, with names beside the ids", async () => {
    const city = await (await fetch(`${siteURL}/kota/kota-ambon/`)).text()
    expect(city).toContain('href="/data/kota/kota-ambon.zip"')
    const response = await fetch(`${siteURL}/data/kota/kota-ambon.zip`)
    expect(response.status).toBe(200)
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
    const measurements = csvRecords(strFromU8(files['measurements.csv']))
    expect(measurements.length).toBeGreaterThan(100)
    expect(new Set(measurements.map((row) => row.cityName))).toEqual(new Set(['Kota Ambon']))
    expect(measurements.some((row) => row.programTitle_id === 'Pabrik Daur Ulang Sampah Plastik' && row.unit === 'ton')).toBe(true)
    expect(measurements.every((row) => /^\d{4}(-\d{2})?$/.test(row.isoPeriod))).toBe(true)
    const programmes = csvRecords(strFromU8(files['programs.csv']))
    expect(new Set(programmes.map((row) => row.cityName))).toEqual(new Set(['Kota Ambon']))
    expect(strFromU8(files['README.md'])).toMatch(/^Kota Ambon \(81\.71\)/)
  })
})

describe('the share picture', () => {
  it.each([
    ['/kota/kota-ambon/', '/og/id/kota/kota-ambon.jpg'],
    ['/en/kota/kota-ambon/', '/og/en/kota/kota-ambon.jpg'],
  ])('of %s exists and is the page og:image', async (path, image) => {
    const html = await (await fetch(`${siteURL}${path}`)).text()
    const og = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1]
    expect(og && new URL(og).pathname).toBe(image)
    const picture = await fetch(`${siteURL}${image}`)
    expect(picture.status).toBe(200)
    expect(picture.headers.get('content-type')).toBe('image/jpeg')
    const { default: sharp } = await import('sharp')
    expect(await sharp(Buffer.from(await picture.arrayBuffer())).metadata()).toMatchObject({ width: 1200, height: 630, format: 'jpeg' })
  })
})
