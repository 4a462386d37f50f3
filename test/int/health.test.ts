import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { uploadRoot } from '../../cms/infra/paths.ts'
import { DELIVER_NOTICES_TASK } from '../../cms/server/notices.ts'
import { callApi } from '../helpers/api.ts'
import { testPayload } from '../helpers/payload.ts'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

describe('GET /api/health', () => {
  it('answers an anonymous probe with 200 and each check, naming no secret and no path', async () => {
    const response = await callApi('GET', '/health')
    expect(response.status).toBe(200)
    expect(response.body.status).toBe('ok')
    expect(response.body.checks.database.ok).toBe(true)
    expect(response.body.checks.storage.ok).toBe(true)
    expect(response.body.jobs).toEqual({ waiting: 0, oldestSeconds: null })
    expect(response.headers.get('cache-control')).toBe('no-store')
    const text = JSON.stringify(response.body)
    expect(text).not.toContain(uploadRoot())
    expect(text).not.toContain(process.env.PAYLOAD_SECRET as string)
  })

  it('reports how long the oldest job has waited', async () => {
    const job = await payload.jobs.queue({ task: DELIVER_NOTICES_TASK, input: {} })
    try {
      const response = await callApi('GET', '/health')
      expect(response.body.jobs.waiting).toBe(1)
      expect(response.body.jobs.oldestSeconds).toBeGreaterThanOrEqual(0)
    } finally {
      await payload.delete({ collection: 'payload-jobs', where: { id: { equals: job.id } }, overrideAccess: true })
    }
  })

  it('answers 503 when uploads cannot be written', async () => {
    // A folder below a plain file cannot be made, not even by root.
    const blocker = path.join(os.tmpdir(), `pantau-health-${process.pid}`)
    await fs.writeFile(blocker, 'not a folder')
    const saved = process.env.UPLOAD_DIR
    process.env.UPLOAD_DIR = path.join(blocker, 'uploads')
    try {
      const response = await callApi('GET', '/health')
      expect(response.status).toBe(503)
      expect(response.body.status).toBe('unavailable')
      expect(response.body.checks.storage.ok).toBe(false)
      expect(response.body.checks.database.ok).toBe(true)
    } finally {
      if (saved === undefined) delete process.env.UPLOAD_DIR
      else process.env.UPLOAD_DIR = saved
      await fs.rm(blocker, { force: true })
    }
  })
})

describe('the id of an API request', () => {
  it("is named in the answer: the caller's own when it looks like one, else a new one each time", async () => {
    const traced = await callApi('GET', '/health', { headers: { 'X-Request-Id': 'lb-trace-00000042' } })
    expect(traced.headers.get('x-request-id')).toBe('lb-trace-00000042')
    const first = (await callApi('GET', '/cities?limit=1')).headers.get('x-request-id')
    const second = (await callApi('GET', '/cities?limit=1')).headers.get('x-request-id')
    expect(first).toMatch(/^[0-9a-f-]{36}$/)
    expect(second).toMatch(/^[0-9a-f-]{36}$/)
    expect(first).not.toBe(second)
    // Refused before Payload reads it, and still named.
    const refused = await callApi('POST', '/cities', { body: 'x', headers: { 'Content-Type': 'text/plain', 'X-Request-Id': 'refused-request-01' } })
    expect(refused.status).toBe(415)
    expect(refused.headers.get('x-request-id')).toBe('refused-request-01')
  })
})
