import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { CONTEXT_FLAGS } from '../constants.ts'
import { PUBLISH_SITE_TASK } from '../jobs/publishSite.ts'
import { asSystem } from '../server/asSystem.ts'

type Doc = Record<string, unknown> | undefined

/** Whether a record, before or after the change, is something the public sees. */
export type ShownToPublic = (doc: Doc) => boolean

export const always: ShownToPublic = () => true
export const publicProgramme: ShownToPublic = (doc) => doc?.isPublic === true
export const publishedUpdate: ShownToPublic = (doc) => doc?._status === 'published'

const JOBS = 'payload-jobs'

/**
 * Queues one `publish-site` job, unless one is already waiting: a bulk import of two hundred
 * measurements then rebuilds the snapshot once, and a change made while a job is running still
 * gets a job of its own, which reads the data after that change. The job is queued in the same
 * transaction as the change, so a change that is rolled back publishes nothing.
 */
export async function queuePublishSite(req: PayloadRequest): Promise<void> {
  if (req.context?.[CONTEXT_FLAGS.skipPublish]) return
  const waiting = await asSystem(req, 'the job queue is system data').count(JOBS, {
    and: [
      { taskSlug: { equals: PUBLISH_SITE_TASK } },
      { processing: { equals: false } },
      { completedAt: { exists: false } },
      { hasError: { not_equals: true } },
    ],
  })
  if (waiting > 0) return
  await req.payload.jobs.queue({ task: PUBLISH_SITE_TASK, input: {}, req })
}

/**
 * Rebuilds the public snapshot (and site) after a change to something the public sees, or to
 * something that stops being public (a programme made private, an update unpublished). Skipped with
 * `req.context.skipPublish`, as the seed and bulk imports do.
 */
export const enqueuePublishSite =
  (shown: ShownToPublic = always): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    if (shown(doc) || shown(previousDoc)) await queuePublishSite(req)
    return doc
  }

export const enqueuePublishSiteAfterDelete =
  (shown: ShownToPublic = always): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    if (shown(doc)) await queuePublishSite(req)
    return doc
  }
