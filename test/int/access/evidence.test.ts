import { Forbidden, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, EVIDENCE_VERDICT, REPORT_STATUS } from '../../../cms/constants.ts'
import type { Evidence } from '../../../cms/payload-types.ts'
import { type Actor, as, attempt, everyRole, isDenial, reading, type Verdict } from '../../helpers/access.ts'
import { buildFixture, createEvidence, createReport, type Fixture } from '../../helpers/fixture.ts'
import { pdfFile } from '../../helpers/files.ts'
import { testPayload } from '../../helpers/payload.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

const stored = (id: number) => payload.findByID({ collection: COLLECTIONS.evidence, id, depth: 0 })

const onlyTheCouncil: Record<Actor, Verdict> = {
  secretariat: 'denied',
  councilA: 'allowed',
  councilB: 'denied',
  assessorA: 'denied',
  assessorNone: 'denied',
  public: 'denied',
}

/** Field rules drop what a role may not write, so "may set" is judged by what was stored. */
async function sets(actor: Actor, evidence: Evidence, data: Partial<Evidence>): Promise<Verdict> {
  try {
    await payload.update({ collection: COLLECTIONS.evidence, id: evidence.id, data, ...as(fixture, actor) })
  } catch (error) {
    if (!isDenial(error)) throw error
  }
  const after = (await stored(evidence.id)) as unknown as Record<string, unknown>
  return Object.entries(data).every(([key, value]) => after[key] === value) ? 'allowed' : 'denied'
}

