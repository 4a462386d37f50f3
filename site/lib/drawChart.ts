/**
 * The browser half of the line charts (an indicator against its target, a city's index over the
 * rounds), loaded on demand by the chart components. chart.js is tree-shaken: only the parts these
 * configurations use are registered, never `chart.js/auto`.
 */
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js'

import { type ChartData, type IndexChartData, indexChartConfig, indicatorChartConfig } from './charts.ts'

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip)

export function drawChart(canvas: HTMLCanvasElement): Chart {
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches
  if (canvas.dataset.chartKind === 'index') {
    const data = JSON.parse(canvas.dataset.chart ?? '{}') as IndexChartData
    return new Chart(canvas, indexChartConfig(data, { reducedMotion }))
  }
  const data = JSON.parse(canvas.dataset.chart ?? '{}') as ChartData
  return new Chart(canvas, indicatorChartConfig(data, { reducedMotion }))
}
