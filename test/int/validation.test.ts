import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { EMULATOR_GAPS, needsRealMongo } from '../helpers/engine.ts'
import { expectFieldError } from '../helpers/errors.ts'
import { buildFixture, cityData, type Fixture, indicatorData, instrumentData, programData } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

/** Field rules hold for everyone, so these run as the council that owns the records. */
const asCouncilA = () => ({ user: fixture.users.councilA, overrideAccess: false as const })

describe('measurements', () => {
  it('refuses a negative value for an indicator that forbids it, naming the indicator', async () => {
    const indicator = fixture.indicators.publicA
    const attempt = payload.create({
      collection: 'measurements',
      data: { indicator: indicator.id, year: 2024, value: -5 },
      ...asCouncilA(),
    })
    await expectFieldError(attempt, 'value', new RegExp(`tidak boleh negatif.*${indicator.name}.*cannot be negative`))
  })

  it('accepts a negative value where the indicator allows it', async () => {
    const indicator = await payload.create({
      collection: 'indicators',
      data: { ...indicatorData(fixture.programs.publicA), name: 'Perubahan timbulan sampah', allowNegative: true },
    })
    const saved = await payload.create({
      collection: 'measurements',
      data: { indicator: indicator.id, year: 2024, value: -12.5 },
      ...asCouncilA(),
    })
    expect(saved.value).toBe(-12.5)
    expect(saved.city).toMatchObject({ id: fixture.cityA.id })
  })

  it('refuses a second value for the same indicator and year', async () => {
    const indicator = fixture.indicators.publicA
    const existing = fixture.measurements.publicA
    const attempt = payload.create({
      collection: 'measurements',
      data: { indicator: indicator.id, year: existing.year, value: 1 },
      ...asCouncilA(),
    })
    await expectFieldError(attempt, 'year', new RegExp(`${existing.year}.*already exists`))
  })

  it('asks for the month of a monthly indicator', async () => {
    const monthly = await payload.create({
      collection: 'indicators',
      data: { ...indicatorData(fixture.programs.publicA), frequency: 'monthly' },
    })
    const attempt = payload.create({ collection: 'measurements', data: { indicator: monthly.id, year: 2024, value: 3 }, ...asCouncilA() })
    await expectFieldError(attempt, 'month', /reported monthly: fill in the month/)
    const withMonth = await payload.create({
      collection: 'measurements',
      data: { indicator: monthly.id, year: 2024, month: 9, value: 3 },
      ...asCouncilA(),
    })
    expect(withMonth.month).toBe(9)
  })

  it('refuses month 13', async () => {
    const monthly = await payload.create({
      collection: 'indicators',
      data: { ...indicatorData(fixture.programs.publicA), frequency: 'monthly' },
    })
    const attempt = payload.create({ collection: 'measurements', data: { indicator: monthly.id, year: 2024, month: 13, value: 3 }, ...asCouncilA() })
    await expectFieldError(attempt, 'month', /1 to 12/)
  })
})

describe('indicators', () => {
  it('refuses a target year before the programme started', async () => {
    const program = fixture.programs.publicA
    const attempt = payload.create({
      collection: 'indicators',
      data: { ...indicatorData(program), targetYear: program.startYear - 1 },
      ...asCouncilA(),
    })
    await expectFieldError(attempt, 'targetYear', new RegExp(`before the programme's start year \\(${program.startYear}\\)`))
  })
})

describe('slugs', () => {
  it('are made from the title when left empty', async () => {
    const program = await payload.create({
      collection: 'programs',
      data: { ...programData(fixture.cityA, fixture.dimension), slug: undefined, title: 'Bank Sampah Digital' },
    })
    expect(program.slug).toBe('bank-sampah-digital')
  })

  it('are unique', async (context) => {
    needsRealMongo(context, EMULATOR_GAPS.uniqueIndexes)
    const taken = fixture.programs.publicA.slug as string
    const attempt = payload.create({ collection: 'programs', data: { ...programData(fixture.cityA, fixture.dimension), slug: taken } })
    await expectFieldError(attempt, 'slug', /Nilai harus unik|Value must be unique/)
  })
})

describe('cities', () => {
  it.each(['8171', '81.7', 'AB.CD'])('refuse the region code %j', async (regionCode) => {
    await expectFieldError(payload.create({ collection: 'cities', data: { ...cityData(), regionCode } }), 'regionCode', /NN\.NN/)
  })
})

describe('instruments', () => {
  it('refuse evaluation-dimension weights that do not total 100%', async () => {
    const data = { ...instrumentData(fixture.dimension), evaluationDimensions: [{ key: 'output', name: 'Output', weight: 40 }] }
    await expectFieldError(payload.create({ collection: 'instruments', data }), 'evaluationDimensions', /^Bobot dimensi evaluasi berjumlah 40%, harus 100%$/)
  })

  it('refuse a question code used twice', async () => {
    const data = instrumentData(fixture.dimension)
    const section = data.sections[0]
    data.sections = [section, { ...section, title: 'Lagi' }]
    await expectFieldError(payload.create({ collection: 'instruments', data }), 'sections', /^Kode pertanyaan "G1" dipakai dua kali$/)
  })
})

describe('periods', () => {
  it('refuse a closing date before the opening date', async () => {
    const attempt = payload.create({
      collection: 'periods',
      data: {
        title: 'Evaluasi terbalik',
        status: 'upcoming',
        year: 2024,
        instrument: fixture.instrument.id,
        opensAt: '2024-07-01T00:00:00.000Z',
        closesAt: '2024-06-01T00:00:00.000Z',
      },
    })
    await expectFieldError(attempt, 'closesAt', /after the opening date/)
  })

  it('refuse an assessor assigned to a city that does not take part', async () => {
    const attempt = payload.create({
      collection: 'periods',
      data: {
        title: 'Evaluasi tanpa kota',
        status: 'upcoming',
        year: 2024,
        instrument: fixture.instrument.id,
        opensAt: '2024-05-01T00:00:00.000Z',
        closesAt: '2024-07-01T00:00:00.000Z',
        cities: [fixture.cityB.id],
        assignments: [{ city: fixture.cityA.id, assessor: fixture.users.assessorA.id, lead: true }],
      },
    })
    await expectFieldError(attempt, 'assignments', /cities taking part/)
  })
})

describe('users', () => {
  it('refuse a council member without a city', async () => {
    const attempt = payload.create({
      collection: 'users',
      data: { email: 'tanpa-kota@example.test', password: 'correct-horse-battery', name: 'Tanpa Kota', role: 'council', cities: [] },
    })
    await expectFieldError(attempt, 'cities', /at least one city/)
  })
})