describe('evidence', () => {
  it.each(everyRole("upload evidence to city A's draft report", onlyTheCouncil))('$name', async ({ actor, expected }) => {
    const verdict = await attempt(() =>
      payload.create({
        collection: COLLECTIONS.evidence,
        data: { city: fixture.cityA.id, report: fixture.reports.a.id },
        // Content of its own: the fixture already holds the default PDF, and a copy would be refused.
        file: pdfFile('bukti.pdf', `Bukti unggahan ${actor}`),
        ...as(fixture, actor),
      }),
    )
    expect(verdict).toBe(expected)
  })

  it.each(
    everyRole("read city A's private evidence", {
      secretariat: 'allowed',
      councilA: 'allowed',
      councilB: 'denied',
      assessorA: 'allowed',
      assessorNone: 'denied',
      public: 'denied',
    }),
  )('$name', async ({ actor, expected }) => {
    expect(await reading(payload, fixture, actor, COLLECTIONS.evidence, fixture.evidence.a.id)).toBe(expected)
  })

  it('lets the anonymous public read evidence marked public', async () => {
    expect(await reading(payload, fixture, 'public', COLLECTIONS.evidence, fixture.evidence.publicA.id)).toBe('allowed')
  })

  it.each(everyRole("describe city A's evidence while its report is a draft", onlyTheCouncil))(
    '$name',
    async ({ actor, expected }) => {
      expect(await sets(actor, fixture.evidence.a, { description: `Keterangan ${actor}` })).toBe(expected)
    },
  )

  it.each(
    everyRole("set the verdict on city A's evidence", {
      secretariat: 'denied',
      councilA: 'denied',
      councilB: 'denied',
      assessorA: 'allowed',
      assessorNone: 'denied',
      public: 'denied',
    }),
  )('$name', async ({ actor, expected }) => {
    const evidence = await createEvidence(payload, fixture.cityA, fixture.reports.a)
    expect(await sets(actor, evidence, { verdict: EVIDENCE_VERDICT.rejected, verdictReason: 'Tidak terbaca' })).toBe(
      expected,
    )
  })

  it.each(everyRole("delete city A's evidence while its report is a draft", onlyTheCouncil))(
    '$name',
    async ({ actor, expected }) => {
      const evidence = await createEvidence(payload, fixture.cityA, fixture.reports.a)
      expect(
        await attempt(() => payload.delete({ collection: COLLECTIONS.evidence, id: evidence.id, ...as(fixture, actor) })),
      ).toBe(expected)
    },
  )

  it('starts a council upload as pending whatever verdict the council sends', async () => {
    const evidence = await payload.create({
      collection: COLLECTIONS.evidence,
      data: { city: fixture.cityA.id, report: fixture.reports.a.id, verdict: EVIDENCE_VERDICT.accepted },
      file: pdfFile('bukti.pdf', 'Bukti berstatus menunggu'),
      ...as(fixture, 'councilA'),
    })
    expect(evidence.verdict).toBe(EVIDENCE_VERDICT.pending)
    expect(evidence.uploadedBy).toMatchObject({ id: fixture.users.councilA.id })
    expect(evidence.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it("rejects a council member reading another city's evidence", async () => {
    const { docs } = await payload.find({
      collection: COLLECTIONS.evidence,
      where: { city: { equals: fixture.cityB.id } },
      ...as(fixture, 'councilA'),
    })
    expect(docs).toHaveLength(0)
  })

  it("rejects a council member editing another city's evidence", async () => {
    await expect(
      payload.update({
        collection: COLLECTIONS.evidence,
        id: fixture.evidence.b.id,
        data: { description: 'Bukan kota saya' },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
  })

  it("rejects a council member uploading evidence to another city's report", async () => {
    await expect(
      payload.create({
        collection: COLLECTIONS.evidence,
        data: { city: fixture.cityA.id, report: fixture.reports.b.id },
        file: pdfFile(),
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
  })

  describe('once its report is submitted', () => {
    it('rejects a council member uploading evidence to it', async () => {
      const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)
      await expect(
        payload.create({
          collection: COLLECTIONS.evidence,
          data: { city: fixture.cityA.id, report: report.id },
          file: pdfFile(),
          ...as(fixture, 'councilA'),
        }),
      ).rejects.toThrow(Forbidden)
    })

    it('rejects a council member deleting its evidence', async () => {
      const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)
      const evidence = await createEvidence(payload, fixture.cityA, report)
      await expect(
        payload.delete({ collection: COLLECTIONS.evidence, id: evidence.id, ...as(fixture, 'councilA') }),
      ).rejects.toThrow(Forbidden)
      expect((await stored(evidence.id)).id).toBe(evidence.id)
    })

    it('rejects a council member editing its evidence', async () => {
      const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)
      const evidence = await createEvidence(payload, fixture.cityA, report)
      await expect(
        payload.update({
          collection: COLLECTIONS.evidence,
          id: evidence.id,
          data: { description: 'Diubah setelah diajukan' },
          ...as(fixture, 'councilA'),
        }),
      ).rejects.toThrow(Forbidden)
    })

    it('lets a council member delete its evidence again when revision is requested', async () => {
      const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.revisionRequested)
      const evidence = await createEvidence(payload, fixture.cityA, report)
      const deleted = await payload.delete({ collection: COLLECTIONS.evidence, id: evidence.id, ...as(fixture, 'councilA') })
      expect(deleted.id).toBe(evidence.id)
    })

    it('rejects a council member attaching loose evidence to it', async () => {
      const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)
      const loose = await createEvidence(payload, fixture.cityA)
      await expect(
        payload.update({
          collection: COLLECTIONS.evidence,
          id: loose.id,
          data: { report: report.id },
          ...as(fixture, 'councilA'),
        }),
      ).rejects.toThrow(Forbidden)
      expect((await stored(loose.id)).report ?? null).toBeNull()
    })
  })

  it('rejects a council member moving its evidence to another city', async () => {
    const evidence = await createEvidence(payload, fixture.cityA, fixture.reports.a)
    await expect(
      payload.update({
        collection: COLLECTIONS.evidence,
        id: evidence.id,
        data: { city: fixture.cityB.id },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
    expect((await stored(evidence.id)).city).toBe(fixture.cityA.id)
  })

  it("rejects a council member attaching its evidence to another city's report", async () => {
    const evidence = await createEvidence(payload, fixture.cityA, fixture.reports.a)
    await expect(
      payload.update({
        collection: COLLECTIONS.evidence,
        id: evidence.id,
        data: { report: fixture.reports.b.id },
        ...as(fixture, 'councilA'),
      }),
    ).rejects.toThrow(Forbidden)
    expect((await stored(evidence.id)).report).toBe(fixture.reports.a.id)
  })

  it('rejects an assessor replacing the file of evidence it verifies', async () => {
    const evidence = await createEvidence(payload, fixture.cityA, fixture.reports.a)
    const other = pdfFile('pengganti.pdf')
    other.data = Buffer.concat([other.data, Buffer.from('% lain\n')])
    other.size = other.data.length
    await expect(
      payload.update({
        collection: COLLECTIONS.evidence,
        id: evidence.id,
        data: {},
        file: other,
        ...as(fixture, 'assessorA'),
      }),
    ).rejects.toThrow(Forbidden)
    expect((await stored(evidence.id)).sha256).toBe(evidence.sha256)
  })
})
