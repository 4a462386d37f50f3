/**
 * `GET /api/health`: what a load balancer or an operator's probe asks before sending people to this
 * instance. It answers 200 when the database answers and uploads can be stored (the upload folder
 * is writable, or the bucket answers), 503 otherwise, with each check's outcome and timing, and how
 * old the oldest waiting job is (a queue that stopped moving is visible before the public site goes
 * stale). It names no secret, no path and no record: anyone
 * may call it, as probes do not sign in.
 */
import fs from 'node:fs/promises'

import type { Endpoint, PayloadRequest } from 'payload'

import { bucketSettings } from '../infra/bucket.ts'
import { bucketAnswers } from '../infra/objectStorage.ts'
import { uploadRoot } from '../infra/paths.ts'

interface Check {
  ok: boolean
  ms: number
}

async function timed(work: () => Promise<unknown>): Promise<Check> {
  const started = performance.now()
  try {
    await work()
    return { ok: true, ms: Math.round(performance.now() - started) }
  } catch {
    return { ok: false, ms: Math.round(performance.now() - started) }
  }
}

/** The oldest job that has neither finished nor failed: its age in seconds, or null when none waits. */
async function oldestWaitingJob(req: PayloadRequest): Promise<{ waiting: number; oldestSeconds: number | null }> {
  const { docs, totalDocs } = await req.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    // The probe is anonymous; it learns a count and an age, never a job's input.
    overrideAccess: true,
    select: { createdAt: true },
  })
  const oldest = docs[0]?.createdAt
  return {
    waiting: totalDocs,
    oldestSeconds: oldest ? Math.max(0, Math.round((Date.now() - new Date(oldest).getTime()) / 1000)) : null,
  }
}

export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    let jobs: { waiting: number; oldestSeconds: number | null } | null = null
    const database = await timed(async () => {
      jobs = await oldestWaitingJob(req)
    })
    const bucket = bucketSettings()
    const storage = await timed(async () => {
      if (bucket) return bucketAnswers(bucket)
      const root = uploadRoot()
      await fs.mkdir(root, { recursive: true })
      await fs.access(root, fs.constants.W_OK)
    })
    const ok = database.ok && storage.ok
    return Response.json(
      { status: ok ? 'ok' : 'unavailable', checks: { database, storage }, jobs },
      { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
    )
  },
}
