/**
 * The chart worker: parses chart.js and draws every chart of a page on the OffscreenCanvas the page
 * hands it, so neither blocks a tap or a scroll on the page. A page's charts share one worker.
 */
import type { Chart } from 'chart.js'

import type { ChartKind } from './charts.ts'
import { drawChart } from './drawing.ts'

export type ChartMessage =
  | { type: 'draw'; id: number; canvas: OffscreenCanvas; kind: ChartKind; data: unknown; width: number; height: number; devicePixelRatio: number; reducedMotion: boolean }
  | { type: 'resize'; id: number; width: number; height: number }

const charts = new Map<number, Chart>()

self.addEventListener('message', (event: MessageEvent<ChartMessage>) => {
  const message = event.data
  if (message.type === 'draw') {
    const chart = drawChart(message.canvas, message.kind, message.data, {
      // Motion would be drawn frame by frame here too; the first frame is what the reader needs.
      reducedMotion: true,
      offscreen: { devicePixelRatio: message.devicePixelRatio },
    })
    chart.resize(message.width, message.height)
    charts.set(message.id, chart)
    self.postMessage({ type: 'drawn', id: message.id })
  } else {
    charts.get(message.id)?.resize(message.width, message.height)
  }
})
