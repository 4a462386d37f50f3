/**
 * The admin's forms as people in Indonesia use them, in Chromium at desktop and phone width: a date
 * typed day first (31/12/2026) is kept; a refused save speaks only the person's admin language; the
 * secretariat imports an instrument workbook in the page, sees the row that is wrong, then imports
 * the corrected file; deleting a pillar that programmes use is refused with the reason.
 */
import ExcelJS from 'exceljs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { type Lang, problem, problemMessage } from '../../cms/domain/problems.ts'
import { DEMO_ACCOUNTS } from '../../seed/data/accounts.ts'
import { launchChromium } from '../helpers/browser.ts'
import { getJSON, login } from '../helpers/rest.ts'

const adminURL = inject('adminURL')
const account = (email: string) => DEMO_ACCOUNTS.find((candidate) => candidate.email === email)!
const council = account('dewan.ambon@pantau.example')
const secretariat = DEMO_ACCOUNTS.find((candidate) => candidate.role === 'secretariat')!

const WIDTHS = [1366, 412] as const

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/** A fresh browser at `width`, signed in as `who`, with the admin language `lang` chosen. */
async function signedIn(who: { email: string; password: string }, width: number, lang: Lang): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === 'en' ? 'en-GB' : 'id-ID' })
  await context.addCookies([{ name: 'payload-lng', value: lang, url: adminURL }])
  const page = await context.newPage()
  await page.goto(`${adminURL}/admin/login`)
  await page.locator('input[name="email"]').fill(who.email)
  await page.locator('input[name="password"]').fill(who.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  return { context, page }
}

