/**
 * Deterministic demo time series: the same numbers on every run and every machine, so a re-seed
 * changes nothing and screenshots stay comparable.
 */

export type YearMonth = { year: number; month: number }

/** The last full month of the demo data. Fixed, not taken from the clock, so re-seeding months later changes nothing. */
export const SERIES_END: YearMonth = { year: 2026, month: 10 }

/** The last full year of yearly demo figures. */
export const LAST_FULL_YEAR = 2025

/** A small seeded generator (mulberry32): numbers in [0, 1) that look random but repeat exactly. */
export function seededNoise(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = state
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

export function monthsFrom(start: YearMonth, end: YearMonth = SERIES_END): YearMonth[] {
  const months: YearMonth[] = []
  for (let { year, month } = start; year < end.year || (year === end.year && month <= end.month); ) {
    months.push({ year, month })
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
  return months
}

export const roundTo = (value: number, decimals: number): number => {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}

/**
 * A ramp-up that starts at `start` and approaches `plateau` (time constant `months`), with
 * `spread` (a share, e.g. 0.06) of seeded month-to-month variation around it.
 */
export function rampUp(
  months: YearMonth[],
  { start, plateau, months: timeConstant, spread, seed, decimals = 0 }: {
    start: number
    plateau: number
    months: number
    spread: number
    seed: number
    decimals?: number
  },
): { at: YearMonth; value: number }[] {
  const noise = seededNoise(seed)
  return months.map((at, index) => {
    const level = plateau - (plateau - start) * Math.exp(-index / timeConstant)
    return { at, value: roundTo(level * (1 + spread * (noise() * 2 - 1)), decimals) }
  })
}
