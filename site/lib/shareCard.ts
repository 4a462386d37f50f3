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

const FOOTER_HEIGHT = 90
const COLOURS = { background: '#0b3d2e', footer: '#072a20', kicker: '#b8dccb', title: '#ffffff', figure: '#ffd479', caption: '#e6f2ec' } as const

const svgText = (x: number, y: number, size: number, fill: string, content: string, weight = 400) =>
  `<text x="${x}" y="${y}" font-family="DejaVu Sans, Verdana, sans-serif" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(content)}</text>`

const svg = (height: number, parts: string[]) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_CARD_SIZE.width}" height="${height}" viewBox="0 0 ${SHARE_CARD_SIZE.width} ${height}">${parts.join('')}</svg>`

/** What every card of one language shares: the background and the footer band with the site's name. */
export function shareCardBackgroundSvg(footer: string): string {
  const { width, height } = SHARE_CARD_SIZE
  return svg(height, [
    `<rect width="${width}" height="${height}" fill="${COLOURS.background}"/>`,
    `<rect x="0" y="${height - FOOTER_HEIGHT}" width="${width}" height="${FOOTER_HEIGHT}" fill="${COLOURS.footer}"/>`,
    svgText(70, height - 32, 32, COLOURS.title, footer, 700),
  ])
}

/** What one card says, drawn over the background: kicker, title, figure and caption, above the footer band. */
export function shareCardSvg(card: ShareCard): string {
  const title = wrapText(card.title, 30, 2)
  const caption = wrapText(card.caption, 52, 2)
  // Baselines from the top: the title's last line, the figure under it, the caption under that,
  // all above the footer band.
  const titleEnd = 190 + (title.length - 1) * 70
  const figureLine = titleEnd + 130
  const captionLine = card.figure ? figureLine + 60 : titleEnd + 70
  return svg(SHARE_CARD_SIZE.height - FOOTER_HEIGHT, [
    svgText(70, 110, 34, COLOURS.kicker, card.kicker),
    ...title.map((line, index) => svgText(70, 190 + index * 70, 60, COLOURS.title, line, 700)),
    ...(card.figure ? [svgText(70, figureLine, 120, COLOURS.figure, card.figure, 700)] : []),
    ...caption.map((line, index) => svgText(70, captionLine + index * 42, 34, COLOURS.caption, line)),
  ])
}

/** Backgrounds drawn once per build and language: a card then only draws its own words. */
const backgrounds = new Map<string, Promise<{ data: Buffer; info: import('sharp').OutputInfo }>>()
function background(footer: string) {
  let drawn = backgrounds.get(footer)
  if (!drawn) {
    drawn = sharp(Buffer.from(shareCardBackgroundSvg(footer))).raw().toBuffer({ resolveWithObject: true })
    backgrounds.set(footer, drawn)
  }
  return drawn
}

/** Where drawn cards are kept between builds, beside Astro's own cache. */
const CACHE_DIR = path.resolve(process.env.PANTAU_SHARE_CARD_CACHE || path.join('node_modules', '.astro', 'share-cards'))

/** The card as a JPEG: from the cache when the same content was drawn before, else drawn now and kept. */
export async function renderShareCard(card: ShareCard): Promise<Uint8Array> {
  const words = shareCardSvg(card)
  const key = createHash('sha256').update(shareCardBackgroundSvg(card.footer)).update(words).digest('hex')
  const file = path.join(CACHE_DIR, `${key}.jpg`)
  try {
    return await fs.readFile(file)
  } catch {
    const { data, info } = await background(card.footer)
    const jpeg = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
      .composite([{ input: Buffer.from(words), top: 0, left: 0 }])
      .jpeg({ quality: 82 })
      .toBuffer()
    await fs.mkdir(CACHE_DIR, { recursive: true })
    // Written aside and renamed, so a build running beside this one never reads half a picture.
    const partial = `${file}.${process.pid}.tmp`
    await fs.writeFile(partial, jpeg)
    await fs.rename(partial, file)
    return jpeg
  }
}
