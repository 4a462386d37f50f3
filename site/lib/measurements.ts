import type { Measurement } from '../../cms/contract/index.ts'

/** Orders periods in time; a yearly value (no month) counts as the start of its year. */
export function comparePeriods(
  a: Pick<Measurement, 'year' | 'month'>,
  b: Pick<Measurement, 'year' | 'month'>,
): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0)
}

/**
 * The most recent measurement of each indicator, in one pass over all of them, whatever order the
 * loader returned them in.
 */
export function latestByIndicator(measurements: readonly Measurement[]): Map<string, Measurement> {
  const latest = new Map<string, Measurement>()
  for (const measurement of measurements) {
    const current = latest.get(measurement.indicator)
    if (!current || comparePeriods(measurement, current) > 0) latest.set(measurement.indicator, measurement)
  }
  return latest
}
