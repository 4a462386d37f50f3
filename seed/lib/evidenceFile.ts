/**
 * Renders the demo's evidence files (decrees and minutes as PDF letters under Ambon's letterhead,
 * photos and screenshots as drawn scenes) the same byte for byte on every run, so a re-seed finds
 * them unchanged and their fingerprints stay put.
 */
import type { File } from 'payload'

import { type PdfBlock, pdfDocument } from './pdf.ts'
import { type Scene, sceneImage } from './photo.ts'

/** What an evidence file shows: a letter with its issuer, title, number and text, or a drawn scene. */
export type EvidenceDocument = {
  filename: string
  /** The date on the document or when the photo was taken (YYYY-MM-DD). */
  documentDate: string
} & (
  | {
      kind: 'pdf'
      /** The agency or office that issued the document, under the city's letterhead. */
      issuer: string
      title: string
      /** The document's number, marked as demo. */
      number: string
      paragraphs: string[]
    }
  | { kind: 'jpeg' | 'png'; scene: Scene }
)

const DEMO_NOTE = 'Dokumen contoh untuk data demo Pantau; nomor, nama dan angka bersifat fiktif.'

/** Ambon keeps Eastern Indonesia Time (WIT), so a document's date is read there. */
const longDate = (isoDate: string) =>
  new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'Asia/Jayapura' }).format(new Date(`${isoDate}T12:00:00+09:00`))

/** A letter under the city's letterhead: issuer, title, number, the text, place and date, and the demo note. */
function letter(seed: Extract<EvidenceDocument, { kind: 'pdf' }>): PdfBlock[] {
  return [
    { text: 'PEMERINTAH KOTA AMBON', bold: true, size: 13 },
    { text: seed.issuer, size: 11 },
    { text: seed.title.toUpperCase(), bold: true, size: 12, gapBefore: 22 },
    { text: `Nomor: ${seed.number}`, gapBefore: 2 },
    ...seed.paragraphs.map((text) => ({ text, gapBefore: 9 })),
    { text: `Ambon, ${longDate(seed.documentDate)}`, gapBefore: 24 },
    { text: seed.issuer, bold: true, gapBefore: 2 },
    { text: DEMO_NOTE, size: 8, gapBefore: 40 },
  ]
}

/** The evidence file as the Local API uploads it: a PDF letter, a JPEG photo or a PNG screenshot. */
export async function evidenceFile(seed: EvidenceDocument): Promise<File> {
  const [data, mimetype] =
    seed.kind === 'pdf'
      ? [
          await pdfDocument(letter(seed), {
            title: seed.title,
            author: `${seed.issuer}, Pemerintah Kota Ambon`,
            created: new Date(`${seed.documentDate}T09:00:00+09:00`),
          }),
          'application/pdf',
        ]
      : [await sceneImage(seed.scene, seed.kind), `image/${seed.kind}`]
  return { data, mimetype, name: seed.filename, size: data.length }
}
