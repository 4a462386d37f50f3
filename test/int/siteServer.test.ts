/**
 * The public site's static server (scripts/serveSite.ts) over real HTTP, on a small made-up site in a
 * temp folder: status codes, cache and security headers, compression, the 404 page, the trailing
 * slash, what it refuses, and a site published while it runs (a new file, a folder swapped by two
 * renames as the publish job does). Raw requests send paths as written, which fetch would normalize.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { IMMUTABLE_CACHE, REVALIDATE_CACHE } from '../../cms/infra/siteCaching.ts'
import { siteContentSecurityPolicy } from '../../cms/infra/securityHeaders.ts'
import { startSiteServer } from '../../scripts/serveSite.ts'

const root = path.resolve(import.meta.dirname, '..', '..')
const CMS_ORIGIN = 'http://cms.pantau.test:3000'

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** One request with the path exactly as given, the body decoded only as the server sent it. */
function request(port: number, requestPath: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: requestPath, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

function write(dir: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
  fs.writeFileSync(path.join(dir, file), text)
}

/** A built site in miniature: pages, a hashed stylesheet, the 404 page, a download. */
function writeSite(dir: string, marker: string): void {
  write(dir, 'index.html', `<!doctype html><html lang="id"><title>Pantau ${marker}</title><p>${'Beranda kota cerdas. '.repeat(200)}</p></html>`)
  write(dir, '_astro/site.abc123.css', `body{color:#123}${'.x{margin:0}'.repeat(300)}`)
  write(dir, '404.html', '<!doctype html><title>404</title><h1>Halaman tidak ditemukan</h1><p>Page not found</p>')
  write(dir, 'kota/ambon/index.html', `<!doctype html><title>Kota Ambon ${marker}</title>`)
  write(dir, 'data/skor.csv', `kota,skor\n${'Kota Ambon,3.5\n'.repeat(200)}`)
  write(dir, '_headers', '/*\n  X-Frame-Options: DENY\n')
  write(dir, '.hidden', 'not for the public')
}

let scratch: string
let siteDir: string
let server: http.Server
let port: number

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-site-server-'))
  siteDir = path.join(scratch, 'site')
  writeSite(siteDir, 'v1')
  fs.writeFileSync(path.join(scratch, 'secret.txt'), 'SECRET-BESIDE-THE-SITE')
  server = await startSiteServer({ dir: siteDir, port: 0, host: '127.0.0.1', cmsOrigin: CMS_ORIGIN })
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  fs.rmSync(scratch, { recursive: true, force: true })
})

