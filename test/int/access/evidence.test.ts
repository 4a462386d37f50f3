import { Forbidden, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, EVIDENCE_VERDICT, REPORT_STATUS } from '../../../cms/constants.ts'
import type { Evidence, EvidenceUse } from '../../../cms/payload-types.ts'
import { type Actor, as, attempt, everyRole, isDenial, reading, type Verdict } from '../../helpers/access.ts'
import { expectFieldError } from '../../helpers/errors.ts'
import { attachEvidence, buildFixture, createEvidence, createReport, type Fixture, periodData } from '../../helpers/fixture.ts'
import { pdfFile } from '../../helpers/files.ts'
import { testPayload } from '../../helpers/payload.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

const stored = (id: number) => payload.findByID({ collection: COLLECTIONS.evidence, id, depth: 0 })
const storedUse = (id: number) => payload.findByID({ collection: COLLECTIONS.evidenceUses, id, depth: 0 })

const onlyTheCouncil: Record<Actor, Verdict> = {
  secretariat: 'denied',
  councilA: 'allowed',
  councilB: 'denied',
  assessorA: 'denied',
  assessorNone: 'denied',
  public: 'denied',
}

const readersOfCityA: Record<Actor, Verdict> = {
  secretariat: 'allowed',
  councilA: 'allowed',
  councilB: 'denied',
  assessorA: 'allowed',
  assessorNone: 'denied',
  public: 'denied',
}

/** Field rules drop what a role may not write, so "may set" is judged by what was stored. */
async function sets<T extends Evidence | EvidenceUse>(
  actor: Actor,
  collection: typeof COLLECTIONS.evidence | typeof COLLECTIONS.evidenceUses,
  doc: T,
  data: Record<string, unknown>,
): Promise<Verdict> {
  try {
    await payload.update({ collection, id: doc.id, data, ...as(fixture, actor) })
  } catch (error) {
    if (!isDenial(error)) throw error
  }
  const after = (await payload.findByID({ collection, id: doc.id, depth: 0 })) as unknown as Record<string, unknown>
  return Object.entries(data).every(([key, value]) => after[key] === value) ? 'allowed' : 'denied'
}

