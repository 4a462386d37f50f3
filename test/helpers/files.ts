import type { File } from 'payload'
import sharp from 'sharp'

/** An upload as Payload's Local API takes it (`file:` of create/update). */
export type UploadFile = File

const upload = (data: Buffer, mimetype: string, name: string): UploadFile => ({ data, mimetype, name, size: data.length })

/** A small but structurally valid one-page PDF (header, objects, xref table, trailer, %%EOF). */
export function pdfFile(name = 'bukti.pdf', text = 'Bukti dukung'): UploadFile {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>',
  ]
  const stream = `BT /F1 12 Tf 10 50 Td (${text}) Tj ET`
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`)
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xrefAt = Buffer.byteLength(body, 'latin1')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return upload(Buffer.from(body, 'latin1'), 'application/pdf', name)
}

/** A real PNG image of the given size. */
export async function pngFile(name = 'foto.png', width = 64, height = 48): Promise<UploadFile> {
  const data = await sharp({
    create: { width, height, channels: 3, background: { r: 30, g: 110, b: 160 } },
  })
    .png()
    .toBuffer()
  return upload(data, 'image/png', name)
}

/** An HTML page with a script, named and announced as a PDF: what an attacker would try. */
export function htmlDisguisedAsPdf(name = 'laporan.pdf'): UploadFile {
  return upload(Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'), 'application/pdf', name)
}

export function svgFile(name = 'logo.svg'): UploadFile {
  return upload(
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'),
    'image/svg+xml',
    name,
  )
}
