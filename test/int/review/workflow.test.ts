import { Forbidden, type Payload, ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, EVIDENCE_VERDICT, REPORT_STATUS, REVIEW_STATUS } from '../../../cms/constants.ts'
import { PUBLISH_SITE_TASK } from '../../../cms/jobs/publishSite.ts'
import type { EvidenceUse, Report } from '../../../cms/payload-types.ts'
import { callApi, tokenOf } from '../../helpers/api.ts'
import { expectFieldError, expectProblems } from '../../helpers/errors.ts'
import { attachEvidence, buildFixture, type Fixture } from '../../helpers/fixture.ts'
import { pdfFile } from '../../helpers/files.ts'
import { testPayload } from '../../helpers/payload.ts'
import { createRound, type Round, scoreAll } from '../../helpers/reviewRound.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

const storedReport = (id: number) => payload.findByID({ collection: COLLECTIONS.reports, id, depth: 0 })
const move = (round: Round, user: Round['lead'], status: Report['status'], transitionReason?: string) =>
  payload.update({
    collection: COLLECTIONS.reports,
    id: round.report.id,
    data: { status, transitionReason },
    overrideAccess: false,
    user,
  })
/** A new file of the round's city, attached to `question` of its report: the use the verdict is about. */
const evidenceOf = async (round: Round, question: string, content: string) => {
  const file = await payload.create({
    collection: COLLECTIONS.evidence,
    data: { city: round.city.id, description: content },
    file: pdfFile(`${question}.pdf`, content),
  })
  return attachEvidence(payload, round.report, file, question)
}
const verdict = (round: Round, use: EvidenceUse, data: Partial<EvidenceUse>, user = round.lead) =>
  payload.update({ collection: COLLECTIONS.evidenceUses, id: use.id, data, overrideAccess: false, user })

describe('evidence verdicts', () => {
  let round: Round

  beforeAll(async () => {
    round = await createRound(payload, fixture)
  })

  it('lets an assigned assessor accept evidence without a reason', async () => {
    const file = await evidenceOf(round, 'Q1', 'SK Dewan Smart City')
    expect((await verdict(round, file, { verdict: EVIDENCE_VERDICT.accepted })).verdict).toBe(EVIDENCE_VERDICT.accepted)
  })

  it.each([EVIDENCE_VERDICT.needsRevision, EVIDENCE_VERDICT.rejected])('requires a reason for the verdict %s', async (value) => {
    const file = await evidenceOf(round, 'Q2', `Foto kegiatan ${value}`)
    await expectFieldError(verdict(round, file, { verdict: value }), 'verdictReason', /^Tuliskan alasan bila bukti perlu revisi atau ditolak$/)
    const judged = await verdict(round, file, { verdict: value, verdictReason: 'Tanggal dokumen tidak terbaca' })
    expect(judged).toMatchObject({ verdict: value, verdictReason: 'Tanggal dokumen tidak terbaca' })
  })

  it("rejects an assessor judging evidence of a report it is not assigned to", async () => {
    const file = await evidenceOf(round, 'Q3', 'Laporan kegiatan')
    await expect(
      verdict(round, file, { verdict: EVIDENCE_VERDICT.accepted }, fixture.users.assessorA),
    ).rejects.toThrow(Forbidden)
  })
})

describe('a revision round trip', () => {
  let round: Round
  let rejected: EvidenceUse

  beforeAll(async () => {
    round = await createRound(payload, fixture)
    rejected = await evidenceOf(round, 'Q1', 'Dokumen lama')
  })

  it('sends the report back with the assessors\' comments per question, where the council reads them', async () => {
    await move(round, round.lead, REPORT_STATUS.inReview)
    await verdict(round, rejected, { verdict: EVIDENCE_VERDICT.rejected, verdictReason: 'Bukan SK yang berlaku' })
    await payload.update({
      collection: COLLECTIONS.reviews,
      id: (await scoreAll(payload, round, round.lead, 3)).id,
      data: { scores: [{ question: 'Q1', score: 2, comment: 'Lampirkan SK Wali Kota yang berlaku' }] },
      overrideAccess: false,
      user: round.lead,
    })
    await scoreAll(payload, round, round.member, { Q2: 3 })
    await payload.update({
      collection: COLLECTIONS.reviews,
      id: (await scoreAll(payload, round, round.member, 3)).id,
      data: { scores: [{ question: 'Q2', score: 3, comment: 'Sebutkan jumlah kanal layanan' }] },
      overrideAccess: false,
      user: round.member,
    })
    await move(round, round.member, REPORT_STATUS.revisionRequested, 'Bukti Q1 perlu diganti')

    const seen = await payload.findByID({
      collection: COLLECTIONS.reports,
      id: round.report.id,
      overrideAccess: false,
      user: round.council,
    })
    expect(seen.status).toBe(REPORT_STATUS.revisionRequested)
    expect(seen.revisionRequests?.map(({ round: n, question, comment }) => ({ n, question, comment }))).toEqual(
      expect.arrayContaining([
        { n: 1, question: 'Q1', comment: 'Lampirkan SK Wali Kota yang berlaku' },
        { n: 1, question: 'Q2', comment: 'Sebutkan jumlah kanal layanan' },
      ]),
    )
    const use = await payload.findByID({ collection: COLLECTIONS.evidenceUses, id: rejected.id, overrideAccess: false, user: round.council })
    expect(use).toMatchObject({ verdict: EVIDENCE_VERDICT.rejected, verdictReason: 'Bukan SK yang berlaku' })
  })

  it('lets the council fix and resubmit, and shows the assessor what changed since the last submission', async () => {
    const answers = (await storedReport(round.report.id)).answers ?? []
    await payload.update({
      collection: COLLECTIONS.reports,
      id: round.report.id,
      data: {
        answers: answers.map((row) => (row.question === 'Q2' ? { question: 'Q2', value: 4, comment: 'Empat kanal' } : row)),
      },
      overrideAccess: false,
      user: round.council,
    })
    const replacement = await payload.create({
      collection: COLLECTIONS.evidence,
      data: { city: round.city.id },
      file: pdfFile('sk-baru.pdf', 'SK Wali Kota 2023'),
      overrideAccess: false,
      user: round.council,
    })
    await payload.create({
      collection: COLLECTIONS.evidenceUses,
      data: { report: round.report.id, evidence: replacement.id, question: 'Q1' },
      overrideAccess: false,
      user: round.council,
    })
    await move(round, round.council, REPORT_STATUS.submitted)
    expect((await storedReport(round.report.id)).submissions).toHaveLength(2)

    const response = await callApi('GET', `/reports/${round.report.id}/changes`, { token: await tokenOf(payload, round.lead) })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ round: 2, previousRound: 1 })
    const byQuestion = Object.fromEntries(
      (response.body.changes as { question: string }[]).map((change) => [change.question, change]),
    )
    expect(Object.keys(byQuestion).sort()).toEqual(['Q1', 'Q2'])
    expect(byQuestion.Q2).toMatchObject({ kind: 'changed', answer: { before: 3, after: 4 }, comment: { before: null, after: 'Empat kanal' } })
    // The rejected file came after the first submission too, so both files are new to the assessor.
    expect(byQuestion.Q1).toMatchObject({
      answer: null,
      evidence: { added: expect.arrayContaining([expect.objectContaining({ id: replacement.id, filename: 'sk-baru.pdf' })]), removed: [] },
    })
  })

  it("answers 404 to someone who may not read the report's changes", async () => {
    const response = await callApi('GET', `/reports/${round.report.id}/changes`, {
      token: await tokenOf(payload, fixture.users.assessorA),
    })
    expect(response.status).toBe(404)
  })
})

