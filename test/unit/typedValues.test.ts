/**
 * Numbers and dates as people in Indonesia type them, read one way for the spreadsheet imports and
 * the guided report: a decimal comma is a decimal comma, a date is day first, and a day that does
 * not exist is no answer.
 */
import { describe, expect, it } from 'vitest'

import { parseTypedNumber, typedNumber } from '../../cms/domain/typedValues.ts'
import { parseTypedDay, typedDay } from '../../cms/fields/dates.ts'

describe('parseTypedNumber', () => {
  it.each<[string, number | undefined]>([
    ['2,7', 2.7],
    ['2.7', 2.7],
    [' -3 ', -3],
    ['1 500', 1500],
    ['1.234,5', undefined],
    ['27%', undefined],
    ['dua', undefined],
    ['', undefined],
  ])('reads %j as %j', (typed, number) => {
    expect(parseTypedNumber(typed)).toBe(number)
  })

  it('gives back what it read, in the reader language', () => {
    expect(typedNumber(2.7, 'id')).toBe('2,7')
    expect(typedNumber(2.7, 'en')).toBe('2.7')
    expect(parseTypedNumber(typedNumber(1234.5, 'id'))).toBe(1234.5)
  })
})

describe('parseTypedDay', () => {
  it.each<[string, string | undefined]>([
    ['31/12/2026', '2026-12-31'],
    ['3/7/2023', '2023-07-03'],
    ['31/12/26', '2026-12-31'],
    ['31-12-2026', '2026-12-31'],
    ['3 Des 2026', '2026-12-03'],
    ['3 Dec 2026', '2026-12-03'],
    // Day first: no 31st month, no 31 February, and no typing the month first.
    ['12/31/2026', undefined],
    ['31/02/2026', undefined],
    ['29/02/2023', undefined],
    ['29/02/2024', '2024-02-29'],
    ['31022026', undefined],
    ['', undefined],
  ])('reads %j as %j', (typed, day) => {
    expect(parseTypedDay(typed)).toBe(day)
  })

  it('shows a stored day as it is typed, and reads it back as the same day', () => {
    expect(typedDay('2023-07-03')).toBe('03/07/2023')
    expect(typedDay('2023-07-03T00:00:00.000Z')).toBe('03/07/2023')
    expect(parseTypedDay(typedDay('2024-02-29'))).toBe('2024-02-29')
  })
})
