/**
 * The browser half of an indicator chart, loaded on demand by IndicatorChart.astro. chart.js is
 * tree-shaken: only the parts `indicatorChartConfig` uses are registered, never `chart.js/auto`.
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

import { type ChartData, indicatorChartConfig } from './charts.ts'

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip)

export function drawChart(canvas: HTMLCanvasElement): Chart {
  const data = JSON.parse(canvas.dataset.chart ?? '{}') as ChartData
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches
  return new Chart(canvas, indicatorChartConfig(data, { reducedMotion }))
}
