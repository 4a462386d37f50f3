import type { Locale } from '../constants.ts'
import { type Problem, problem } from './problems.ts'

/**
 * What a value of an indicator must be, judged the same way for one value saved in the admin
 * (../collections/Measurements/hooks/validateMeasurement.ts) and for every row of a spreadsheet
 * (./measurementSheet.ts): not negative unless the indicator allows it, and a month exactly when the
 * indicator is reported monthly. One value per indicator and period is checked by each against the
 * values stored (and, for a sheet, its other rows).
 */

/** An indicator as its values are judged, with its name in each language for the messages. */
export interface ValueRules {
  frequency: 'monthly' | 'yearly'
  allowNegative: boolean
  name: Partial<Record<Locale, string>>
}

export type ValueProblem = { field: 'value' | 'month'; problem: Problem }

/**
 * The problems of one value: `value` undefined when it is not a number (reported by the caller),
 * `month` null when none is given, undefined when what was given is no month (reported too).
 */
export function valueProblems(indicator: ValueRules, value: number | undefined, month: number | null | undefined): ValueProblem[] {
  const found: ValueProblem[] = []
  if (value !== undefined && value < 0 && !indicator.allowNegative) {
    const { id, en } = indicator.name
    found.push({ field: 'value', problem: problem('measurement.negative', { params: { indicator_id: id ?? en ?? '', indicator_en: en ?? id ?? '' } }) })
  }
  if (indicator.frequency === 'monthly' && month === null) found.push({ field: 'month', problem: problem('measurement.monthRequired') })
  if (indicator.frequency === 'yearly' && month !== null && month !== undefined) found.push({ field: 'month', problem: problem('measurement.monthForbidden') })
  return found
}
