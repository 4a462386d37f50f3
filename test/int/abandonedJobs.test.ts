/**
 * A job left marked as running by a stopped CMS is released when an instance starts its queue, so
 * publishing does not stop for good; a job another instance is running now is left alone.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { DEFAULT_ABANDONED_MINUTES, releaseAbandonedJobs } from '../../cms/jobs/abandoned.ts'
import { jobs } from '../../cms/jobs/index.ts'
import { PUBLISH_SITE_TASK } from '../../cms/jobs/publishSite.ts'
import { testPayload } from '../helpers/payload.ts'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
})

/** A publish job marked as running since `minutesAgo`, as a CMS stopped while running it leaves it. */
async function runningSince(minutesAgo: number) {
  const job = await payload.jobs.queue({ task: PUBLISH_SITE_TASK, input: { cities: null } })
  const since = new Date(Date.now() - minutesAgo * 60_000).toISOString()
  // Straight to the database: Payload's update would stamp the present time.
  await payload.db.updateOne({ collection: 'payload-jobs', id: job.id, data: { processing: true, updatedAt: since } })
  return job
}

const processing = async (id: string | number) =>
  (await payload.findByID({ collection: 'payload-jobs', id, depth: 0, overrideAccess: true })).processing

describe('jobs left running by a stopped instance', () => {
  it('are released when an instance starts its queue; one running now is not', async () => {
    const abandoned = await runningSince(DEFAULT_ABANDONED_MINUTES + 5)
    const running = await runningSince(1)
    try {
      expect(await processing(abandoned.id)).toBe(true)
      // What the Next.js server does when it starts the queue's crons.
      const crons = await (jobs.autoRun as (payload: Payload) => Promise<unknown[]>)(payload)
      expect(crons).toHaveLength(1)
      expect(await processing(abandoned.id)).toBe(false)
      expect(await processing(running.id)).toBe(true)
    } finally {
      await payload.delete({ collection: 'payload-jobs', where: { id: { in: [abandoned.id, running.id] } }, overrideAccess: true })
    }
  })

  it('are left alone by an instance that does not run the queue', async () => {
    const abandoned = await runningSince(DEFAULT_ABANDONED_MINUTES + 5)
    process.env.PANTAU_JOBS_AUTORUN = 'false'
    try {
      await (jobs.autoRun as (payload: Payload) => Promise<unknown[]>)(payload)
      expect(await processing(abandoned.id)).toBe(true)
      delete process.env.PANTAU_JOBS_AUTORUN
      expect(await releaseAbandonedJobs(payload)).toEqual([abandoned.id])
    } finally {
      delete process.env.PANTAU_JOBS_AUTORUN
      await payload.delete({ collection: 'payload-jobs', where: { id: { equals: abandoned.id } }, overrideAccess: true })
    }
  })
})