describe('accepting a report', () => {
  let round: Round

  beforeAll(async () => {
    round = await createRound(payload, fixture)
    await scoreAll(payload, round, round.lead, 4, { status: REVIEW_STATUS.completed })
    await scoreAll(payload, round, round.member, { Q1: 4, Q2: 4, Q3: 4, Q4: 5, Q5: 4, Q6: 4 })
  })

  it('refuses an assessor who is not the lead', async () => {
    await expectFieldError(move(round, round.member, REPORT_STATUS.accepted), 'status', /^Hanya ketua tim asesor kota ini/)
    await expectProblems(move(round, round.member, REPORT_STATUS.accepted), ['move.leadOnly'])
  })

  it('refuses the lead while an assigned assessor has not completed the review', async () => {
    // The member's 5 on Q4 against the lead's 4 is also a disagreement still to explain.
    const [incomplete] = await expectProblems(move(round, round.lead, REPORT_STATUS.accepted), ['accept.reviewIncomplete', 'accept.disagreement'])
    expect(incomplete.params).toMatchObject({ assessor: round.member.name })
  })

  it('refuses the lead while a disagreement of a full level is unexplained', async () => {
    await scoreAll(payload, round, round.member, { Q1: 4, Q2: 4, Q3: 4, Q4: 5, Q5: 4, Q6: 4 }, { status: REVIEW_STATUS.completed })
    const [open] = await expectProblems(move(round, round.lead, REPORT_STATUS.accepted), ['accept.disagreement'])
    expect(open).toMatchObject({ question: 'Q4', params: { spread: 1 } })
    expect((await storedReport(round.report.id)).status).toBe(REPORT_STATUS.inReview)
  })

  it("accepts once explained, publishes the lead's review with the final scores and queues the site rebuild", async () => {
    await scoreAll(payload, round, round.lead, 4, {
      status: REVIEW_STATUS.completed,
      resolutions: [{ question: 'Q4', explanation: 'Integrasi layanan belum penuh; tingkat 4' }],
    })
    // Start from an empty queue, so the job counted below is the acceptance's.
    await payload.delete({ collection: 'payload-jobs', where: { taskSlug: { equals: PUBLISH_SITE_TASK } } })

    const accepted = await move(round, round.lead, REPORT_STATUS.accepted)
    expect(accepted.status).toBe(REPORT_STATUS.accepted)
    const { docs } = await payload.find({
      collection: COLLECTIONS.reviews,
      where: { report: { equals: round.report.id } },
      depth: 0,
    })
    const byAssessor = new Map(docs.map((review) => [review.assessor, review]))
    expect(byAssessor.get(round.lead.id)).toMatchObject({ published: true, overall: 4 })
    expect(byAssessor.get(round.member.id)).toMatchObject({ published: false, overall: 4 })
    const queued = await payload.count({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: PUBLISH_SITE_TASK } }, { completedAt: { exists: false } }] },
    })
    expect(queued.totalDocs).toBe(1)
  })

  it('closes the reviews to their assessors once the report is accepted', async () => {
    await expect(scoreAll(payload, round, round.lead, 2)).rejects.toThrow(Forbidden)
  })

  it("lets the council read the published results of its accepted report", async () => {
    const { docs } = await payload.find({
      collection: COLLECTIONS.reviews,
      where: { report: { equals: round.report.id } },
      overrideAccess: false,
      user: round.council,
    })
    expect(docs.map((review) => review.overall)).toEqual([4, 4])
  })
})

it('refuses a review score outside 1-5 from the assessor with a message per problem', async () => {
  const round = await createRound(payload, fixture)
  await expect(scoreAll(payload, round, round.lead, 0)).rejects.toThrow(ValidationError)
})
