import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { createLocalReq, Forbidden, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, CONTEXT_FLAGS, EVIDENCE_VERDICT, REPORT_STATUS, REVIEW_STATUS } from '../../../cms/constants.ts'
import { mailDir } from '../../../cms/infra/email.ts'
import { sendDeadlineReminders } from '../../../cms/jobs/notices.ts'
import type { EvidenceUse, Report } from '../../../cms/payload-types.ts'
import { callApi, tokenOf } from '../../helpers/api.ts'
import { expectProblems } from '../../helpers/errors.ts'
import { attachEvidence, buildFixture, cityData, type Fixture } from '../../helpers/fixture.ts'
import { pdfFile } from '../../helpers/files.ts'
import { testPayload } from '../../helpers/payload.ts'
import { createRound, type Round, scoreAll } from '../../helpers/reviewRound.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

/** A test city in the province with Kemendagri code `code` (its region code starts with it). */
const inProvince = (code: string, province: string) => {
  const city = cityData()
  return { ...city, regionCode: city.regionCode.replace(/^\d{2}/, code), province }
}
const stored = (round: Round) => payload.findByID({ collection: COLLECTIONS.reports, id: round.report.id, depth: 0 })
const move = (round: Round, user: Round['lead'], status: Report['status'], transitionReason?: string) =>
  payload.update({ collection: COLLECTIONS.reports, id: round.report.id, data: { status, transitionReason }, overrideAccess: false, user })
/** A new file of the round's city attached to `question`: the use a verdict is given on. */
const attach = async (round: Round, question: string) => {
  const file = await payload.create({
    collection: COLLECTIONS.evidence,
    data: { city: round.city.id },
    file: pdfFile(`${question}-${Date.now()}.pdf`, `Bukti ${question} ${Math.random()}`),
  })
  return attachEvidence(payload, round.report, file, question)
}
const judge = (round: Round, use: EvidenceUse, data: Partial<EvidenceUse>) =>
  payload.update({ collection: COLLECTIONS.evidenceUses, id: use.id, data, overrideAccess: false, user: round.lead })

describe('starting the review', () => {
  it("moves a submitted report to review on an assessor's first save, without a step of the browser", async () => {
    const round = await createRound(payload, fixture)
    expect((await stored(round)).status).toBe(REPORT_STATUS.submitted)
    await scoreAll(payload, round, round.member, 3)
    const report = await stored(round)
    expect(report.status).toBe(REPORT_STATUS.inReview)
    expect(report.history?.at(-1)).toMatchObject({ from: REPORT_STATUS.submitted, to: REPORT_STATUS.inReview, by: round.member.id })
  })
})

