import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { REPORT_STATUS, ROLES } from '../../cms/constants.ts'
import { DEMO_ACCOUNTS } from '../../seed/data/accounts.ts'
import { launchChromium } from '../helpers/browser.ts'
import { pdfFile, pngFile } from '../helpers/files.ts'
import { getJSON, login } from '../helpers/rest.ts'

const adminURL = inject('adminURL')

type ReportDoc = { id: number; title: string; status: string; answers?: { question: string; value: unknown }[] }

let browser: Browser
let page: Page
let council: (typeof DEMO_ACCOUNTS)[number]
let token: string
let report: ReportDoc

/** A council member of the demo data whose city still has a draft report to file. */
async function councilWithDraft(): Promise<{ account: (typeof DEMO_ACCOUNTS)[number]; token: string; report: ReportDoc }> {
  for (const account of DEMO_ACCOUNTS.filter((candidate) => candidate.role === ROLES.council)) {
    const accountToken = await login(adminURL, account.email, account.password)
    const { body } = await getJSON(`${adminURL}/api/reports?where[status][equals]=${REPORT_STATUS.draft}&depth=0`, accountToken)
    const draft = (body as { docs: ReportDoc[] }).docs[0]
    if (draft) return { account, token: accountToken, report: draft }
  }
  throw new Error('the demo data has no council with a draft report')
}

const progressText = () => page.getByTestId('report-progress').innerText()
const article = (key: string) => page.locator(`article[data-question="${key}"]`)

/** Answers one question the way a person would, by the kind of input it shows. */
async function answer(question: Locator): Promise<void> {
  const radios = question.locator('input[type="radio"]')
  const checkboxes = question.locator('fieldset input[type="checkbox"]')
  // Numbers and dates are typed as text, read the Indonesian way whatever the browser's language.
  const number = question.locator('input[inputmode="decimal"]')
  const date = question.locator('input[inputmode="numeric"]')
  const textarea = question.locator('textarea')
  if ((await radios.count()) >= 5) await radios.nth(3).check() // maturity level 4
  else if ((await radios.count()) > 0) await radios.first().check()
  else if ((await checkboxes.count()) > 0) await checkboxes.first().check()
  else if ((await number.count()) > 0) await number.fill('0')
  else if ((await date.count()) > 0) await date.fill('13/06/2023')
  else await textarea.fill('Diisi dalam uji peramban / Filled in by the browser test')
}

