import { type Browser, chromium, type Locator } from 'playwright-core'

/** Debian's Chromium (`apt-get install chromium`); Playwright's own browser download is not available. */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/**
 * Launches headless Chromium with the flags that keep it off the network except for our servers:
 * without them it keeps calling home and floods a closed network with refused connections.
 * `debuggingPort` opens the DevTools protocol on that port as well, for tools that drive the same
 * browser from outside Playwright (Lighthouse in the site benchmark).
 */
export function launchChromium({ debuggingPort }: { debuggingPort?: number } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(debuggingPort ? [`--remote-debugging-port=${debuggingPort}`] : []),
    ],
  })
}

/**
 * How many pixels of an element differ from white, from a screenshot: a canvas whose drawing moved
 * to a worker (OffscreenCanvas) can no longer be read from the page, but it can be looked at.
 */
export async function paintedPixels(element: Locator): Promise<number> {
  const png = await element.screenshot()
  const { default: sharp } = await import('sharp')
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  let painted = 0
  for (let index = 0; index < data.length; index += info.channels) {
    if (data[index] < 240 || data[index + 1] < 240 || data[index + 2] < 240) painted += 1
  }
  return painted
}
