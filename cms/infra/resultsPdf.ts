/**
 * The results document of one accepted evaluation: city, period, the index, the scores per
 * evaluation dimension and per pillar, a radar chart of the pillars and the recommendations, as a
 * PDF drawn with pdf-lib's vector operations (no browser, no fonts to ship: the standard Helvetica).
 */
import { PDFDocument, rgb } from 'pdf-lib'

import { scoreInWords } from '../domain/scoring.ts'

import { encodable, INK, PAGE, RULE, standardFonts, Writer } from './pdfWriter.ts'

export type ResultsLang = 'id' | 'en'

export type ResultsData = {
  lang: ResultsLang
  city: string
  province: string | null
  period: string
  /** When the report was accepted (ISO), if known. */
  acceptedAt: string | null
  index: number | null
  dimensions: { name: string; weight: number | null; score: number | null }[]
  pillars: { name: string; colour: string | null; score: number | null; recommendation: string }[]
  recommendations: string
}

const WORDS = {
  id: {
    title: 'Hasil Evaluasi Smart City',
    province: 'Provinsi',
    period: 'Periode',
    accepted: 'Diterima',
    index: 'Indeks capaian',
    dimensions: 'Skor per dimensi evaluasi',
    weight: 'Bobot',
    pillars: 'Skor per pilar',
    radar: 'Radar pilar (skala 1-5)',
    recommendations: 'Rekomendasi',
    general: 'Rekomendasi umum',
    none: 'Tidak ada rekomendasi.',
    noScore: '-',
    footer: 'Dihitung server Pantau dari bobot instrumen; skala tingkat kematangan 1-5.',
    page: (n: number, of: number) => `Halaman ${n} dari ${of}`,
  },
  en: {
    title: 'Smart City Evaluation Results',
    province: 'Province',
    period: 'Period',
    accepted: 'Accepted',
    index: 'Achievement index',
    dimensions: 'Scores per evaluation dimension',
    weight: 'Weight',
    pillars: 'Scores per pillar',
    radar: 'Pillar radar (scale 1-5)',
    recommendations: 'Recommendations',
    general: 'General recommendations',
    none: 'No recommendations.',
    noScore: '-',
    footer: "Computed by the Pantau server with the instrument's weights; maturity scale 1-5.",
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} as const

/** A score with two decimals in the document's language (3,42 in Indonesian, 3.42 in English). */
export function formatScore(score: number | null, lang: ResultsLang): string {
  if (score === null || !Number.isFinite(score)) return WORDS[lang].noScore
  return scoreInWords(score, lang)
}

/**
 * The corners of a radar polygon: one axis per value, the first pointing up, clockwise; a value of
 * `min` sits at the centre and `max` on the outer ring. Values outside the scale are held to it.
 */
export function radarPoints(
  values: (number | null)[],
  centre: { x: number; y: number },
  radius: number,
  scale: { min: number; max: number } = { min: 1, max: 5 },
): { x: number; y: number }[] {
  const count = values.length
  return values.map((value, index) => {
    const share = value === null ? 0 : (Math.min(Math.max(value, scale.min), scale.max) - scale.min) / (scale.max - scale.min)
    const angle = Math.PI / 2 - (2 * Math.PI * index) / count
    return { x: centre.x + Math.cos(angle) * radius * share, y: centre.y + Math.sin(angle) * radius * share }
  })
}

const MUTED = rgb(0.42, 0.45, 0.5)
const ACCENT = rgb(0.12, 0.48, 0.36)

function colourOf(hex: string | null) {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '')
  return match ? rgb(parseInt(match[1], 16) / 255, parseInt(match[2], 16) / 255, parseInt(match[3], 16) / 255) : ACCENT
}

