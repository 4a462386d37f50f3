import type { CollectionBeforeValidateHook } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'
import { idOf, type Ref } from '../../../domain/ids.ts'
import { type Problem, problem } from '../../../domain/problems.ts'
import { type ValueRules, valueProblems } from '../../../domain/measurementValue.ts'
import { asSystem } from '../../../server/asSystem.ts'
import { fieldProblems } from '../../../server/problemsError.ts'

/**
 * Checks a measurement against its indicator (the rules of ../../../domain/measurementValue.ts, as
 * the spreadsheet import does) and keeps one value per indicator and period.
 */
export const validateMeasurement: CollectionBeforeValidateHook = async ({ data, originalDoc, req, operation }) => {
  if (!data) return data
  const merged = { ...(originalDoc ?? {}), ...data }
  const indicatorId = idOf(merged.indicator as Ref | undefined)
  if (indicatorId === undefined) return data
  const system = asSystem(req, 'a value is judged by its indicator, and one value per period counts every value')
  // Every language's name: the message names the indicator in the reader's language.
  const indicator = await system.findByID(COLLECTIONS.indicators, indicatorId, { locale: 'all' })
  if (!indicator) return data

  const month = merged.month ?? null
  const errors: [string, Problem][] = valueProblems(
    { frequency: indicator.frequency, allowNegative: Boolean(indicator.allowNegative), name: indicator.name as unknown as ValueRules['name'] },
    typeof merged.value === 'number' ? merged.value : undefined,
    month,
  ).map(({ field, problem: found }) => [field, found])
  if (typeof merged.year === 'number' && errors.length === 0) {
    const clashes = await system.count(COLLECTIONS.measurements, {
      and: [
        { indicator: { equals: indicatorId } },
        { year: { equals: merged.year } },
        month ? { month: { equals: month } } : { month: { exists: false } },
        ...(operation === 'update' && originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    })
    if (clashes > 0) {
      const when = month ? `${String(month).padStart(2, '0')}/${merged.year}` : String(merged.year)
      errors.push([month ? 'month' : 'year', problem('measurement.exists', { params: { when } })])
    }
  }
  if (errors.length) throw fieldProblems(COLLECTIONS.measurements, req, errors)
  return data
}
