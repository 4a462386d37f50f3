/**
 * The hash chain of the append-only audit log: every workflow transition, evidence verdict, score
 * change and role change is one entry, and every entry carries the hash of the one before it. Editing,
 * removing or reordering history then breaks the chain at a place `verifyChain` names.
 *
 * How an entry is hashed: `hash = SHA-256(previousHash + "\n" + canonicalJson(fields))`, in lowercase
 * hex, where `fields` are exactly `sequence, actor, at, action, target, before, after`. Database
 * fields around them (id, createdAt, updatedAt) stay outside the hash, so storing an entry does not
 * change it. The first entry's previous hash is `GENESIS_HASH`. `sequence` numbers entries 0, 1, 2…
 * without gaps: it is what tells a removed entry from an edited one.
 *
 * The canonical JSON is JSON with the keys of every object sorted (by UTF-16 code units) and no
 * whitespace; numbers and strings are written as `JSON.stringify` writes them. This is the JSON
 * Canonicalization Scheme of RFC 8785, so another language can check the chain. A database that
 * reorders the keys of a JSON column (MongoDB does not promise their order) therefore changes no
 * hash. Store `at` as text: a date column may come back in another notation and so break the chain.
 *
 * What the chain cannot see by itself: someone who rewrites an entry and then recomputes every hash
 * after it, or who removes the newest entries. Pass the newest `{ sequence, hash }` kept elsewhere
 * (a log line, a signed note, the results PDF) as `head` to `verifyChain` to catch both.
 *
 * Appending needs one writer at a time: two writers reading the same last entry would both write
 * the same `sequence`. A unique index on `sequence` turns that race into a refused write to retry.
 */
import { createHash } from 'node:crypto'

/** The previous hash of the first entry: 64 zeros, the length of a SHA-256 in hex. */
export const GENESIS_HASH = '0'.repeat(64)

