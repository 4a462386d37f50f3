import type {
  CollectionSlug,
  DataFromCollectionSlug,
  PayloadRequest,
  TypedCollectionSelect,
  Sort,
  TypedLocale,
  Where,
} from 'payload'

import type { ID } from '../domain/ids.ts'

/**
 * The few reads that must skip access control, in one place. Code acting for a person reads with
 * that person's access (`user`, `overrideAccess: false`); some decisions need facts the person may
 * not read themselves: the period a council's report belongs to, an assessor's assignments, the
 * stored version of a record being changed. Each call names why it reads as the system, so a reviewer
 * can judge every exception where it is made; the reason is logged at trace level.
 *
 * Reads run inside the request's transaction (`req`) at depth 0 unless told otherwise. Writes are not
 * offered here: a write that skips access is rarer still and stays spelled out where it happens.
 */
export function asSystem(req: PayloadRequest, why: string) {
  const base = { req, overrideAccess: true as const, depth: 0 }
  const trace = (collection: CollectionSlug) => req.payload.logger.trace({ msg: 'system read', collection, why })

  return {
    /** One record by id, or null when there is none. */
    async findByID<S extends CollectionSlug>(
      collection: S,
      id: ID,
      options: { depth?: number; locale?: TypedLocale | 'all'; select?: TypedCollectionSelect[S] } = {},
    ): Promise<DataFromCollectionSlug<S> | null> {
      trace(collection)
      const found = await req.payload.findByID({ collection, id, disableErrors: true, ...base, ...options })
      return (found as DataFromCollectionSlug<S> | null) ?? null
    },

    /** Every record matching `where`, unpaged unless a `limit` is given. */
    async find<S extends CollectionSlug>(
      collection: S,
      where: Where,
      options: {
        depth?: number
        limit?: number
        locale?: TypedLocale | 'all'
        select?: TypedCollectionSelect[S]
        sort?: Sort
      } = {},
    ): Promise<DataFromCollectionSlug<S>[]> {
      trace(collection)
      const { limit, ...rest } = options
      const { docs } = await req.payload.find({
        collection,
        where,
        ...(limit === undefined ? { pagination: false } : { limit }),
        ...base,
        ...rest,
      })
      return docs as DataFromCollectionSlug<S>[]
    },

    /** How many records match `where`. */
    async count(collection: CollectionSlug, where: Where): Promise<number> {
      trace(collection)
      const { totalDocs } = await req.payload.count({ collection, where, req, overrideAccess: true })
      return totalDocs
    },
  }
}

export type SystemReader = ReturnType<typeof asSystem>
