import { spawnSync } from 'node:child_process'

import { APIError, Forbidden, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, EVIDENCE_VERDICT, REPORT_STATUS, ROLES } from '../../../cms/constants.ts'
import { appendAudit, SYSTEM_ACTOR, verifyAuditLog } from '../../../cms/server/audit.ts'
import { as, reading } from '../../helpers/access.ts'
import { EMULATOR_GAPS, needsRealMongo } from '../../helpers/engine.ts'
import { buildFixture, createEvidence, type Fixture } from '../../helpers/fixture.ts'
import { testPayload } from '../../helpers/payload.ts'
import { createRound, type Round, scoreAll } from '../../helpers/reviewRound.ts'
import { createUser } from '../../helpers/users.ts'

let payload: Payload
let fixture: Fixture
let round: Round

const entries = async (action: string, targetId: number) =>
  (
    await payload.find({
      collection: COLLECTIONS.auditLog,
      where: { and: [{ action: { equals: action } }, { targetId: { equals: String(targetId) } }] },
      sort: 'sequence',
      depth: 0,
      pagination: false,
    })
  ).docs

/** Two runs of the CLI, each allowed the 120 s of `runVerify`: loading Payload's config alone can take 30 s on a busy machine. */
const VERIFY_RUNS_TIMEOUT_MS = 240_000

/** `npm run audit:verify` against this test file's database. */
const runVerify = () =>
  spawnSync('npm', ['run', '--silent', 'audit:verify'], { env: process.env, encoding: 'utf8', timeout: 120_000 })

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
  round = await createRound(payload, fixture)
})

