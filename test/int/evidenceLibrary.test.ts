import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, EVIDENCE_VERDICT, REPORT_STATUS, ROLES } from '../../cms/constants.ts'
import type { City, Evidence, EvidenceUse, Instrument, Report, User } from '../../cms/payload-types.ts'
import { as } from '../helpers/access.ts'
import { callApi, tokenOf, uploadForm } from '../helpers/api.ts'
import { expectProblems } from '../helpers/errors.ts'
import { buildFixture, cityData, type Fixture, openUntil } from '../helpers/fixture.ts'
import { pdfFile, type UploadFile } from '../helpers/files.ts'
import { testPayload } from '../helpers/payload.ts'
import { createUser } from '../helpers/users.ts'

type TestUser = User & { collection: 'users' }

let payload: Payload
let fixture: Fixture
let city: City
let instrument: Instrument
let council: TestUser
let lead: TestUser
let councilToken: string

/** Two survey questions that each need evidence: the case of one survey report proving both. */
const surveyInstrument = () => ({
  title: `Instrumen survei ${Date.now()}`,
  year: 2023,
  version: 1,
  evaluationDimensions: [{ key: 'impact', name: 'Impact', weight: 100 }],
  sections: [
    {
      title: 'Impact',
      evaluationDimension: 'impact',
      questions: [
        { key: 'S1', type: 'yes_no' as const, weight: 1, text: 'Survei kepuasan dilakukan?', evidence: 'required' as const },
        { key: 'S2', type: 'number' as const, weight: 1, text: 'Indeks kepuasan', evidence: 'required' as const, min: 0, max: 100 },
      ],
    },
  ],
})

/** A period of its own for the city, with `assessor` as lead, and the city's draft report answering both questions. */
async function roundFor(assessor: TestUser, opensAt: string): Promise<Report> {
  const period = await payload.create({
    collection: COLLECTIONS.periods,
    data: {
      title: `Evaluasi ${opensAt} ${Date.now()}`,
      year: Number(opensAt.slice(0, 4)),
      status: 'upcoming',
      instrument: instrument.id,
      opensAt,
      closesAt: openUntil(),
      cities: [city.id],
      assignments: [{ city: city.id, assessor: assessor.id, lead: true }],
    },
    context: { skipPeriodOpening: true },
  })
  return payload.create({
    collection: COLLECTIONS.reports,
    data: {
      title: `Laporan ${city.name} ${period.id}`,
      city: city.id,
      period: period.id,
      status: REPORT_STATUS.draft,
      answers: [
        { question: 'S1', value: true },
        { question: 'S2', value: 76.4 },
      ],
    },
  })
}

const upload = (file: UploadFile, report: Report, question: string) =>
  callApi('POST', '/evidence/upload', { token: councilToken, form: uploadForm(file, { city: city.id, report: report.id, question }) })

const usesOf = async (report: Report) =>
  (await payload.find({ collection: COLLECTIONS.evidenceUses, where: { report: { equals: report.id } }, sort: 'question', depth: 0 })).docs

const move = (report: Report, user: TestUser, status: Report['status'], transitionReason?: string) =>
  payload.update({ collection: COLLECTIONS.reports, id: report.id, data: { status, transitionReason }, overrideAccess: false, user })

const judge = (use: EvidenceUse, data: Partial<EvidenceUse>) =>
  payload.update({ collection: COLLECTIONS.evidenceUses, id: use.id, data, overrideAccess: false, user: lead })

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
  city = await payload.create({ collection: COLLECTIONS.cities, data: cityData() })
  instrument = await payload.create({ collection: COLLECTIONS.instruments, data: surveyInstrument() })
  council = await createUser(payload, ROLES.council, [city.id])
  lead = await createUser(payload, ROLES.assessor)
  councilToken = await tokenOf(payload, council)
})

