/**
 * The seed's upsert engine: every scenario (the demo, its evaluation rounds, the synthetic data set)
 * writes records found again by a natural key, in both languages, with a count of what it created,
 * updated or left alone, and runs bulk writes in a transaction whose request context tells the hooks
 * which side effects to skip. It knows no scenario: the collections it counts are given to it.
 */
import {
  type CollectionSlug,
  commitTransaction,
  createLocalReq,
  type DataFromCollectionSlug,
  type File,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  type RequestContext,
  type RequiredDataFromCollectionSlug,
  type Where,
} from 'payload'

import { CONTEXT_FLAGS, type Locale } from '../cms/constants.ts'
import { carryRowIds, hasBilingual, inLocale, type Seedable } from './lib/bilingual.ts'

export type ID = number

export type SeedTally = { created: number; updated: number; unchanged: number }
export type SeedOutcome = keyof SeedTally

type StoredDoc = { id: ID } & Record<string, unknown>
type WriteOptions = {
  collection: CollectionSlug
  data: unknown
  locale: Locale
  depth: number
  draft: boolean
  context?: RequestContext
  file?: File
}
/**
 * The Local API types every call by its collection slug, which a helper generic over the slug
 * cannot satisfy; the upsert checks its data against the collection's type and writes through this.
 */
type UntypedWrites = {
  create(options: WriteOptions): Promise<StoredDoc>
  update(options: WriteOptions & { id: ID }): Promise<StoredDoc>
}

/**
 * Seeded records stand for a state, not for events happening now: nobody is told of them (no
 * assignment notice, no e-mail), whatever the hooks would do for a person's change.
 */
const SEED_CONTEXT: RequestContext = { [CONTEXT_FLAGS.skipNotices]: true }

/**
 * Writes through the Local API as trusted system code: no `user`, so access rules are not applied,
 * while validation and hooks (city inheritance, measurement checks) still run as for a person.
 */
export class Seeder<C extends CollectionSlug = CollectionSlug> {
  /** What was created, updated or left unchanged, per collection, in the order they were given. */
  readonly tally: Record<C, SeedTally>

  readonly payload: Payload
  private readonly log: (line: string) => void

  constructor(payload: Payload, collections: readonly C[], log: (line: string) => void = () => {}) {
    this.payload = payload
    this.log = log
    this.tally = Object.fromEntries(collections.map((slug) => [slug, { created: 0, updated: 0, unchanged: 0 }])) as Record<C, SeedTally>
  }

  /**
   * Creates the document `where` selects, or updates it in place, first in Indonesian and then, if
   * the data holds English texts, in English on the same document.
   */
  async upsert<S extends C>(
    collection: S,
    where: Where,
    data: Seedable<RequiredDataFromCollectionSlug<S>>,
    { draft = false }: { draft?: boolean } = {},
  ): Promise<DataFromCollectionSlug<S>> {
    const existing = await this.findOne(collection, where)
    const writes = this.payload as unknown as UntypedWrites
    const indonesian = inLocale(data, 'id')
    const doc = existing
      ? await writes.update({ collection, id: existing.id, data: carryRowIds(indonesian, existing), locale: 'id', depth: 0, draft, context: SEED_CONTEXT })
      : await writes.create({ collection, data: indonesian, locale: 'id', depth: 0, draft, context: SEED_CONTEXT })
    this.count(collection, existing ? 'updated' : 'created')
    return this.writeEnglish(collection, doc, data, draft)
  }

  /**
   * Creates the document `where` selects when it is missing, like `upsert`, and otherwise leaves it
   * as it is: for records that stand for something done (a closed round's results, an uploaded
   * photo). `context` carries flags for the hooks (see CONTEXT_FLAGS); `file` gives an upload
   * collection its file, made only when the record is missing.
   */
  async insertOnce<S extends C>(
    collection: S,
    where: Where,
    data: Seedable<RequiredDataFromCollectionSlug<S>>,
    { context, file }: { context?: RequestContext; file?: () => Promise<File> } = {},
  ): Promise<{ doc: DataFromCollectionSlug<S>; created: boolean }> {
    const existing = await this.findOne(collection, where)
    if (existing) {
      this.count(collection, 'unchanged')
      return { doc: existing as unknown as DataFromCollectionSlug<S>, created: false }
    }
    const writes = this.payload as unknown as UntypedWrites
    const doc = await writes.create({
      collection,
      data: inLocale(data, 'id'),
      locale: 'id',
      depth: 0,
      draft: false,
      context: { ...SEED_CONTEXT, ...context },
      ...(file ? { file: await file() } : {}),
    })
    this.count(collection, 'created')
    return { doc: await this.writeEnglish(collection, doc, data, false, context), created: true }
  }

  /** Counts a write a scenario made by itself (a series compared point by point, an upload as a person). */
  count(collection: C, outcome: SeedOutcome, times = 1): void {
    this.tally[collection][outcome] += times
  }

  private async findOne(collection: C, where: Where): Promise<StoredDoc | undefined> {
    const { docs } = await this.payload.find({ collection, where, limit: 1, pagination: false, depth: 0, locale: 'id' })
    return docs[0] as unknown as StoredDoc | undefined
  }

  private async writeEnglish<S extends C>(
    collection: S,
    doc: StoredDoc,
    data: Seedable<RequiredDataFromCollectionSlug<S>>,
    draft: boolean,
    context?: RequestContext,
  ): Promise<DataFromCollectionSlug<S>> {
    if (!hasBilingual(data)) return doc as unknown as DataFromCollectionSlug<S>
    const writes = this.payload as unknown as UntypedWrites
    const english = await writes.update({
      collection,
      id: doc.id,
      data: carryRowIds(inLocale(data, 'en'), doc),
      locale: 'en',
      depth: 0,
      draft,
      context: { ...SEED_CONTEXT, ...context },
    })
    return english as unknown as DataFromCollectionSlug<S>
  }

  logProgress(collection: C, label: string): void {
    const { created, updated, unchanged } = this.tally[collection]
    const parts = [`created ${created}`, `updated ${updated}`, ...(unchanged ? [`unchanged ${unchanged}`] : [])]
    this.log(`Seeding ${label}… ${created + updated + unchanged} (${parts.join(', ')})`)
  }

  note(line: string): void {
    this.log(line)
  }
}

/** The id the seed gave a record with this natural key, or a clear error naming the unknown key. */
export function lookUp(ids: Map<string, ID>, key: string, what: string): ID {
  const id = ids.get(key)
  if (id === undefined) throw new Error(`Seed data names an unknown ${what} "${key}"`)
  return id
}

/**
 * A request for bulk writes by system code that publishes nothing on its own: without the flag
 * every public record would queue a site build (one snapshot afterwards is enough).
 */
export const unpublishedRequest = (payload: Payload): Promise<PayloadRequest> =>
  createLocalReq({ context: { ...SEED_CONTEXT, [CONTEXT_FLAGS.skipPublish]: true } }, payload)

/**
 * Runs `work` in one transaction on `req` (when the database has them): committed when it
 * succeeds, rolled back when it throws. A transaction already open on `req` is left to its owner.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const shouldCommit = await initTransaction(req)
  try {
    const result = await work()
    if (shouldCommit) await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
