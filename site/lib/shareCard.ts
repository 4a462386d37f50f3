/**
 * The picture a chat app or social network shows when someone shares a city's or a programme's
 * page (`og:image`): the name, the figure that matters (the latest index, or the latest progress
 * against the target) and the site's name, in the page's language. Drawn as SVG and turned into a
 * JPEG by sharp at build time, a few at a time while the pages render; a card already drawn with the
 * same content is taken from the cache, so a republish redraws only the cards whose figures changed.
 * The build links each card's file from the cache into the site (site/integrations/shareCards.ts);
 * the dev server serves a card when it is asked for (site/routes/og/).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
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

/** The whole card as one SVG: background, footer band with the site's name, and the card's words. */
export function shareCardSvg(card: ShareCard): string {
  const { width, height } = SHARE_CARD_SIZE
  const title = wrapText(card.title, 30, 2)
  const caption = wrapText(card.caption, 52, 2)
  // Baselines from the top: the title's last line, the figure under it, the caption under that,
  // all above the footer band.
  const titleEnd = 190 + (title.length - 1) * 70
  const figureLine = titleEnd + 130
  const captionLine = card.figure ? figureLine + 60 : titleEnd + 70
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="${COLOURS.background}"/>`,
    `<rect x="0" y="${height - FOOTER_HEIGHT}" width="${width}" height="${FOOTER_HEIGHT}" fill="${COLOURS.footer}"/>`,
    svgText(70, height - 32, 32, COLOURS.title, card.footer, 700),
    svgText(70, 110, 34, COLOURS.kicker, card.kicker),
    ...title.map((line, index) => svgText(70, 190 + index * 70, 60, COLOURS.title, line, 700)),
    ...(card.figure ? [svgText(70, figureLine, 120, COLOURS.figure, card.figure, 700)] : []),
    ...caption.map((line, index) => svgText(70, captionLine + index * 42, 34, COLOURS.caption, line)),
    '</svg>',
  ].join('')
}

/**
 * Without optimised Huffman tables (libjpeg's second pass over the picture) a card is drawn in about
 * 15% less time and is about 9% larger (some 68 KB instead of 62 KB), the same picture either way:
 * a card is fetched once by a chat app's preview, a build draws a thousand of them.
 */
const JPEG = { quality: 82, optimiseCoding: false } as const
/**
 * Part of every cache key: what turns the SVG into a JPEG. A change here (another quality, another
 * way of drawing) must not take an old picture from the cache.
 */
const DRAWING = `svg-jpeg-q${JPEG.quality}-plain-huffman-v2`

/** Where drawn cards are kept between builds, beside Astro's own cache. */
const CACHE_DIR = path.resolve(process.env.PANTAU_SHARE_CARD_CACHE || path.join('node_modules', '.astro', 'share-cards'))

/**
 * A card no build has used for `PANTAU_SHARE_CARD_KEEP_DAYS` days (14) is removed from the cache: a
 * card's file is named by its figures, so every change of an index or a progress leaves the old
 * picture behind.
 */
const KEEP_MS = Number(process.env.PANTAU_SHARE_CARD_KEEP_DAYS || 14) * 24 * 60 * 60 * 1000

/** A card found in the cache gets a new time only when its last one is older than this. */
const TOUCH_AFTER_MS = Math.min(24 * 60 * 60 * 1000, KEEP_MS / 2)

/**
 * One card drawn: the whole SVG rendered once by librsvg and encoded as a JPEG. (Drawing only the
 * words and laying them over a background drawn once costs more: libvips blends the two whole
 * pictures in floating point, which takes longer than rendering the two rectangles again.)
 */
async function draw(svg: string): Promise<Uint8Array<ArrayBuffer>> {
  return sharp(Buffer.from(svg)).removeAlpha().jpeg(JPEG).toBuffer()
}

/**
 * The card's file in the cache: there already when the same content was drawn before, else drawn
 * now and kept. Only the name is kept in memory; the route reads the picture when it serves it.
 * `known` is the cache as a build read it once (`openCache`); without it (the dev server) the file
 * itself is looked up.
 */
async function cachedOrDrawn(svg: string, known?: ReadonlyMap<string, number>): Promise<string> {
  const name = `${createHash('sha256').update(DRAWING).update('\n').update(svg).digest('hex')}.jpg`
  const file = path.join(CACHE_DIR, name)
  const lastUse = known
    ? known.get(name)
    : await fs.stat(file).then(
        (stat) => stat.mtimeMs,
        () => undefined,
      )
  if (lastUse !== undefined) {
    // The file's time is its last use, which the cache's pruning goes by (in days): a card used
    // within the last `TOUCH_AFTER_MS` keeps its time, so a republish does not rewrite the times of
    // thousands of files it has just used.
    if (Date.now() - lastUse > TOUCH_AFTER_MS) {
      const now = new Date()
      await fs.utimes(file, now, now).catch(() => {})
    }
  } else {
    const jpeg = await draw(svg)
    await fs.mkdir(CACHE_DIR, { recursive: true })
    // Written aside and renamed, so a build running beside this one never reads half a picture.
    const partial = `${file}.${process.pid}.tmp`
    await fs.writeFile(partial, jpeg)
    await fs.rename(partial, file)
  }
  return file
}

/**
 * At most this many cards are drawn (or read from the cache) at once: one per core, so the cores
 * keep drawing while the pages render, and never all of libuv's four threads, which sharp shares
 * with Astro's writes of the pages (1,000 cards handed to sharp at once would queue every page
 * write behind them).
 */
const AT_ONCE = Math.max(1, Math.min(os.availableParallelism(), 3))
let running = 0
const waiting: (() => void)[] = []

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running < AT_ONCE) running++
  // A finished card hands its place straight to the next one waiting.
  else await new Promise<void>((resolve) => waiting.push(resolve))
  try {
    return await work()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
}

/** Cards asked for in this build, by their SVG: each is drawn once, however often it is asked for. */
const cards = new Map<string, Promise<string>>()

function requested(card: ShareCard): Promise<string> {
  const svg = shareCardSvg(card)
  let file = cards.get(svg)
  if (!file) {
    // In a build, once the cache is read and pruned: an old card this build uses again is kept then.
    file = inTurn(async () => cachedOrDrawn(svg, await cache))
    // A card that fails is reported by whoever waits for it (the build, or the dev server's route),
    // not as an unhandled rejection here.
    file.catch(() => {})
    cards.set(svg, file)
  }
  return file
}

/** A card a build publishes, and the address it is served at (`/og/id/kota/kota-ambon.jpg`). */
export interface PublishedCard {
  path: string
  card: ShareCard
}

const PUBLISHED = Symbol.for('pantau.share-cards.published')

/**
 * The cards a build publishes, by address, each with the promise of its file in the cache; none
 * while no build is collecting them (the dev server, which draws a card when it is asked for). Kept
 * on `globalThis`: the share cards integration, which Astro loaded with the config, opens it when the
 * build starts and takes it once the pages are written, and the pages' bundle, another copy of this
 * module in the same process, adds to it (as Astro's own images are handed from the pages to its build).
 */
type WithCards = { [PUBLISHED]?: Map<string, Promise<string>> }

/** Starts collecting the cards of a build (site/integrations/shareCards.ts, `astro:build:start`). */
export function collectShareCards(): void {
  ;(globalThis as WithCards)[PUBLISHED] = new Map()
}

/**
 * Starts drawing the cards a build publishes, in the order given, a few at a time; nothing when no
 * build is collecting them. The city and programme pages call this from `getStaticPaths`, which
 * Astro runs for every route before it renders any page, so the cards are drawn on the thread pool
 * while the pages render.
 */
export function prepareShareCards(list: readonly PublishedCard[]): void {
  const collected = (globalThis as WithCards)[PUBLISHED]
  if (!collected) return
  cache ??= openCache()
  for (const { path: address, card } of list) collected.set(address, requested(card))
}

/**
 * The cards prepared since `collectShareCards`, by address, each with its file in the cache once
 * drawn; rejects when a card could not be drawn. Collecting stops, so a second build in the same
 * process starts from none.
 */
export async function takePreparedShareCards(): Promise<Map<string, string>> {
  const collected = (globalThis as WithCards)[PUBLISHED] ?? new Map<string, Promise<string>>()
  delete (globalThis as WithCards)[PUBLISHED]
  return new Map(await Promise.all([...collected].map(async ([address, file]) => [address, await file] as const)))
}

/** The cards in the cache by file name, with their last use; read once per build (`openCache`). */
let cache: Promise<Map<string, number>> | undefined

/**
 * Reads the cache once per build, before its own cards are looked up, and removes the cards no
 * build used for `KEEP_MS` (a card a build uses gets a new time as it is found, so a build beside
 * this one keeps its cards too). The build then looks its cards up in the list instead of asking
 * the file system for each (5,000 cards at national size).
 */
async function openCache(): Promise<Map<string, number>> {
  const before = Date.now() - KEEP_MS
  const names = await fs.readdir(CACHE_DIR).catch(() => [] as string[])
  const kept = new Map<string, number>()
  await Promise.all(
    names
      .filter((name) => name.endsWith('.jpg'))
      .map(async (name) => {
        const file = path.join(CACHE_DIR, name)
        const stat = await fs.stat(file).catch(() => undefined)
        if (!stat) return
        if (stat.mtimeMs < before) await fs.rm(file, { force: true })
        else kept.set(name, stat.mtimeMs)
      }),
  )
  return kept
}

/** The card as a JPEG: from the cache when the same content was drawn before, else drawn now and kept. */
export async function renderShareCard(card: ShareCard): Promise<Uint8Array<ArrayBuffer>> {
  return fs.readFile(await requested(card))
}
