import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { Forbidden, type Payload, ValidationError } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { COLLECTIONS, REPORT_STATUS } from '../../cms/constants.ts'
import { mailDir } from '../../cms/infra/email.ts'
import type { Instrument, Report } from '../../cms/payload-types.ts'
import { as } from '../helpers/access.ts'
import { expectFieldError, expectProblems } from '../helpers/errors.ts'
import { pdfFile } from '../helpers/files.ts'
import { buildFixture, type Fixture, openUntil, periodData } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'
import { createUser } from '../helpers/users.ts'

let payload: Payload
let fixture: Fixture
let instrument: Instrument

/**
 * M1 asks for evidence from maturity level 3, N1 is a number of tonnes from 0 to 500, E1 always
 * needs evidence, and P1 is asked only when E1 is answered "yes".
 */
const questions: NonNullable<NonNullable<Instrument['sections']>[number]['questions']> = [
  { key: 'M1', type: 'maturity', weight: 1, text: 'Tingkat kematangan', evidence: 'required_from_level', evidenceFromLevel: 3 },
  { key: 'N1', type: 'number', weight: 1, text: 'Ton plastik per bulan', evidence: 'none', min: 0, max: 500 },
  { key: 'E1', type: 'yes_no', weight: 1, text: 'Masterplan ditetapkan?', evidence: 'required' },
  {
    key: 'P1',
    type: 'single_choice',
    weight: 1,
    text: 'Ditetapkan dengan',
    evidence: 'none',
    options: [
      { value: 'perda', label: 'Perda' },
      { value: 'perwali', label: 'Perwali' },
    ],
    condition: { question: 'E1', equals: 'true' },
  },
]

type Answers = NonNullable<Report['answers']>

const complete: Answers = [
  { question: 'M1', value: 2 },
  { question: 'N1', value: 250 },
  { question: 'E1', value: false },
]

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
  instrument = await payload.create({
    collection: COLLECTIONS.instruments,
    data: {
      title: 'Instrumen pengajuan',
      year: 2023,
      version: 1,
      evaluationDimensions: [{ key: 'output', name: 'Output', weight: 100 }],
      sections: [{ title: 'Tata kelola', evaluationDimension: 'output', questions }],
    },
  })
})

afterEach(() => {
  vi.restoreAllMocks()
})

type PeriodDates = { closesAt?: string; extensions?: { city: number; until: string; reason?: string }[] }

/** City A's draft in a period of its own, with `answers` already saved. */
async function draft(answers: Answers, dates: PeriodDates = {}): Promise<Report> {
  const period = await payload.create({
    collection: COLLECTIONS.periods,
    data: { ...periodData(fixture), instrument: instrument.id, closesAt: openUntil(), ...dates },
  })
  return payload.create({
    collection: COLLECTIONS.reports,
    data: { title: `Laporan ${period.title}`, city: fixture.cityA.id, period: period.id, status: REPORT_STATUS.draft, answers },
  })
}

/**
 * City A's council attaches a (unique) PDF to `report` for `question`: it puts the file into the
 * city's library, then attaches it. Returns the attachment (the use), whose verdict counts.
 */
const attach = async (report: Report, question: string) => {
  const file = await payload.create({
    collection: COLLECTIONS.evidence,
    data: { city: fixture.cityA.id, description: `Bukti ${question}` },
    file: pdfFile(`bukti-${question}.pdf`, `Bukti ${question} ${randomUUID()}`),
    ...as(fixture, 'councilA'),
  })
  return payload.create({
    collection: COLLECTIONS.evidenceUses,
    data: { report: report.id, evidence: file.id, question },
    depth: 0,
    ...as(fixture, 'councilA'),
  })
}

const submit = (report: Report, extra: Record<string, unknown> = {}) =>
  payload.update({
    collection: COLLECTIONS.reports,
    id: report.id,
    data: { status: REPORT_STATUS.submitted, ...extra },
    ...as(fixture, 'councilA'),
  })

const stored = (report: Report) => payload.findByID({ collection: COLLECTIONS.reports, id: report.id, depth: 0 })

async function expectStillDraft(report: Report) {
  const after = await stored(report)
  expect(after.status).toBe(REPORT_STATUS.draft)
  expect(after.history ?? []).toEqual([])
}

