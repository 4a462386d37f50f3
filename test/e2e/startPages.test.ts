/**
 * Each role's start page, at a laptop's width and a phone's: the figures it shows are recomputed
 * here from what the API gives the same person, its buttons lead to the work ("Isi laporan",
 * "Tinjau"), and no page scrolls sideways on a phone. With E2E_SCREENSHOT_DIR set (e.g.
 * `docs/screenshots`), each start page is saved there as a PNG.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { ROLES } from '../../cms/constants.ts'
import { periodDashboard } from '../../cms/domain/dashboard.ts'
import { formatDeadline, submissionDeadline } from '../../cms/domain/deadlines.ts'
import { reviewProgress } from '../../cms/domain/reviewScores.ts'
import { reportProgress, type SubmissionInstrument } from '../../cms/domain/submission.ts'
import { DEMO_ACCOUNTS, DEMO_ASSESSOR_EMAIL } from '../../seed/data/accounts.ts'
import { SEMARANG } from '../../seed/data/cities.ts'
import { launchChromium } from '../helpers/browser.ts'
import { getJSON, login } from '../helpers/rest.ts'

const adminURL = inject('adminURL')
const screenshotDir = process.env.E2E_SCREENSHOT_DIR ? path.resolve(process.env.E2E_SCREENSHOT_DIR) : null

const account = (predicate: (candidate: (typeof DEMO_ACCOUNTS)[number]) => boolean) => {
  const found = DEMO_ACCOUNTS.find(predicate)
  if (!found) throw new Error('the demo accounts lack a role this test needs')
  return found
}
const council = account((candidate) => candidate.role === ROLES.council && candidate.cityCodes.includes(SEMARANG))
const assessor = account((candidate) => candidate.email === DEMO_ASSESSOR_EMAIL)
const secretariat = account((candidate) => candidate.role === ROLES.secretariat)

type Doc = Record<string, unknown> & { id: number }
type List = { docs: Doc[] }

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/** A signed-in page at `width`; signing in lands on the start page, the admin's root. */
async function signedIn(email: string, password: string, width: number): Promise<Page> {
  const context = await browser.newContext({ locale: 'id-ID', viewport: { width, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${adminURL}/admin/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  await page.getByTestId('start-page').waitFor({ timeout: 60_000 })
  return page
}

/**
 * Whether the page is no wider than the window once everything has loaded. After a client-side
 * navigation the charts are drawn a moment after the data arrives, so the width is polled until
 * the page has settled rather than read once.
 */
async function fitsWidth(page: Page, width: number): Promise<number> {
  await page.waitForLoadState('networkidle')
  const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth)
  await expect.poll(scrollWidth, { message: `${page.url()} scrolls sideways at ${width} px`, timeout: 15_000 }).toBeLessThanOrEqual(width)
  // The top bar's mark is shown whole: its link is no narrower than the drawing.
  const mark = await page.locator('.step-nav__home').first().evaluate((link) => ({ link: link.clientWidth, drawing: link.querySelector('svg')!.clientWidth }))
  expect(mark.link, `${page.url()} cuts the mark at ${width} px`).toBeGreaterThanOrEqual(mark.drawing)
  return scrollWidth()
}

async function keepScreenshot(page: Page, name: string): Promise<void> {
  if (!screenshotDir) return
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}

const api = async (url: string, token: string) => {
  const { status, body } = await getJSON(`${adminURL}/api/${url}`, token)
  expect(status, url).toBe(200)
  return body as Doc & List
}

describe.each([1366, 412])('start pages at %i px wide', (width) => {
  it("shows the council its reports with the submit check's figures and the deadline, and continues to Isi laporan", async () => {
    const token = await login(adminURL, council.email, council.password)
    const page = await signedIn(council.email, council.password, width)
    expect(await page.getByTestId('start-page').getAttribute('data-role')).toBe(ROLES.council)

    // The reports the council works on: not yet accepted, or in a round still open.
    const reports = (await api('reports?depth=0&limit=100', token)).docs
    const periods = new Map<unknown, Doc>()
    for (const report of reports) periods.set(report.period, await api(`periods/${report.period}?depth=0`, token))
    const current = reports.filter((report) => report.status !== 'accepted' || periods.get(report.period)?.status !== 'closed')
    const cards = page.getByTestId('council-report')
    expect((await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-report')))).sort()).toEqual(
      current.map((report) => String(report.id)).sort(),
    )
    expect(current.length).toBeGreaterThan(0)

    for (const report of current) {
      const period = periods.get(report.period) as Doc
      const [instrument, evidence, city] = await Promise.all([
        api(`instruments/${period.instrument}?depth=0`, token),
        api(`evidence-uses?where[report][equals]=${report.id}&depth=0&limit=500`, token),
        api(`cities/${report.city}?depth=0`, token),
      ])
      const progress = reportProgress(
        instrument as SubmissionInstrument,
        (report.answers ?? []) as { question: string; value?: unknown }[],
        evidence.docs as { question?: string | null; verdict?: string | null }[],
      )
      const card = page.locator(`[data-testid="council-report"][data-report="${report.id}"]`)
      const missing = progress.evidenceMissing === 0 ? 'bukti dukung lengkap' : `${progress.evidenceMissing} bukti kurang`
      await expect(card.getByTestId('report-progress').innerText()).resolves.toBe(`${progress.answered}/${progress.total} dijawab, ${missing}`)
      const deadline = submissionDeadline(period as Parameters<typeof submissionDeadline>[0], city as Parameters<typeof submissionDeadline>[1])
      expect(deadline).not.toBeNull()
      await expect(card.getByTestId('deadline').innerText()).resolves.toContain(formatDeadline(deadline!, 'id'))
    }
    await fitsWidth(page, width)
    await keepScreenshot(page, `start-council-${width}`)

    // The one button of the first report opens its guided view, with the same count.
    const first = current[0]
    await page.locator(`[data-testid="council-report"][data-report="${first.id}"]`).getByTestId('continue-report').click()
    await page.waitForURL(new RegExp(`/reports/${first.id}/isi$`), { timeout: 60_000 })
    await page.getByTestId('report-progress').waitFor({ timeout: 60_000 })
    await fitsWidth(page, width)
    // The report's title is read whole, on a phone too (its period's stage is at the end).
    const title = page.locator('.doc-header__title').first()
    await expect(title.innerText()).resolves.toBe(String(first.title))
    await expect(title.evaluate((element) => element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight + 1)).resolves.toBe(true)
  })

  it('shows the assessor its queue with the progress of its own reviews, and the queue opens Tinjau', async () => {
    const token = await login(adminURL, assessor.email, assessor.password)
    const page = await signedIn(assessor.email, assessor.password, width)
    expect(await page.getByTestId('start-page').getAttribute('data-role')).toBe(ROLES.assessor)

    const me = (await api('users/me', token)) as unknown as { user: { id: number } }
    const reports = (await api('reports?depth=0&limit=100', token)).docs
    const reviews = (await api(`reviews?where[assessor][equals]=${me.user.id}&depth=0&limit=100&sort=updatedAt`, token)).docs
    const queue = page.getByTestId('review-queue')
    const rows = queue.locator('tbody tr')
    expect((await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-report')))).sort()).toEqual(
      reports.map((report) => String(report.id)).sort(),
    )
    for (const report of reports) {
      const period = await api(`periods/${report.period}?depth=0`, token)
      const instrument = await api(`instruments/${period.instrument}?depth=0`, token)
      const own = reviews.filter((review) => review.report === report.id).at(-1)
      const { scored, total } = reviewProgress(
        instrument as SubmissionInstrument,
        (report.answers ?? []) as { question: string; value?: unknown }[],
        (own?.scores ?? []) as { question: string }[],
      )
      const cell = queue.locator(`tr[data-report="${report.id}"]`).getByTestId('queue-review')
      await expect(cell.innerText()).resolves.toContain(`${scored}/${total} dinilai`)
    }
    await fitsWidth(page, width)
    await keepScreenshot(page, `start-assessor-${width}`)

    // Reports waiting for the assessors come first; the first row's link opens its review.
    const target = await rows.first().getAttribute('data-report')
    await rows.first().getByRole('link', { name: /^Tinjau/ }).click()
    await page.waitForURL(new RegExp(`/reports/${target}/tinjau$`), { timeout: 60_000 })
    await page.locator('article[data-question]').first().waitFor({ timeout: 60_000 })
    await fitsWidth(page, width)

    // The same queue tops the reports list, and the list's links open "Tinjau" too.
    await page.goto(`${adminURL}/admin/collections/reports`)
    await page.getByTestId('review-queue').waitFor({ timeout: 60_000 })
    const links = await page.locator('.table tbody a').evaluateAll((els) => els.map((el) => el.getAttribute('href')))
    expect(links.length).toBe(reports.length)
    for (const link of links) expect(link).toMatch(/\/reports\/\d+\/tinjau$/)
    await fitsWidth(page, width)
  })

  it("shows the secretariat the current period's headline figures, as the period overview counts them", async () => {
    const token = await login(adminURL, secretariat.email, secretariat.password)
    const page = await signedIn(secretariat.email, secretariat.password, width)
    expect(await page.getByTestId('start-page').getAttribute('data-role')).toBe(ROLES.secretariat)

    // The newest open period, else the newest.
    const periods = (await api('periods?depth=0&sort=-opensAt&limit=100', token)).docs
    const period = periods.find((candidate) => candidate.status === 'open') ?? periods[0]
    const [cities, reports, reviews, pillars, assessors] = await Promise.all([
      api('cities?depth=0&limit=500', token),
      api(`reports?where[period][equals]=${period.id}&depth=0&limit=500`, token),
      api(`reviews?where[period][equals]=${period.id}&depth=0&limit=500`, token),
      api('dimensions?depth=0&limit=100', token),
      api('users?where[role][equals]=assessor&depth=0&limit=500', token),
    ])
    const expected = periodDashboard({
      period: period as Parameters<typeof periodDashboard>[0]['period'],
      cities: cities.docs as unknown as Parameters<typeof periodDashboard>[0]['cities'],
      reports: reports.docs as unknown as Parameters<typeof periodDashboard>[0]['reports'],
      reviews: reviews.docs as unknown as Parameters<typeof periodDashboard>[0]['reviews'],
      pillars: pillars.docs.map((pillar) => ({ id: pillar.id, name: String(pillar.name) })),
      assessors: assessors.docs.map((user) => ({ id: user.id, name: String(user.name) })),
      now: new Date(),
    })
    const figures = page.getByTestId('period-figures')
    await expect(page.locator('#start-period').innerText()).resolves.toContain(String(period.title))
    const count = (key: string) => figures.locator(`[data-figure="${key}"]`).getAttribute('data-count').then(Number)
    const counts = expected.statusCounts
    await expect(count('handed-in')).resolves.toBe(counts.submitted + counts.in_review + counts.accepted)
    await expect(count('late')).resolves.toBe(expected.overdue.length)
    await expect(count('in-review')).resolves.toBe(expected.inReview.length)
    await expect(count('awaiting-lead')).resolves.toBe(expected.awaitingLead.length)
    await expect(count('unassigned')).resolves.toBe(expected.unassigned.length)
    await expect(count('accepted')).resolves.toBe(counts.accepted)
    for (const city of expected.overdue) {
      await expect(figures.locator('[data-figure="late"]').innerText()).resolves.toContain(city)
    }
    // The demo's 2023 round closed with drafts still out: the figure is not trivially zero.
    expect(expected.overdue.length).toBeGreaterThan(0)
    // A figure of reports links to a list of just those; one of none, to the overview's table.
    for (const key of ['inReview', 'awaitingLead'] as const) {
      const href = await figures.locator(`[data-figure="${key === 'inReview' ? 'in-review' : 'awaiting-lead'}"] a`).getAttribute('href')
      const ids = expected.reports[key]
      expect(href).toBe(
        ids.length > 0 ? `/admin/collections/reports?where[id][in]=${ids.join(',')}` : `/admin/ringkasan?period=${period.id}#dash-status`,
      )
    }
    await fitsWidth(page, width)
    await keepScreenshot(page, `start-secretariat-${width}`)

    await page.getByRole('link', { name: 'Buka ringkasan periode' }).click()
    await page.waitForURL(new RegExp(`/admin/ringkasan\\?period=${period.id}$`), { timeout: 60_000 })
    await page.getByTestId('dashboard-cities').waitFor({ timeout: 60_000 })
    await fitsWidth(page, width)
  })
})

describe("Pantau's own face", () => {
  it('names Pantau, not Payload, on the login page, with Indonesian first and English one click away', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage()
    await page.goto(`${adminURL}/admin/login`)
    await page.getByTestId('pantau-logo').waitFor({ timeout: 60_000 })
    await expect(page.title()).resolves.toMatch(/Pantau$/)
    await expect(page.title()).resolves.not.toMatch(/Payload/)
    await expect(page.locator('body').innerText()).resolves.not.toMatch(/Payload/)
    await expect(page.locator('link[rel="icon"]').first().getAttribute('href')).resolves.toContain('/pantau.svg')
    await expect(page.locator('button[type="submit"]').innerText()).resolves.toBe('Masuk')
    await page.getByTestId('language-switch').getByRole('button', { name: 'English' }).click()
    await page.locator('button[type="submit"]', { hasText: 'Login' }).waitFor({ timeout: 60_000 })
    await expect(page.getByTestId('pantau-logo').innerText()).resolves.toContain('Monitoring and evaluation')
  })

  it("lists in each role's navigation only the collections it works with", async () => {
    const councilPage = await signedIn(council.email, council.password, 1366)
    const councilLinks = await councilPage.locator('nav a').evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''))
    expect(councilLinks).toContain('/admin/collections/reports')
    expect(councilLinks).toContain('/admin/collections/programs')
    for (const hidden of ['users', 'instruments', 'periods', 'audit-log', 'reviews']) {
      expect(councilLinks).not.toContain(`/admin/collections/${hidden}`)
    }
    const assessorPage = await signedIn(assessor.email, assessor.password, 1366)
    const assessorLinks = await assessorPage.locator('nav a').evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''))
    expect(assessorLinks).toEqual(expect.arrayContaining(['/admin', '/admin/collections/reports', '/admin/collections/reviews']))
    for (const hidden of ['users', 'instruments', 'periods', 'programs', 'cities', 'evidence']) {
      expect(assessorLinks).not.toContain(`/admin/collections/${hidden}`)
    }
  })
})
