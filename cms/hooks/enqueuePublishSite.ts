import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest, Where } from 'payload'

import { COLLECTIONS, CONTEXT_FLAGS } from '../constants.ts'
import { type ID, idOf, type Ref } from '../domain/ids.ts'
import { PUBLISH_SITE_TASK, type PublishInput } from '../jobs/publishSite.ts'
import { asSystem } from '../server/asSystem.ts'

type Doc = Record<string, unknown> | undefined

/** Whether a record, before or after the change, is something the public sees. */
export type ShownToPublic = (doc: Doc) => boolean

export const always: ShownToPublic = () => true
export const publicProgramme: ShownToPublic = (doc) => doc?.isPublic === true
export const publishedUpdate: ShownToPublic = (doc) => doc?._status === 'published'

const JOBS = 'payload-jobs'

/**
 * What a change touches: the records of some cities (none for a pillar or a photo saved: the tables
 * of no city, which every publish reads whole), or everything (a record of no city deleted).
 */
export type Touched = { cities: ID[] } | 'everything'

/** The cities of both inputs, or everything when either is. */
export function mergeTouched(a: PublishInput, b: Touched): PublishInput {
  if (b === 'everything' || !a.cities) return { cities: null }
  const union = new Map([...a.cities, ...b.cities].map((id) => [String(id), id]))
  return { cities: [...union.values()] }
}

/**
 * Queues one `publish-site` job for what a change touched, unless one is already waiting: then the
 * waiting job takes these cities too, so a bulk import of two hundred measurements rebuilds once,
 * and a change made while a job is running still gets a job of its own, which reads the data after
 * that change. The job is queued in the same transaction as the change, so a change that is rolled
 * back publishes nothing.
 */
export async function queuePublishSite(req: PayloadRequest, touched: Touched = 'everything'): Promise<void> {
  if (req.context?.[CONTEXT_FLAGS.skipPublish]) return
  const waitingJob: Where = {
    and: [
      { taskSlug: { equals: PUBLISH_SITE_TASK } },
      { processing: { equals: false } },
      { completedAt: { exists: false } },
      { hasError: { not_equals: true } },
    ],
  }
  const [waiting] = await asSystem(req, 'the job queue is system data').find(JOBS, waitingJob, { limit: 1, select: { input: true } })
  if (waiting) {
    const before = ((waiting as { input?: PublishInput }).input ?? { cities: null }) as PublishInput
    const after = mergeTouched(before, touched)
    if (JSON.stringify(after) === JSON.stringify(before)) return
    // Only while it is still waiting: a job that has started reads without these cities.
    const { docs } = await req.payload.update({
      collection: JOBS,
      where: { and: [{ id: { equals: waiting.id } }, { processing: { equals: false } }] },
      data: { input: after },
      overrideAccess: true,
      depth: 0,
      req,
    })
    if (docs.length > 0) return
  }
  const input: PublishInput = touched === 'everything' ? { cities: null } : { cities: touched.cities }
  await req.payload.jobs.queue({ task: PUBLISH_SITE_TASK, input, req })
}

/**
 * The city a record belongs to (its own id for a city); none for a record of no city (a pillar, a
 * photo), whose tables every publish reads whole. Changing such a record changes no row of a city's
 * tables (they hold its id; the names beside it are written from the tables of no city), so no
 * city's records need reading again. Deleting one can (a programme's pillar, an update's photo), so
 * deleting a record of no city republishes everything.
 */
function touchedBy(collection: string, doc: Doc, operation: 'change' | 'delete'): Touched {
  if (!doc) return 'everything'
  if (collection === COLLECTIONS.cities) return { cities: [doc.id as ID] }
  const city = idOf(doc.city as Ref | undefined)
  if (city !== undefined) return { cities: [city] }
  return operation === 'delete' ? 'everything' : { cities: [] }
}

const both = (a: Touched, b: Touched): Touched => {
  if (a === 'everything' || b === 'everything') return 'everything'
  const union = new Map([...a.cities, ...b.cities].map((id) => [String(id), id]))
  return { cities: [...union.values()] }
}

/**
 * Republishes after a change to something the public sees, or to something that stops being public
 * (a programme made private, an update unpublished): the cities the record belonged to before and
 * after the change. Skipped with `req.context.skipPublish`, as the seed and bulk imports do.
 */
export const enqueuePublishSite =
  (shown: ShownToPublic = always): CollectionAfterChangeHook =>
  async ({ collection, doc, previousDoc, req, operation }) => {
    if (!(shown(doc) || shown(previousDoc))) return doc
    const touched =
      operation === 'create'
        ? touchedBy(collection.slug, doc, 'change')
        : both(touchedBy(collection.slug, doc, 'change'), touchedBy(collection.slug, previousDoc, 'change'))
    await queuePublishSite(req, touched)
    return doc
  }

export const enqueuePublishSiteAfterDelete =
  (shown: ShownToPublic = always): CollectionAfterDeleteHook =>
  async ({ collection, doc, req }) => {
    if (shown(doc)) await queuePublishSite(req, touchedBy(collection.slug, doc, 'delete'))
    return doc
  }