/** The radar chart of the pillars: rings 1-5, one axis per pillar with its name, the scores as a filled polygon. */
function drawRadar(writer: Writer, data: ResultsData) {
  const size = 250
  writer.room(size + 40)
  const { page, fonts } = writer
  const centre = { x: PAGE.width / 2, y: writer.y - size / 2 - 20 }
  const radius = size / 2 - 20
  const count = data.pillars.length
  const ring = (level: number) => radarPoints(Array(count).fill(level), centre, radius)
  const outline = (points: { x: number; y: number }[], thickness: number, colour: ReturnType<typeof rgb>) =>
    points.forEach((point, index) =>
      page.drawLine({ start: point, end: points[(index + 1) % points.length], thickness, color: colour }),
    )

  for (let level = 2; level <= 5; level += 1) {
    const points = ring(level)
    outline(points, 0.5, RULE)
    page.drawText(String(level), { x: centre.x + 3, y: points[0].y - 8, size: 7, font: fonts.regular, color: MUTED })
  }
  const outer = ring(5)
  for (const [index, corner] of outer.entries()) {
    page.drawLine({ start: centre, end: corner, thickness: 0.5, color: RULE })
    const label = encodable(fonts.regular, data.pillars[index].name)
    const labelWidth = fonts.regular.widthOfTextAtSize(label, 8)
    const dx = corner.x - centre.x
    const x = Math.abs(dx) < 1 ? corner.x - labelWidth / 2 : dx > 0 ? corner.x + 6 : corner.x - labelWidth - 6
    const y = corner.y > centre.y + 1 ? corner.y + 6 : corner.y < centre.y - 1 ? corner.y - 12 : corner.y - 3
    page.drawText(label, { x, y, size: 8, font: fonts.regular, color: INK })
  }

  const scores = radarPoints(
    data.pillars.map((pillar) => pillar.score),
    centre,
    radius,
  )
  if (scores.length >= 3) {
    // SVG paths run downwards from their origin; the page runs upwards from its bottom.
    const path = scores.map((point, index) => `${index === 0 ? 'M' : 'L'} ${point.x} ${PAGE.height - point.y}`).join(' ') + ' Z'
    page.drawSvgPath(path, { x: 0, y: PAGE.height, color: ACCENT, opacity: 0.25, borderColor: ACCENT, borderWidth: 1.5 })
  } else {
    outline(scores, 1.5, ACCENT)
  }
  for (const point of scores) page.drawCircle({ x: point.x, y: point.y, size: 2.5, color: ACCENT })
  writer.y = centre.y - size / 2 - 10
}

/** The results document as PDF bytes. */
export async function renderResultsPdf(data: ResultsData): Promise<Uint8Array> {
  const words = WORDS[data.lang]
  const doc = await PDFDocument.create()
  const fonts = await standardFonts(doc)
  const title = `${words.title}: ${data.city}, ${data.period}`
  doc.setTitle(encodable(fonts.regular, title))
  doc.setSubject(`${words.index} ${formatScore(data.index, data.lang)}`)
  doc.setLanguage(data.lang === 'en' ? 'en' : 'id')
  doc.setProducer('Pantau')
  doc.setCreator('Pantau')

  const writer = new Writer(doc, fonts)
  writer.text(words.title, { size: 18, bold: true, colour: ACCENT, gap: 4 })
  writer.text(data.city, { size: 14, bold: true })
  if (data.province) writer.text(`${words.province}: ${data.province}`, { colour: MUTED })
  writer.text(`${words.period}: ${data.period}`, { colour: MUTED })
  if (data.acceptedAt) {
    const date = new Intl.DateTimeFormat(data.lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeZone: 'Asia/Jakarta' })
    writer.text(`${words.accepted}: ${date.format(new Date(data.acceptedAt))}`, { colour: MUTED })
  }
  writer.y -= 12
  writer.text(`${words.index}: ${formatScore(data.index, data.lang)}`, { size: 16, bold: true, gap: 10 })

  writer.text(words.dimensions, { size: 12, bold: true, gap: 2 })
  for (const dimension of data.dimensions) {
    const label = dimension.weight === null ? dimension.name : `${dimension.name} (${words.weight} ${dimension.weight}%)`
    writer.row(label, formatScore(dimension.score, data.lang))
  }
  writer.y -= 14
  writer.text(words.pillars, { size: 12, bold: true, gap: 2 })
  for (const pillar of data.pillars) writer.row(pillar.name, formatScore(pillar.score, data.lang))
  writer.y -= 14

  if (data.pillars.length > 0) {
    writer.text(words.radar, { size: 12, bold: true })
    drawRadar(writer, data)
  }

  writer.text(words.recommendations, { size: 12, bold: true, gap: 4 })
  const pillarTexts = data.pillars.filter((pillar) => pillar.recommendation.trim() !== '')
  if (!data.recommendations.trim() && pillarTexts.length === 0) writer.text(words.none, { colour: MUTED })
  if (data.recommendations.trim()) {
    writer.text(words.general, { bold: true })
    writer.text(data.recommendations.trim(), { gap: 8 })
  }
  for (const pillar of pillarTexts) {
    writer.text(pillar.name, { bold: true })
    writer.text(pillar.recommendation.trim(), { gap: 8 })
  }

  const pages = doc.getPages()
  for (const [index, page] of pages.entries()) {
    page.drawText(encodable(fonts.regular, `${words.footer}  ${words.page(index + 1, pages.length)}`), {
      x: PAGE.margin,
      y: PAGE.margin / 2,
      size: 7,
      font: fonts.regular,
      color: MUTED,
    })
  }
  return doc.save()
}
