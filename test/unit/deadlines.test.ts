import { describe, expect, it } from 'vitest'

import { countdown, endOfDayIn, formatDeadline, submissionDeadline, timeZoneOf } from '../../cms/domain/deadlines.ts'

describe('timeZoneOf', () => {
  it.each([
    ['Kota Ambon by its region code', { regionCode: '81.71', province: 'Maluku' }, 'WIT'],
    ['Kota Semarang', { regionCode: '33.74', province: 'Jawa Tengah' }, 'WIB'],
    ['Kota Makassar', { regionCode: '73.71', province: 'Sulawesi Selatan' }, 'WITA'],
    ['Kota Samarinda', { regionCode: '64.72', province: 'Kalimantan Timur' }, 'WITA'],
    ['Kota Pontianak (West Kalimantan keeps WIB)', { regionCode: '61.71', province: 'Kalimantan Barat' }, 'WIB'],
    ['Kota Denpasar', { regionCode: '51.71', province: 'Bali' }, 'WITA'],
    ['Kota Jayapura', { regionCode: '91.71', province: 'Papua' }, 'WIT'],
    ['a city named only by its province in Maluku', { province: 'Maluku Utara' }, 'WIT'],
    ['a city named only by its province in Sulawesi', { province: 'Sulawesi Tengah' }, 'WITA'],
    ['a city with nothing to go by', {}, 'WIB'],
  ])('places %s', (_label, city, zone) => {
    expect(timeZoneOf(city)).toBe(zone)
  })
})

describe('endOfDayIn', () => {
  it.each([
    // The picker stores a chosen day at 12:00 UTC; imports store midnight UTC: both mean that day.
    ['a day picked in the admin, WIT', '2023-07-31T12:00:00.000Z', 'WIT', '2023-07-31T14:59:59.999Z'],
    ['a day stored at midnight UTC, WIT', '2023-07-31T00:00:00.000Z', 'WIT', '2023-07-31T14:59:59.999Z'],
    ['the same day in WITA', '2023-07-31T00:00:00.000Z', 'WITA', '2023-07-31T15:59:59.999Z'],
    ['the same day in WIB', '2023-07-31T12:00:00.000Z', 'WIB', '2023-07-31T16:59:59.999Z'],
  ] as const)('closes %s at 23:59:59 local time', (_label, stored, zone, expected) => {
    expect(endOfDayIn(stored, zone)?.toISOString()).toBe(expected)
  })
})

describe('submissionDeadline', () => {
  const ambon = { id: 7, regionCode: '81.71', province: 'Maluku' }
  const semarang = { id: 9, regionCode: '33.74', province: 'Jawa Tengah' }
  const period = {
    closesAt: '2023-07-31T00:00:00.000Z',
    extensions: [
      { city: 7, until: '2023-08-15T12:00:00.000Z' },
      { city: { id: 9 }, until: '2023-07-01T12:00:00.000Z' },
    ],
  }

  it('gives Ambon its extension, to the end of 15 August in WIT', () => {
    expect(submissionDeadline(period, ambon)).toEqual({ at: new Date('2023-08-15T14:59:59.999Z'), zone: 'WIT', extended: true })
  })

  it('keeps the closing day when an extension would end earlier', () => {
    expect(submissionDeadline(period, semarang)).toEqual({ at: new Date('2023-07-31T16:59:59.999Z'), zone: 'WIB', extended: false })
  })

  it('sets no deadline for a period without a closing date', () => {
    expect(submissionDeadline({}, ambon)).toBeNull()
  })

  describe('around midnight UTC on the closing day', () => {
    const closing = { closesAt: '2023-07-31T12:00:00.000Z' }
    it.each([
      // 00:30 UTC on 31 July is 09:30 WIT and 07:30 WIB on the closing day itself: both still open.
      ['Ambon (WIT) at 00:30 UTC on the closing day', ambon, '2023-07-31T00:30:00.000Z', false],
      ['Semarang (WIB) at 00:30 UTC on the closing day', semarang, '2023-07-31T00:30:00.000Z', false],
      // 15:30 UTC is 00:30 WIT on 1 August, but 22:30 WIB on 31 July.
      ['Ambon (WIT) at 15:30 UTC', ambon, '2023-07-31T15:30:00.000Z', true],
      ['Semarang (WIB) at 15:30 UTC', semarang, '2023-07-31T15:30:00.000Z', false],
      // 17:00 UTC is midnight in WIB: Semarang's day is over too.
      ['Semarang (WIB) at 17:00 UTC', semarang, '2023-07-31T17:00:00.000Z', true],
    ] as const)('%s has passed: %s', (_label, city, now, passed) => {
      const deadline = submissionDeadline(closing, city)
      expect(deadline && countdown(deadline, new Date(now)).passed).toBe(passed)
    })
  })
})

describe('countdown', () => {
  const deadline = { at: new Date('2023-07-31T14:59:59.999Z'), zone: 'WIT' as const, extended: false }
  it.each([
    ['three days before', '2023-07-28T01:00:00.000Z', { passed: false, days: 3 }],
    ['on the closing day', '2023-07-31T03:00:00.000Z', { passed: false, days: 0, hours: 11 }],
    ['on the evening after', '2023-07-31T15:30:00.000Z', { passed: true, days: 1 }],
    ['two days after', '2023-08-02T01:00:00.000Z', { passed: true, days: 2 }],
  ] as const)('counts %s in whole local days', (_label, now, expected) => {
    expect(countdown(deadline, new Date(now))).toMatchObject(expected)
  })
})

describe('formatDeadline', () => {
  it('writes the local time with its zone, in one language', () => {
    const deadline = { at: new Date('2023-07-31T14:59:59.999Z'), zone: 'WIT' as const }
    expect(formatDeadline(deadline, 'id')).toMatch(/^31 Juli 2023.*23[.:]59 WIT$/)
    expect(formatDeadline(deadline, 'en')).toMatch(/^31 July 2023.*23:59 WIT$/)
  })
})
