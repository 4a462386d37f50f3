import { type Browser, chromium } from 'playwright-core'

/** Debian's Chromium (`apt-get install chromium`); Playwright's own browser download is not available. */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/**
 * Launches headless Chromium with the flags that keep it off the network except for our servers:
 * without them it keeps calling home and floods a closed network with refused connections.
 */
export function launchChromium(): Promise<Browser> {
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
    ],
  })
}
