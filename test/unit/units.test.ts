/**
 * Units are written in Indonesian in the CMS; the admin and the public site show them in English from
 * one list (cms/contract/units.ts). Every unit the demo uses is in it, so an English reader of the
 * demo meets no Indonesian unit.
 */
import { describe, expect, it } from 'vitest'

import { unitIn } from '../../cms/contract/units.ts'
import { INSTRUMENT } from '../../seed/data/instrument.ts'
import { PROGRAMS } from '../../seed/data/programs.ts'

const demoUnits = [
  ...INSTRUMENT.sections.flatMap((section) => section.questions.map((question) => question.unit)),
  ...PROGRAMS.flatMap((programme) => programme.indicators.map((indicator) => indicator.unit)),
].filter((unit): unit is string => typeof unit === 'string' && unit !== '')

describe('unitIn', () => {
  it.each([
    ['KK', 'households'],
    ['orang', 'people'],
    ['ton/bulan', 'tonnes/month'],
    ['Orang', 'people'],
    ['%', '%'],
  ])('gives %s in English as %s', (unit, english) => {
    expect(unitIn(unit, 'en')).toBe(english)
  })

  it('shows a unit as written in Indonesian, and one it does not know as written in English too', () => {
    expect(unitIn('KK', 'id')).toBe('KK')
    expect(unitIn('gerobak', 'en')).toBe('gerobak')
  })

  it('knows every unit of the demo instrument and programmes', () => {
    // Units written the same way in both languages.
    const same = new Set(['%', 'ha', 'km', 'rupiah'])
    expect(demoUnits.length).toBeGreaterThan(10)
    expect([...new Set(demoUnits)].filter((unit) => !same.has(unit) && unitIn(unit, 'en') === unit)).toEqual([])
  })
})
