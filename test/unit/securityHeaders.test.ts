import { describe, expect, it } from 'vitest'

import nextConfig from '../../cms/next.config.mjs'
import {
  adminContentSecurityPolicy,
  API_CONTENT_SECURITY_POLICY,
  headerObject,
  headersFile,
  siteContentSecurityPolicy,
  siteHeaders,
} from '../../cms/infra/securityHeaders.ts'

/** A policy's directives by name. */
const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/)
      return [name, sources]
    }),
  )

describe("the admin's Content-Security-Policy", () => {
  const admin = directives(adminContentSecurityPolicy('bm9uY2U='))

  it('runs only scripts carrying the page nonce, and never eval outside development', () => {
    expect(admin['script-src']).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"])
    expect(directives(adminContentSecurityPolicy('x', { development: true }))['script-src']).toContain("'unsafe-eval'")
  })

  it('cannot be framed, and sends forms and the base address nowhere else', () => {
    expect(admin['frame-ancestors']).toEqual(["'none'"])
    expect(admin['form-action']).toEqual(["'self'"])
    expect(admin['base-uri']).toEqual(["'self'"])
  })

  it('shows evidence previews, which are blob: addresses', () => {
    expect(admin['frame-src']).toContain('blob:')
    expect(admin['img-src']).toContain('blob:')
  })
})

describe("the public site's headers", () => {
  it('allow only its own scripts and stylesheets, and images of the CMS', () => {
    const site = directives(siteContentSecurityPolicy('https://cms.pantau.example/admin'))
    expect(site['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"])
    expect(site['style-src']).toEqual(["'self'"])
    expect(site['img-src']).toEqual(["'self'", 'data:', 'https://cms.pantau.example'])
    expect(site['frame-ancestors']).toEqual(["'none'"])
  })

  it('add HSTS only where the site is served over HTTPS', () => {
    const keys = (https: boolean) => siteHeaders({ cmsOrigin: 'http://localhost:3000', https }).map((header) => header.key)
    expect(keys(true)).toContain('Strict-Transport-Security')
    expect(keys(false)).not.toContain('Strict-Transport-Security')
    expect(keys(false)).toEqual(
      expect.arrayContaining(['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'X-Frame-Options']),
    )
  })

  it('write as a _headers file for every path, one header a line', () => {
    const headers = siteHeaders({ cmsOrigin: 'http://localhost:3000', https: true })
    const lines = headersFile(headers).split('\n')
    expect(lines[1]).toBe('/*')
    expect(lines).toContain('  X-Content-Type-Options: nosniff')
    expect(lines.filter((line) => line.startsWith('  '))).toHaveLength(headers.length)
    expect(headerObject(headers)['X-Frame-Options']).toBe('DENY')
  })
})

describe('the Next.js config of the admin and API', () => {
  it('sends the common headers everywhere, a closed policy on the API and HSTS behind HTTPS', async () => {
    const rules = await (nextConfig as { headers: () => Promise<{ source: string; has?: unknown[]; headers: { key: string; value: string }[] }[]> }).headers()
    const everywhere = rules.filter((rule) => rule.source === '/:path*' && !rule.has).flatMap((rule) => rule.headers)
    expect(headerObject(everywhere)).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    })
    expect(rules.find((rule) => rule.source === '/api/:path*')?.headers).toEqual([{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }])
    const hsts = rules.find((rule) => rule.headers.some((header) => header.key === 'Strict-Transport-Security'))
    expect(hsts?.has).toEqual([{ type: 'header', key: 'x-forwarded-proto', value: 'https' }])
  })
})
