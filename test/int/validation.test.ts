import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { callApi, tokenOf } from '../helpers/api.ts'
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
    await expectFieldError(attempt, 'value', new RegExp(`^Nilai tidak boleh negatif untuk indikator "${indicator.name}"$`))
    await expect(
      payload.create({ collection: 'measurements', data: { indicator: indicator.id, year: 2024, value: -5 }, ...asCouncilA() }),
    ).rejects.toMatchObject({ message: 'Isian berikut tidak valid: Nilai' })
  })

  it('refuses it in English, naming the field in words and the indicator by its English name, to a person whose admin language is English', async () => {
    const indicator = await payload.create({
      collection: 'indicators',
      locale: 'id',
      data: { ...indicatorData(fixture.programs.publicA), name: 'Konser yang digelar' },
    })
    await payload.update({ collection: 'indicators', id: indicator.id, locale: 'en', data: { name: 'Concerts held' } })
    const response = await callApi('POST', '/measurements', {
      token: await tokenOf(payload, fixture.users.councilA),
      language: 'en',
      json: { indicator: indicator.id, year: 2024, value: -5 },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0]).toMatchObject({
      message: 'The following field is invalid: Value',
      data: { errors: [expect.objectContaining({ path: 'value', label: 'Value', message: 'The value cannot be negative for indicator "Concerts held"' })] },
    })
    expect(JSON.stringify(response.body)).not.toMatch(/Nilai|tidak/)
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
    await expectFieldError(attempt, 'year', new RegExp(`^Sudah ada nilai untuk periode ${existing.year}; ubah nilai yang ada$`))
  })

  it('asks for the month of a monthly indicator', async () => {
    const monthly = await payload.create({
      collection: 'indicators',
      data: { ...indicatorData(fixture.programs.publicA), frequency: 'monthly' },
    })
    const attempt = payload.create({ collection: 'measurements', data: { indicator: monthly.id, year: 2024, value: 3 }, ...asCouncilA() })
    await expectFieldError(attempt, 'month', /^Indikator ini dilaporkan bulanan: isi bulannya$/)
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
    await expectFieldError(attempt, 'month', /^Bulan harus bilangan bulat 1-12$/)
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
    await expectFieldError(attempt, 'targetYear', new RegExp(`sebelum tahun mulai program \\(${program.startYear}\\)$`))
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
    await expectFieldError(
      payload.create({ collection: 'cities', data: { ...cityData(), regionCode } }),
      'regionCode',
      /^Kode wilayah harus berformat NN\.NN, mis\. 81\.71$/,
    )
  })

  it('refuse a wrong region code in English only, to a secretariat member whose admin language is English', async () => {
    const response = await callApi('POST', '/cities', {
      token: await tokenOf(payload, fixture.users.secretariat),
      language: 'en',
      json: { ...cityData(), regionCode: '8171' },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'regionCode', message: 'The region code must look like NN.NN, e.g. 81.71' }),
    ])
    expect(JSON.stringify(response.body)).not.toMatch(/Kode|harus/)
  })
})

describe('cities of the official list', () => {
  it("refuse a Kemendagri code given with another province, naming the code's region, in the admin language", async () => {
    const response = await callApi('POST', '/cities', {
      token: await tokenOf(payload, fixture.users.secretariat),
      language: 'en',
      json: { ...cityData(), name: 'Kota Bandung', province: 'Maluku', regionCode: '32.73' },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([
      expect.objectContaining({
        path: 'regionCode',
        message: 'Region code 32.73 is Kota Bandung, province of Jawa Barat: check the code or the province',
      }),
    ])
    expect(await payload.count({ collection: 'cities', where: { regionCode: { equals: '32.73' } } })).toMatchObject({ totalDocs: 0 })
  })

  it('take the code with its own province, and a code the list does not have yet as typed', async () => {
    const bandung = await payload.create({
      collection: 'cities',
      data: { ...cityData(), name: 'Kota Bandung', province: 'Jawa Barat', regionCode: '32.73' },
      user: fixture.users.secretariat,
      overrideAccess: false,
    })
    expect(bandung).toMatchObject({ regionCode: '32.73', province: 'Jawa Barat' })
    const unlisted = await payload.create({ collection: 'cities', data: { ...cityData(), regionCode: '99.99' } })
    expect(unlisted.regionCode).toBe('99.99')
  })

  it('refuse a code another city has, naming that city, and let a city be saved again with its own', async () => {
    const token = await tokenOf(payload, fixture.users.secretariat)
    const response = await callApi('POST', '/cities', {
      token,
      language: 'id',
      json: { ...cityData(), name: 'Kota Bandung Baru', province: 'Jawa Barat', regionCode: '32.73' },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'regionCode', message: 'Kode wilayah 32.73 sudah dipakai Kota Bandung' }),
    ])
    expect(await payload.count({ collection: 'cities', where: { name: { equals: 'Kota Bandung Baru' } } })).toMatchObject({ totalDocs: 0 })

    const [bandung] = (await payload.find({ collection: 'cities', where: { regionCode: { equals: '32.73' } } })).docs
    const saved = await callApi('PATCH', `/cities/${bandung.id}`, { token, language: 'id', json: { regionCode: '32.73' } })
    expect(saved.status).toBe(200)
  })
})

describe('pillars', () => {
  it('refuse a chart colour that is no #RRGGBB, in the admin language', async () => {
    const response = await callApi('POST', '/dimensions', {
      token: await tokenOf(payload, fixture.users.secretariat),
      language: 'en',
      json: { name: 'Pilar uji', order: 99, colour: 'green' },
    })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual([
      expect.objectContaining({ path: 'colour', message: 'The colour must look like #RRGGBB, e.g. #1b7f5a' }),
    ])
    expect(JSON.stringify(response.body)).not.toMatch(/Warna|harus/)
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
    await expectFieldError(attempt, 'closesAt', /^Tanggal tutup harus setelah tanggal buka$/)
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
    await expectFieldError(attempt, 'assignments', /^Asesor hanya dapat ditugaskan ke kota peserta periode ini$/)
  })
})

describe('users', () => {
  it('refuse a council member without a city', async () => {
    const attempt = payload.create({
      collection: 'users',
      data: { email: 'tanpa-kota@example.test', password: 'correct-horse-battery', name: 'Tanpa Kota', role: 'council', cities: [] },
    })
    await expectFieldError(attempt, 'cities', /^Anggota dewan harus terhubung ke minimal satu kota$/)
  })
})
