/**
 * Writing and checking the append-only audit log (collection `audit-log`), chained with
 * ./auditChain.ts.
 *
 * Concurrency: the next entry's `sequence` is the last one's plus one, and `sequence` has a unique
 * index. Two writers that read the same last entry both try the same number; the database keeps the
 * first and refuses the second, which then reads the log again and chains after the entry that won.
 * So no two entries share a number and every entry links to its real predecessor. Entries are
 * written outside the transaction of the change they describe, once it is committed: a refused
 * write inside a MongoDB transaction would abort the whole change, where on its own it can simply
 * be retried; SQLite has one writer, the change's transaction; and a change rolled back leaves no entry.
 */
import type { Payload, PayloadRequest } from 'payload'

import { COLLECTIONS } from '../constants.ts'
import { afterCommit } from '../infra/afterCommit.ts'
import type { AuditLog as AuditLogDoc } from '../payload-types.ts'
import { type AuditAction, type AuditEntry, type AuditRecord, chainEntry, type ChainVerification, verifyChain } from '../domain/auditChain.ts'
import { type ID } from '../domain/ids.ts'

/** `req.context` key that marks a create as coming from `appendAudit`; the collection refuses any other. */
export const AUDIT_APPEND = 'pantauAuditAppend'

/** Attempts before giving up when other writers keep taking the next number first. */
const MAX_ATTEMPTS = 20

/** The system, for changes made by code acting for no person (the seed, jobs). */
export const SYSTEM_ACTOR = { id: 'system', role: 'system' } as const

export function actorOf(req: PayloadRequest): AuditRecord['actor'] {
  const user = req.user as { id: ID; role?: string | null } | null
  return user ? { id: String(user.id), role: user.role ?? 'unknown' } : SYSTEM_ACTOR
}

/**
 * The record as it will come back from the database: ids as text, before/after through JSON (dates
 * become text, `undefined` disappears), so the hash computed now is the one a later check recomputes.
 */
function normalised(record: AuditRecord): AuditRecord {
  const json = (value: unknown) => (value === undefined ? null : JSON.parse(JSON.stringify(value)))
  return {
    actor: { id: String(record.actor.id), role: String(record.actor.role) },
    at: record.at,
    action: record.action,
    target: { collection: String(record.target.collection), id: String(record.target.id) },
    before: json(record.before),
    after: json(record.after),
  }
}

type StoredEntry = {
  sequence: number
  previousHash: string
  hash: string
  at: string
  action: AuditAction
  actorId: string
  actorRole: string
  targetCollection: string
  targetId: string
  before?: unknown
  after?: unknown
}

const toStored = (entry: AuditEntry): StoredEntry => ({
  sequence: entry.sequence,
  previousHash: entry.previousHash,
  hash: entry.hash,
  at: entry.at,
  action: entry.action,
  actorId: String(entry.actor.id),
  actorRole: entry.actor.role,
  targetCollection: entry.target.collection,
  targetId: String(entry.target.id),
  before: entry.before,
  after: entry.after,
})

export const fromStored = (doc: StoredEntry): AuditEntry => ({
  sequence: doc.sequence,
  previousHash: doc.previousHash,
  hash: doc.hash,
  at: doc.at,
  action: doc.action,
  actor: { id: doc.actorId, role: doc.actorRole },
  target: { collection: doc.targetCollection, id: doc.targetId },
  before: doc.before ?? null,
  after: doc.after ?? null,
})

/** Whether a failed create lost the race for its sequence number. */
function lostSequenceRace(error: unknown): boolean {
  const details = error as { data?: { errors?: { path?: string }[] }; message?: string; code?: unknown }
  if (details?.data?.errors?.some((problem) => problem.path === 'sequence')) return true
  return /unique|duplicate|E11000/i.test(String(details?.message ?? ''))
}

async function lastEntry(payload: Payload): Promise<{ sequence: number; hash: string } | null> {
  const { docs } = await payload.find({
    collection: COLLECTIONS.auditLog,
    sort: '-sequence',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { sequence: true, hash: true },
  })
  const last = docs[0] as { sequence?: number; hash?: string } | undefined
  return last && typeof last.sequence === 'number' && typeof last.hash === 'string'
    ? { sequence: last.sequence, hash: last.hash }
    : null
}

/** Appends one record to the chain and returns the entry written. */
export async function appendAudit(payload: Payload, record: AuditRecord): Promise<AuditEntry> {
  const clean = normalised(record)
  for (let attempt = 1; ; attempt += 1) {
    const entry = chainEntry(await lastEntry(payload), clean)
    try {
      await payload.create({
        collection: COLLECTIONS.auditLog,
        data: toStored(entry) as AuditLogDoc,
        overrideAccess: true,
        context: { [AUDIT_APPEND]: true },
      })
      return entry
    } catch (error) {
      if (!lostSequenceRace(error) || attempt >= MAX_ATTEMPTS) throw error
      // A short random pause, so writers that clashed do not clash again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt))
    }
  }
}

/** Records what `req`'s user (or the system) did to `target`, once the change is committed. */
export function recordAudit(
  req: PayloadRequest,
  action: AuditAction,
  target: { collection: string; id: ID },
  before: unknown,
  after: unknown,
): Promise<void> {
  const record: AuditRecord = { actor: actorOf(req), at: new Date().toISOString(), action, target, before, after }
  return afterCommit(req, () => appendAudit(req.payload, record))
}

/** Reads the whole log in sequence order and checks the chain. */
export async function verifyAuditLog(payload: Payload): Promise<ChainVerification & { entries: AuditEntry[] }> {
  const { docs } = await payload.find({
    collection: COLLECTIONS.auditLog,
    sort: 'sequence',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const entries = (docs as unknown as StoredEntry[]).map(fromStored)
  return { ...verifyChain(entries), entries }
}
