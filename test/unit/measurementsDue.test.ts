/** The rule behind "indicators missing this year's measurements" on the council's start page. */
import { describe, expect, it } from 'vitest'

import { measurementsOwed, monthIn } from '../../cms/domain/measurementsDue.ts'

const monthly = { id: 1, frequency: 'monthly' as const, startYear: 2022, programmeStatus: 'ongoing' }
const yearly = { id: 2, frequency: 'yearly' as const, startYear: 2022, programmeStatus: 'ongoing' }
const december2026 = { year: 2026, month: 12 }

describe('measurementsOwed', () => {
  it('owes the ended months of this year that have no value, not the month in progress', () => {
    const values = Array.from({ length: 10 }, (_, index) => ({ year: 2026, month: index + 1 }))
    expect(measurementsOwed(monthly, values, december2026)).toEqual({ year: 2026, months: [11] })
  })

  it('owes nothing once every ended month has a value', () => {
    const values = Array.from({ length: 11 }, (_, index) => ({ year: 2026, month: index + 1 }))
    expect(measurementsOwed(monthly, values, december2026)).toBeNull()
  })

  it('owes nothing in January, when no month of the year has ended', () => {
    expect(measurementsOwed(monthly, [], { year: 2027, month: 1 })).toBeNull()
  })

  it("does not count last year's months as this year's", () => {
    expect(measurementsOwed(monthly, [{ year: 2025, month: 3 }], { year: 2026, month: 4 })).toEqual({ year: 2026, months: [1, 2, 3] })
  })

  it('owes nothing for the months before the first value of a programme that began this year', () => {
    const starting = { ...monthly, startYear: 2026 }
    expect(measurementsOwed(starting, [{ year: 2026, month: 6 }, { year: 2026, month: 8 }], december2026)).toEqual({
      year: 2026,
      months: [7, 9, 10, 11],
    })
  })

  it("owes a yearly indicator's value for the year before, until it is given", () => {
    expect(measurementsOwed(yearly, [{ year: 2024 }], december2026)).toEqual({ year: 2025, months: [] })
    expect(measurementsOwed(yearly, [{ year: 2025 }], december2026)).toBeNull()
  })

  it('owes nothing for a year before the programme began', () => {
    expect(measurementsOwed({ ...yearly, startYear: 2026 }, [], december2026)).toBeNull()
  })

  it.each(['planned', 'paused', 'completed'])('owes nothing for a %s programme', (programmeStatus) => {
    expect(measurementsOwed({ ...monthly, programmeStatus }, [], december2026)).toBeNull()
  })
})

describe('monthIn', () => {
  it("reads the month in the city's own zone: 31 December 20:00 UTC is already January in WIT", () => {
    const now = new Date('2026-12-31T20:00:00.000Z')
    expect(monthIn(now, 'WIB')).toEqual({ year: 2027, month: 1 })
    expect(monthIn(new Date('2026-12-31T16:00:00.000Z'), 'WIB')).toEqual({ year: 2026, month: 12 })
    expect(monthIn(new Date('2026-12-31T16:00:00.000Z'), 'WIT')).toEqual({ year: 2027, month: 1 })
  })
})
