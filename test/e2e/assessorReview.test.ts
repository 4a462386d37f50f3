import { PDFDocument } from 'pdf-lib'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { REPORT_STATUS, ROLES } from '../../cms/constants.ts'
import { DEMO_ACCOUNTS, DEMO_ASSESSOR_EMAIL } from '../../seed/data/accounts.ts'
import { AMBON } from '../../seed/data/cities.ts'
import { launchChromium } from '../helpers/browser.ts'
import { pdfFile } from '../helpers/files.ts'
import { getJSON, login } from '../helpers/rest.ts'

const adminURL = inject('adminURL')
const siteURL = inject('siteURL')

type ReportDoc = { id: number; title: string; status: string; city: number; period: number }

const account = (predicate: (candidate: (typeof DEMO_ACCOUNTS)[number]) => boolean) => {
  const found = DEMO_ACCOUNTS.find(predicate)
  if (!found) throw new Error('the demo accounts lack a role this test needs')
  return found
}
const assessor = account((candidate) => candidate.email === DEMO_ASSESSOR_EMAIL)
const council = account((candidate) => candidate.role === ROLES.council && candidate.cityCodes.includes(AMBON))
const secretariat = account((candidate) => candidate.role === ROLES.secretariat)

let browser: Browser
let assessorPage: Page
let councilPage: Page
let report: ReportDoc
let rejected: { filename: string; question: string }
const replacement = pdfFile(`sk-dewan-revisi-${Date.now()}.pdf`, `SK Dewan Smart City Kota Ambon, revisi ${Date.now()}`)

/** The demo's 2023 round closed on 31 July 2023: the secretariat gives Ambon a week more to resubmit. */
async function extendDeadlineFor(target: ReportDoc): Promise<void> {
  const token = await login(adminURL, secretariat.email, secretariat.password)
  const { body: periodDoc } = await getJSON(`${adminURL}/api/periods/${target.period}?depth=0`, token)
  const extensions = ((periodDoc as { extensions?: object[] }).extensions ?? []).concat({
    city: target.city,
    until: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString(),
    reason: 'Uji: revisi setelah tinjauan asesor / Test: revision after the review',
  })
  const response = await fetch(`${adminURL}/api/periods/${target.period}`, {
    method: 'PATCH',
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ extensions }),
  })
  expect(response.status).toBe(200)
}

