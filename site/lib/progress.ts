import type { Indicator } from '../../cms/contract/index.ts'

/**
 * How far an indicator is towards its target, as a share (1 = reached): for an indicator that should
 * go up, the latest value over the target; for one that should go down (e.g. complaints), the part
 * of the way from the baseline down to the target. Null when it cannot be said honestly: nothing
 * reported, a target of zero to go up to, or a falling indicator without a baseline above its target.
 * The share is not capped, so an overshoot shows as more than 100%.
 */
export function progressToTarget(
  indicator: Pick<Indicator, 'target' | 'baseline' | 'direction'>,
  latest: number | null | undefined,
): number | null {
  if (latest === null || latest === undefined) return null
  if (indicator.direction === 'up') {
    if (indicator.target <= 0) return null
    return Math.max(0, latest / indicator.target)
  }
  const { baseline, target } = indicator
  if (baseline === null || baseline <= target) return null
  return Math.max(0, (baseline - latest) / (baseline - target))
}

/** A share as a whole percentage for the page: 0.843 -> 84. */
export const percent = (share: number): number => Math.round(share * 100)
