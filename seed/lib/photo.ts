import sharp from 'sharp'

import { seededNoise } from './series.ts'

/**
 * Drawn stand-ins for the photos and screenshots a council attaches as evidence: simple scenes
 * rendered to real JPEG and PNG files by sharp, with no text in them, so they look the same
 * whatever fonts a machine has. The same scene gives the same bytes on every run.
 */

export type Scene = 'recycling_plant' | 'command_centre' | 'street_concert' | 'live_chat'

const WIDTH = 800
const HEIGHT = 520

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${body}</svg>`

const sky = (top: string, bottom: string) =>
  `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>` +
  `<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>`

/** A row of people seen from behind: heads and shoulders in muted colours. */
function crowd(seed: number, y: number, count: number): string {
  const noise = seededNoise(seed)
  const colours = ['#2f3a4a', '#5a3b2e', '#3d5a45', '#6b4f7a', '#7a2f2f', '#444444']
  let shapes = ''
  for (let index = 0; index < count; index += 1) {
    const x = (index + noise() * 0.6) * (WIDTH / count)
    const rise = noise() * 18
    const colour = colours[Math.floor(noise() * colours.length)]
    shapes += `<ellipse cx="${x.toFixed(0)}" cy="${(y + 38 - rise).toFixed(0)}" rx="30" ry="40" fill="${colour}"/>`
    shapes += `<circle cx="${x.toFixed(0)}" cy="${(y - 10 - rise).toFixed(0)}" r="15" fill="#2a1f1a"/>`
  }
  return shapes
}

const SCENES: Record<Scene, () => string> = {
  recycling_plant: () => {
    const noise = seededNoise(2605)
    const bales = Array.from({ length: 9 }, (_, index) => {
      const colour = ['#3f7fbf', '#d9d9d9', '#58a55c', '#e0b040'][Math.floor(noise() * 4)]
      const x = 470 + (index % 3) * 62
      const y = 400 - Math.floor(index / 3) * 46
      return `<rect x="${x}" y="${y}" width="58" height="44" rx="4" fill="${colour}" stroke="#555" stroke-width="2"/>`
    }).join('')
    return svg(
      sky('#6fa8dc', '#dcecf7') +
        '<rect x="60" y="190" width="380" height="230" fill="#c8c3b8"/>' +
        '<polygon points="50,190 250,120 450,190" fill="#7d8c99"/>' +
        '<rect x="190" y="300" width="120" height="120" fill="#4d5a66"/>' +
        '<rect x="90" y="220" width="70" height="40" fill="#9fc3dd"/><rect x="340" y="220" width="70" height="40" fill="#9fc3dd"/>' +
        '<rect x="0" y="420" width="800" height="100" fill="#8c8c84"/>' +
        '<polygon points="440,330 470,330 650,250 620,250" fill="#3a3a3a"/>' +
        bales +
        '<rect x="120" y="150" width="10" height="60" fill="#b03a2e"/><polygon points="130,150 170,160 130,170" fill="#ffffff"/>',
    )
  },
  command_centre: () => {
    const noise = seededNoise(2307)
    const screens = Array.from({ length: 8 }, (_, index) => {
      const x = 90 + (index % 4) * 158
      const y = 60 + Math.floor(index / 4) * 100
      const bars = Array.from({ length: 5 }, (_, bar) => {
        const height = 10 + noise() * 50
        return `<rect x="${x + 16 + bar * 24}" y="${y + 80 - height}" width="14" height="${height.toFixed(0)}" fill="#4fc3f7"/>`
      }).join('')
      return `<rect x="${x}" y="${y}" width="150" height="92" fill="#10263a" stroke="#0a0a0a" stroke-width="4"/>${bars}`
    }).join('')
    return svg(
      '<rect width="800" height="520" fill="#1d2530"/>' +
        screens +
        '<rect x="0" y="300" width="800" height="220" fill="#2b333d"/>' +
        '<rect x="40" y="360" width="720" height="30" fill="#5b4636"/>' +
        crowd(45, 395, 6),
    )
  },
  street_concert: () =>
    svg(
      sky('#1b1f4a', '#6a3d7a') +
        '<circle cx="160" cy="70" r="60" fill="#ffe9a8" opacity="0.35"/><circle cx="640" cy="70" r="60" fill="#a8e6ff" opacity="0.35"/>' +
        '<rect x="150" y="230" width="500" height="90" fill="#3b2a20"/>' +
        '<rect x="250" y="150" width="26" height="80" fill="#e8c170"/><circle cx="263" cy="138" r="14" fill="#e8c170"/>' +
        '<rect x="390" y="150" width="26" height="80" fill="#b8e0d2"/><circle cx="403" cy="138" r="14" fill="#b8e0d2"/>' +
        '<rect x="530" y="150" width="26" height="80" fill="#f2a6a6"/><circle cx="543" cy="138" r="14" fill="#f2a6a6"/>' +
        crowd(1910, 420, 11),
    ),
  live_chat: () =>
    svg(
      '<rect width="800" height="520" fill="#f3f5f7"/>' +
        '<rect x="0" y="0" width="800" height="56" fill="#0b5e8a"/>' +
        '<rect x="40" y="96" width="420" height="24" rx="4" fill="#c9d3dc"/><rect x="40" y="136" width="380" height="14" rx="4" fill="#dde3e8"/>' +
        '<rect x="40" y="160" width="400" height="14" rx="4" fill="#dde3e8"/><rect x="40" y="184" width="300" height="14" rx="4" fill="#dde3e8"/>' +
        '<rect x="500" y="150" width="270" height="340" rx="10" fill="#ffffff" stroke="#b0bcc6" stroke-width="2"/>' +
        '<rect x="500" y="150" width="270" height="44" rx="10" fill="#0b5e8a"/>' +
        '<rect x="516" y="212" width="180" height="40" rx="12" fill="#e3edf5"/>' +
        '<rect x="574" y="266" width="180" height="52" rx="12" fill="#cfe8d6"/>' +
        '<rect x="516" y="332" width="150" height="40" rx="12" fill="#e3edf5"/>' +
        '<rect x="516" y="446" width="200" height="30" rx="8" fill="#f3f5f7" stroke="#b0bcc6"/>' +
        '<circle cx="740" cy="461" r="15" fill="#0b5e8a"/>',
    ),
}

/** The scene as a JPEG photo or, for screenshots, a PNG. */
export function sceneImage(scene: Scene, format: 'jpeg' | 'png'): Promise<Buffer> {
  const image = sharp(Buffer.from(SCENES[scene]()))
  return (format === 'jpeg' ? image.jpeg({ quality: 82 }) : image.png()).toBuffer()
}
