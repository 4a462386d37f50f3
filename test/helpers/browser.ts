import { type Browser, chromium } from 'playwright-core'

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
