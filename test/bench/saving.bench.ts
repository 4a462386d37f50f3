/**
 * How long a council waits for the two heaviest saves: a report of 100 answers, and a spreadsheet
 * of 1,000 and of 10,000 measurements. `npm run bench` prints the numbers; nothing here fails on a
 * slow machine.
 * Runs on a throw-away SQLite database of its own (see the `bench` project in vitest.config.ts).
 */
import { createLocalReq, type Payload } from 'payload'
import { beforeAll, expect, test } from 'vitest'

import { importMeasurementSheet } from '../../cms/collections/Measurements/endpoints/importMeasurements.ts'
import type { Report } from '../../cms/payload-types.ts'
import { buildFixture, createReport, type Fixture, indicatorData } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'
import { xlsxFile } from '../helpers/sheets.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

const asCouncilA = () => ({ user: fixture.users.councilA, overrideAccess: false as const })

test('saving a report of 100 answers', async ({ bench }) => {
  let report: Report = await createReport(payload, fixture, fixture.cityA)
  let round = 0
  const answers = () =>
    Array.from({ length: 100 }, (_, index) => ({
      question: `Q${index + 1}`,
      value: (index + round) % 5,
      comment: `Keterangan ${index + 1}, putaran ${round}`,
    }))

  const result = await bench('update with 100 answers, as the council, based on the current version', async () => {
    round += 1
    report = await payload.update({
      collection: 'reports',
      id: report.id,
      data: { answers: answers(), updatedAt: report.updatedAt },
      depth: 0,
      ...asCouncilA(),
    })
  }).run({ iterations: 20, time: 0, warmup: true, warmupIterations: 2, warmupTime: 0 })

  expect(report.answers).toHaveLength(100)
  expect(result.latency.mean).toBeGreaterThan(0)
})

const ROWS_PER_INDICATOR = 100

/** `rows` rows: monthly indicators of city A, a hundred consecutive months each. */
async function sheetOf(rows: number): Promise<Buffer> {
  const cells: (string | number | null)[][] = [['indikator', 'tahun', 'bulan', 'nilai', 'sumber', 'catatan']]
  for (let n = 0; n < rows / ROWS_PER_INDICATOR; n += 1) {
    const indicator = await payload.create({
      collection: 'indicators',
      data: { ...indicatorData(fixture.programs.publicA), frequency: 'monthly' },
    })
    for (let month = 0; month < ROWS_PER_INDICATOR; month += 1) {
      cells.push([indicator.id, 2001 + Math.floor(month / 12), (month % 12) + 1, 100 + month, 'Dinas LH', null])
    }
  }
  return (await xlsxFile(cells)).data
}

// Targets: 1,000 rows in at most 1 s, 10,000 in at most 5 s (reading the .xlsx included).
test.for([1_000, 10_000])('importing a %i-row measurement spreadsheet', async (rows, { bench }) => {
  let sheet: Buffer = Buffer.alloc(0)
  let created = 0
  const result = await bench(
    `import ${rows.toLocaleString('en')} new measurements from .xlsx, as the council`,
    {
      // Fresh indicators each time, so every run creates every row; not timed.
      beforeEach: async () => {
        sheet = await sheetOf(rows)
      },
    },
    async () => {
      const req = await createLocalReq({ user: fixture.users.councilA }, payload)
      const outcome = await importMeasurementSheet(req, sheet)
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors.slice(0, 3)))
      created = outcome.created
    },
  ).run({ iterations: 3, time: 0, warmup: false })

  expect(created).toBe(rows)
  expect(result.latency.mean).toBeGreaterThan(0)
})
