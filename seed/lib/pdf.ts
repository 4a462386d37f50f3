/**
 * Small text-only PDF documents (decrees, minutes, recaps) for the demo evidence, written with the
 * same pdf-lib page writer as the results document (cms/infra/pdfWriter.ts). The document's dates are
 * the given ones, not the time of the seed, so output is byte-for-byte the same on every run and a
 * document's SHA-256 never changes between seeds.
 */
import { PDFDocument } from 'pdf-lib'

import { encodable, standardFonts, Writer } from '../../cms/infra/pdfWriter.ts'

export type PdfBlock = {
  text: string
  bold?: boolean
  /** Font size in points (default 10.5). */
  size?: number
  /** Extra space above the block, in points. */
  gapBefore?: number
}

export type PdfInfo = { title: string; author: string; created: Date }

/** A PDF of one or more A4 pages holding `blocks` in order, wrapped to the page width. */
export async function pdfDocument(blocks: PdfBlock[], info: PdfInfo): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const fonts = await standardFonts(doc)
  doc.setTitle(encodable(fonts.regular, info.title))
  doc.setAuthor(encodable(fonts.regular, info.author))
  doc.setProducer('Pantau')
  doc.setCreator('Pantau')
  doc.setCreationDate(info.created)
  doc.setModificationDate(info.created)
  const writer = new Writer(doc, fonts)
  for (const { text, bold = false, size = 10.5, gapBefore = 0 } of blocks) {
    writer.y -= gapBefore
    writer.text(text, { bold, size })
  }
  return Buffer.from(await doc.save())
}
