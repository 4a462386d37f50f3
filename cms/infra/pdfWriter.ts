/**
 * Text on A4 pages with pdf-lib and the standard Helvetica fonts, which every PDF reader carries, so
 * nothing is embedded: lines wrapped to the page width, a new page when one is full. Used by the
 * results document and by the demo's evidence letters.
 */
import { type PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib'

export const PAGE = { width: 595.28, height: 841.89, margin: 50 }
export const INK = rgb(0.12, 0.14, 0.16)
export const RULE = rgb(0.8, 0.82, 0.85)

export type Fonts = { regular: PDFFont; bold: PDFFont }

export async function standardFonts(doc: PDFDocument): Promise<Fonts> {
  return { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) }
}

/** The standard fonts encode WinAnsi only: other characters become their closest plain form or "?". */
export function encodable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet())
  return Array.from(text.normalize('NFC'))
    .map((char) => {
      if (char === '\n' || known.has(char.codePointAt(0) as number)) return char
      const plain = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      return plain && Array.from(plain).every((part) => known.has(part.codePointAt(0) as number)) ? plain : '?'
    })
    .join('')
}

/** Lines of at most `width` points; words longer than a line are cut. Blank lines are kept. */
function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      let rest = word
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1
        lines.push(rest.slice(0, cut))
        rest = rest.slice(cut)
      }
      line = rest
    }
    lines.push(line)
  }
  return lines
}

/** Writes top to bottom, starting a new page when the current one is full. */
export class Writer {
  readonly doc: PDFDocument
  readonly fonts: Fonts
  page: PDFPage
  y: number
  constructor(doc: PDFDocument, fonts: Fonts) {
    this.doc = doc
    this.fonts = fonts
    this.page = doc.addPage([PAGE.width, PAGE.height])
    this.y = PAGE.height - PAGE.margin
  }

  get width() {
    return PAGE.width - 2 * PAGE.margin
  }

  room(height: number) {
    if (this.y - height >= PAGE.margin + 20) return
    this.page = this.doc.addPage([PAGE.width, PAGE.height])
    this.y = PAGE.height - PAGE.margin
  }

  text(text: string, options: { size?: number; bold?: boolean; colour?: ReturnType<typeof rgb>; indent?: number; gap?: number } = {}) {
    const size = options.size ?? 10
    const font = options.bold ? this.fonts.bold : this.fonts.regular
    const indent = options.indent ?? 0
    for (const line of wrap(font, size, encodable(font, text), this.width - indent)) {
      this.room(size * 1.4)
      this.y -= size * 1.4
      if (line) this.page.drawText(line, { x: PAGE.margin + indent, y: this.y, size, font, color: options.colour ?? INK })
    }
    this.y -= options.gap ?? 0
  }

  /** A two-column row: a label on the left, a score right-aligned. */
  row(label: string, value: string, options: { bold?: boolean } = {}) {
    const size = 10
    const font = options.bold ? this.fonts.bold : this.fonts.regular
    const valueWidth = font.widthOfTextAtSize(value, size)
    const lines = wrap(font, size, encodable(font, label), this.width - 80)
    this.room(lines.length * size * 1.5 + 4)
    for (const [index, line] of lines.entries()) {
      this.y -= size * 1.5
      this.page.drawText(line, { x: PAGE.margin, y: this.y, size, font, color: INK })
      if (index === 0) this.page.drawText(value, { x: PAGE.margin + this.width - valueWidth, y: this.y, size, font, color: INK })
    }
    this.y -= 4
    this.page.drawLine({
      start: { x: PAGE.margin, y: this.y },
      end: { x: PAGE.margin + this.width, y: this.y },
      thickness: 0.5,
      color: RULE,
    })
  }
}