describe('the site server', () => {
  it('answers a page with 200, HTML and a cache revalidated on every use', async () => {
    const home = await request(port, '/')
    expect(home.status).toBe(200)
    expect(home.headers['content-type']).toBe('text/html;charset=utf-8')
    expect(home.headers['cache-control']).toBe(REVALIDATE_CACHE)
    expect(home.headers.etag).toMatch(/^W\/"/)
    expect(home.body).toContain('Pantau v1')

    const again = await request(port, '/', { headers: { 'if-none-match': String(home.headers.etag) } })
    expect(again.status).toBe(304)
    expect(again.body).toBe('')
    expect(again.headers['cache-control']).toBe(REVALIDATE_CACHE)

    const csv = await request(port, '/data/skor.csv')
    expect(csv.status).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv')
    expect(csv.headers['cache-control']).toBe(REVALIDATE_CACHE)
  })

  it('keeps hashed assets for a year, immutable', async () => {
    const css = await request(port, '/_astro/site.abc123.css')
    expect(css.status).toBe(200)
    expect(css.headers['content-type']).toBe('text/css')
    expect(css.headers['cache-control']).toBe(IMMUTABLE_CACHE)
    expect(css.body).toContain('body{color:#123}')
  })

  it.each([
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
  ])('compresses text when the browser accepts %s', async (accepted, expected) => {
    const plain = await request(port, '/')
    const compressed = await request(port, '/', { headers: { 'accept-encoding': accepted } })
    expect(compressed.status).toBe(200)
    expect(compressed.headers['content-encoding']).toBe(expected)
    expect(compressed.headers.vary).toMatch(/accept-encoding/i)
    expect(compressed.body.length).toBeLessThan(plain.body.length / 4)
    expect(plain.headers['content-encoding']).toBeUndefined()
  })

  it('sends the security headers on a page, an asset, a 404 and a refusal', async () => {
    const answers = await Promise.all([
      request(port, '/'),
      request(port, '/_astro/site.abc123.css'),
      request(port, '/kota/tidak-ada/'),
      request(port, '/', { method: 'POST' }),
    ])
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 404, 405])
    for (const { headers } of answers) {
      expect(headers['content-security-policy']).toBe(siteContentSecurityPolicy(CMS_ORIGIN))
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['x-frame-options']).toBe('DENY')
      expect(headers['strict-transport-security']).toBeUndefined()
    }
  })

  it("answers a missing page with 404 and the site's own 404 page, never cached for long", async () => {
    for (const missing of ['/kota/tidak-ada/', '/tidak-ada.csv', '/_astro/hilang.css']) {
      const answer = await request(port, missing)
      expect(answer.status).toBe(404)
      expect(answer.body).toContain('Halaman tidak ditemukan')
      expect(answer.headers['cache-control']).toBe(REVALIDATE_CACHE)
    }
  })

  it('redirects a page address without its trailing slash, keeping the query', async () => {
    const answer = await request(port, '/kota/ambon?tab=skor')
    expect(answer.status).toBe(301)
    expect(answer.headers.location).toBe('/kota/ambon/?tab=skor')
    const page = await request(port, '/kota/ambon/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('Kota Ambon v1')
  })

  it('lists no folder and serves neither dotfiles nor the _headers file', async () => {
    for (const hidden of ['/kota/', '/_astro/', '/.hidden', '/_headers']) {
      const answer = await request(port, hidden)
      expect({ hidden, status: answer.status }).toEqual({ hidden, status: 404 })
      expect(answer.body).not.toMatch(/site\.abc123|not for the public|X-Frame-Options/)
    }
  })

  it('refuses, as a bad request, any path that climbs out of its folder', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/..%2fsecret.txt', '/kota/../../secret.txt', '/%2e%2e%5csecret.txt']) {
      const answer = await request(port, attempt)
      expect(answer.status, attempt).toBe(400)
      expect(answer.body, attempt).not.toContain('SECRET-BESIDE-THE-SITE')
    }
  })

  it('answers only GET and HEAD', async () => {
    const head = await request(port, '/', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const answer = await request(port, '/', { method })
      expect({ method, status: answer.status }).toEqual({ method, status: 405 })
      expect(answer.headers.allow).toBe('GET, HEAD')
    }
    expect((await request(port, '/', { method: 'POST' })).body).toBe('Metode tidak diizinkan\n')
    expect((await request(port, '/', { method: 'POST', headers: { 'accept-language': 'en-GB,en;q=0.9,id;q=0.5' } })).body).toBe('Method not allowed\n')
  })

  it('serves a page added after it started, and a whole site swapped in by two renames', async () => {
    expect((await request(port, '/kota/baru/')).status).toBe(404)
    write(siteDir, 'kota/baru/index.html', '<!doctype html><title>Kota Baru</title>')
    const added = await request(port, '/kota/baru/')
    expect(added.status).toBe(200)
    expect(added.body).toContain('Kota Baru')

    // As cms/jobs/publishSite.ts buildSite: build beside, move the old one away, move the new one in.
    const staging = `${siteDir}.building`
    writeSite(staging, 'v2')
    write(staging, 'kota/sorong/index.html', '<!doctype html><title>Kota Sorong</title>')
    fs.renameSync(siteDir, `${siteDir}.previous`)
    fs.renameSync(staging, siteDir)
    fs.rmSync(`${siteDir}.previous`, { recursive: true, force: true })

    expect((await request(port, '/')).body).toContain('Pantau v2')
    expect((await request(port, '/kota/ambon/')).body).toContain('Kota Ambon v2')
    expect((await request(port, '/kota/sorong/')).status).toBe(200)
    expect((await request(port, '/kota/baru/')).status).toBe(404)
  })
})