/** The secretariat gives the report's city a week more, as it would through the period's form. */
async function extendDeadlineFor(target: ReportDoc): Promise<void> {
  const secretariat = DEMO_ACCOUNTS.find((account) => account.role === ROLES.secretariat)!
  const secretariatToken = await login(adminURL, secretariat.email, secretariat.password)
  const { body: stored } = await getJSON(`${adminURL}/api/reports/${target.id}?depth=0`, secretariatToken)
  const { city, period } = stored as { city: number; period: number }
  const { body: periodDoc } = await getJSON(`${adminURL}/api/periods/${period}?depth=0`, secretariatToken)
  const extensions = ((periodDoc as { extensions?: object[] }).extensions ?? []).concat({
    city,
    until: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString(),
    reason: 'Uji: perpanjangan untuk kota ini / Test: an extension for this city',
  })
  const response = await fetch(`${adminURL}/api/periods/${period}`, {
    method: 'PATCH',
    headers: { Authorization: `JWT ${secretariatToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ extensions }),
  })
  expect(response.status).toBe(200)
}

beforeAll(async () => {
  ;({ account: council, token, report } = await councilWithDraft())
  browser = await launchChromium()
  const context = await browser.newContext({ locale: 'id-ID' })
  page = await context.newPage()
  await page.goto(`${adminURL}/admin/login`)
  await page.locator('input[name="email"]').fill(council.email)
  await page.locator('input[name="password"]').fill(council.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
})

afterAll(async () => {
  await browser?.close()
})

describe('a council member files the yearly report in the guided view', () => {
  let firstProgress: string

  it('opens the report and sees how much is left, and that its deadline has passed, before typing anything', async () => {
    await page.goto(`${adminURL}/admin/collections/reports/${report.id}/isi`)
    firstProgress = await progressText()
    expect(firstProgress).toMatch(/^\d+ dari \d+ pertanyaan dijawab, \d+ bukti dukung belum ada$/)
    // The demo's 2023 round closed on 31 July 2023, at the end of that day in the city's own zone.
    const deadline = page.getByTestId('deadline')
    await expect(deadline.innerText()).resolves.toMatch(/^Batas pengajuan: 31 Juli 2023 pukul 23[.:]59 (WIB|WITA|WIT) · sudah lewat \d+ hari$/)
    await expect(deadline.getAttribute('data-passed')).resolves.toBe('true')
    await expect(page.getByRole('button', { name: 'Ajukan laporan' }).isDisabled()).resolves.toBe(true)
    await expect(page.getByTestId('submit-blocked').innerText()).resolves.toMatch(/^Batas pengajuan sudah lewat pada 31 Juli 2023/)
    // Each indicator's values of the year read in its unit, as its target does ("120 ton (2025)").
    const rows = await page.locator('section[aria-labelledby="guide-programmes"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())),
    )
    const measured = rows.filter(([, values]) => values !== 'belum ada nilai')
    expect(measured.length).toBeGreaterThan(0)
    for (const [target, values] of measured) {
      const unit = target.match(/^[\d.,]+ (.+) \(\d{4}\)$/)?.[1]
      expect(unit).toBeTruthy()
      expect(values.endsWith(` ${unit}`)).toBe(true)
    }
  })

  it('sees a conditional question appear when its answer is chosen', async () => {
    await expect(article('out.csr_partners').count()).resolves.toBe(0)
    await article('out.funding_scheme').locator('input[value="csr"]').check()
    await article('out.csr_partners').waitFor()
  })

  it('answers every question shown, and the count follows', async () => {
    for (let index = 0; index < (await page.locator('article[data-question]').count()); index += 1) {
      const question = page.locator('article[data-question]').nth(index)
      if ((await question.getAttribute('data-question')) === 'out.funding_scheme') continue
      await answer(question)
    }
    const [answered, total] = (await progressText()).match(/\d+/g)!.map(Number)
    expect(answered).toBe(total)
    expect(await progressText()).not.toBe(firstProgress)
  })

  it('uploads a PDF and a photo as evidence, reuses one file for a second question, previews the photo, and no evidence is missing', async () => {
    const needing = await page.locator('article[data-question]', { hasText: 'Bukti dukung wajib' }).all()
    expect(needing.length).toBeGreaterThan(2)
    const first = pdfFile(`keputusan-bersama-${Date.now()}.pdf`, 'Bukti untuk dua pertanyaan')
    for (const [index, question] of needing.entries()) {
      const key = (await question.getAttribute('data-question')) as string
      if (index === needing.length - 1) {
        // One document proves two questions: chosen from the city's evidence library, not uploaded again.
        await question.getByRole('button', { name: 'Pilih dari pustaka bukti' }).click()
        await question.locator(`li[data-library-file="${first.name}"]`).getByRole('button', { name: 'Lampirkan ke pertanyaan ini' }).click()
        await question.getByText(`${first.name} dilampirkan dari pustaka bukti`).waitFor({ timeout: 30_000 })
        await expect(question.getByRole('list', { name: 'Bukti dukung' }).getByText(first.name, { exact: true }).count()).resolves.toBe(1)
        continue
      }
      // Each other file differs, so none is taken for a copy of another question's evidence.
      const file = index === 0 ? first : index % 2 === 0 ? pdfFile(`keputusan-${index}.pdf`, `Bukti ${key}`) : await pngFile(`foto-${index}.png`, 40 + index, 30)
      await question.locator('input[type="file"]').setInputFiles({ name: file.name, mimeType: file.mimetype, buffer: file.data })
      await question.getByText(file.name, { exact: true }).waitFor({ timeout: 30_000 })
    }
    await expect(progressText()).resolves.toMatch(/bukti dukung lengkap$/)
    // Stored once, used twice.
    const { body: files } = await getJSON(`${adminURL}/api/evidence?where[filename][equals]=${first.name}&depth=0`, token)
    const [stored] = (files as { docs: { id: number }[] }).docs
    const { body: uses } = await getJSON(`${adminURL}/api/evidence-uses?where[evidence][equals]=${stored.id}&depth=0`, token)
    expect((uses as { docs: { report: number }[] }).docs.map((use) => use.report)).toEqual([report.id, report.id])

    const photo = needing[1]
    await photo.getByRole('button', { name: 'Pratinjau' }).click()
    await expect(photo.locator('img').getAttribute('src')).resolves.toMatch(/^blob:/)
  })

  it('has everything saved on its own: a reload shows the same answers', async () => {
    await page.getByTestId('save-state').filter({ hasText: /^Tersimpan/ }).waitFor({ timeout: 30_000 })
    const before = await progressText()
    await page.reload()
    await expect(progressText()).resolves.toBe(before)
    const { body } = await getJSON(`${adminURL}/api/reports/${report.id}?depth=0`, token)
    expect((body as ReportDoc).answers?.some((row) => row.question === 'out.csr_partners')).toBe(true)
  })

  it('types a decimal comma and a day-first date; a day that does not exist is refused beside its box and the saved answer stays', async () => {
    const stored = async () => {
      const { body } = await getJSON(`${adminURL}/api/reports/${report.id}?depth=0`, token)
      return Object.fromEntries(((body as ReportDoc).answers ?? []).map((row) => [row.question, row.value]))
    }
    const share = article('out.budget_share').locator('input[inputmode="decimal"]')
    const launched = article('qw.launched_on').locator('input[inputmode="numeric"]')
    await share.fill('2,7')
    await launched.fill('3/7/2023')
    await expect.poll(async () => (await stored())['out.budget_share'], { timeout: 30_000 }).toBe(2.7)
    await expect.poll(async () => String((await stored())['qw.launched_on']), { timeout: 30_000 }).toMatch(/^2023-07-03/)

    const progress = await progressText()
    await launched.fill('31/02/2026')
    // Judged once the person leaves the box, not while typing.
    await expect(article('qw.launched_on').getByRole('alert').count()).resolves.toBe(0)
    await launched.press('Tab')
    await expect(article('qw.launched_on').getByRole('alert').innerText()).resolves.toBe(
      '"31/02/2026" bukan tanggal. Tulis hari/bulan/tahun, misalnya 31/12/2026. Nilai sebelumnya tidak diubah.',
    )
    await expect(launched.inputValue()).resolves.toBe('31/02/2026')
    await expect(progressText()).resolves.toBe(progress)
    // Past the autosave's quiet time, the stored answer is still the day typed before.
    await page.waitForTimeout(3_000)
    expect(String((await stored())['qw.launched_on'])).toMatch(/^2023-07-03/)

    // A reload shows the saved answers as they are typed.
    await page.reload()
    await expect(article('out.budget_share').locator('input[inputmode="decimal"]').inputValue()).resolves.toBe('2,7')
    await expect(article('qw.launched_on').locator('input[inputmode="numeric"]').inputValue()).resolves.toBe('03/07/2023')
  })

  it('once the secretariat extends the deadline, sees it open again, submits and can no longer edit', async () => {
    page.on('dialog', (dialog) => void dialog.accept())
    const submit = page.getByRole('button', { name: 'Ajukan laporan' })
    await expect(submit.isDisabled()).resolves.toBe(true)

    await extendDeadlineFor(report)
    await page.reload()
    await expect(page.getByTestId('deadline').innerText()).resolves.toMatch(/\(diperpanjang\) · (6|7) hari lagi$/)
    await expect(submit.isDisabled()).resolves.toBe(false)
    await submit.click()
    await page.getByTestId('report-status').filter({ hasText: 'Diajukan' }).waitFor({ timeout: 30_000 })
    await expect(page.locator('input[type="file"]').count()).resolves.toBe(0)
    // Handed in: the deadline stays as a date, no longer counted down (nor, later, counted as late).
    await expect(page.getByTestId('deadline').innerText()).resolves.toMatch(/^Batas pengajuan: .+ (WIB|WITA|WIT) \(diperpanjang\)$/)
    // Read-only now: the answers in words, with the Indonesian decimal comma and month names.
    await expect(article('out.budget_share').innerText()).resolves.toMatch(/\b2,7 %/)
    await expect(article('qw.launched_on').innerText()).resolves.toContain('3 Jul 2023')

    const { body } = await getJSON(`${adminURL}/api/reports/${report.id}?depth=0`, token)
    expect((body as ReportDoc).status).toBe(REPORT_STATUS.submitted)
    const edit = await fetch(`${adminURL}/api/reports/${report.id}`, {
      method: 'PATCH',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ constraintNotes: 'changed after submitting' }),
    })
    expect(edit.status).toBe(403)
  })
})
