import type { CollectionBeforeValidateHook } from 'payload'

import { COLLECTIONS, type Locale } from '../../../constants.ts'
import { idOf, type Ref } from '../../../domain/ids.ts'
import { type Problem, problem } from '../../../domain/problems.ts'
import { asSystem } from '../../../server/asSystem.ts'
import { fieldProblems } from '../../../server/problemsError.ts'

/**
 * Checks a measurement against its indicator: no negative value where the indicator forbids it,
 * a month exactly when the indicator is reported monthly, and one value per indicator and period.
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

  const errors: [string, Problem][] = []
  const value = merged.value
  if (typeof value === 'number' && value < 0 && !indicator.allowNegative) {
    const name = indicator.name as unknown as Partial<Record<Locale, string>>
    errors.push(['value', problem('measurement.negative', { params: { indicator_id: name.id ?? '', indicator_en: name.en ?? name.id ?? '' } })])
  }
  const month = merged.month ?? null
  if (indicator.frequency === 'monthly' && !month) errors.push(['month', problem('measurement.monthRequired')])
  if (indicator.frequency === 'yearly' && month) errors.push(['month', problem('measurement.monthForbidden')])
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
