'use client'

import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js'
import { useEffect, useRef } from 'react'

// Only the parts a bar chart uses.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip)

/** Colour-blind-safe palette (Okabe-Ito). */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000']

interface Props {
  label: string
  labels: string[]
  datasets: { label: string; data: (number | null)[] }[]
  /** Fixed top of the value axis, e.g. 5 for scores. */
  max?: number
  stacked?: boolean
  integer?: boolean
}

/** A bar chart whose figures the page also shows in a table; the canvas is for sighted readers. */
export function BarChart({ label, labels, datasets, max, stacked = false, integer = false }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    if (!canvas.current) return
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: datasets.map((dataset, index) => ({ ...dataset, backgroundColor: PALETTE[index % PALETTE.length] })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: datasets.length > 1 } },
        scales: {
          x: { stacked },
          y: { stacked, beginAtZero: true, max, ticks: integer ? { precision: 0 } : undefined },
        },
      },
    })
    return () => chart.destroy()
  }, [labels, datasets, max, stacked, integer])
  return (
    <div style={{ position: 'relative', height: '16rem' }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  )
}
