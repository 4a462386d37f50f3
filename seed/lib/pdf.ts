/**
 * Small text-only PDF documents (decrees, minutes, recaps) for the demo evidence. The project has
 * no PDF library, and the demo needs only left-aligned lines in the standard Helvetica fonts, which
 * every PDF reader carries, so nothing is embedded. Output is byte-for-byte the same on every run,
 * so a document's SHA-256 never changes between seeds.
 */

export type PdfBlock = {
  text: string
  bold?: boolean
  /** Font size in points (default 10.5). */
  size?: number
  /** Extra space above the block, in points. */
  gapBefore?: number
}

export type PdfInfo = { title: string; author: string; created: Date }

const PAGE = { width: 595, height: 842, margin: 60 } // A4 in points
const LEADING = 1.35
/** Helvetica's average glyph width in ems, enough to wrap Indonesian prose inside the margins. */
const AVERAGE_WIDTH = { regular: 0.5, bold: 0.55 }

/** The characters outside ASCII that seed texts use, in the WinAnsi encoding of the standard fonts. */
const WIN_ANSI: Record<string, number> = { '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, 'é': 0xe9 }

function encodeText(text: string): string {
  let out = ''
  for (const char of text) {
    const code = char.charCodeAt(0)
    const byte = code < 0x80 ? code : (WIN_ANSI[char] ?? 0x3f)
    const escaped = char === '(' || char === ')' || char === '\\' ? `\\${char}` : String.fromCharCode(byte)
    out += escaped
  }
  return out
}

function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > maxChars) {
        lines.push(line)
        line = word
      } else {
        line = line ? `${line} ${word}` : word
      }
    }
    lines.push(line)
  }
  return lines
}

const pdfDate = (date: Date) => `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`

/** A PDF of one or more A4 pages holding `blocks` in order, wrapped to the page width. */
export function pdfDocument(blocks: PdfBlock[], info: PdfInfo): Buffer {
  const usable = PAGE.width - 2 * PAGE.margin
  const pages: string[][] = [[]]
  let y = PAGE.height - PAGE.margin
  for (const { text, bold = false, size = 10.5, gapBefore = 0 } of blocks) {
    const maxChars = Math.floor(usable / (size * AVERAGE_WIDTH[bold ? 'bold' : 'regular']))
    y -= gapBefore
    for (const line of wrap(text, maxChars)) {
      y -= size * LEADING
      if (y < PAGE.margin) {
        pages.push([])
        y = PAGE.height - PAGE.margin - size * LEADING
      }
      pages.at(-1)!.push(`BT /${bold ? 'F2' : 'F1'} ${size} Tf ${PAGE.margin} ${y.toFixed(1)} Td (${encodeText(line)}) Tj ET`)
    }
  }

  // Objects: 1 catalog, 2 page tree, 3-4 fonts, 5 info, then a page and its content stream per page.
  const pageIds = pages.map((_, index) => 6 + index * 2)
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Title (${encodeText(info.title)}) /Author (${encodeText(info.author)}) /CreationDate (${pdfDate(info.created)}) >>`,
  ]
  pages.forEach((lines, index) => {
    const stream = lines.join('\n')
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] ` +
        `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[index] + 1} 0 R >>`,
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    )
  })

  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xrefAt = Buffer.byteLength(body, 'latin1')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}
