/**
 * Work that must follow a change only once the change is committed: an audit entry, which is
 * written outside the change's transaction (see cms/server/audit.ts). On SQLite a second writer
 * cannot write while the change's transaction holds the database, so it waits for the commit; on
 * MongoDB it would abort the change on a clash. Registered per transaction, run by the database
 * adapter after COMMIT (cms/infra/database.ts), dropped after ROLLBACK.
 */
import type { PayloadRequest } from 'payload'

type Work = () => Promise<unknown>

const pending = new Map<string | number, Work[]>()

/** Runs `work` after `req`'s transaction commits, or now when `req` is in none. */
export async function afterCommit(req: PayloadRequest | undefined, work: Work): Promise<void> {
  const id: unknown = req ? await req.transactionID : undefined
  // Adapters name a transaction by a string or number; anything else (none, or a request that
  // carries a placeholder) means the change is already written.
  if (typeof id !== 'string' && typeof id !== 'number') {
    await work()
    return
  }
  const list = pending.get(id) ?? []
  list.push(work)
  pending.set(id, list)
}

/** Called by the adapter once a transaction has ended. */
export async function runAfterCommit(id: string | number | Promise<string | number | null> | undefined, committed: boolean): Promise<void> {
  const key = await id
  if (key === undefined || key === null) return
  const list = pending.get(key)
  pending.delete(key)
  if (!committed || !list) return
  for (const work of list) await work()
}