describe('acceptance means complete', () => {
  /** What the half-done review below still lacks, in the order the guard lists it. */
  const STILL_OPEN = [
    'accept.reviewIncomplete',
    'accept.unscored',
    'accept.unscored',
    'accept.unscored',
    'accept.verdictPending',
    'accept.verdictUnexplained',
    'accept.noRecommendation',
  ]
  let round: Round
  let pending: EvidenceUse
  let revision: EvidenceUse

  beforeAll(async () => {
    round = await createRound(payload, fixture)
    pending = await attach(round, 'Q1')
    revision = await attach(round, 'Q2')
    // Half the questions scored, a file pending, one needing revision, no recommendation yet.
    const half = [1, 2, 3].map((n) => ({ question: `Q${n}`, score: 4 }))
    await scoreAll(payload, round, round.member, 4, { scores: half })
    await scoreAll(payload, round, round.lead, 4, { status: REVIEW_STATUS.completed, scores: half, recommendations: null })
    await judge(round, revision, { verdict: EVIDENCE_VERDICT.needsRevision, verdictReason: 'Foto tidak bertanggal' })
  })

  it('refuses the lead with the exact problems, each pointing at its question or file', async () => {
    const problems = await expectProblems(move(round, round.lead, REPORT_STATUS.accepted), STILL_OPEN)
    expect(problems[0].params).toMatchObject({ assessor: round.member.name })
    expect(problems.slice(1, 4).map((item) => item.question)).toEqual(['Q4', 'Q5', 'Q6'])
    expect(problems[4]).toMatchObject({ question: 'Q1', evidence: String(pending.evidence) })
    expect(problems[5]).toMatchObject({ question: 'Q2', evidence: String(revision.evidence), params: { verdict: 'needs_revision' } })
    expect((await stored(round)).status).toBe(REPORT_STATUS.inReview)
  })

  it('shows the lead the same checklist before acting, over REST', async () => {
    const response = await callApi('GET', `/reports/${round.report.id}/workflow`, { token: await tokenOf(payload, round.lead) })
    expect(response.status).toBe(200)
    const accept = (response.body.moves as { move: string; problems: { code: string }[] }[]).find((option) => option.move === 'accept')
    expect(accept?.problems.map((item) => item.code)).toEqual(STILL_OPEN)
    expect(response.body.deadline).toMatchObject({ zone: 'WIB' })
  })

  it("lets only the lead record why a file that needs revision is accepted anyway", async () => {
    await expectProblems(
      payload.update({
        collection: COLLECTIONS.evidenceUses,
        id: revision.id,
        data: { leadReason: 'Tanggal ada di berita acara' },
        overrideAccess: false,
        user: round.member,
      }),
      ['verdict.leadReasonLeadOnly'],
    )
  })

  it('accepts once every item is done', async () => {
    await scoreAll(payload, round, round.lead, 4, { status: REVIEW_STATUS.completed })
    await judge(round, pending, { verdict: EVIDENCE_VERDICT.accepted })
    await judge(round, revision, { leadReason: 'Tanggal kegiatan tercantum di berita acara' })
    const [incomplete] = await expectProblems(move(round, round.lead, REPORT_STATUS.accepted), ['accept.reviewIncomplete'])
    expect(incomplete.params).toMatchObject({ assessor: round.member.name })
    await scoreAll(payload, round, round.member, 4, { status: REVIEW_STATUS.completed })
    expect((await move(round, round.lead, REPORT_STATUS.accepted)).status).toBe(REPORT_STATUS.accepted)
  })

  it('then closes the reviews: create, update and delete are refused, over REST too', async () => {
    await expect(
      payload.create({
        collection: COLLECTIONS.reviews,
        data: { report: round.report.id, scores: [{ question: 'Q1', score: 1 }] } as never,
        overrideAccess: false,
        user: round.member,
      }),
    ).rejects.toThrow(Forbidden)
    const token = await tokenOf(payload, round.lead)
    const { docs } = await payload.find({ collection: COLLECTIONS.reviews, where: { report: { equals: round.report.id } }, depth: 0 })
    const own = docs.find((review) => review.assessor === round.lead.id)!
    const other = docs.find((review) => review.assessor === round.member.id)!
    expect((await callApi('POST', '/reviews', { token, json: { report: round.report.id, scores: [] } })).status).toBe(403)
    expect((await callApi('PATCH', `/reviews/${own.id}`, { token, json: { scores: [{ question: 'Q1', score: 1 }] } })).status).toBe(403)
    const memberToken = await tokenOf(payload, round.member)
    expect((await callApi('DELETE', `/reviews/${other.id}`, { token: memberToken })).status).toBe(403)
    const after = await payload.findByID({ collection: COLLECTIONS.reviews, id: own.id, depth: 0 })
    expect(after.scores?.find((row) => row.question === 'Q1')?.score).toBe(4)
  })
})

describe('sending an accepted report back', () => {
  let round: Round

  beforeAll(async () => {
    round = await createRound(payload, fixture)
    await scoreAll(payload, round, round.member, 4, { status: REVIEW_STATUS.completed })
    await scoreAll(payload, round, round.lead, 4, { status: REVIEW_STATUS.completed })
    await move(round, round.lead, REPORT_STATUS.accepted)
  })

  it('refuses the secretariat without a reason, and records the reason it gives', async () => {
    await expectProblems(move(round, fixture.users.secretariat as Round['lead'], REPORT_STATUS.revisionRequested), ['move.reasonRequired'])
    await expectProblems(move(round, fixture.users.secretariat as Round['lead'], REPORT_STATUS.revisionRequested, '   '), ['move.reasonRequired'])
    const reason = 'Data anggaran 2023 salah ketik; mohon diperbaiki'
    const reopened = await move(round, fixture.users.secretariat as Round['lead'], REPORT_STATUS.revisionRequested, reason)
    expect(reopened.status).toBe(REPORT_STATUS.revisionRequested)
    expect(reopened.history?.at(-1)).toMatchObject({ from: REPORT_STATUS.accepted, to: REPORT_STATUS.revisionRequested, reason })
    expect(reopened.revisionRequests?.at(-1)).toMatchObject({ question: null, comment: reason })
    const { docs: entries } = await payload.find({
      collection: COLLECTIONS.auditLog,
      where: { and: [{ targetId: { equals: String(round.report.id) } }, { action: { equals: 'report.transition' } }] },
      sort: '-sequence',
      limit: 1,
    })
    expect(entries[0].after).toEqual({ status: REPORT_STATUS.revisionRequested, reason })
    const { docs: reviews } = await payload.find({ collection: COLLECTIONS.reviews, where: { report: { equals: round.report.id } } })
    expect(reviews.every((review) => review.published === false)).toBe(true)
  })

  it('tells the council, with the reason', async () => {
    const { docs } = await payload.find({
      collection: COLLECTIONS.notices,
      where: { and: [{ report: { equals: round.report.id } }, { kind: { equals: 'sentBack' } }] },
      overrideAccess: false,
      user: round.council,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0].body).toContain('Data anggaran 2023 salah ketik')
  })
})

