/**
 * The share cards as a build draws them: a 1200 x 630 JPEG with the background, the footer band and
 * the words, kept in the cache by content (a later build takes the same card from there), each
 * card drawn once however often a build asks for it.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { ShareCard } from '../../site/lib/shareCard.ts'

const cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pantau-share-cards-'))

/** A fresh copy of the module, as a new build loads it: nothing in memory, the cache on disk. */
async function newBuild() {
  vi.resetModules()
  vi.stubEnv('PANTAU_SHARE_CARD_CACHE', cacheDir)
  return import('../../site/lib/shareCard.ts')
}

const card = (title: string): ShareCard => ({
  kicker: 'Kota · Maluku',
  title,
  figure: '2,95',
  caption: 'Indeks capaian 2022, skala 1-5',
  footer: 'Pantau · Gerakan Menuju 100 Smart City',
})

const cachedFiles = async () => (await fs.readdir(cacheDir)).filter((file) => file.endsWith('.jpg'))

/** The colour at (x, y), as red, green and blue. */
async function pixel(jpeg: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true })
  const at = (y * info.width + x) * info.channels
  return [data[at], data[at + 1], data[at + 2]]
}

const near = (actual: number[], hex: string) => {
  const expected = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16))
  actual.forEach((value, index) => expect(Math.abs(value - expected[index]), `${actual} vs ${hex}`).toBeLessThanOrEqual(4))
}

beforeEach(async () => {
  await fs.rm(cacheDir, { recursive: true, force: true })
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await fs.rm(cacheDir, { recursive: true, force: true })
})

describe('a share card', () => {
  it('is a 1200 x 630 JPEG with the background, the footer band and the words drawn', async () => {
    const { renderShareCard, SHARE_CARD_SIZE } = await newBuild()
    const jpeg = await renderShareCard(card('Kota Ambon'))
    const meta = await sharp(jpeg).metadata()
    expect(meta).toMatchObject({ format: 'jpeg', width: SHARE_CARD_SIZE.width, height: SHARE_CARD_SIZE.height })
    near(await pixel(jpeg, 10, 10), '#0b3d2e')
    near(await pixel(jpeg, 1190, 600), '#072a20')
    // The big figure's first stroke, in the figure's colour: the words are on the picture.
    const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true })
    let figurePixels = 0
    for (let y = 230; y < 330; y++) {
      for (let x = 70; x < 400; x++) {
        const at = (y * info.width + x) * info.channels
        if (data[at] > 230 && data[at + 1] > 190 && data[at + 2] < 150) figurePixels++
      }
    }
    expect(figurePixels).toBeGreaterThan(1000)
  })

  it('is kept by content, so a later build takes it from the cache instead of drawing it again', async () => {
    const first = await newBuild()
    const drawn = await first.renderShareCard(card('Kota Ambon'))
    const [file] = await cachedFiles()
    expect(file).toMatch(/^[0-9a-f]{64}\.jpg$/)

    // What the cache holds is what the next build serves: marked bytes come back as they are.
    const marked = Buffer.concat([Buffer.from(drawn), Buffer.from('cached')])
    await fs.writeFile(path.join(cacheDir, file), marked)
    const second = await newBuild()
    expect(Buffer.from(await second.renderShareCard(card('Kota Ambon')))).toEqual(marked)

    // Other words are another card, drawn and kept beside the first.
    await second.renderShareCard(card('Kota Tual'))
    expect(await cachedFiles()).toHaveLength(2)
  })

  it('is drawn once when a build asks for it more than once, and prepared cards are all kept and handed over by address', async () => {
    // sharp as the module finds it, counting the pictures it is asked to draw.
    const drawn = vi.fn()
    vi.doMock('sharp', async (importOriginal) => {
      const real = (await importOriginal<typeof import('sharp')>()).default
      return { default: (...input: Parameters<typeof real>) => (drawn(), real(...input)) }
    })
    try {
      const { collectShareCards, prepareShareCards, renderShareCard, takePreparedShareCards } = await newBuild()
      const titles = Array.from({ length: 6 }, (_, index) => `Kota ${index}`)
      collectShareCards()
      // Each card twice, as the Indonesian and the English page of the same words would ask.
      prepareShareCards(titles.flatMap((title, index) => ['id', 'en'].map((locale) => ({ path: `/og/${locale}/kota/${index}.jpg`, card: card(title) }))))
      const [once, again] = await Promise.all([renderShareCard(card('Kota 3')), renderShareCard(card('Kota 3'))])
      expect(Buffer.from(again)).toEqual(Buffer.from(once))
      await Promise.all(titles.map((title) => renderShareCard(card(title))))
      expect(drawn).toHaveBeenCalledTimes(titles.length)
      expect(await cachedFiles()).toHaveLength(titles.length)

      // The build takes every prepared card by its address, the two languages' addresses naming one file.
      const prepared = await takePreparedShareCards()
      expect([...prepared.keys()].sort()).toEqual(titles.flatMap((_, index) => [`/og/en/kota/${index}.jpg`, `/og/id/kota/${index}.jpg`]).sort())
      expect(prepared.get('/og/id/kota/3.jpg')).toBe(prepared.get('/og/en/kota/3.jpg'))
      expect(await fs.readFile(prepared.get('/og/id/kota/3.jpg') as string)).toEqual(Buffer.from(once))
      expect(new Set(prepared.values()).size).toBe(titles.length)
      // Taken once: a second build in the same process starts from none.
      expect((await takePreparedShareCards()).size).toBe(0)
    } finally {
      vi.doUnmock('sharp')
    }
  })

  it('forgets the cards no build used for two weeks, and dates a card a build uses to that build', async () => {
    const first = await newBuild()
    await first.renderShareCard(card('Kota Lama'))
    const [old] = await cachedFiles()
    await first.renderShareCard(card('Kota Dipakai Lagi'))
    const [used] = (await cachedFiles()).filter((file) => file !== old)
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000)
    await fs.utimes(path.join(cacheDir, old), daysAgo(20), daysAgo(20))
    await fs.utimes(path.join(cacheDir, used), daysAgo(10), daysAgo(10))

    const later = await newBuild()
    later.collectShareCards()
    later.prepareShareCards([{ path: '/og/id/kota/dipakai-lagi.jpg', card: card('Kota Dipakai Lagi') }])
    await later.renderShareCard(card('Kota Dipakai Lagi'))

    expect(await cachedFiles()).toEqual([used])
    expect((await fs.stat(path.join(cacheDir, used))).mtimeMs).toBeGreaterThan(Date.now() - 60_000)
    await later.takePreparedShareCards()
  })

  it('leaves the time of a card used within the last day as it is, so a republish rewrites no times', async () => {
    const first = await newBuild()
    await first.renderShareCard(card('Kota Kemarin'))
    const [recent] = await cachedFiles()
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    await fs.utimes(path.join(cacheDir, recent), twoHoursAgo, twoHoursAgo)

    const later = await newBuild()
    later.collectShareCards()
    later.prepareShareCards([{ path: '/og/id/kota/kemarin.jpg', card: card('Kota Kemarin') }])
    const prepared = await later.takePreparedShareCards()

    expect(prepared.get('/og/id/kota/kemarin.jpg')).toBe(path.join(cacheDir, recent))
    expect((await fs.stat(path.join(cacheDir, recent))).mtimeMs).toBe(twoHoursAgo.getTime())
  })
})
