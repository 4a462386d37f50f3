import type { PayloadRequest, Where } from 'payload'

import { COLLECTIONS } from '../constants.ts'
import { type ID, idOf, type Ref } from '../domain/ids.ts'
import type { Evidence, EvidenceUse } from '../payload-types.ts'
import { asSystem } from './asSystem.ts'

/** One file attached to a report for one question: the use (question, verdict) and the file itself. */
export type AttachedFile = { use: EvidenceUse; file: Evidence }

type Reading = { as: 'person' } | { as: 'system'; why: string }

/**
 * The files attached to a report, in the order they were attached: two reads (the uses, then their
 * files) whatever the number of files, never one per file. Read as the signed-in person (their
 * access decides, as in the admin views) or as the system with a reason (the workflow's facts, the
 * stored submission). A use whose file the reader may not open is left out.
 */
export async function filesOfReport(req: PayloadRequest, report: ID, reading: Reading): Promise<AttachedFile[]> {
  const find = async <S extends typeof COLLECTIONS.evidenceUses | typeof COLLECTIONS.evidence>(collection: S, where: Where, sort: string) => {
    if (reading.as === 'system') return asSystem(req, reading.why).find(collection, where, { sort })
    const { docs } = await req.payload.find({ collection, where, sort, depth: 0, pagination: false, user: req.user, overrideAccess: false, req })
    return docs
  }
  const uses = (await find(COLLECTIONS.evidenceUses, { report: { equals: report } }, 'createdAt')) as EvidenceUse[]
  if (uses.length === 0) return []
  const ids = [...new Map(uses.map((use) => [String(idOf(use.evidence as Ref)), idOf(use.evidence as Ref) as ID])).values()]
  const files = (await find(COLLECTIONS.evidence, { id: { in: ids } }, 'createdAt')) as Evidence[]
  const byId = new Map(files.map((file) => [String(file.id), file]))
  return uses.flatMap((use) => {
    const file = byId.get(String(idOf(use.evidence as Ref)))
    return file ? [{ use, file }] : []
  })
}
