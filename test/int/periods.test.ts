import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, CONTEXT_FLAGS, REPORT_STATUS } from '../../cms/constants.ts'
import type { City, Period } from '../../cms/payload-types.ts'
import { as } from '../helpers/access.ts'
import { buildFixture, cityData, type Fixture, periodData } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'

let payload: Payload
let fixture: Fixture
let cities: City[]

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
  cities = []
  for (let i = 0; i < 3; i += 1) cities.push(await payload.create({ collection: COLLECTIONS.cities, data: cityData() }))
})

const reportsOf = async (period: Period) =>
  (
    await payload.find({
      collection: COLLECTIONS.reports,
      where: { period: { equals: period.id } },
      depth: 0,
      pagination: false,
      sort: 'id',
    })
  ).docs

/** A period of the given cities, with no assessor (the fixture's assessor belongs to city A). */
const roundOf = (status: 'upcoming' | 'open', members: City[]) => ({
  ...periodData(fixture),
  status,
  cities: members.map((city) => city.id),
  assignments: [],
})

const secretariat = () => as(fixture, 'secretariat')

describe('opening a period', () => {
  it('gives every participating city one draft report, titled with city and period', async () => {
    const period = await payload.create({ collection: COLLECTIONS.periods, data: roundOf('open', cities), ...secretariat() })
    const reports = await reportsOf(period)
    expect(reports).toHaveLength(cities.length)
    expect(reports.map((report) => report.city).sort()).toEqual(cities.map((city) => city.id).sort())
    for (const report of reports) {
      const city = cities.find((candidate) => candidate.id === report.city) as City
      expect(report).toMatchObject({ status: REPORT_STATUS.draft, title: `${city.name} — ${period.title}` })
    }
  })

  it('creates nothing twice when an open period is saved again', async () => {
    const period = await payload.create({ collection: COLLECTIONS.periods, data: roundOf('open', cities), ...secretariat() })
    await payload.update({ collection: COLLECTIONS.periods, id: period.id, data: { stage: 'Tahap II' }, ...secretariat() })
    await payload.update({ collection: COLLECTIONS.periods, id: period.id, data: { status: 'open' }, ...secretariat() })
    expect(await reportsOf(period)).toHaveLength(cities.length)
  })

  it('creates no reports while a period is upcoming, and all of them when it opens', async () => {
    const period = await payload.create({ collection: COLLECTIONS.periods, data: roundOf('upcoming', cities), ...secretariat() })
    expect(await reportsOf(period)).toHaveLength(0)
    await payload.update({ collection: COLLECTIONS.periods, id: period.id, data: { status: 'open' }, ...secretariat() })
    expect(await reportsOf(period)).toHaveLength(cities.length)
  })

  it('keeps the report a city already has and creates the others', async () => {
    const period = await payload.create({ collection: COLLECTIONS.periods, data: roundOf('upcoming', cities), ...secretariat() })
    const own = await payload.create({
      collection: COLLECTIONS.reports,
      data: { title: 'Laporan yang sudah ada', city: cities[0].id, period: period.id, status: REPORT_STATUS.draft },
    })
    await payload.update({ collection: COLLECTIONS.periods, id: period.id, data: { status: 'open' }, ...secretariat() })
    const reports = await reportsOf(period)
    expect(reports).toHaveLength(cities.length)
    expect(reports.find((report) => report.city === cities[0].id)).toMatchObject({ id: own.id, title: 'Laporan yang sudah ada' })
  })

  it('gives a city added to an open period its draft', async () => {
    const period = await payload.create({
      collection: COLLECTIONS.periods,
      data: roundOf('open', cities.slice(0, 2)),
      ...secretariat(),
    })
    expect(await reportsOf(period)).toHaveLength(2)
    await payload.update({
      collection: COLLECTIONS.periods,
      id: period.id,
      data: { cities: cities.map((city) => city.id) },
      ...secretariat(),
    })
    const reports = await reportsOf(period)
    expect(reports).toHaveLength(3)
    expect(reports.map((report) => report.city)).toContain(cities[2].id)
  })

  it('gives a city added after the period closed its draft, and closing creates nothing', async () => {
    const period = await payload.create({ collection: COLLECTIONS.periods, data: roundOf('open', cities.slice(0, 2)), ...secretariat() })
    await payload.update({ collection: COLLECTIONS.periods, id: period.id, data: { status: 'closed' }, ...secretariat() })
    expect(await reportsOf(period)).toHaveLength(2)
    await payload.update({ collection: COLLECTIONS.periods, id: period.id, data: { cities: cities.map((city) => city.id) }, ...secretariat() })
    const reports = await reportsOf(period)
    expect(reports).toHaveLength(3)
    expect(reports.find((report) => report.city === cities[2].id)).toMatchObject({ status: REPORT_STATUS.draft })
  })

  it('creates no reports for a period closed before it ever opened', async () => {
    const period = await payload.create({ collection: COLLECTIONS.periods, data: roundOf('upcoming', cities), ...secretariat() })
    await payload.update({ collection: COLLECTIONS.periods, id: period.id, data: { status: 'closed' }, ...secretariat() })
    expect(await reportsOf(period)).toHaveLength(0)
  })

  it('titles the drafts in Indonesian when the secretariat works in English', async () => {
    const period = await payload.create({ collection: COLLECTIONS.periods, data: roundOf('upcoming', cities.slice(0, 1)), ...secretariat() })
    await payload.update({
      collection: COLLECTIONS.periods,
      id: period.id,
      locale: 'en',
      data: { title: 'Smart City Evaluation, English title' },
      ...secretariat(),
    })
    const opened = await payload.update({
      collection: COLLECTIONS.periods,
      id: period.id,
      locale: 'en',
      data: { status: 'open' },
      ...secretariat(),
    })
    expect(opened.title).toBe('Smart City Evaluation, English title')
    const [report] = await reportsOf(period)
    expect(report.title).toBe(`${cities[0].name} — ${period.title}`)
  })

  it('creates no drafts when the caller asks to skip them', async () => {
    const period = await payload.create({
      collection: COLLECTIONS.periods,
      data: roundOf('open', cities),
      context: { [CONTEXT_FLAGS.skipPeriodOpening]: true },
      ...secretariat(),
    })
    expect(await reportsOf(period)).toHaveLength(0)
  })

  it('leaves system writes, such as the seed, to set up their own reports', async () => {
    const period = await payload.create({ collection: COLLECTIONS.periods, data: roundOf('open', cities) })
    expect(await reportsOf(period)).toHaveLength(0)
  })

  it('lets the council of a participating city find its draft', async () => {
    const period = await payload.create({
      collection: COLLECTIONS.periods,
      data: roundOf('open', [fixture.cityA, fixture.cityB]),
      ...secretariat(),
    })
    const { docs } = await payload.find({
      collection: COLLECTIONS.reports,
      where: { period: { equals: period.id } },
      depth: 0,
      ...as(fixture, 'councilA'),
    })
    expect(docs.map((report) => report.city)).toEqual([fixture.cityA.id])
  })
})