describe('the audit trail', () => {
  it("records a report's status change with who, before and after", async () => {
    await payload.update({
      collection: COLLECTIONS.reports,
      id: round.report.id,
      data: { status: REPORT_STATUS.inReview, transitionReason: 'Mulai menilai' },
      overrideAccess: false,
      user: round.lead,
    })
    const [submitted, inReview] = await entries('report.transition', round.report.id)
    expect(submitted).toMatchObject({ actorId: String(round.council.id), actorRole: ROLES.council, after: { status: REPORT_STATUS.submitted } })
    expect(inReview).toMatchObject({
      actorId: String(round.lead.id),
      before: { status: REPORT_STATUS.submitted },
      after: { status: REPORT_STATUS.inReview, reason: 'Mulai menilai' },
    })
  })

  it('records an evidence verdict', async () => {
    const evidence = await createEvidence(payload, round.city, round.report)
    await payload.update({
      collection: COLLECTIONS.evidence,
      id: evidence.id,
      data: { verdict: EVIDENCE_VERDICT.rejected, verdictReason: 'Buram' },
      overrideAccess: false,
      user: round.member,
    })
    expect(await entries('evidence.verdict', evidence.id)).toEqual([
      expect.objectContaining({
        actorId: String(round.member.id),
        before: { verdict: EVIDENCE_VERDICT.pending, verdictReason: null },
        after: expect.objectContaining({ verdict: EVIDENCE_VERDICT.rejected, verdictReason: 'Buram' }),
      }),
    ])
  })

  it('records only the scores that changed, before and after', async () => {
    const review = await scoreAll(payload, round, round.lead, 3)
    await scoreAll(payload, round, round.lead, { Q1: 3, Q2: 5, Q3: 3, Q4: 3, Q5: 3, Q6: 3 })
    await scoreAll(payload, round, round.lead, { Q1: 3, Q2: 5, Q3: 3, Q4: 3, Q5: 3, Q6: 3 })
    const logged = await entries('review.score', review.id)
    expect(logged).toHaveLength(2)
    expect(logged[1]).toMatchObject({ before: { scores: { Q2: 3 } }, after: expect.objectContaining({ scores: { Q2: 5 } }) })
  })

  it("records a change of a user's role or cities, not of their name", async () => {
    const user = await createUser(payload, ROLES.assessor)
    await payload.update({ collection: COLLECTIONS.users, id: user.id, data: { name: 'Nama baru' }, ...as(fixture, 'secretariat') })
    await payload.update({
      collection: COLLECTIONS.users,
      id: user.id,
      data: { cities: [fixture.cityB.id] },
      ...as(fixture, 'secretariat'),
    })
    const logged = await entries('user.role', user.id)
    expect(logged).toHaveLength(2)
    expect(logged[1]).toMatchObject({
      actorId: String(fixture.users.secretariat.id),
      before: { role: ROLES.assessor, cities: [] },
      after: { role: ROLES.assessor, cities: [String(fixture.cityB.id)] },
    })
  })

  it('lets the secretariat read the log and nobody else', async () => {
    const [first] = (await payload.find({ collection: COLLECTIONS.auditLog, limit: 1, sort: 'sequence' })).docs
    expect(await reading(payload, fixture, 'secretariat', COLLECTIONS.auditLog, first.id)).toBe('allowed')
    for (const actor of ['councilA', 'assessorA', 'public'] as const) {
      expect(await reading(payload, fixture, actor, COLLECTIONS.auditLog, first.id)).toBe('denied')
    }
  })

  it('refuses every change and deletion, by the secretariat and by code that bypasses access', async () => {
    const [first] = (await payload.find({ collection: COLLECTIONS.auditLog, limit: 1, sort: 'sequence' })).docs
    const change = { after: { status: REPORT_STATUS.accepted } }
    await expect(
      payload.update({ collection: COLLECTIONS.auditLog, id: first.id, data: change, ...as(fixture, 'secretariat') }),
    ).rejects.toThrow(Forbidden)
    await expect(payload.update({ collection: COLLECTIONS.auditLog, id: first.id, data: change })).rejects.toThrow(APIError)
    await expect(payload.delete({ collection: COLLECTIONS.auditLog, id: first.id, ...as(fixture, 'secretariat') })).rejects.toThrow(
      Forbidden,
    )
    await expect(payload.delete({ collection: COLLECTIONS.auditLog, id: first.id })).rejects.toThrow(APIError)
    await expect(
      payload.create({
        collection: COLLECTIONS.auditLog,
        data: { ...first, id: undefined, sequence: 100_000 } as never,
      }),
    ).rejects.toThrow(APIError)
    expect((await payload.findByID({ collection: COLLECTIONS.auditLog, id: first.id })).after).toEqual(first.after)
  })

  it('gives writers racing each other distinct sequence numbers and an intact chain', async (context) => {
    needsRealMongo(context, EMULATOR_GAPS.uniqueIndexes)
    const before = (await payload.count({ collection: COLLECTIONS.auditLog })).totalDocs
    const written = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        appendAudit(payload, {
          actor: SYSTEM_ACTOR,
          at: new Date().toISOString(),
          action: 'user.role',
          target: { collection: COLLECTIONS.users, id: `race-${n}` },
          before: null,
          after: { n },
        }),
      ),
    )
    expect(new Set(written.map((entry) => entry.sequence)).size).toBe(8)
    expect((await payload.count({ collection: COLLECTIONS.auditLog })).totalDocs).toBe(before + 8)
    const result = await verifyAuditLog(payload)
    expect(result).toMatchObject({ ok: true, count: before + 8 })
  })

  it('verifies the chain with npm run audit:verify, and finds an entry edited in the database', async () => {
    const intact = runVerify()
    expect(intact.stdout).toMatch(/^OK: \d+ entri/m)
    expect(intact.status).toBe(0)

    const target = (await entries('report.transition', round.report.id))[1]
    // Beneath Payload, as someone with access to the database would: no hook sees it.
    await payload.db.updateOne({
      collection: COLLECTIONS.auditLog,
      where: { id: { equals: target.id } },
      data: { after: { status: REPORT_STATUS.accepted, reason: null } },
      returning: false,
    })
    const result = await verifyAuditLog(payload)
    expect(result).toMatchObject({ ok: false, reason: 'edited', index: target.sequence })

    const broken = runVerify()
    expect(broken.status).toBe(1)
    expect(broken.stderr).toMatch(new RegExp(`RUSAK / BROKEN \\[edited\\].*#${target.sequence}`))
  }, VERIFY_RUNS_TIMEOUT_MS)
})
