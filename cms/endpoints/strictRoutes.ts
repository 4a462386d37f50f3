import type { Endpoint, FlattenedField, PayloadHandler, PayloadRequest, SanitizedConfig, Where } from 'payload'

import { type IdKind, isWellFormedId } from '../domain/ids.ts'
import { problem } from '../domain/problems.ts'
import { problemRefusal } from './responses.ts'

/**
 * Payload's REST routes read strictly. Payload turns the `:id` of a path into a number with
 * `parseFloat`, so `/api/reports/2' OR '1'='1` answers report 2 and `/api/reports/abc` ends in a
 * database error (500); it offers routes of features a collection has switched off (`/versions`
 * without versions and `/verify/:token` without e-mail verification fail with a 500,
 * `/paste-url` without pasting with an error in the log); and a multipart body it cannot read, or
 * whose `_payload` is not JSON, fails with a 500 and a stack trace in the log. Applied to the built
 * config (Payload adds its routes while it builds it), every route of every collection and global
 * gets: an `:id` that is exactly an id of the database in use (a whole number on SQLite, a 24-hex
 * ObjectId on MongoDB), else 400, and so an id in a query (`where[id][in]=1,abc`,
 * `where[city][equals]=abc`, which reach the database as NaN); a switched-off feature answered 404;
 * an unreadable upload form answered 400.
 * Each refusal names its problem in the caller's language and is no error in the server's log.
 */

type Owner = { slug: string; versions?: unknown; auth?: unknown; upload?: unknown; flattenedFields?: FlattenedField[] }

/** The feature a route serves, and whether `owner` has it switched on. */
const FEATURE_ROUTES: Record<string, { feature: string; offered: (owner: Owner) => boolean }> = {
  '/versions': { feature: 'versions', offered: (owner) => Boolean(owner.versions) },
  '/versions/:id': { feature: 'versions', offered: (owner) => Boolean(owner.versions) },
  '/verify/:id': { feature: 'emailVerification', offered: (owner) => Boolean((owner.auth as { verify?: unknown } | undefined)?.verify) },
  '/paste-url/:id?': { feature: 'pasteUrl', offered: (owner) => Boolean((owner.upload as { pasteURL?: unknown } | undefined)?.pasteURL) },
}
const BODY_METHODS = new Set(['post', 'patch', 'put'])
/** `/verify/:id` carries an e-mail verification token under that name, not a document id. */
const idParamOf = (path: string) => (/(^|\/):id\??(\/|$)/.test(path) && !path.startsWith('/verify/') ? 'id' : undefined)

/** How the database in use spells the ids of a collection (a global's versions use the database's own ids). */
function idKindOf(req: PayloadRequest, collection: string | undefined): IdKind {
  const custom = collection ? req.payload.collections[collection as keyof typeof req.payload.collections]?.customIDType : undefined
  if (custom) return custom === 'number' ? 'integer' : 'text'
  return req.payload.db.defaultIDType === 'number' ? 'integer' : 'objectId'
}

/** Operators whose values are ids when the field is `id` or a relationship to one collection. */
const ID_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'all'])

/**
 * The first value of `where` that names a document by an id that is no id: a condition on `id` or on
 * a relationship to a single collection (polymorphic ones and nested paths are left to Payload).
 */
function malformedIdIn(where: unknown, owner: Owner, kindOf: (collection: string) => IdKind): string | undefined {
  if (!where || typeof where !== 'object') return undefined
  for (const [path, condition] of Object.entries(where as Where)) {
    if (path === 'and' || path === 'or') {
      for (const part of Array.isArray(condition) ? condition : Object.values(condition ?? {})) {
        const found = malformedIdIn(part, owner, kindOf)
        if (found !== undefined) return found
      }
      continue
    }
    const field = owner.flattenedFields?.find((candidate) => candidate.name === path)
    const related = (field?.type === 'relationship' || field?.type === 'upload') && typeof field.relationTo === 'string' ? field.relationTo : undefined
    if ((path !== 'id' && !related) || !condition || typeof condition !== 'object') continue
    const kind = kindOf(related ?? owner.slug)
    for (const [operator, value] of Object.entries(condition)) {
      if (!ID_OPERATORS.has(operator)) continue
      const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]
      const wrong = values.find((each) => each !== null && each !== undefined && each !== '' && !isWellFormedId(String(each), kind))
      if (wrong !== undefined) return String(wrong)
    }
  }
  return undefined
}

const isMultipart = (req: PayloadRequest) => (req.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/')

/** An error Payload raises for a client's fault (a 4xx it shows to the caller), rather than a failure. */
const isClientError = (error: unknown) => {
  const { status, isPublic } = (error ?? {}) as { status?: unknown; isPublic?: unknown }
  return typeof status === 'number' && status >= 400 && status < 500 && isPublic === true
}

function strictEndpoint(endpoint: Endpoint, owner: Owner, isGlobal: boolean): Endpoint {
  const original = endpoint.handler as PayloadHandler
  const idParam = idParamOf(endpoint.path)
  const feature = FEATURE_ROUTES[endpoint.path]
  const switchedOff = feature !== undefined && !feature.offered(owner)
  const readsBody = BODY_METHODS.has(endpoint.method)

  const handler: PayloadHandler = async (req) => {
    if (switchedOff) {
      return problemRefusal(req, 404, problem('request.notOffered', { params: { collection: owner.slug, feature: feature.feature } }))
    }
    const id = idParam ? req.routeParams?.[idParam] : undefined
    const kind = idKindOf(req, isGlobal ? undefined : owner.slug)
    if (typeof id === 'string' && !isWellFormedId(id, kind)) {
      return problemRefusal(req, 400, problem('request.malformedId', { params: { id, kind } }))
    }
    const inQuery = isGlobal ? undefined : malformedIdIn(req.query?.where, owner, (collection) => idKindOf(req, collection))
    if (inQuery !== undefined) return problemRefusal(req, 400, problem('request.malformedId', { params: { id: inQuery, kind } }))
    if (!readsBody) return original(req)
    try {
      return await original(req)
    } catch (error) {
      // The form never became data: the failure is the body's, not the server's.
      if (isMultipart(req) && req.data === undefined && !isClientError(error)) {
        return problemRefusal(req, 400, problem('request.unreadableForm'))
      }
      throw error
    }
  }
  return { ...endpoint, handler }
}

/** Every route of every collection and global of the built config, read strictly. */
export function strictRoutes(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if (collection.endpoints) collection.endpoints = collection.endpoints.map((endpoint) => strictEndpoint(endpoint, collection, false))
  }
  for (const global of config.globals) {
    if (global.endpoints) global.endpoints = global.endpoints.map((endpoint) => strictEndpoint(endpoint, global, true))
  }
  return config
}
