/**
 * The hardening as the running system shows it: the security headers of the admin, the API and the
 * public site as `npm start` serves them, pages that run under their Content-Security-Policy without
 * a single violation in Chromium, and requests a proxy or attacker can send that an in-process test
 * cannot (a declared body of gigabytes, paths Next.js has to decode first).
 */
import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { ROLES } from '../../cms/constants.ts'
import { DEMO_ACCOUNTS } from '../../seed/data/accounts.ts'
import { launchChromium } from '../helpers/browser.ts'

const adminURL = inject('adminURL')
const siteURL = inject('siteURL')

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
}

describe('the security headers', () => {
  it('of the admin: a policy with a fresh nonce per page that no site may frame', async () => {
    const first = await fetch(`${adminURL}/admin/login`)
    const second = await fetch(`${adminURL}/admin/login`)
    expect(first.status).toBe(200)
    expect(Object.fromEntries(first.headers)).toMatchObject(COMMON)
    expect(first.headers.get('permissions-policy')).toContain('camera=()')
    const policy = first.headers.get('content-security-policy') ?? ''
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).not.toContain('unsafe-eval')
    const nonce = (text: string | null) => text?.match(/'nonce-([^']+)'/)?.[1]
    expect(nonce(policy)).not.toBe(nonce(second.headers.get('content-security-policy')))
    // Next.js puts the nonce on the scripts it writes into the page.
    expect(await first.text()).toContain(`nonce="${nonce(policy)}"`)
  })

  it('of the API: nothing to run or frame, and HSTS only behind HTTPS', async () => {
    const plain = await fetch(`${adminURL}/api/cities?limit=1`)
    expect(plain.status).toBe(200)
    expect(Object.fromEntries(plain.headers)).toMatchObject(COMMON)
    expect(plain.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(plain.headers.get('strict-transport-security')).toBeNull()
    const behindTls = await fetch(`${adminURL}/api/cities?limit=1`, { headers: { 'X-Forwarded-Proto': 'https' } })
    expect(behindTls.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains')
  })

  it('of the public site: its own scripts and stylesheets only', async () => {
    const response = await fetch(`${siteURL}/`)
    expect(response.status).toBe(200)
    expect(Object.fromEntries(response.headers)).toMatchObject(COMMON)
    const policy = response.headers.get('content-security-policy') ?? ''
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';")
    expect(policy).toContain("style-src 'self'")
    expect(policy).toContain("frame-ancestors 'none'")
    const html = await response.text()
    expect(html).not.toMatch(/<style|<script(?![^>]*\ssrc=)/)
  })

  it('of the public site on a static host: the same list in _headers, with HSTS', async () => {
    // Written by the build for the static host; `astro preview` itself serves no `_headers` page.
    const file = await fs.readFile(path.join(import.meta.dirname, '..', '..', 'dist', 'site', '_headers'), 'utf8')
    expect(file).toContain('/*')
    expect(file).toContain('  X-Frame-Options: DENY')
    expect(file).toMatch(/ {2}Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/)
    expect(file).toContain('  Strict-Transport-Security: max-age=63072000; includeSubDomains')
  })
})

/** Every Content-Security-Policy violation a page reports while it loads and runs. */
async function violationsOn(page: Page, action: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text())
  })
  await action()
  await page.waitForTimeout(1500)
  return seen
}

describe('pages under their policy', () => {
  it('of the public site run their charts without a violation', async () => {
    const page = await (await browser.newContext()).newPage()
    for (const address of ['/', '/kota/kota-ambon/', '/kota/kota-ambon/ambon-pabrik-daur-ulang-sampah-plastik/', '/data-terbuka/']) {
      const violations = await violationsOn(page, async () => {
        await page.goto(`${siteURL}${address}`)
        await page.locator('canvas').first().scrollIntoViewIfNeeded().catch(() => undefined)
      })
      expect({ address, violations }).toEqual({ address, violations: [] })
    }
    await page.goto(`${siteURL}/kota/kota-ambon/ambon-pabrik-daur-ulang-sampah-plastik/`)
    await page.locator('canvas').first().scrollIntoViewIfNeeded()
    await expect.poll(() => page.locator('canvas').first().evaluate((canvas) => (canvas as HTMLCanvasElement).width > 0)).toBe(true)
  })

  it('of the public site search with Pagefind (its script and WebAssembly) without a violation', async () => {
    const page = await (await browser.newContext()).newPage()
    const results = page.locator('#hasil-cari li a')
    const violations = await violationsOn(page, async () => {
      await page.goto(`${siteURL}/cari/`)
      await page.getByRole('searchbox').fill('daur ulang')
      await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0)
    })
    expect(violations).toEqual([])
  })

  it('of the admin sign in and show the dashboard without a violation', async () => {
    const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === ROLES.secretariat)!
    const page = await (await browser.newContext({ locale: 'id-ID' })).newPage()
    const violations = await violationsOn(page, async () => {
      await page.goto(`${adminURL}/admin/login`)
      await page.locator('input[name="email"]').fill(account.email)
      await page.locator('input[name="password"]').fill(account.password)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
      await page.goto(`${adminURL}/admin/ringkasan`)
      await page.getByTestId('dashboard-cities').waitFor()
    })
    expect(violations).toEqual([])
  })

  it('of the admin cannot be framed by another site', async () => {
    const page = await (await browser.newContext()).newPage()
    const refusals: string[] = []
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) refusals.push(message.text())
    })
    await page.setContent(`<iframe src="${adminURL}/admin/login"></iframe>`)
    await page.waitForTimeout(3000)
    const child = page.frames().find((frame) => frame !== page.mainFrame())
    const shown = child ? await child.locator('input[name="email"]').count().catch(() => 0) : 0
    expect(shown).toBe(0)
    expect(refusals.length).toBeGreaterThan(0)
  })
})

/** Sends raw HTTP and resolves with the status line of the answer, or rejects after `ms`. */
function rawRequest(url: string, head: string, body: string, ms: number): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname)
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no answer within ${ms} ms`))
    }, ms)
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1')
      if (received.includes('\r\n')) {
        clearTimeout(timer)
        socket.destroy()
        resolve(received.split('\r\n', 1)[0])
      }
    })
    socket.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    socket.write(head + body)
  })
}

describe('requests only a real server receives', () => {
  it('refuses a body declared at 5 GB with 413 at once, without waiting for it', async () => {
    const started = Date.now()
    const head =
      'POST /api/evidence/upload HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\n' +
      'Content-Length: 5368709120\r\nConnection: close\r\n\r\n'
    await expect(rawRequest(adminURL, head, '--x\r\n', 10_000)).resolves.toMatch(/^HTTP\/1\.1 413/)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it.each(['/api/media/file/x%00.pdf'])('answers %s with a 4xx, not a 500', async (address) => {
    const response = await fetch(`${adminURL}${address}`)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
  })

  // Next.js decodes a route's parameters before the route runs and fails on this path with a 500;
  // cms/proxy.ts answers it first, with the route guard's message (test/int/hardening.test.ts).
  it('answers /api/media/file/%E0%A4%A (a broken percent-encoding) with a 400 in the caller\'s language', async () => {
    const response = await fetch(`${adminURL}/api/media/file/%E0%A4%A`)
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].message).toMatch(/^Alamat tidak sah/)
    const english = await fetch(`${adminURL}/api/media/file/%E0%A4%A`, { headers: { 'Accept-Language': 'en' } })
    expect(english.status).toBe(400)
    expect((await english.json()).errors[0].message).toMatch(/^The address is not valid/)
  })
})