/** What the log records; other modules add their verbs here. */
export const AUDIT_ACTIONS = ['report.transition', 'evidence.verdict', 'review.score', 'user.role'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** One recorded event, before it takes its place in the chain. */
export type AuditRecord = {
  /** Who: the user's id and the role they acted in. */
  actor: { id: string | number; role: string }
  /** When, as an ISO 8601 timestamp. */
  at: string
  action: AuditAction
  /** What: the collection and the id of the document acted on. */
  target: { collection: string; id: string | number }
  /**
   * The relevant fields before and after, as JSON; null where there was nothing (a creation, a
   * deletion). Typed loosely so a Payload document can go in as it is; `canonicalJson` refuses what
   * JSON cannot hold.
   */
  before: unknown
  after: unknown
}

/** A record in the chain. */
export type AuditEntry = AuditRecord & {
  sequence: number
  previousHash: string
  hash: string
}

export type ChainBreakReason = 'edited' | 'removed' | 'reordered' | 'malformed'

export type ChainVerification =
  | { ok: true; count: number; head: { sequence: number; hash: string } | null }
  | {
      ok: false
      /** Position in the list passed in of the first entry found wrong (for a removal: where the missing one belonged). */
      index: number
      reason: ChainBreakReason
      /** Indonesian / English. */
      message: string
    }

/** Raised for a value that has no canonical JSON form. */
export class CanonicalJsonError extends Error {
  constructor(what: string) {
    super(`Nilai ${what} tidak dapat disimpan sebagai JSON / The value ${what} cannot be stored as JSON`)
    this.name = 'CanonicalJsonError'
  }
}

/**
 * JSON with the keys of every object sorted and no whitespace: the same data always gives the same
 * text. Refuses what JSON cannot represent faithfully (NaN, Infinity, BigInt, functions, cycles)
 * rather than writing `null` for it as `JSON.stringify` would, since that would hash something other
 * than what was recorded. Object properties that are `undefined` are left out, as JSON does.
 */
export function canonicalJson(value: unknown): string {
  const seen = new Set<object>()

  const write = (item: unknown): string => {
    if (item === null) return 'null'
    switch (typeof item) {
      case 'boolean':
        return item ? 'true' : 'false'
      case 'string':
        return JSON.stringify(item)
      case 'number':
        if (!Number.isFinite(item)) throw new CanonicalJsonError(String(item))
        return JSON.stringify(item)
      case 'object': {
        if (typeof (item as { toJSON?: unknown }).toJSON === 'function') {
          return write((item as { toJSON: () => unknown }).toJSON())
        }
        if (seen.has(item)) throw new CanonicalJsonError('yang merujuk dirinya sendiri / that refers to itself')
        seen.add(item)
        let text: string
        if (Array.isArray(item)) {
          text = `[${item.map((element) => (element === undefined ? 'null' : write(element))).join(',')}]`
        } else {
          const record = item as Record<string, unknown>
          text = `{${Object.keys(record)
            .filter((key) => record[key] !== undefined)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${write(record[key])}`)
            .join(',')}}`
        }
        seen.delete(item)
        return text
      }
      default:
        throw new CanonicalJsonError(typeof item)
    }
  }

  return write(value)
}

/** The fields of an entry that its hash covers, whatever else the stored document carries. */
function hashedFields(entry: AuditRecord & { sequence: number }) {
  return {
    sequence: entry.sequence,
    actor: { id: entry.actor.id, role: entry.actor.role },
    at: entry.at,
    action: entry.action,
    target: { collection: entry.target.collection, id: entry.target.id },
    before: entry.before ?? null,
    after: entry.after ?? null,
  }
}

/** The hash of an entry that follows `previousHash`. */
export function hashEntry(previousHash: string, entry: AuditRecord & { sequence: number }): string {
  return createHash('sha256').update(`${previousHash}\n${canonicalJson(hashedFields(entry))}`).digest('hex')
}

/** The entry that records `record` after `last` (null when the log is empty). */
export function chainEntry(last: Pick<AuditEntry, 'sequence' | 'hash'> | null, record: AuditRecord): AuditEntry {
  const sequence = last === null ? 0 : last.sequence + 1
  const previousHash = last === null ? GENESIS_HASH : last.hash
  const fields = hashedFields({ ...record, sequence })
  return { ...fields, previousHash, hash: hashEntry(previousHash, fields) }
}

const HASH_PATTERN = /^[0-9a-f]{64}$/

type Bilingual = { id: string; en: string }

function malformation(entry: unknown): Bilingual | null {
  if (entry === null || typeof entry !== 'object') return { id: 'bukan entri', en: 'not an entry' }
  const candidate = entry as Partial<AuditEntry>
  if (!Number.isInteger(candidate.sequence) || (candidate.sequence as number) < 0) {
    return { id: 'nomor urut tidak valid', en: 'invalid sequence number' }
  }
  if (typeof candidate.hash !== 'string' || !HASH_PATTERN.test(candidate.hash)) return { id: 'hash tidak valid', en: 'invalid hash' }
  if (typeof candidate.previousHash !== 'string' || !HASH_PATTERN.test(candidate.previousHash)) {
    return { id: 'hash sebelumnya tidak valid', en: 'invalid previous hash' }
  }
  if (!candidate.actor || typeof candidate.actor !== 'object') return { id: 'pelaku tidak ada', en: 'no actor' }
  if (!candidate.target || typeof candidate.target !== 'object') return { id: 'sasaran tidak ada', en: 'no target' }
  return null
}

const broken = (index: number, reason: ChainBreakReason, message: string): ChainVerification => ({
  ok: false,
  index,
  reason,
  message,
})

/**
 * Checks entries in the order they are stored (e.g. by database id) and returns the first place the
 * chain breaks, and why:
 * - `edited`: an entry's content no longer matches its hash; or it was rewritten and re-hashed, which
 *   its successor's link to it gives away;
 * - `removed`: the numbering has a gap (or, with `head`, the newest entries are missing);
 * - `reordered`: entries stand in another order than they were written;
 * - `malformed`: an entry lacks its chain fields.
 */
export function verifyChain(
  entries: readonly AuditEntry[],
  options: { head?: { sequence: number; hash: string } | null } = {},
): ChainVerification {
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index]
    const problem = malformation(entry)
    if (problem) {
      return broken(index, 'malformed', `Entri di posisi ${index} rusak: ${problem.id} / The entry at position ${index} is malformed: ${problem.en}`)
    }

    if (entry.sequence !== index) {
      const expectedLater = entries.slice(index + 1).some((later) => later?.sequence === index)
      if (entry.sequence > index && !expectedLater) {
        const missing = entry.sequence - index
        return broken(
          index,
          'removed',
          `${missing} entri sebelum entri nomor ${entry.sequence} hilang / ${missing} ${missing === 1 ? 'entry' : 'entries'} before entry number ${entry.sequence} ${missing === 1 ? 'is' : 'are'} missing`,
        )
      }
      return broken(
        index,
        'reordered',
        `Entri nomor ${entry.sequence} berada di posisi ${index}: urutan diubah / Entry number ${entry.sequence} stands at position ${index}: the order was changed`,
      )
    }

    let recomputed: string
    try {
      recomputed = hashEntry(entry.previousHash, entry)
    } catch (error) {
      if (!(error instanceof CanonicalJsonError)) throw error
      return broken(index, 'malformed', `Entri di posisi ${index} rusak: isinya bukan JSON / The entry at position ${index} is malformed: its content is not JSON`)
    }
    if (recomputed !== entry.hash) {
      return broken(
        index,
        'edited',
        `Isi entri nomor ${entry.sequence} telah diubah / Entry number ${entry.sequence} has been edited`,
      )
    }

    const expectedPrevious = index === 0 ? GENESIS_HASH : entries[index - 1].hash
    if (entry.previousHash !== expectedPrevious) {
      // The numbering is intact and this entry matches its own hash, so its predecessor is the one
      // that changed: rewritten, then given a fresh hash to cover it up.
      const culprit = Math.max(index - 1, 0)
      return broken(
        culprit,
        'edited',
        `Entri nomor ${culprit} telah diubah dan di-hash ulang / Entry number ${culprit} has been edited and re-hashed`,
      )
    }
  }

  const last = entries.at(-1) ?? null
  const { head } = options
  if (head) {
    if (!last || last.sequence < head.sequence) {
      const present = last ? last.sequence + 1 : 0
      return broken(
        entries.length,
        'removed',
        `Entri terbaru hilang: catatan terakhir bernomor ${head.sequence}, log berakhir sebelum nomor ${present} / The newest entries are missing: the last recorded is number ${head.sequence}, the log ends before number ${present}`,
      )
    }
    const anchored = entries[head.sequence]
    if (anchored.hash !== head.hash) {
      return broken(
        head.sequence,
        'edited',
        `Entri nomor ${head.sequence} tidak cocok dengan hash yang dicatat terpisah: riwayat ditulis ulang / Entry number ${head.sequence} does not match the hash kept separately: history was rewritten`,
      )
    }
  }
  return { ok: true, count: entries.length, head: last ? { sequence: last.sequence, hash: last.hash } : null }
}