async function signedIn(email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'id-ID', acceptDownloads: true })
  const page = await context.newPage()
  page.on('dialog', (dialog) => void dialog.accept())
  await page.goto(`${adminURL}/admin/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  return page
}

const tinjau = () => assessorPage.goto(`${adminURL}/admin/collections/reports/${report.id}/tinjau`)
const reportStatus = (page: Page, text: string) =>
  page.getByTestId('review-report-status').filter({ hasText: text }).waitFor({ timeout: 30_000 })

beforeAll(async () => {
  const token = await login(adminURL, assessor.email, assessor.password)
  const { body } = await getJSON(
    `${adminURL}/api/reports?where[status][in]=${REPORT_STATUS.submitted},${REPORT_STATUS.inReview}` +
      `&where[city.regionCode][equals]=${AMBON}&depth=0`,
    token,
  )
  const found = (body as { docs: ReportDoc[] }).docs[0]
  if (!found) throw new Error("the demo assessor has no submitted report to review (Ambon's 2023 report in the demo data)")
  report = found
  await extendDeadlineFor(report)
  browser = await launchChromium()
  assessorPage = await signedIn(assessor.email, assessor.password)
  councilPage = await signedIn(council.email, council.password)
})

afterAll(async () => {
  await browser?.close()
})

describe("an assessor reviews Ambon's report, the council revises it, the assessor accepts it", () => {
  it("lists the report in the assessor's queue, with a link to review it", async () => {
    await assessorPage.goto(`${adminURL}/admin/collections/reports`)
    const queue = assessorPage.getByTestId('review-queue')
    await queue.waitFor({ timeout: 60_000 })
    await expect(queue.locator('tbody tr').count()).resolves.toBeGreaterThan(0)
    await queue.getByRole('link', { name: 'Tinjau' }).first().click()
    await assessorPage.waitForURL(new RegExp(`/reports/${report.id}/tinjau$`), { timeout: 60_000 })
    await assessorPage.locator('article[data-question]').first().waitFor({ timeout: 60_000 })
  })

  it("shows the council's answers beside the score inputs, and a file previews inline", async () => {
    const articles = assessorPage.locator('article[data-question]')
    expect(await articles.count()).toBeGreaterThan(5)
    await expect(articles.first().getByTestId('council-answer').innerText()).resolves.not.toBe('')
    const withFile = assessorPage.locator('li[data-evidence]').first()
    await withFile.getByRole('button', { name: 'Pratinjau' }).click()
    await expect(withFile.locator('img, iframe').first().getAttribute('src')).resolves.toMatch(/^blob:/)
    await withFile.getByRole('button', { name: 'Tutup pratinjau' }).click()
  })

  it('shows the lead, before any score, what acceptance still needs, and does not let it accept', async () => {
    const checklist = assessorPage.getByTestId('accept-checklist')
    await checklist.waitFor({ timeout: 30_000 })
    await expect(checklist.locator('li[data-problem="accept.unscored"]').count()).resolves.toBeGreaterThan(5)
    await expect(checklist.locator('li[data-problem="accept.verdictPending"]').count()).resolves.toBeGreaterThan(5)
    await expect(checklist.locator('li[data-problem="accept.noRecommendation"]').count()).resolves.toBe(1)
    // Each item links to its question.
    const first = checklist.locator('li[data-problem="accept.unscored"] a').first()
    await expect(first.getAttribute('href')).resolves.toMatch(/^#review-q-/)
    // ...and names it by its words, as the question reads on the page, not by its key.
    const key = ((await first.getAttribute('href')) as string).replace('#review-q-', '')
    const words = await first.innerText()
    expect(words).toMatch(/^Pertanyaan “.+” belum dinilai asesor$/)
    expect(words).not.toContain(key)
    await expect(assessorPage.getByRole('button', { name: 'Terima laporan' }).isDisabled()).resolves.toBe(true)
  })

  it('scores every question, rejects one evidence file with a reason and saves the review', async () => {
    const articles = assessorPage.locator('article[data-question]')
    for (let index = 0; index < (await articles.count()); index += 1) {
      await articles.nth(index).locator('input[type="radio"][value="4"]').check()
    }
    const filename = (await assessorPage.locator('li[data-evidence]').first().getAttribute('data-evidence')) as string
    const file = assessorPage.locator(`li[data-evidence="${filename}"]`)
    const article = assessorPage.locator('article[data-question]', { has: file })
    rejected = { filename, question: (await article.getAttribute('data-question')) as string }
    await file.locator('select').selectOption('rejected')
    await file.getByRole('button', { name: 'Simpan putusan' }).click()
    // Without a reason the server refuses, and says why in the assessor's language.
    await file.getByRole('alert').filter({ hasText: /^Tuliskan alasan bila bukti perlu revisi atau ditolak$/ }).waitFor({ timeout: 30_000 })
    await file.getByRole('textbox', { name: `Alasan (wajib bila perlu revisi atau ditolak): ${filename}` }).fill('Dokumen tidak ditandatangani / The document is not signed')
    await file.getByRole('button', { name: 'Simpan putusan' }).click()
    await file.getByText(`Putusan untuk ${rejected.filename} tersimpan.`).waitFor({ timeout: 30_000 })
    await article.locator('textarea').first().fill('Unggah SK yang sudah ditandatangani.')

    // Leaving with the scores not yet saved asks first (Payload's own dialog); staying keeps them.
    const reportTab = assessorPage.getByRole('link', { name: 'Isi laporan', exact: true })
    const notSaved = assessorPage.getByText('Perubahan Anda belum disimpan.', { exact: false })
    await reportTab.click()
    await notSaved.waitFor({ timeout: 10_000 })
    await assessorPage.getByRole('button', { name: 'Tetap di halaman ini' }).click()
    await notSaved.waitFor({ state: 'hidden', timeout: 10_000 })
    expect(assessorPage.url()).toMatch(/\/tinjau$/)
    await expect(article.locator('textarea').first().inputValue()).resolves.toBe('Unggah SK yang sudah ditandatangani.')
    await expect(articles.last().locator('input[type="radio"][value="4"]').isChecked()).resolves.toBe(true)

    await assessorPage.getByRole('button', { name: 'Simpan penilaian' }).click()
    // Either answer of the server, so that a refusal fails with its own words.
    const outcome = assessorPage.locator('[data-testid="review-notice"], [data-testid="review-problems"]').first()
    await outcome.waitFor({ timeout: 30_000 })
    await expect(outcome.innerText()).resolves.toBe('Penilaian tersimpan.')
    await reportStatus(assessorPage, 'Sedang ditinjau')

    // Saved: the tab opens at once, without asking.
    await reportTab.click()
    await assessorPage.waitForURL((url) => !url.pathname.endsWith('/tinjau'), { timeout: 30_000 })
    await expect(notSaved.count()).resolves.toBe(0)
    await tinjau()
    await assessorPage.locator('article[data-question]').first().waitFor({ timeout: 60_000 })
  })

  it('requests a revision with a reason, and the report goes back to the council', async () => {
    await assessorPage.getByLabel('Alasan permintaan revisi (dibaca dewan kota)').fill('SK dewan belum ditandatangani.')
    await assessorPage.getByRole('button', { name: 'Minta revisi' }).click()
    await reportStatus(assessorPage, 'Perlu revisi')
    const token = await login(adminURL, council.email, council.password)
    const { body } = await getJSON(`${adminURL}/api/reports/${report.id}?depth=0`, token)
    expect((body as ReportDoc).status).toBe(REPORT_STATUS.revisionRequested)
  })

  it("tells the council the report's history in Ambon's own time zone, WIT, as its deadline", async () => {
    await councilPage.goto(`${adminURL}/admin/collections/reports/${report.id}`)
    const history = councilPage.getByTestId('report-history')
    await history.waitFor({ timeout: 30_000 })
    const text = await history.innerText()
    expect(text).toMatch(/pukul \d{2}[.:]\d{2} WIT\b/)
    expect(text).not.toMatch(/\bWIB\b|\bWITA\b/)
  })

  it('lets the council upload a signed file in its guided view and resubmit', async () => {
    await councilPage.goto(`${adminURL}/admin/collections/reports/${report.id}/isi`)
    const question = councilPage.locator(`article[data-question="${rejected.question}"]`)
    await question.getByText(/ditolak/).first().waitFor({ timeout: 60_000 })
    await question
      .locator('input[type="file"]')
      .setInputFiles({ name: replacement.name, mimeType: replacement.mimetype, buffer: replacement.data })
    await question.getByText(replacement.name, { exact: true }).waitFor({ timeout: 30_000 })
    await councilPage.getByRole('button', { name: 'Ajukan laporan' }).click()
    await councilPage.getByTestId('report-status').filter({ hasText: 'Diajukan' }).waitFor({ timeout: 30_000 })
  })

  it('shows the assessor what changed since the last submission', async () => {
    await tinjau()
    await assessorPage.getByTestId('review-changes').filter({ hasText: replacement.name }).waitFor({ timeout: 60_000 })
    await expect(
      assessorPage.locator(`article[data-question="${rejected.question}"]`).getByText(replacement.name).count(),
    ).resolves.toBeGreaterThan(0)
  })

  it('lets the lead accept once every item of the checklist is done', async () => {
    const checklist = assessorPage.getByTestId('accept-checklist')
    await expect(checklist.locator('li[data-problem="accept.verdictPending"]').count()).resolves.toBeGreaterThan(0)
    await expect(assessorPage.getByRole('button', { name: 'Terima laporan' }).isDisabled()).resolves.toBe(true)

    // Every pending file accepted; the rejected one stays rejected, with the lead's reason to accept the report anyway.
    const files = assessorPage.locator('li[data-evidence]')
    for (let index = 0; index < (await files.count()); index += 1) {
      const file = files.nth(index)
      const name = (await file.getAttribute('data-evidence')) as string
      if (name === rejected.filename) {
        await file.getByLabel(`Alasan ketua tetap menerima laporan dengan bukti ini: ${name}`).fill('Diganti SK yang sudah ditandatangani')
      } else {
        await file.locator('select').selectOption('accepted')
      }
      await file.getByRole('button', { name: 'Simpan putusan' }).click()
      await file.getByText(`Putusan untuk ${name} tersimpan.`).waitFor({ timeout: 30_000 })
    }
    await assessorPage.getByLabel('Rekomendasi umum').fill('Jajaki dana CSR untuk perluasan CCTV pasar.')
    await assessorPage.getByRole('button', { name: 'Simpan penilaian' }).click()
    await assessorPage.getByTestId('review-notice').filter({ hasText: 'Penilaian tersimpan.' }).waitFor({ timeout: 30_000 })
    await checklist.filter({ hasText: 'Semua syarat penerimaan terpenuhi.' }).waitFor({ timeout: 30_000 })

    await assessorPage.getByRole('button', { name: 'Terima laporan' }).click()
    await reportStatus(assessorPage, 'Diterima')
  })

  it('downloads the results PDF from the review and offers it to the council', async () => {
    const link = assessorPage.getByTestId('results-pdf')
    await link.waitFor({ timeout: 30_000 })
    const [download] = await Promise.all([assessorPage.waitForEvent('download'), link.click()])
    const path = await download.path()
    const { readFile } = await import('node:fs/promises')
    const bytes = await readFile(path)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThanOrEqual(1)

    await councilPage.goto(`${adminURL}/admin/collections/reports/${report.id}/isi`)
    await expect(councilPage.getByTestId('results-pdf').getAttribute('href')).resolves.toMatch(/\/results\.pdf/)
  })

  it("shows the new index on Ambon's public page once the publish job has run, with nothing set by hand", async () => {
    const token = await login(adminURL, assessor.email, assessor.password)
    const { body } = await getJSON(`${adminURL}/api/reviews?where[report][equals]=${report.id}&where[published][equals]=true&depth=0`, token)
    const overall = (body as { docs: { overall: number }[] }).docs[0]?.overall
    expect(typeof overall).toBe('number')
    const shown = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(overall)
    const deadline = Date.now() + 120_000
    let page = ''
    while (Date.now() < deadline) {
      page = await (await fetch(`${siteURL}/kota/kota-ambon/`)).text()
      if (page.includes(`2023: ${shown}`)) break
      await new Promise((resolve) => setTimeout(resolve, 2000))
    }
    expect(page).toContain(`2023: ${shown}`)
  })
})