describe("the files of a city's evidence library", () => {
  it.each(everyRole("put a file into city A's evidence library", onlyTheCouncil))('$name', async ({ actor, expected }) => {
    const verdict = await attempt(() =>
      payload.create({
        collection: COLLECTIONS.evidence,
        data: { city: fixture.cityA.id },
        // Content of its own: the library keeps one copy of each content per city.
        file: pdfFile('bukti.pdf', `Bukti unggahan ${actor}`),
        ...as(fixture, actor),
      }),
    )
    expect(verdict).toBe(expected)
  })

  it.each(everyRole("read a private file city A's report uses", readersOfCityA))('$name', async ({ actor, expected }) => {
    expect(await reading(payload, fixture, actor, COLLECTIONS.evidence, fixture.evidence.a.id)).toBe(expected)
  })

  it('lets the anonymous public read files marked public', async () => {
    expect(await reading(payload, fixture, 'public', COLLECTIONS.evidence, fixture.evidence.publicA.id)).toBe('allowed')
  })

  it("rejects an assessor reading a file of its city's library that no report of its rounds uses", async () => {
    const loose = await createEvidence(payload, fixture.cityA)
    expect(await reading(payload, fixture, 'assessorA', COLLECTIONS.evidence, loose.id)).toBe('denied')
    expect(await reading(payload, fixture, 'councilA', COLLECTIONS.evidence, loose.id)).toBe('allowed')
  })

  it('rejects an assessor reading a file used only in a period it is not assigned to', async () => {
    const unassigned = await payload.create({ collection: COLLECTIONS.periods, data: { ...periodData(fixture), assignments: [] } })
    const elsewhere = await payload.create({
      collection: COLLECTIONS.reports,
      data: { title: `Laporan A ${unassigned.title}`, city: fixture.cityA.id, period: unassigned.id, status: REPORT_STATUS.draft },
    })
    const file = await createEvidence(payload, fixture.cityA, elsewhere)
    expect(await reading(payload, fixture, 'assessorA', COLLECTIONS.evidence, file.id)).toBe('denied')
    await attachEvidence(payload, fixture.reports.a, file, 'G1')
    expect(await reading(payload, fixture, 'assessorA', COLLECTIONS.evidence, file.id)).toBe('allowed')
  })

  it.each(everyRole("describe city A's file while only draft reports use it", onlyTheCouncil))('$name', async ({ actor, expected }) => {
    expect(await sets(actor, COLLECTIONS.evidence, fixture.evidence.a, { description: `Keterangan ${actor}` })).toBe(expected)
  })

  it.each(everyRole("delete city A's file while only draft reports use it", onlyTheCouncil))('$name', async ({ actor, expected }) => {
    const evidence = await createEvidence(payload, fixture.cityA, fixture.reports.a)
    expect(await attempt(() => payload.delete({ collection: COLLECTIONS.evidence, id: evidence.id, ...as(fixture, actor) }))).toBe(expected)
  })

  it('removes the uses of a deleted file with it', async () => {
    const evidence = await createEvidence(payload, fixture.cityA, fixture.reports.a)
    await payload.delete({ collection: COLLECTIONS.evidence, id: evidence.id, ...as(fixture, 'councilA') })
    const { totalDocs } = await payload.count({ collection: COLLECTIONS.evidenceUses, where: { evidence: { equals: evidence.id } } })
    expect(totalDocs).toBe(0)
  })

  it("rejects a council member reading another city's files", async () => {
    const { docs } = await payload.find({
      collection: COLLECTIONS.evidence,
      where: { city: { equals: fixture.cityB.id } },
      ...as(fixture, 'councilA'),
    })
    expect(docs).toHaveLength(0)
  })

  it("rejects a council member editing another city's file", async () => {
    await expect(
      payload.update({
        collection: COLLECTIONS.evidence,
        id: fixture.evidence.b.id,
        data: { description: 'Bukan kota saya' },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
  })

  it('rejects a council member moving its file to another city', async () => {
    const evidence = await createEvidence(payload, fixture.cityA, fixture.reports.a)
    await expect(
      payload.update({ collection: COLLECTIONS.evidence, id: evidence.id, data: { city: fixture.cityB.id }, ...as(fixture, 'councilA') }),
    ).rejects.toThrow(Forbidden)
    expect((await stored(evidence.id)).city).toBe(fixture.cityA.id)
  })

  it('rejects an assessor replacing a file it judges', async () => {
    const evidence = await createEvidence(payload, fixture.cityA, fixture.reports.a)
    const other = pdfFile('pengganti.pdf', 'Berkas pengganti dari asesor')
    await expect(
      payload.update({ collection: COLLECTIONS.evidence, id: evidence.id, data: {}, file: other, ...as(fixture, 'assessorA') }),
    ).rejects.toThrow(Forbidden)
    expect((await stored(evidence.id)).sha256).toBe(evidence.sha256)
  })

  describe('once a report using it is submitted', () => {
    it('rejects a council member deleting the file', async () => {
      const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)
      const evidence = await createEvidence(payload, fixture.cityA, report)
      await expect(payload.delete({ collection: COLLECTIONS.evidence, id: evidence.id, ...as(fixture, 'councilA') })).rejects.toThrow(Forbidden)
      expect((await stored(evidence.id)).id).toBe(evidence.id)
    })

    it('rejects a council member editing or replacing the file, also from a draft report that reuses it', async () => {
      const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)
      const evidence = await createEvidence(payload, fixture.cityA, report)
      await attachEvidence(payload, fixture.reports.a, evidence, 'G1')
      await expect(
        payload.update({ collection: COLLECTIONS.evidence, id: evidence.id, data: { description: 'Diubah setelah diajukan' }, ...as(fixture, 'councilA') }),
      ).rejects.toThrow(Forbidden)
      await expect(
        payload.update({ collection: COLLECTIONS.evidence, id: evidence.id, data: {}, file: pdfFile('baru.pdf', 'Isi baru'), ...as(fixture, 'councilA') }),
      ).rejects.toThrow(Forbidden)
      expect((await stored(evidence.id)).sha256).toBe(evidence.sha256)
    })

    it('lets a council member change the file again once revision is requested', async () => {
      const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.revisionRequested)
      const evidence = await createEvidence(payload, fixture.cityA, report)
      const deleted = await payload.delete({ collection: COLLECTIONS.evidence, id: evidence.id, ...as(fixture, 'councilA') })
      expect(deleted.id).toBe(evidence.id)
    })
  })
})

