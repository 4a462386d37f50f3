/**
 * The browser half of the pillar radar, loaded on demand by ScoreChart.astro; a page with only line
 * charts never downloads the radar parts of chart.js.
 */
import { Chart, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip } from 'chart.js'

import { pillarRadarConfig, type RadarChartData } from './charts.ts'

Chart.register(RadarController, RadialLinearScale, LineElement, PointElement, Tooltip)

export function drawChart(canvas: HTMLCanvasElement): Chart {
  const data = JSON.parse(canvas.dataset.chart ?? '{}') as RadarChartData
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches
  return new Chart(canvas, pillarRadarConfig(data, { reducedMotion }))
}
