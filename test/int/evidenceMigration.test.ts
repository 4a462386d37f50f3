import { sql } from '@payloadcms/db-sqlite'
import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, EVIDENCE_VERDICT } from '../../cms/constants.ts'
import { migrations } from '../../cms/migrations/index.ts'
import type { Evidence, EvidenceUse } from '../../cms/payload-types.ts'
import { attachEvidence, buildFixture, createEvidence, type Fixture } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'

let payload: Payload
let fixture: Fixture

/** The SQLite handle a migration receives. */
type Db = { run: (query: ReturnType<typeof sql>) => Promise<unknown>; all: (query: ReturnType<typeof sql>) => Promise<unknown[]> }
const db = () => (payload.db as unknown as { drizzle: Db }).drizzle
const rows = async <T,>(query: ReturnType<typeof sql>) => (await db().all(query)) as T[]

/**
 * The evidence-library migration with every later one undone before it goes down and redone after it
 * comes up, as `payload migrate:down` / `migrate` would: the later ones change the tables it rebuilds.
 */
const at = migrations.findIndex((migration) => migration.name === '20261202_024909_evidence_library')
const migrate = async (direction: 'up' | 'down') => {
  const req = await createLocalReq({}, payload)
  const steps = direction === 'down' ? migrations.slice(at).reverse() : migrations.slice(at)
  for (const step of steps) await step[direction]({ db: db(), payload, req } as never)
}

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

describe.runIf(process.env.DATABASE_URI?.startsWith('file:'))('the evidence-library migration (SQLite)', () => {
  let judged: Evidence
  let reused: Evidence
  let loose: Evidence
  let oldShape: Evidence

  beforeAll(async () => {
    judged = await createEvidence(payload, fixture.cityA, fixture.reports.a, { question: 'G1' })
    const [use] = (await payload.find({ collection: COLLECTIONS.evidenceUses, where: { evidence: { equals: judged.id } }, depth: 0 })).docs
    await payload.update({
      collection: COLLECTIONS.evidenceUses,
      id: use.id,
      data: { verdict: EVIDENCE_VERDICT.rejected, verdictReason: 'Buram', leadReason: 'Isi terbaca di lampiran' },
    })
    reused = await createEvidence(payload, fixture.cityA, fixture.reports.a, { question: 'G1' })
    await attachEvidence(payload, fixture.reports.a, reused, 'G2')
    loose = await createEvidence(payload, fixture.cityA)
    oldShape = await createEvidence(payload, fixture.cityB)
  })

  it('goes back to one question per file, keeping each file’s first use', async () => {
    await migrate('down')
    const files = await rows<{ id: number; report_id: number | null; question: string | null; verdict: string; verdict_reason: string | null; lead_reason: string | null }>(
      sql`SELECT id, report_id, question, verdict, verdict_reason, lead_reason FROM evidence WHERE id IN (${judged.id}, ${reused.id}, ${loose.id})`,
    )
    const byId = new Map(files.map((row) => [row.id, row]))
    expect(byId.get(judged.id)).toMatchObject({ report_id: fixture.reports.a.id, question: 'G1', verdict: 'rejected', verdict_reason: 'Buram', lead_reason: 'Isi terbaca di lampiran' })
    expect(byId.get(reused.id)).toMatchObject({ report_id: fixture.reports.a.id, question: 'G1', verdict: 'pending' })
    expect(byId.get(loose.id)).toMatchObject({ report_id: null, question: null, verdict: 'pending' })
    const tables = await rows<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'evidence_uses'`)
    expect(tables).toEqual([])
  })

  it('moves every file’s report, question, verdict and reasons into a use of it', async () => {
    // A file as the old schema held it: its question padded, its verdict and both reasons set.
    await db().run(
      sql`UPDATE evidence SET report_id = ${fixture.reports.b.id}, question = ' G1 ', verdict = 'needs_revision', verdict_reason = 'Tanpa tanggal', lead_reason = NULL WHERE id = ${oldShape.id}`,
    )
    await migrate('up')
    const uses = (await payload.find({ collection: COLLECTIONS.evidenceUses, depth: 0, pagination: false, sort: 'id' })).docs
    const of = (file: Evidence) => uses.filter((use) => use.evidence === file.id).map(({ report, question, city, period, verdict, verdictReason, leadReason }) => ({ report, question, city, period, verdict, verdictReason, leadReason }))
    expect(of(judged)).toEqual([
      {
        report: fixture.reports.a.id,
        question: 'G1',
        city: fixture.cityA.id,
        period: fixture.period.id,
        verdict: EVIDENCE_VERDICT.rejected,
        verdictReason: 'Buram',
        leadReason: 'Isi terbaca di lampiran',
      },
    ])
    expect(of(oldShape)).toEqual([
      { report: fixture.reports.b.id, question: 'G1', city: fixture.cityB.id, period: fixture.period.id, verdict: EVIDENCE_VERDICT.needsRevision, verdictReason: 'Tanpa tanggal', leadReason: null },
    ])
    expect(of(reused)).toHaveLength(1)
    expect(of(loose)).toEqual([])
    const columns = (await rows<{ name: string }>(sql`PRAGMA table_info(evidence)`)).map((column) => column.name)
    expect(columns).not.toEqual(expect.arrayContaining(['report_id']))
    expect(columns.filter((name) => ['question', 'verdict', 'verdict_reason', 'lead_reason'].includes(name))).toEqual([])
  })

  it('leaves data the application reads and judges as before', async () => {
    const use = (await payload.find({ collection: COLLECTIONS.evidenceUses, where: { evidence: { equals: oldShape.id } }, depth: 0 })).docs[0] as EvidenceUse
    const seen = await payload.find({
      collection: COLLECTIONS.evidence,
      where: { id: { equals: oldShape.id } },
      overrideAccess: false,
      user: fixture.users.councilB,
    })
    expect(seen.docs).toHaveLength(1)
    const judgedAgain = await payload.update({
      collection: COLLECTIONS.evidenceUses,
      id: use.id,
      data: { verdict: EVIDENCE_VERDICT.accepted },
    })
    expect(judgedAgain).toMatchObject({ verdict: EVIDENCE_VERDICT.accepted, verdictReason: null })
  })
})