describe('the uses of evidence files (one file for one question of a report)', () => {
  it.each(everyRole("attach a file of city A's library to a question of city A's draft report", onlyTheCouncil))(
    '$name',
    async ({ actor, expected }) => {
      const file = await createEvidence(payload, fixture.cityA)
      const verdict = await attempt(() =>
        payload.create({
          collection: COLLECTIONS.evidenceUses,
          data: { report: fixture.reports.a.id, evidence: file.id, question: 'G1' },
          ...as(fixture, actor),
        }),
      )
      expect(verdict).toBe(expected)
    },
  )

  it.each(everyRole("read the files attached to city A's report, with their verdicts", readersOfCityA))('$name', async ({ actor, expected }) => {
    expect(await reading(payload, fixture, actor, COLLECTIONS.evidenceUses, fixture.uses.a.id)).toBe(expected)
  })

  it.each(
    everyRole("set the verdict on a file for a question of city A's report", {
      secretariat: 'denied',
      councilA: 'denied',
      councilB: 'denied',
      assessorA: 'allowed',
      assessorNone: 'denied',
      public: 'denied',
    }),
  )('$name', async ({ actor, expected }) => {
    const file = await createEvidence(payload, fixture.cityA)
    const use = await attachEvidence(payload, fixture.reports.a, file)
    expect(await sets(actor, COLLECTIONS.evidenceUses, use, { verdict: EVIDENCE_VERDICT.rejected, verdictReason: 'Tidak terbaca' })).toBe(expected)
  })

  it.each(everyRole("detach a file from city A's draft report", onlyTheCouncil))('$name', async ({ actor, expected }) => {
    const file = await createEvidence(payload, fixture.cityA)
    const use = await attachEvidence(payload, fixture.reports.a, file)
    expect(await attempt(() => payload.delete({ collection: COLLECTIONS.evidenceUses, id: use.id, ...as(fixture, actor) }))).toBe(expected)
  })

  it('keeps the file in the library when it is detached', async () => {
    const file = await createEvidence(payload, fixture.cityA)
    const use = await attachEvidence(payload, fixture.reports.a, file)
    await payload.delete({ collection: COLLECTIONS.evidenceUses, id: use.id, ...as(fixture, 'councilA') })
    expect((await stored(file.id)).id).toBe(file.id)
  })

  it('starts as pending whatever verdict the council sends, filed under the report’s city and period', async () => {
    const file = await createEvidence(payload, fixture.cityA)
    const use = await payload.create({
      collection: COLLECTIONS.evidenceUses,
      data: { report: fixture.reports.a.id, evidence: file.id, question: 'G1', verdict: EVIDENCE_VERDICT.accepted, city: fixture.cityB.id },
      depth: 0,
      ...as(fixture, 'councilA'),
    })
    expect(use).toMatchObject({ verdict: EVIDENCE_VERDICT.pending, city: fixture.cityA.id, period: fixture.period.id })
  })

  it("rejects a council member attaching a file to another city's report", async () => {
    const file = await createEvidence(payload, fixture.cityA)
    await expect(
      payload.create({
        collection: COLLECTIONS.evidenceUses,
        data: { report: fixture.reports.b.id, evidence: file.id, question: 'G1' },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
  })

  it("refuses another city's file for a report, in the person's language", async () => {
    await expectFieldError(
      payload.create({
        collection: COLLECTIONS.evidenceUses,
        data: { report: fixture.reports.a.id, evidence: fixture.evidence.b.id, question: 'G1' },
        ...as(fixture, 'councilA'),
      }),
      'evidence',
      /^Berkas "bukti(-\d+)?\.pdf" milik pustaka bukti kota lain/,
    )
  })

  it('refuses the same file twice for the same question', async () => {
    const file = await createEvidence(payload, fixture.cityA, fixture.reports.a, { question: 'G1' })
    await expectFieldError(
      attachEvidence(payload, fixture.reports.a, file, 'G1'),
      'evidence',
      /sudah menjadi bukti pertanyaan G1$/,
    )
  })

  describe('once the report is submitted', () => {
    it('rejects a council member attaching a file to it', async () => {
      const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)
      const file = await createEvidence(payload, fixture.cityA)
      await expect(
        payload.create({ collection: COLLECTIONS.evidenceUses, data: { report: report.id, evidence: file.id, question: 'G1' }, ...as(fixture, 'councilA') }),
      ).rejects.toThrow(Forbidden)
    })

    it('rejects a council member detaching a file from it', async () => {
      const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)
      const file = await createEvidence(payload, fixture.cityA)
      const use = await attachEvidence(payload, report, file)
      await expect(payload.delete({ collection: COLLECTIONS.evidenceUses, id: use.id, ...as(fixture, 'councilA') })).rejects.toThrow(Forbidden)
      expect((await storedUse(use.id)).id).toBe(use.id)
    })

    it('rejects a council member moving a use to another question or report', async () => {
      const file = await createEvidence(payload, fixture.cityA)
      const use = await attachEvidence(payload, fixture.reports.a, file)
      await expect(
        payload.update({ collection: COLLECTIONS.evidenceUses, id: use.id, data: { question: 'G2' }, ...as(fixture, 'councilA') }),
      ).rejects.toThrow(Forbidden)
      expect((await storedUse(use.id)).question).toBe('G1')
    })
  })
})
