import type { Payload } from 'payload'
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFPage } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, REPORT_STATUS, REVIEW_STATUS } from '../../../cms/constants.ts'
import { formatScore, radarPoints, renderResultsPdf } from '../../../cms/infra/resultsPdf.ts'
import { paragraphs } from '../../../seed/lib/richText.ts'
import { callApi, tokenOf } from '../../helpers/api.ts'
import { MISSING_ID } from '../../helpers/engine.ts'
import { buildFixture, type Fixture } from '../../helpers/fixture.ts'
import { testPayload } from '../../helpers/payload.ts'
import { createRound, type Round, scoreAll } from '../../helpers/reviewRound.ts'

let payload: Payload
let fixture: Fixture
let round: Round

/** The words pdf-lib draws: every hex string shown with Tj in the pages' content streams. */
function pageText(page: PDFPage): string {
  const contents = page.node.Contents()
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents]
  return streams
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'))
    .join('\n')
    .match(/<([0-9A-Fa-f]*)>\s*Tj/g)!
    .map((shown) => Buffer.from(/<([0-9A-Fa-f]*)>/.exec(shown)![1], 'hex').toString('latin1'))
    .join('\n')
}

async function documentText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await PDFDocument.load(bytes)
  return { pages: doc.getPageCount(), text: doc.getPages().map(pageText).join('\n') }
}

const getPdf = async (user: { email: string }, query = '') =>
  callApi('GET', `/reports/${round.report.id}/results.pdf${query}`, { token: await tokenOf(payload, user) })

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
  round = await createRound(payload, fixture)
})

describe('the results document before acceptance', () => {
  it("answers 409 with a message in the reader's language while the report is not accepted", async () => {
    const response = await getPdf(round.lead)
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toBe('Dokumen hasil tersedia setelah laporan diterima ketua tim asesor')
  })

  it.each([
    ['the public', () => null],
    ["another city's council", () => fixture.users.councilB],
  ])('answers %s with 404: nothing about the report is public yet', async (_name, who) => {
    const user = who()
    const response = user ? await getPdf(user) : await callApi('GET', `/reports/${round.report.id}/results.pdf`)
    expect(response.status).toBe(404)
  })
})

describe('the results document of an accepted report', () => {
  beforeAll(async () => {
    await scoreAll(payload, round, round.member, { Q1: 4, Q2: 3, Q3: 4, Q4: 3, Q5: 4, Q6: 3 }, { status: REVIEW_STATUS.completed })
    await scoreAll(payload, round, round.lead, { Q1: 4, Q2: 4, Q3: 4, Q4: 3, Q5: 4, Q6: 3 }, {
      status: REVIEW_STATUS.completed,
      resolutions: [{ question: 'Q2', explanation: 'Forum warga sudah berjalan rutin; tingkat 4' }],
      recommendations: paragraphs('Perkuat integrasi data antar-OPD.') as never,
      pillarRecommendations: [{ pillar: round.pillars[0].id, text: paragraphs('Jajaki dana CSR untuk perluasan CCTV.') as never }],
    })
    await payload.update({
      collection: COLLECTIONS.reports,
      id: round.report.id,
      data: { status: REPORT_STATUS.accepted },
      overrideAccess: false,
      user: round.lead,
    })
  })

  it("gives the city's council a real PDF holding the index, the pillars and the recommendations", async () => {
    const response = await getPdf(round.council)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="hasil-evaluasi-.*\.pdf"$/)
    const bytes = response.body as Buffer
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')

    const review = (
      await payload.find({ collection: COLLECTIONS.reviews, where: { report: { equals: round.report.id }, published: { equals: true } } })
    ).docs[0]
    expect(review.overall).toBeTypeOf('number')
    const { pages, text } = await documentText(bytes)
    expect(pages).toBeGreaterThanOrEqual(1)
    expect(text).toContain(`Indeks capaian: ${formatScore(review.overall!, 'id')}`)
    expect(text).toContain(round.city.name)
    expect(text).toContain(round.pillars[0].name)
    expect(text).toContain('Jajaki dana CSR untuk perluasan CCTV.')
    expect(text).toContain('Perkuat integrasi data antar-OPD.')
    for (const row of review.dimensionScores ?? []) expect(text).toContain(formatScore(row.score, 'id'))
  })

  it('writes the document in English on ?locale=en, with the score to two decimals', async () => {
    const response = await getPdf(round.lead, '?locale=en')
    expect(response.status).toBe(200)
    const { text } = await documentText(response.body as Buffer)
    expect(text).toMatch(/Achievement index: \d\.\d\d/)
  })

  it.each([
    ['the lead assessor', () => round.lead],
    ['the other assigned assessor', () => round.member],
    ['the secretariat', () => fixture.users.secretariat],
  ])('lets %s download it', async (_name, who) => {
    const response = await getPdf(who())
    expect(response.status).toBe(200)
    expect((response.body as Buffer).subarray(0, 4).toString('latin1')).toBe('%PDF')
  })

  it.each([
    ["another city's council", () => fixture.users.councilB],
    ['an assessor assigned elsewhere', () => fixture.users.assessorA],
    ['an assessor assigned nowhere', () => fixture.users.assessorNone],
  ])('gives %s the published result, as the public gets it', async (_name, who) => {
    const response = await getPdf(who())
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600')
  })

  it('gives the public the published result the site links to, in either language', async () => {
    const response = await callApi('GET', `/reports/${round.report.id}/results.pdf?locale=en`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600')
    const { text } = await documentText(response.body as Buffer)
    expect(text).toMatch(/Achievement index: \d\.\d\d/)
    expect(text).toContain('Perkuat integrasi data antar-OPD.')
  })

  it('answers 404 for a report that does not exist', async () => {
    expect((await callApi('GET', `/reports/${MISSING_ID}/results.pdf`)).status).toBe(404)
  })
})

describe('the radar chart', () => {
  it('puts the lowest score at the centre and the highest on the outer ring, first axis up', () => {
    const [top, right, bottom, left] = radarPoints([5, 3, 1, 5], { x: 100, y: 100 }, 50)
    expect(top.x).toBeCloseTo(100)
    expect(top.y).toBeCloseTo(150)
    expect(right.x).toBeCloseTo(125)
    expect(right.y).toBeCloseTo(100)
    expect(bottom).toEqual({ x: 100, y: 100 })
    expect(left.x).toBeCloseTo(50)
  })

  it('replaces characters the standard font cannot encode instead of failing', async () => {
    const bytes = await renderResultsPdf({
      lang: 'id',
      city: 'Kota Uji ✓ Ümlaut',
      province: null,
      period: 'Periode 2023',
      acceptedAt: null,
      index: 3.456,
      dimensions: [{ name: 'Output', weight: 100, score: 3.456 }],
      pillars: [{ name: 'Governance', colour: '#1F7A5C', score: 3.5, recommendation: '' }],
      recommendations: '',
    })
    const { text } = await documentText(bytes)
    expect(text).toContain('Kota Uji ? Ümlaut')
    expect(text).toContain('Indeks capaian: 3,46')
  })
})