/** The decoded subject of an .eml file (RFC 2047 Q-encoded words, folded over lines). */
function subjectOf(eml: string): string {
  const raw = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(eml)?.[1] ?? ''
  return raw
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/=\?UTF-8\?Q\?(.*?)\?=\s*/gi, (_, text: string) =>
      Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    )
}

describe('notices', () => {
  it('writes each notice of a round once, as an .eml file per recipient, however often the job runs', async () => {
    // Earlier tests' notices count as sent (one by one: an update by query changes only its first
    // page), so the folder below holds this round's mails, bar any that another round's work adds late.
    const { docs: earlier } = await payload.find({ collection: COLLECTIONS.notices, where: { emailedAt: { exists: false } }, pagination: false, depth: 0 })
    for (const notice of earlier) {
      await payload.update({ collection: COLLECTIONS.notices, id: notice.id, data: { emailedAt: new Date().toISOString() }, depth: 0 })
    }
    const since = new Date().toISOString()
    const previous = process.env.MAIL_DIR
    process.env.MAIL_DIR = await fs.mkdtemp(path.join(os.tmpdir(), 'pantau-notices-'))
    try {
      const round = await createRound(payload, fixture)
      await scoreAll(payload, round, round.member, 4, { status: REVIEW_STATUS.completed })
      await move(round, round.member, REPORT_STATUS.revisionRequested, 'Lengkapi SK')
      await payload.update({
        collection: COLLECTIONS.reports,
        id: round.report.id,
        data: { status: REPORT_STATUS.submitted },
        overrideAccess: false,
        user: round.council,
      })
      await scoreAll(payload, round, round.lead, 4, { status: REVIEW_STATUS.completed })
      await move(round, round.lead, REPORT_STATUS.accepted)
      // The job runs until every notice since `since` is stamped (on the MongoDB emulator under a busy
      // CI a run can see the round's latest writes only a moment later), then twice more: a run
      // after all is sent must mail nothing again.
      const unsent = () => payload.count({ collection: COLLECTIONS.notices, where: { and: [{ createdAt: { greater_than_equal: since } }, { emailedAt: { exists: false } }] } })
      const deliver = async () => {
        await payload.jobs.queue({ task: 'deliver-notices', input: {} })
        await payload.jobs.run({ queue: 'default', limit: 1000 })
      }
      for (let run = 0; run < 50; run += 1) {
        await deliver()
        await new Promise((resolve) => setTimeout(resolve, 200))
        if ((await unsent()).totalDocs === 0) break
      }
      expect((await unsent()).totalDocs).toBe(0)
      await deliver()
      await deliver()
      const { docs: notices } = await payload.find({ collection: COLLECTIONS.notices, where: { report: { equals: round.report.id } }, pagination: false, depth: 0 })
      const kinds = notices.map((notice) => notice.kind).sort()
      // Submitted twice (receipt, secretariat, both assessors), one revision, one acceptance (council, secretariat).
      expect(kinds.filter((kind) => kind === 'submittedReceipt')).toHaveLength(2)
      expect(kinds.filter((kind) => kind === 'readyForReview')).toHaveLength(4)
      expect(kinds.filter((kind) => kind === 'revisionRequested')).toHaveLength(1)
      expect(kinds.filter((kind) => kind === 'accepted').length).toBeGreaterThanOrEqual(2)
      const files = await fs.readdir(mailDir())
      // The round's notices, and the two assessors' assignment notices, which name no report.
      const written = await payload.count({ collection: COLLECTIONS.notices, where: { createdAt: { greater_than_equal: since } } })
      expect(written.totalDocs).toBe(notices.length + 2)
      // One file per notice of this round, each subject naming the round's city; a mail of another
      // test's round that ended late names its own city and is not counted.
      const ours = new RegExp(`${round.city.name}(?!\\d)`)
      const subjects = await Promise.all(files.map(async (file) => subjectOf(await fs.readFile(path.join(mailDir(), file), 'utf8'))))
      expect(subjects.filter((subject) => ours.test(subject))).toHaveLength(written.totalDocs)
      const accepted = notices.find((notice) => notice.kind === 'accepted' && notice.recipient === round.council.id)
      expect(accepted?.body).toContain(`/api/reports/${round.report.id}/results.pdf`)
    } finally {
      process.env.MAIL_DIR = previous
    }
  })

  it('tells an assessor of a new assignment, once', async () => {
    const round = await createRound(payload, fixture)
    const { docs } = await payload.find({
      collection: COLLECTIONS.notices,
      where: { and: [{ recipient: { equals: round.lead.id } }, { kind: { equals: 'assigned' } }] },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0].title).toContain(round.city.name)
    await payload.update({ collection: COLLECTIONS.periods, id: round.period.id, data: { title: `${round.period.title} (ubah)` }, overrideAccess: false, user: fixture.users.secretariat })
    const again = await payload.count({ collection: COLLECTIONS.notices, where: { and: [{ recipient: { equals: round.lead.id } }, { kind: { equals: 'assigned' } }] } })
    expect(again.totalDocs).toBe(1)
  })

  it('reminds a council with a draft 7 days and 1 day before its local deadline, never twice', async () => {
    const ambon = await payload.create({ collection: COLLECTIONS.cities, data: inProvince('81', 'Maluku') })
    const round = await createRound(payload, fixture, { city: ambon })
    await payload.update({
      collection: COLLECTIONS.reports,
      id: round.report.id,
      data: { status: REPORT_STATUS.draft },
      context: { [CONTEXT_FLAGS.skipNotices]: true },
    })
    await payload.update({ collection: COLLECTIONS.periods, id: round.period.id, data: { status: 'open', closesAt: '2030-07-31T12:00:00.000Z' }, context: { [CONTEXT_FLAGS.skipPeriodOpening]: true } })
    const reminders = () =>
      payload.find({ collection: COLLECTIONS.notices, where: { and: [{ report: { equals: round.report.id } }, { kind: { equals: 'reminder' } }] }, sort: 'createdAt' })
    const req = await createLocalReq({}, payload)
    // 31 July ends at 14:59:59 UTC in Ambon (WIT).
    await sendDeadlineReminders(req, new Date('2030-07-20T00:00:00.000Z'))
    expect((await reminders()).docs).toHaveLength(0)
    await sendDeadlineReminders(req, new Date('2030-07-24T15:00:00.000Z'))
    await sendDeadlineReminders(req, new Date('2030-07-25T00:00:00.000Z'))
    expect((await reminders()).docs.map((notice) => notice.title)).toEqual([expect.stringMatching(/^Tenggat 7 hari lagi/)])
    await sendDeadlineReminders(req, new Date('2030-07-30T15:00:00.000Z'))
    await sendDeadlineReminders(req, new Date('2030-07-30T16:00:00.000Z'))
    expect((await reminders()).docs.map((notice) => notice.title)).toEqual([
      expect.stringMatching(/^Tenggat 7 hari lagi/),
      expect.stringMatching(/^Tenggat besok/),
    ])
    await sendDeadlineReminders(req, new Date('2030-07-31T15:00:00.000Z'))
    expect((await reminders()).docs).toHaveLength(2)
  })
})

