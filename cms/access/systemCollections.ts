import type { Access, Endpoint, PayloadHandler, PayloadRequest, SanitizedCollectionConfig, SanitizedConfig, SanitizedGlobalConfig, Where } from 'payload'

import { COLLECTIONS } from '../constants.ts'
import { idOf, type Ref, sameId } from '../domain/ids.ts'
import { asSystem } from '../server/asSystem.ts'
import { hasRole } from './predicates.ts'
import { mayUpdateDocument, mayUpdateGlobal, nobody, signedInStaff, userOf } from './rules.ts'

/**
 * Rules for what Payload adds to the config by itself: document locks, admin preferences, the
 * migrations log, the jobs queue, its key-value store and the job statistics global. Payload builds
 * them while it reads Pantau's config and gives most of them its default rule, "any signed-in
 * person may do anything": a council could then lock another city's report (423 for its owner, the
 * lock renewable for ever), read the migrations, or rewrite the jobs' schedule. Here each gets named
 * rules; anything Payload adds that is not named here gets none (`nobody` for every operation), so a
 * Payload upgrade cannot open a collection by accident. Pantau's own collections keep the rules they
 * name, and a versioned one without a `readVersions` rule reads no versions.
 */

const LOCKS = 'payload-locked-documents'
const PREFERENCES = 'payload-preferences'

type CollectionAccess = SanitizedCollectionConfig['access']
type GlobalAccess = SanitizedGlobalConfig['access']

const NOBODY_COLLECTION: CollectionAccess = {
  admin: () => false,
  create: nobody,
  read: nobody,
  update: nobody,
  delete: nobody,
  readVersions: nobody,
  unlock: nobody,
}
const NOBODY_GLOBAL: GlobalAccess = { read: nobody, update: nobody, readVersions: nobody }

/** The locks a person holds. */
const locksHeldBy = (req: PayloadRequest): Where | false => {
  const user = userOf(req)
  return hasRole(user) && user ? { 'user.value': { equals: user.id } } : false
}

type LockChange = { user?: { value?: Ref } | null; document?: unknown; globalSlug?: unknown }

/**
 * A lock is released, or taken over (the admin's "take over editing"), by the person holding it or
 * by someone who may change the locked document; a lock is only ever handed to oneself and never
 * moved to another document.
 */
const holderOrEditorOfLocked: Access = async ({ req, id, data }) => {
  const user = userOf(req)
  if (!hasRole(user) || !user) return false
  const change = (data ?? {}) as LockChange
  if ('document' in change || 'globalSlug' in change) return false
  if (change.user !== undefined && !sameId(change.user?.value, user.id)) return false
  if (id === undefined) return locksHeldBy(req)
  const lock = await asSystem(req, 'a lock is judged by the document it holds').findByID(LOCKS, id)
  if (!lock) return false
  if (sameId(lock.user?.value as Ref, user.id)) return true
  const lockedId = idOf(lock.document?.value as Ref)
  if (lock.document && lockedId !== undefined) return mayUpdateDocument(req, lock.document.relationTo, lockedId)
  return typeof lock.globalSlug === 'string' && mayUpdateGlobal(req, lock.globalSlug)
}

/** A person's own admin preferences (columns, collapsed groups, last locale). */
const ownPreferences: Access = ({ req }) => {
  const user = userOf(req)
  if (!hasRole(user) || !user) return false
  const own: Where = { and: [{ 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: COLLECTIONS.users } }] }
  return own
}

export const SYSTEM_COLLECTION_RULES: Record<string, Partial<CollectionAccess>> = {
  [LOCKS]: {
    // The admin shows who is editing a document; a lock names only a document and its editor's account.
    read: signedInStaff,
    // The admin locks the document a person opens on the server, never through this route.
    create: nobody,
    update: holderOrEditorOfLocked,
    delete: holderOrEditorOfLocked,
  },
  [PREFERENCES]: {
    // The collection's own hook makes the signed-in person the owner of what they create.
    create: signedInStaff,
    read: ownPreferences,
    update: ownPreferences,
    delete: ownPreferences,
  },
  // Written by `payload migrate` and the jobs runner as the system; nobody reads or writes them as a person.
  'payload-migrations': {},
  'payload-jobs': {},
  'payload-kv': {},
}

export const SYSTEM_GLOBAL_RULES: Record<string, Partial<GlobalAccess>> = {
  // Kept by the jobs runner (when scheduled jobs last ran); a person changing it could stop the reminders.
  'payload-jobs-stats': {},
}

/**
 * Payload's `DELETE /api/payload-preferences/:key` fails with a database error (500) on SQLite when
 * the person has no preference of that key; it answers 404 here, as its GET does for a missing key.
 */
function deletePreferenceIfStored(endpoint: Endpoint): Endpoint {
  const original = endpoint.handler as PayloadHandler
  const handler: PayloadHandler = async (req) => {
    const key = req.routeParams?.key
    const user = userOf(req)
    if (user && typeof key === 'string') {
      const where: Where = { and: [{ key: { equals: key } }, { 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: COLLECTIONS.users } }] }
      const stored = await asSystem(req, 'whether the person has a preference of this key, before Payload deletes it').count(PREFERENCES, where)
      if (stored === 0) return Response.json({ message: req.t('general:notFound'), value: null }, { status: 404 })
    }
    return original(req)
  }
  return { ...endpoint, handler }
}

/** Payload names everything it adds `payload-...`; Pantau's own slugs never start so. */
export const isPayloadSystemSlug = (slug: string): boolean => slug.startsWith('payload-')

/** Gives the collections and globals Payload added their rules, on the built config. */
export function withSystemAccess(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if (isPayloadSystemSlug(collection.slug)) {
      collection.access = { ...NOBODY_COLLECTION, ...SYSTEM_COLLECTION_RULES[collection.slug] }
      if (collection.slug === PREFERENCES && collection.endpoints) {
        collection.endpoints = collection.endpoints.map((endpoint) =>
          endpoint.method === 'delete' && endpoint.path === '/:key' ? deletePreferenceIfStored(endpoint) : endpoint,
        )
      }
    } else if (collection.versions) {
      collection.access.readVersions ??= nobody
    }
  }
  for (const global of config.globals) {
    if (isPayloadSystemSlug(global.slug)) global.access = { ...NOBODY_GLOBAL, ...SYSTEM_GLOBAL_RULES[global.slug] }
    else if (global.versions) global.access.readVersions ??= nobody
  }
  return config
}
