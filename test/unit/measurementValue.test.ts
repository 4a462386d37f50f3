import { describe, expect, it } from 'vitest'

import { problemMessage as messageOf } from '../../cms/domain/problems.ts'
import { type ValueRules, valueProblems } from '../../cms/domain/measurementValue.ts'

const concerts: ValueRules = { frequency: 'monthly', allowNegative: false, name: { id: 'Konser yang digelar', en: 'Concerts held' } }
const change: ValueRules = { frequency: 'yearly', allowNegative: true, name: { id: 'Perubahan timbulan' } }

const codes = (found: ReturnType<typeof valueProblems>) => found.map(({ field, problem }) => `${field}:${problem.code}`)

describe('one value of an indicator', () => {
  it('is refused below zero unless the indicator allows it, named in the reader language', () => {
    const [negative] = valueProblems(concerts, -1, 3)
    expect(negative.field).toBe('value')
    expect(messageOf(negative.problem, 'en')).toBe('The value cannot be negative for indicator "Concerts held"')
    expect(messageOf(negative.problem, 'id')).toBe('Nilai tidak boleh negatif untuk indikator "Konser yang digelar"')
    expect(valueProblems(change, -4, null)).toEqual([])
  })

  it('needs a month exactly when the indicator is monthly', () => {
    expect(codes(valueProblems(concerts, 1, null))).toEqual(['month:measurement.monthRequired'])
    expect(codes(valueProblems(change, 1, 5))).toEqual(['month:measurement.monthForbidden'])
    expect(valueProblems(concerts, 1, 12)).toEqual([])
  })

  it('leaves to its caller a value that is no number and a month that is no month', () => {
    expect(valueProblems(concerts, undefined, undefined)).toEqual([])
    expect(valueProblems(change, undefined, undefined)).toEqual([])
  })

  it('names an indicator with only an Indonesian name in English messages too', () => {
    const [negative] = valueProblems({ ...change, allowNegative: false }, -1, null)
    expect(messageOf(negative.problem, 'en')).toBe('The value cannot be negative for indicator "Perubahan timbulan"')
  })
})