/** The page is no wider than the window: nothing to scroll sideways. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)

describe.each(WIDTHS)('at %i px wide', (width) => {
  it('keeps a date typed day first (31/12/2026), stored as that day', async () => {
    const { context, page } = await signedIn(council, width, 'id')
    try {
      await page.goto(`${adminURL}/admin/collections/updates/create`)
      const title = `Kabar bertanggal akhir tahun (${width} px)`
      await page.locator('#field-title').fill(title)
      const date = page.locator('#field-date input')
      await date.fill('31/12/2026')
      await date.press('Tab')
      await expect(date.inputValue()).resolves.toBe('31/12/2026')
      await page.getByRole('button', { name: 'Simpan draf' }).click()
      await page.waitForURL(/\/admin\/collections\/updates\/\d+/, { timeout: 60_000 })

      await page.reload()
      await expect(page.locator('#field-date input').inputValue()).resolves.toBe('31/12/2026')
      const token = await login(adminURL, council.email, council.password)
      const id = page.url().match(/updates\/(\d+)/)![1]
      const { body } = await getJSON(`${adminURL}/api/updates/${id}?draft=true&depth=0`, token)
      const stored = new Date((body as { date: string }).date)
      // The day the council meant, in Ambon's own time zone (WIT) as in Jakarta's.
      for (const timeZone of ['Asia/Jayapura', 'Asia/Jakarta']) {
        expect(stored.toLocaleDateString('en-CA', { timeZone })).toBe('2026-12-31')
      }
      await expect(scrollsSideways(page)).resolves.toBe(false)
      // The list shows the day in words.
      await page.goto(`${adminURL}/admin/collections/updates?limit=100`)
      await page.locator('.table tbody tr', { hasText: title }).filter({ hasText: '31 Des 2026' }).waitFor({ timeout: 30_000 })
    } finally {
      await context.close()
    }
  })

  it.each(['en', 'id'] as const)('answers a refused save in the person\'s language only (%s)', async (lang) => {
    const token = await login(adminURL, council.email, council.password)
    const { body } = await getJSON(`${adminURL}/api/measurements?limit=50&depth=1&locale=all`, token)
    type Row = { id: number; indicator: { name: Record<Lang, string>; allowNegative?: boolean | null } }
    const measurement = (body as { docs: Row[] }).docs.find((row) => !row.indicator.allowNegative)!
    expect(measurement).toBeDefined()
    // The indicator has a name of its own in each language; the message uses the reader's.
    const { id: nameId, en: nameEn } = measurement.indicator.name
    expect(nameEn).toBeTruthy()
    expect(nameEn).not.toBe(nameId)
    const refused = problem('measurement.negative', { params: { indicator_id: nameId, indicator_en: nameEn } })

    const { context, page } = await signedIn(council, width, lang)
    try {
      await page.goto(`${adminURL}/admin/collections/measurements/${measurement.id}`)
      const value = page.locator('#field-value')
      await value.fill('-5')
      await page.getByRole('button', { name: lang === 'en' ? 'Save' : 'Simpan', exact: true }).click()
      // The refusal, not the "submitting" notice before it.
      const toast = page.locator('.payload-toast-container li[data-type="error"]').first()
      await toast.waitFor({ timeout: 30_000 })
      // The toast names the refused field in words, in the person's language only.
      const toastText = await toast.innerText()
      expect(toastText).toMatch(lang === 'en' ? /^The following field is invalid: Value/ : /^Isian berikut tidak valid: Nilai/)
      expect(toastText).not.toMatch(lang === 'en' ? /Isian|tidak|Nilai/ : /following|invalid|Value/)
      // Beside the field, why, when Payload keeps the server's error on the field (it does not on
      // every render: at phone width the toast is all there is).
      for (const why of await page.locator('.field-error').allTextContents()) {
        expect(why).toBe(problemMessage(refused, lang))
      }

      // Nothing was saved: the value is still the stored one.
      const { body: after } = await getJSON(`${adminURL}/api/measurements/${measurement.id}?depth=0`, token)
      expect((after as { value: number }).value).not.toBe(-5)
    } finally {
      await context.close()
    }
  })

  it('lets the secretariat import a workbook: one bad row is listed with its row and column, the corrected file is imported', async () => {
    const { context, page } = await signedIn(secretariat, width, 'id')
    try {
      const token = await login(adminURL, secretariat.email, secretariat.password)
      const { body } = await getJSON(`${adminURL}/api/instruments?limit=1&depth=0&sort=createdAt`, token)
      const instrument = (body as { docs: { id: number }[] }).docs[0]
      await page.goto(`${adminURL}/admin/collections/instruments/${instrument.id}`)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="instrument-tools"] a[data-format="xlsx"]').click(),
      ])
      const good = await streamToBuffer(await download.createReadStream())

      // The same workbook with one question of a type the instrument does not know.
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(good as unknown as ArrayBuffer)
      const questions = workbook.getWorksheet('questions')!
      const typeColumn = (questions.getRow(1).values as unknown[]).indexOf('type')
      expect(typeColumn).toBeGreaterThan(0)
      questions.getRow(3).getCell(typeColumn).value = 'slider'
      const bad = Buffer.from(await workbook.xlsx.writeBuffer())

      await page.goto(`${adminURL}/admin/collections/instruments`)
      const panel = page.locator('[data-testid="instrument-import"]')
      await expect(panel.getByRole('heading', { name: 'Impor instrumen dari berkas' }).isVisible()).resolves.toBe(true)
      const before = (await getJSON(`${adminURL}/api/instruments?limit=0`, token)).body as { totalDocs: number }
      const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      await panel.locator('input[type="file"]').setInputFiles({ name: 'instrumen-salah.xlsx', mimeType: xlsx, buffer: bad })
      const errors = panel.locator('[data-testid="instrument-import-errors"]')
      await errors.waitFor({ timeout: 60_000 })
      await expect(errors.innerText()).resolves.toContain('Impor dibatalkan, tidak ada yang disimpan')
      const rows = errors.locator('tbody tr')
      await expect(rows.count()).resolves.toBe(1)
      await expect(rows.first().getAttribute('data-row')).resolves.toBe('3')
      await expect(rows.first().innerText()).resolves.toMatch(/questions\s+3\s+type\s+.*"slider"/)
      expect(((await getJSON(`${adminURL}/api/instruments?limit=0`, token)).body as { totalDocs: number }).totalDocs).toBe(before.totalDocs)

      await panel.locator('input[type="file"]').setInputFiles({ name: 'instrumen.xlsx', mimeType: xlsx, buffer: good })
      const imported = panel.locator('[data-testid="instrument-imported"]')
      await imported.waitFor({ timeout: 60_000 })
      await expect(errors.count()).resolves.toBe(0)
      await imported.getByRole('link', { name: 'Buka instrumen' }).click()
      await page.waitForURL(/\/admin\/collections\/instruments\/\d+$/, { timeout: 60_000 })
      expect(Number(page.url().split('/').pop())).not.toBe(instrument.id)
      expect(((await getJSON(`${adminURL}/api/instruments?limit=0`, token)).body as { totalDocs: number }).totalDocs).toBe(before.totalDocs + 1)
      await expect(scrollsSideways(page)).resolves.toBe(false)
    } finally {
      await context.close()
    }
  })
})

describe('a pillar that programmes use', () => {
  it.each(['id', 'en'] as const)('is not deleted: the secretariat is told why and by how many, in their language only (%s)', async (lang) => {
    const token = await login(adminURL, secretariat.email, secretariat.password)
    const { body } = await getJSON(`${adminURL}/api/dimensions?limit=100&depth=0`, token)
    const pillars = (body as { docs: { id: number }[] }).docs
    const counts = await Promise.all(
      pillars.map(async (pillar) => ({
        pillar,
        programmes: ((await getJSON(`${adminURL}/api/programs?limit=0&where[dimension][equals]=${pillar.id}`, token)).body as { totalDocs: number }).totalDocs,
      })),
    )
    const used = counts.find((count) => count.programmes > 0)!
    expect(used).toBeDefined()

    const { context, page } = await signedIn(secretariat, WIDTHS[0], lang)
    try {
      await page.goto(`${adminURL}/admin/collections/dimensions/${used.pillar.id}`)
      await page.locator('.doc-controls__popup .popup-button').click()
      await page.locator('#action-delete').click()
      await page.locator('#confirm-action').click()
      const toast = page.locator('.payload-toast-container li[data-type="error"]').first()
      await toast.waitFor({ timeout: 30_000 })
      const toastText = await toast.innerText()
      expect(toastText).toContain(lang === 'en' ? `programmes: ${used.programmes}` : `program: ${used.programmes}`)
      expect(toastText).toMatch(lang === 'en' ? /^This pillar is still in use/ : /^Pilar ini masih dipakai/)
      expect(toastText).not.toMatch(lang === 'en' ? /Pilar|dipakai/ : /pillar|in use/)
      // Still there, with its programmes.
      const after = await getJSON(`${adminURL}/api/dimensions/${used.pillar.id}?depth=0`, token)
      expect(after.status).toBe(200)
    } finally {
      await context.close()
    }
  })
})

describe('a day that does not exist, typed into a date field', () => {
  it.each(['id', 'en'] as const)('is refused beside the field with what was typed, in the person language only (%s)', async (lang) => {
    const { context, page } = await signedIn(council, WIDTHS[1], lang)
    try {
      await page.goto(`${adminURL}/admin/collections/updates/create`)
      const date = page.locator('#field-date input')
      await date.fill('31/02/2026')
      await date.press('Tab')
      const alert = page.locator('[data-problem="typed.notADay"]')
      await expect(alert.innerText()).resolves.toBe(
        lang === 'en'
          ? '"31/02/2026" is not a date. Type day/month/year, e.g. 31/12/2026. The previous value is unchanged.'
          : '"31/02/2026" bukan tanggal. Tulis hari/bulan/tahun, misalnya 31/12/2026. Nilai sebelumnya tidak diubah.',
      )
      // A day that exists answers it.
      await date.fill('28/02/2026')
      await date.press('Tab')
      await expect(alert.count()).resolves.toBe(0)
      await expect(date.inputValue()).resolves.toBe('28/02/2026')
    } finally {
      await context.close()
    }
  })
})

describe("a period's two dates side by side", () => {
  it('share the row as Payload lays out its own fields', async () => {
    const { context, page } = await signedIn(secretariat, WIDTHS[0], 'id')
    try {
      await page.goto(`${adminURL}/admin/collections/periods/create`)
      const opens = await page.locator('#field-opensAt').boundingBox()
      const closes = await page.locator('#field-closesAt').boundingBox()
      const row = await page.locator('.row__fields', { has: page.locator('#field-opensAt') }).boundingBox()
      expect(opens && closes && row).toBeTruthy()
      for (const field of [opens!, closes!]) expect(field.width).toBeGreaterThan(row!.width * 0.4)
      expect(closes!.x).toBeGreaterThan(opens!.x + opens!.width * 0.9)
      // Rows of a list are named in the admin's language ("Tambah Penugasan", not "Tambah Assignment").
      for (const name of ['Tambah Perpanjangan', 'Tambah Penugasan']) {
        await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(1)
      }
    } finally {
      await context.close()
    }
  })
})

describe('a new participating city', () => {
  it('is chosen from the official list by its code, which fills in its name, kind, province and region code', async () => {
    const token = await login(adminURL, secretariat.email, secretariat.password)
    const { context, page } = await signedIn(secretariat, WIDTHS[1], 'id')
    let created: number | undefined
    try {
      await page.goto(`${adminURL}/admin/collections/cities/create`)
      const picker = page.getByTestId('official-region')
      await picker.locator('input').fill('32.73')
      await expect(picker.getByRole('status').innerText()).resolves.toBe('Diisi dari daftar resmi: 32.73 · Kota Bandung (Jawa Barat).')
      await expect(page.locator('input[name="name"]').inputValue()).resolves.toBe('Kota Bandung')
      await expect(page.locator('input[name="province"]').inputValue()).resolves.toBe('Jawa Barat')
      await expect(page.locator('input[name="regionCode"]').inputValue()).resolves.toBe('32.73')
      await expect(page.locator('#field-kind').innerText()).resolves.toContain('Kota')
      await page.locator('#field-cohort .rs__control').click()
      await page.locator('.rs__option', { hasText: '2019' }).click()
      await page.locator('#action-save').click()
      await page.waitForURL(/\/admin\/collections\/cities\/\d+/, { timeout: 30_000 })
      const { body } = await getJSON(`${adminURL}/api/cities?where[regionCode][equals]=32.73&depth=0`, token)
      const [city] = (body as { docs: { id: number; name: string; kind: string; province: string; cohort: string }[] }).docs
      created = city?.id
      expect(city).toMatchObject({ name: 'Kota Bandung', kind: 'kota', province: 'Jawa Barat', cohort: '2019' })
    } finally {
      await context.close()
      if (created !== undefined) {
        await fetch(`${adminURL}/api/cities/${created}`, { method: 'DELETE', headers: { Authorization: `JWT ${token}` } })
      }
    }
  })
})

describe("the picker of a document's language", () => {
  it.each([
    ['id', 'Bahasa isi:\u00a0Bahasa Indonesia'],
    ['en', 'Content language:\u00a0Indonesian'],
  ] as const)('says it is the language of the content, in the admin language (%s)', async (lang, text) => {
    const { context, page } = await signedIn(secretariat, WIDTHS[0], lang)
    try {
      await page.goto(`${adminURL}/admin/collections/dimensions/create`)
      const picker = page.locator('.localizer-button:visible').first()
      await picker.waitFor({ timeout: 30_000 })
      await expect(picker.evaluate((element) => element.textContent?.trim())).resolves.toBe(text)
    } finally {
      await context.close()
    }
  })
})

describe('an entry of the audit log', () => {
  it('shows what changed as text, with nothing asked of another host', async () => {
    const token = await login(adminURL, secretariat.email, secretariat.password)
    const { body } = await getJSON(`${adminURL}/api/audit-log?limit=1&depth=0&sort=-createdAt`, token)
    const [entry] = (body as { docs: { id: number | string; after: unknown }[] }).docs
    expect(entry?.after).toBeTruthy()
    const { context, page } = await signedIn(secretariat, WIDTHS[0], 'id')
    const elsewhere: string[] = []
    const errors: string[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== new URL(adminURL).origin) elsewhere.push(request.url())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    try {
      // The list, its times in words (the stored ISO text as their tooltip).
      await page.goto(`${adminURL}/admin/collections/audit-log`)
      const time = page.locator('time[datetime]').first()
      await time.waitFor({ timeout: 30_000 })
      await expect.poll(() => time.innerText(), { timeout: 10_000 }).toMatch(/^\d{1,2} \S+ \d{4}/)
      await page.goto(`${adminURL}/admin/collections/audit-log/${entry.id}`)
      const after = page.locator('[data-json-view="after"] pre')
      await after.waitFor({ timeout: 30_000 })
      expect(JSON.parse(await after.innerText())).toEqual(entry.after)
      await page.waitForLoadState('networkidle')
      await expect(page.locator('time[datetime]').first().innerText()).resolves.toMatch(/^\d{1,2} \S+ \d{4}/)
      expect(elsewhere).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})

describe('a field the server refuses, on a phone', () => {
  // Payload hides tooltips below 1024 px, and with them the reason a field was refused.
  it.each(['id', 'en'] as const)('shows the reason under the field, within the screen (%s)', async (lang) => {
    const { context, page } = await signedIn(secretariat, WIDTHS[1], lang)
    try {
      await page.goto(`${adminURL}/admin/collections/cities/create`)
      await page.getByTestId('official-region').locator('input').fill('32.73')
      await expect(page.locator('input[name="name"]').inputValue()).resolves.toBe('Kota Bandung')
      // Kota Ambon's code, typed over the one the official list filled in.
      await page.locator('input[name="regionCode"]').fill('81.71')
      await page.locator('#field-cohort .rs__control').click()
      await page.locator('.rs__option', { hasText: '2019' }).click()
      await page.locator('#action-save').click()
      const error = page.locator('.field-type:has(input[name="regionCode"]) .field-error')
      await expect(error.innerText()).resolves.toBe(
        problemMessage(problem('city.regionCodeTaken', { params: { code: '81.71', name: 'Kota Ambon' } }), lang),
      )
      await error.waitFor({ state: 'visible', timeout: 10_000 })
      const box = (await error.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(WIDTHS[1])
      await expect(scrollsSideways(page)).resolves.toBe(false)
      // Nothing was created.
      expect(page.url()).toMatch(/\/cities\/create$/)
    } finally {
      await context.close()
    }
  })
})

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks)
}
