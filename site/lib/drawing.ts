/**
 * chart.js with only the parts the site's charts use registered (never `chart.js/auto`), and the one
 * function that draws a chart of a given kind. The same module runs in the chart worker on an
 * OffscreenCanvas and, where a browser cannot, on the page itself.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js'

import {
  type ChartData,
  type ChartKind,
  type DistributionChartData,
  distributionChartConfig,
  type DrawOptions,
  type IndexChartData,
  indexChartConfig,
  indicatorChartConfig,
  pillarRadarConfig,
  type RadarChartData,
} from './charts.ts'

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
)

export function chartConfig(kind: ChartKind, data: unknown, draw: DrawOptions): ChartConfiguration {
  switch (kind) {
    case 'radar':
      return pillarRadarConfig(data as RadarChartData, draw) as unknown as ChartConfiguration
    case 'index':
      return indexChartConfig(data as IndexChartData, draw) as unknown as ChartConfiguration
    case 'distribution':
      return distributionChartConfig(data as DistributionChartData, draw) as unknown as ChartConfiguration
    default:
      return indicatorChartConfig(data as ChartData, draw) as unknown as ChartConfiguration
  }
}

export function drawChart(canvas: HTMLCanvasElement | OffscreenCanvas, kind: ChartKind, data: unknown, draw: DrawOptions): Chart {
  // chart.js draws on an OffscreenCanvas as on a canvas (its platform detects it); its types only name the canvas.
  return new Chart(canvas as HTMLCanvasElement, chartConfig(kind, data, draw))
}
