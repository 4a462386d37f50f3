/** The audit chain's state as a backup records it and a restore compares it (../server/audit.ts checks the chain). */
import type { Payload } from 'payload'

import { verifyAuditLog } from '../server/audit.ts'
import type { AuditState } from './manifest.ts'

export async function auditState(payload: Payload): Promise<AuditState> {
  const result = await verifyAuditLog(payload)
  return result.ok ? { ok: true, count: result.count, head: result.head } : { ok: false, index: result.index, reason: result.reason }
}

export function sameAuditState(a: AuditState, b: AuditState): boolean {
  if (a.ok && b.ok) return a.count === b.count && a.head?.sequence === b.head?.sequence && a.head?.hash === b.head?.hash
  if (!a.ok && !b.ok) return a.index === b.index && a.reason === b.reason
  return false
}

/** One line for the operator: the count and newest entry, or where the chain is broken. */
export function describeAudit(state: AuditState): string {
  if (!state.ok) return `RUSAK di posisi / BROKEN at position ${state.index} [${state.reason}]`
  const head = state.head ? `, terbaru / newest #${state.head.sequence} ${state.head.hash}` : ''
  return `${state.count} entri / entries${head}`
}
