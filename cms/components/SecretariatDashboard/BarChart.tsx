'use client'

import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js'
import { useEffect, useRef, useState } from 'react'

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

/** Below this width (px) a chart of many bars lays them out sideways, one row each, so none is squashed. */
const NARROW_PX = 640
/** Height of one bar laid sideways, in px, and the room for axes and legend around them. */
const ROW_PX = 16
const FRAME_PX = 96

/** A long label broken into lines of about `width` characters at spaces, for a narrow axis. */
export function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = []
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1)
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines.length ? lines : [label]
}

/** Characters per line of a label beside a sideways bar on a phone. */
const LABEL_CHARS = 16

/**
 * A bar chart whose figures the page also shows in a table; the canvas is for sighted readers. On a
 * narrow screen a chart of many bars turns sideways and grows in height with its bars, so a phone
 * shows every bar and label legibly instead of squeezing thirty bars into 400 pixels.
 */
export function BarChart({ label, labels, datasets, max, stacked = false, integer = false }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const box = useRef<HTMLDivElement>(null)
  const [narrow, setNarrow] = useState(false)
  useEffect(() => {
    const measure = () => setNarrow((box.current?.clientWidth ?? NARROW_PX) < NARROW_PX)
    measure()
    window.addEventListener('resize', measure)
    return () => window.removeEventListener('resize', measure)
  }, [])
  const bars = labels.length * (stacked ? 1 : datasets.length)
  const sideways = narrow && bars > 6
  useEffect(() => {
    if (!canvas.current) return
    const valueAxis = { stacked, beginAtZero: true, max, ticks: integer ? { precision: 0 } : undefined }
    const chart = new Chart<'bar', (number | null)[], string | string[]>(canvas.current, {
      type: 'bar',
      data: {
        labels: sideways ? labels.map((text) => wrapLabel(text, LABEL_CHARS)) : labels,
        datasets: datasets.map((dataset, index) => ({ ...dataset, backgroundColor: PALETTE[index % PALETTE.length] })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: sideways ? 'y' : 'x',
        plugins: {
          legend: { display: datasets.length > 1, position: narrow ? 'bottom' : 'top', labels: { boxWidth: narrow ? 12 : 40 } },
        },
        scales: sideways ? { y: { stacked }, x: valueAxis } : { x: { stacked }, y: valueAxis },
      },
    })
    return () => chart.destroy()
  }, [labels, datasets, max, stacked, integer, narrow, sideways])
  const height = sideways ? `${Math.max(256, bars * ROW_PX + FRAME_PX + (datasets.length > 1 ? datasets.length * 12 : 0))}px` : '16rem'
  return (
    <div ref={box} style={{ position: 'relative', height, width: '100%' }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  )
}