describe('the site server while publishes swap its folder', () => {
  it('answers each page whole from one publish, or cuts the answer off, never a body of the wrong length', async () => {
    const dir = path.join(scratch, 'busy')
    // Each publish's page has another length, so a length stated from one and a body read from another differ.
    const publishPage = (folder: string, version: number) => write(folder, 'kota/ambon/index.html', `<${version}>`.repeat(2000 + (version % 5) * 700))
    publishPage(dir, 0)
    const busy = await startSiteServer({ dir, port: 0, host: '127.0.0.1', cmsOrigin: CMS_ORIGIN })
    const busyPort = (busy.address() as AddressInfo).port
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })
    const outcomes = new Map<string, number>()
    const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
    const ask = () =>
      new Promise<void>((resolve) => {
        const req = http.get({ host: '127.0.0.1', port: busyPort, path: '/kota/ambon/', agent, timeout: 5000 }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString()
            const version = body.match(/^<(\d+)>/)?.[1]
            const whole = res.statusCode === 200 && body.length === Number(res.headers['content-length']) && body === `<${version}>`.repeat(2000 + (Number(version) % 5) * 700)
            count(whole ? 'whole' : `status ${res.statusCode}, ${body.length} of ${res.headers['content-length']} bytes`)
            resolve()
          })
          res.on('aborted', () => (count('cut off'), resolve()))
        })
        req.on('timeout', () => req.destroy(new Error('no answer in 5 s')))
        req.on('error', (error: NodeJS.ErrnoException) => (count(error.code === 'ECONNRESET' ? 'cut off' : `error ${error.code ?? error.message}`), resolve()))
      })

    let publishing = true
    const readers = Array.from({ length: 4 }, async () => {
      while (publishing) await ask()
    })
    const until = Date.now() + 2000
    for (let version = 1; Date.now() < until; version++) {
      const staging = `${dir}.building-${version}`
      publishPage(staging, version)
      fs.renameSync(dir, `${dir}.previous`)
      fs.renameSync(staging, dir)
      fs.rmSync(`${dir}.previous`, { recursive: true, force: true })
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    publishing = false
    await Promise.all(readers)
    agent.destroy()
    busy.closeAllConnections()
    await new Promise((resolve) => busy.close(resolve))

    expect([...outcomes.keys()].filter((outcome) => outcome !== 'whole' && outcome !== 'cut off')).toEqual([])
    expect(outcomes.get('whole')).toBeGreaterThan(100)
  })
})

describe('scripts/serveSite.ts as a program', () => {
  it('serves PANTAU_SITE_TARGET on SITE_PORT, says so in one line and stops on SIGTERM', async () => {
    const probe = http.createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const freePort = (probe.address() as AddressInfo).port
    await new Promise((resolve) => probe.close(resolve))

    const child = spawn(process.execPath, [path.join(root, 'scripts', 'serveSite.ts')], {
      cwd: root,
      env: { ...process.env, PANTAU_SITE_TARGET: siteDir, PANTAU_SITE_DIR: '', SITE_PORT: String(freePort), SITE_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    let output = ''
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('\n')) resolve()
      })
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.once('exit', () => reject(new Error(`serveSite.ts exited early: ${output}`)))
    })
    expect(output).toContain(`http://127.0.0.1:${freePort}/`)

    const home = await request(freePort, '/')
    expect(home.status).toBe(200)
    expect(home.body).toContain('<title>Pantau')
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(output.trim().split('\n')).toHaveLength(1)
  })
})