/** An .eml file's headers (folded lines joined) and its quoted-printable body decoded. */
function readEml(text: string): { headers: string; body: string } {
  const [head, ...rest] = text.split(/\r?\n\r?\n/)
  const body = rest
    .join('\n\n')
    .replace(/=\r?\n/g, '')
    .replace(/(=[0-9A-F]{2})+/g, (bytes) => Buffer.from(bytes.replaceAll('=', ''), 'hex').toString('utf8'))
  return { headers: head.replace(/\r?\n[ \t]+/g, ' '), body }
}

describe('submitting a report', () => {
  it.each([
    ['a required answer is missing', complete.filter((a) => a.question !== 'N1'), /^Pertanyaan N1 belum dijawab$/],
    ['a number is out of range', [...complete.filter((a) => a.question !== 'N1'), { question: 'N1', value: 9999 }], /N1: angka 9999 di luar rentang 0–500/],
    ['a maturity level is out of range', [...complete.filter((a) => a.question !== 'M1'), { question: 'M1', value: 7 }], /M1: tingkat kematangan harus bilangan bulat 1 sampai 5/],
    ['a question made visible by a condition is unanswered', [...complete.filter((a) => a.question !== 'E1'), { question: 'E1', value: true }], /Pertanyaan P1 belum dijawab/],
  ])('refuses, saving nothing, when %s', async (_label, answers, pattern) => {
    const report = await draft(answers)
    await attach(report, 'E1')
    await expectFieldError(submit(report), 'answers', pattern)
    await expectStillDraft(report)
  })

  it('refuses when required evidence is missing', async () => {
    const report = await draft(complete)
    await expectFieldError(submit(report), 'answers', /^Pertanyaan E1: bukti dukung wajib dilampirkan$/)
    const [missing] = await expectProblems(submit(report), ['evidence.missing'])
    expect(missing).toMatchObject({ question: 'E1' })
    await expectStillDraft(report)
  })

  it('refuses when the maturity level claimed needs evidence that is missing', async () => {
    const report = await draft([...complete.filter((a) => a.question !== 'M1'), { question: 'M1', value: 4 }])
    await attach(report, 'E1')
    await expectFieldError(submit(report), 'answers', /M1: bukti dukung wajib dilampirkan untuk tingkat 3 ke atas/)
    await attach(report, 'M1')
    expect((await submit(report)).status).toBe(REPORT_STATUS.submitted)
  })

  it('lists every problem at once', async () => {
    const report = await draft([{ question: 'N1', value: -5 }])
    const error = await submit(report).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ValidationError)
    const messages = (error as ValidationError).data.errors.map((row) => row.message)
    expect(messages).toHaveLength(4)
    expect(messages.join('\n')).toMatch(/M1 belum dijawab[\s\S]*N1: angka -5[\s\S]*E1 belum dijawab[\s\S]*E1: bukti dukung/)
    const problems = await expectProblems(submit(report), ['answer.missing', 'answer.outOfRange', 'answer.missing', 'evidence.missing'])
    expect(problems.map((item) => item.question)).toEqual(['M1', 'N1', 'E1', 'E1'])
  })

  it('checks the answers sent along with the submission, not only the stored ones', async () => {
    const report = await draft([])
    await attach(report, 'E1')
    await expectFieldError(submit(report), 'answers', /M1 belum dijawab/)
    const sent = await submit(report, { answers: complete })
    expect(sent.status).toBe(REPORT_STATUS.submitted)
  })

  it('moves a complete report to submitted and records who submitted it and when', async () => {
    const report = await draft(complete)
    await attach(report, 'E1')
    const before = Date.now()
    const sent = await submit(report, { transitionReason: 'Lengkap' })
    expect(sent.status).toBe(REPORT_STATUS.submitted)
    const [entry] = (await stored(report)).history ?? []
    expect(entry).toMatchObject({
      from: REPORT_STATUS.draft,
      to: REPORT_STATUS.submitted,
      by: fixture.users.councilA.id,
      reason: 'Lengkap',
    })
    expect(new Date(entry.at as string).getTime()).toBeGreaterThanOrEqual(before - 1000)
  })

  it('then locks the report and its evidence for the council', async () => {
    const report = await draft(complete)
    const evidence = await attach(report, 'E1')
    await submit(report)
    await expect(
      payload.update({
        collection: COLLECTIONS.reports,
        id: report.id,
        data: { constraintNotes: 'Setelah diajukan' },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
    await expect(
      payload.delete({ collection: COLLECTIONS.evidence, id: evidence.evidence as number, ...as(fixture, 'councilA') }),
    ).rejects.toThrow(Forbidden)
    await expect(payload.delete({ collection: COLLECTIONS.evidenceUses, id: evidence.id, ...as(fixture, 'councilA') })).rejects.toThrow(Forbidden)
    await expect(attach(report, 'M1')).rejects.toThrow(Forbidden)
    const kept = await payload.findByID({ collection: COLLECTIONS.evidence, id: evidence.evidence as number, depth: 0 })
    expect(kept.id).toBe(evidence.evidence)
    expect((await stored(report)).constraintNotes ?? null).toBeNull()
  })

  it('does not count evidence an assessor rejected', async () => {
    const report = await draft(complete)
    const evidence = await attach(report, 'E1')
    await payload.update({ collection: COLLECTIONS.evidenceUses, id: evidence.id, data: { verdict: 'rejected', verdictReason: 'Tidak terbaca' } })
    await expectFieldError(submit(report), 'answers', /E1: bukti dukung wajib dilampirkan/)
    await attach(report, 'E1')
    expect((await submit(report)).status).toBe(REPORT_STATUS.submitted)
  })

  it('lets a report sent back for revision be submitted again only when complete', async () => {
    const report = await draft(complete)
    await attach(report, 'E1')
    await submit(report)
    await payload.update({
      collection: COLLECTIONS.reports,
      id: report.id,
      data: { status: REPORT_STATUS.revisionRequested, transitionReason: 'Lengkapi datanya' },
      ...as(fixture, 'assessorA'),
    })
    await expectFieldError(submit(report, { answers: [] }), 'answers', /M1 belum dijawab/)
    expect((await stored(report)).status).toBe(REPORT_STATUS.revisionRequested)
    expect((await submit(report)).status).toBe(REPORT_STATUS.submitted)
  })
})

describe('the submission deadline', () => {
  const past = '2023-06-30T10:00:00.000Z'

  it("refuses a submission after the closing day in the city's time zone, naming the deadline", async () => {
    const report = await draft(complete, { closesAt: past })
    await attach(report, 'E1')
    // City A is in Jakarta (WIB): its day ends at 23:59 WIB, 16:59 UTC.
    await expectFieldError(submit(report), 'status', /^Batas pengajuan sudah lewat pada 30 Juni 2023.*23[.:]59 WIB/)
    const [late] = await expectProblems(submit(report), ['deadline.passed'])
    expect(late.params).toEqual({ at: '2023-06-30T16:59:59.999Z', zone: 'WIB' })
    await expectStillDraft(report)
  })

  it("allows it within the city's extension", async () => {
    const report = await draft(complete, {
      closesAt: past,
      extensions: [{ city: fixture.cityA.id, until: openUntil(), reason: 'Banjir' }],
    })
    await attach(report, 'E1')
    expect((await submit(report)).status).toBe(REPORT_STATUS.submitted)
  })

  it("does not let another city's extension or a lapsed one count", async () => {
    const report = await draft(complete, {
      closesAt: past,
      extensions: [
        { city: fixture.cityB.id, until: openUntil() },
        { city: fixture.cityA.id, until: '2023-07-15T10:00:00.000Z' },
      ],
    })
    await attach(report, 'E1')
    await expectFieldError(submit(report), 'status', /15 Juli 2023/)
    await expectProblems(submit(report), ['deadline.passed'])
  })
})

describe('the submission notice', () => {
  /** Notices of earlier tests count as sent, so only the next test's go out. */
  const earlierSent = () =>
    payload.update({ collection: COLLECTIONS.notices, where: { emailedAt: { exists: false } }, data: { emailedAt: new Date().toISOString() } })

  /** Runs the queued e-mail job as the CMS server would, and returns what it sent. */
  async function deliver() {
    const send = vi.spyOn(payload, 'sendEmail')
    await payload.jobs.run({ queue: 'default' })
    return send.mock.calls.map(([mail]) => mail as { to: string; subject: string; text: string })
  }

  it('tells the city council and every secretariat account, each in their language, not other councils', async () => {
    const colleague = await createUser(payload, 'council', [fixture.cityA.id, fixture.cityB.id])
    await payload.update({ collection: COLLECTIONS.users, id: colleague.id, data: { language: 'en' } })
    const report = await draft(complete)
    await attach(report, 'E1')
    await earlierSent()
    await submit(report)
    const mails = await deliver()
    const to = (email: string) => mails.filter((mail) => mail.to === email)
    expect(to(fixture.users.councilA.email)).toHaveLength(1)
    expect(to(fixture.users.councilA.email)[0].subject).toMatch(new RegExp(`^Laporan diajukan: ${fixture.cityA.name} — `))
    expect(to(colleague.email)[0].subject).toMatch(new RegExp(`^Report submitted: ${fixture.cityA.name} — `))
    expect(to(fixture.users.councilB.email)).toEqual([])
    expect(to(fixture.users.secretariat.email)[0].text).toContain(fixture.users.councilA.name)
    // Each in one language only.
    expect(to(colleague.email)[0].text).not.toMatch(/laporan|telah/i)
  })

  it('keeps each notice in the admin for its recipient alone', async () => {
    const report = await draft(complete)
    await attach(report, 'E1')
    await submit(report)
    const mine = await payload.find({
      collection: COLLECTIONS.notices,
      where: { report: { equals: report.id } },
      ...as(fixture, 'councilA'),
    })
    expect(mine.docs.map((notice) => notice.kind)).toEqual(['submittedReceipt'])
    const others = await payload.find({ collection: COLLECTIONS.notices, where: { report: { equals: report.id } }, ...as(fixture, 'councilB') })
    expect(others.docs).toEqual([])
  })

  it('does not undo the submission when the mail cannot be sent, and tries it again later', async () => {
    const report = await draft(complete)
    await attach(report, 'E1')
    expect((await submit(report)).status).toBe(REPORT_STATUS.submitted)
    vi.spyOn(payload, 'sendEmail').mockRejectedValue(new Error('SMTP down'))
    const logged = vi.spyOn(payload.logger, 'error').mockImplementation(() => undefined)
    await payload.jobs.run({ queue: 'default' })
    expect(logged).toHaveBeenCalled()
    expect((await stored(report)).status).toBe(REPORT_STATUS.submitted)
    const waiting = await payload.count({ collection: COLLECTIONS.notices, where: { and: [{ report: { equals: report.id } }, { emailedAt: { exists: false } }] } })
    expect(waiting.totalDocs).toBeGreaterThan(0)
  })

  it('lands in the mail folder through the development adapter, once per notice however often the job runs', async () => {
    expect(payload.email.name).toBe('pantau-file')
    const report = await draft(complete)
    await attach(report, 'E1')
    await earlierSent()
    const since = new Date().toISOString()
    const previous = process.env.MAIL_DIR
    process.env.MAIL_DIR = await fs.mkdtemp(path.join(os.tmpdir(), 'pantau-mail-'))
    try {
      await submit(report)
      await payload.jobs.run({ queue: 'default' })
      await payload.jobs.queue({ task: 'deliver-notices', input: {} })
      await payload.jobs.run({ queue: 'default' })
      const files = await fs.readdir(mailDir())
      const messages = await Promise.all(files.map(async (file) => readEml(await fs.readFile(path.join(mailDir(), file), 'utf8'))))
      const written = await payload.count({ collection: COLLECTIONS.notices, where: { createdAt: { greater_than_equal: since } } })
      expect(written.totalDocs).toBeGreaterThanOrEqual(2)
      expect(messages).toHaveLength(written.totalDocs)
      const receipt = messages.find((message) => message.headers.includes(fixture.users.councilA.email))
      const notice = messages.find((message) => message.headers.includes(fixture.users.secretariat.email))
      expect(receipt?.body).toContain(`Laporan ${fixture.cityA.name} untuk`)
      expect(notice).toBeDefined()
      expect(notice?.headers).not.toContain(fixture.users.councilA.email)
    } finally {
      process.env.MAIL_DIR = previous
    }
  })
})
