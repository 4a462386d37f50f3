/**
 * The picture a chat app or social network shows when someone shares a city's or a programme's
 * page (`og:image`): the name, the figure that matters (the latest index, or the latest progress
 * against the target) and the site's name, in the page's language. Drawn as SVG and turned into a
 * JPEG by sharp at build time; a card already drawn with the same content is taken from the cache,
 * so a republish redraws only the cards whose figures changed.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

export interface ShareCard {
  /** The city's or programme's name. */
  title: string
  /** A line above the title, e.g. the city of a programme, or the province of a city. */
  kicker: string
  /** The figure in large type ("2,95", "80%"), or null when there is none yet. */
  figure: string | null
  /** What the figure is, in one line ("Indeks capaian 2022, skala 1-5"). */
  caption: string
  footer: string
}

export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char] as string)

/** Words into lines of at most `width` characters, at most `max` lines, the last one shortened with an ellipsis. */
export function wrapText(text: string, width: number, max: number): string[] {
  const lines: string[] = []
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1)
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  if (lines.length <= max) return lines
  const kept = lines.slice(0, max)
  kept[max - 1] = `${kept[max - 1].slice(0, width - 1)}…`
  return kept
}

export function shareCardSvg(card: ShareCard): string {
  const { width, height } = SHARE_CARD_SIZE
  const title = wrapText(card.title, 30, 2)
  const caption = wrapText(card.caption, 52, 2)
  // Baselines from the top: the title's last line, the figure under it, the caption under that,
  // all above the footer band (height - 90).
  const titleEnd = 190 + (title.length - 1) * 70
  const figureLine = titleEnd + 130
  const captionLine = card.figure ? figureLine + 60 : titleEnd + 70
  const text = (x: number, y: number, size: number, fill: string, content: string, weight = 400) =>
    `<text x="${x}" y="${y}" font-family="DejaVu Sans, Verdana, sans-serif" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(content)}</text>`
  const parts = [
    `<rect width="${width}" height="${height}" fill="#0b3d2e"/>`,
    `<rect x="0" y="${height - 90}" width="${width}" height="90" fill="#072a20"/>`,
    text(70, 110, 34, '#b8dccb', card.kicker),
    ...title.map((line, index) => text(70, 190 + index * 70, 60, '#ffffff', line, 700)),
    ...(card.figure ? [text(70, figureLine, 120, '#ffd479', card.figure, 700)] : []),
    ...caption.map((line, index) => text(70, captionLine + index * 42, 34, '#e6f2ec', line)),
    text(70, height - 32, 32, '#ffffff', card.footer, 700),
  ]
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`
}

/** Where drawn cards are kept between builds, beside Astro's own cache. */
const CACHE_DIR = path.resolve(process.env.PANTAU_SHARE_CARD_CACHE || path.join('node_modules', '.astro', 'share-cards'))

/** The card as a JPEG: from the cache when the same content was drawn before, else drawn now and kept. */
export async function renderShareCard(card: ShareCard): Promise<Uint8Array> {
  const svg = shareCardSvg(card)
  const file = path.join(CACHE_DIR, `${createHash('sha256').update(svg).digest('hex')}.jpg`)
  try {
    return await fs.readFile(file)
  } catch {
    const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: false }).toBuffer()
    await fs.mkdir(CACHE_DIR, { recursive: true })
    // Written aside and renamed, so a build running beside this one never reads half a picture.
    const partial = `${file}.${process.pid}.tmp`
    await fs.writeFile(partial, jpeg)
    await fs.rename(partial, file)
    return jpeg
  }
}