describe('one file for two questions of a report', () => {
  let report: Report
  let survey: Evidence
  const surveyFile = pdfFile('laporan-survei-kepuasan.pdf', `Laporan survei kepuasan ${Date.now()}`)

  beforeAll(async () => {
    report = await roundFor(lead, '2023-03-01T00:00:00.000Z')
  })

  it('is uploaded once and attached to both questions, and the report can be submitted', async () => {
    const first = await upload(surveyFile, report, 'S1')
    const second = await upload({ ...surveyFile, name: 'survei-lagi.pdf' }, report, 'S2')
    expect([first.status, second.status]).toEqual([201, 200])
    expect(second.body).toMatchObject({ reused: true, linked: true, doc: { id: first.body.doc.id } })
    survey = first.body.doc
    expect((await usesOf(report)).map((use) => [use.question, use.evidence])).toEqual([
      ['S1', survey.id],
      ['S2', survey.id],
    ])

    const submitted = await move(report, council, REPORT_STATUS.submitted)
    expect(submitted.status).toBe(REPORT_STATUS.submitted)
    const [snapshot] = submitted.submissions ?? []
    expect(snapshot.evidence).toEqual([
      { id: survey.id, question: 'S1', filename: survey.filename, sha256: survey.sha256 },
      { id: survey.id, question: 'S2', filename: survey.filename, sha256: survey.sha256 },
    ])
  })

  it('is judged per question: accepting it for one leaves the other pending', async () => {
    const [forS1] = await usesOf(report)
    await judge(forS1, { verdict: EVIDENCE_VERDICT.accepted })
    const response = await callApi('GET', `/reports/${report.id}/workflow`, { token: await tokenOf(payload, lead) })
    const accept = (response.body.moves as { move: string; problems: { code: string; question?: string }[] }[]).find((option) => option.move === 'accept')
    const verdicts = accept?.problems.filter((item) => item.code.startsWith('accept.verdict'))
    expect(verdicts).toEqual([expect.objectContaining({ code: 'accept.verdictPending', question: 'S2', evidence: String(survey.id) })])
  })

  it('stops proving only the question it was rejected for, once sent back', async () => {
    const [, forS2] = await usesOf(report)
    await judge(forS2, { verdict: EVIDENCE_VERDICT.rejected, verdictReason: 'Laporan survei tidak memuat indeks per layanan' })
    await move(report, lead, REPORT_STATUS.revisionRequested, 'Lengkapi bukti indeks kepuasan')
    const problems = await expectProblems(move(report, council, REPORT_STATUS.submitted), ['evidence.missing'])
    expect(problems[0]).toMatchObject({ question: 'S2', params: { refused: true } })

    const index = await upload(pdfFile('indeks-kepuasan.pdf', `Indeks kepuasan ${Date.now()}`), report, 'S2')
    expect(index.status).toBe(201)
    expect((await move(report, council, REPORT_STATUS.submitted)).status).toBe(REPORT_STATUS.submitted)
  })

  it('shows the assessor the new file under S2 only in what changed', async () => {
    const response = await callApi('GET', `/reports/${report.id}/changes`, { token: await tokenOf(payload, lead) })
    expect(response.body.changes).toEqual([
      expect.objectContaining({ question: 'S2', evidence: { added: [expect.objectContaining({ filename: 'indeks-kepuasan.pdf' })], removed: [] } }),
    ])
  })

  describe('in a later period of the same city', () => {
    let later: Report
    let laterAssessor: TestUser

    beforeAll(async () => {
      laterAssessor = await createUser(payload, ROLES.assessor)
      later = await roundFor(laterAssessor, '2024-03-01T00:00:00.000Z')
    })

    it('is chosen from the library and attached without uploading it again', async () => {
      const attached = await callApi('POST', '/evidence-uses?depth=0', {
        token: councilToken,
        json: { report: later.id, evidence: survey.id, question: 'S1' },
      })
      expect(attached.status).toBe(201)
      expect(attached.body.doc).toMatchObject({ report: later.id, evidence: survey.id, question: 'S1', verdict: 'pending' })
      const again = await upload(surveyFile, later, 'S2')
      expect(again.body).toMatchObject({ reused: true, linked: true, doc: { id: survey.id } })
      const { totalDocs } = await payload.count({ collection: COLLECTIONS.evidence, where: { sha256: { equals: survey.sha256 } } })
      expect(totalDocs).toBe(1)
    })

    it('starts pending there, whatever the earlier period decided', async () => {
      expect((await usesOf(later)).map((use) => use.verdict)).toEqual([EVIDENCE_VERDICT.pending, EVIDENCE_VERDICT.pending])
      expect((await usesOf(report))[0].verdict).toBe(EVIDENCE_VERDICT.accepted)
    })

    it("opens the file to the later period's assessor, but not the earlier period's verdicts", async () => {
      const read = (collection: typeof COLLECTIONS.evidence | typeof COLLECTIONS.evidenceUses, where: object) =>
        payload.find({ collection, where: where as never, depth: 0, overrideAccess: false, user: laterAssessor })
      expect((await read(COLLECTIONS.evidence, { id: { equals: survey.id } })).docs).toHaveLength(1)
      expect((await read(COLLECTIONS.evidenceUses, { report: { equals: report.id } })).docs).toHaveLength(0)
      expect((await read(COLLECTIONS.evidenceUses, { report: { equals: later.id } })).docs).toHaveLength(2)
    })

    it('stays as it was submitted: the council may detach it from the draft but not delete or replace it', async () => {
      await expect(payload.delete({ collection: COLLECTIONS.evidence, id: survey.id, ...asCouncil() })).rejects.toThrow()
      const [use] = await usesOf(later)
      expect((await payload.delete({ collection: COLLECTIONS.evidenceUses, id: use.id, ...asCouncil() })).id).toBe(use.id)
      expect((await payload.findByID({ collection: COLLECTIONS.evidence, id: survey.id, depth: 0 })).sha256).toBe(survey.sha256)
    })
  })
})