describe('deadlines in local time', () => {
  it.each([
    ['a city of Maluku (WIT) submitting at 00:30 WIT on 1 August', ['81', 'Maluku'], '2023-07-31T15:30:00.000Z', false],
    ['a city of Central Java (WIB) submitting at 22:30 WIB on 31 July', ['33', 'Jawa Tengah'], '2023-07-31T15:30:00.000Z', true],
    ['a city of Maluku (WIT) submitting at 09:00 WIT on 31 July', ['81', 'Maluku'], '2023-07-31T00:00:00.000Z', true],
  ] as const)('judges %s against the end of the closing day in its zone', async (_label, [code, province], at, allowed) => {
    const city = await payload.create({ collection: COLLECTIONS.cities, data: inProvince(code, province) })
    const round = await createRound(payload, fixture, { city })
    await payload.update({ collection: COLLECTIONS.reports, id: round.report.id, data: { status: REPORT_STATUS.draft }, context: { [CONTEXT_FLAGS.skipNotices]: true } })
    await payload.update({ collection: COLLECTIONS.periods, id: round.period.id, data: { closesAt: '2023-07-31T12:00:00.000Z' } })
    const submit = payload.update({
      collection: COLLECTIONS.reports,
      id: round.report.id,
      data: { status: REPORT_STATUS.submitted },
      overrideAccess: false,
      user: round.council,
      context: { [CONTEXT_FLAGS.transitionAt]: at },
    })
    if (allowed) expect((await submit).status).toBe(REPORT_STATUS.submitted)
    else await expectProblems(submit, ['deadline.passed'])
  })
})
