import fs from 'node:fs/promises'
import path from 'node:path'

import type { File, Payload } from 'payload'
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
export function htmlDisguisedAsPdf(name = 'laporan.pdf', comment = ''): UploadFile {
  return upload(Buffer.from(`<!doctype html><html><body><script>alert(1)</script></body></html>${comment && `<!-- ${comment} -->`}`), 'application/pdf', name)
}

export function svgFile(name = 'logo.svg'): UploadFile {
  return upload(
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'),
    'image/svg+xml',
    name,
  )
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const pngChunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A tiny PNG whose header declares `width` x `height` pixels (a "decompression bomb"): a few dozen
 * bytes that a viewer would try to decode into gigabytes.
 */
export function pngDeclaring(width: number, height: number, name = 'peta.png'): UploadFile {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const data = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
  return upload(data, 'image/png', name)
}

/**
 * How many files of Payload's temporary upload folder (`useTempFiles`) hold exactly `bytes`: a
 * custom upload endpoint must leave none behind, whatever it answers.
 */
export async function temporaryCopiesOf(payload: Payload, bytes: Buffer): Promise<number> {
  const folder = payload.config.upload.tempFileDir as string
  const names = await fs.readdir(folder).catch(() => [] as string[])
  const held = await Promise.all(names.map((name) => fs.readFile(path.join(folder, name)).catch(() => Buffer.alloc(0))))
  return held.filter((content) => content.equals(bytes)).length
}