const asCouncil = () => ({ overrideAccess: false as const, user: council })

describe('the library as the council browses it', () => {
  it("lists the city's own files with their names and dates, and no other city's", async () => {
    const response = await callApi('GET', `/evidence?where[city][equals]=${city.id}&sort=-createdAt&depth=0&limit=100`, { token: councilToken })
    expect(response.status).toBe(200)
    const docs = response.body.docs as Evidence[]
    expect(docs.length).toBeGreaterThan(1)
    expect(docs.every((doc) => doc.city === city.id && doc.filename && doc.createdAt)).toBe(true)
    const other = await callApi('GET', `/evidence?where[city][equals]=${fixture.cityA.id}&depth=0`, { token: councilToken })
    expect(other.body.docs).toEqual([])
  })
})

describe('a replaced file', () => {
  it('starts over as pending for every question it supports', async () => {
    const report = await roundFor(lead, '2025-03-01T00:00:00.000Z')
    const file = await payload.create({ collection: COLLECTIONS.evidence, data: { city: city.id }, file: pdfFile('foto.pdf', `Foto ${Date.now()}`), ...asCouncil() })
    for (const question of ['S1', 'S2']) {
      await payload.create({ collection: COLLECTIONS.evidenceUses, data: { report: report.id, evidence: file.id, question }, ...asCouncil() })
    }
    for (const use of await usesOf(report)) {
      await payload.update({ collection: COLLECTIONS.evidenceUses, id: use.id, data: { verdict: EVIDENCE_VERDICT.rejected, verdictReason: 'Buram' } })
    }
    await payload.update({ collection: COLLECTIONS.evidence, id: file.id, data: {}, file: pdfFile('foto.pdf', `Foto tajam ${Date.now()}`), ...asCouncil() })
    expect((await usesOf(report)).map((use) => [use.verdict, use.verdictReason ?? null])).toEqual([
      [EVIDENCE_VERDICT.pending, null],
      [EVIDENCE_VERDICT.pending, null],
    ])
  })
})

it('keeps the access helpers honest: the fixture council reads its own uses', async () => {
  const { docs } = await payload.find({ collection: COLLECTIONS.evidenceUses, where: { id: { equals: fixture.uses.a.id } }, ...as(fixture, 'councilA') })
  expect(docs).toHaveLength(1)
})
