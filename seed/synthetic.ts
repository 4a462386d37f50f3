/**
 * `npm run seed:synthetic` (`payload run seed/synthetic.ts`): a large, made-up data set for
 * benchmarks: 100 cities x 7 years of public programmes, indicators, monthly and yearly
 * measurements and published updates, and for every city and year an accepted evaluation report
 * whose published review carries the index and the scores per pillar, written into the database
 * named by `DATABASE_URI`. The data set itself is seed/scenarios/synthetic.ts.
 *
 * The same seed gives the same data on every machine. Writes skip the `publish-site` job (one
 * snapshot afterwards is enough), go through the Local API in one transaction per city, and the
 * measurements, nine in ten of all rows, are inserted in bulk on SQLite. The evaluation scores are
 * computed by the server's hooks from the answers and the assessor's per-question scores.
 *
 * Options are environment variables, because `payload run` passes no arguments to the script:
 * `SYNTHETIC_CITIES` (100), `SYNTHETIC_YEARS` (7), `SYNTHETIC_SEED` (2017), and
 * `SYNTHETIC_ALLOW_DEFAULT_DATABASE=true` to write into the default demo database `data/pantau.db`,
 * which it otherwise refuses.
 */
import config from '@payload-config'
import { getPayload, type Migration } from 'payload'

import { DEFAULT_SQLITE_URL, resolveDatabase } from '../cms/infra/database.ts'
import { migrations } from '../cms/migrations/index.ts'
import { SYNTHETIC_DEFAULTS, seedSynthetic, type SyntheticOptions } from './scenarios/synthetic.ts'

/** Whether `uri` is the demo database everyone works with when DATABASE_URI is unset. */
function isDefaultDatabase(uri: string | undefined): boolean {
  return resolveDatabase(uri).url === DEFAULT_SQLITE_URL
}

function optionsFrom(env: Record<string, string | undefined>): SyntheticOptions {
  const number = (name: string, fallback: number) => {
    const value = env[name] ? Number(env[name]) : fallback
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} harus bilangan bulat positif / must be a positive whole number`)
    return value
  }
  return {
    cities: number('SYNTHETIC_CITIES', SYNTHETIC_DEFAULTS.cities),
    years: number('SYNTHETIC_YEARS', SYNTHETIC_DEFAULTS.years),
    seed: number('SYNTHETIC_SEED', SYNTHETIC_DEFAULTS.seed),
    lastYear: SYNTHETIC_DEFAULTS.lastYear,
  }
}

if (isDefaultDatabase(process.env.DATABASE_URI) && process.env.SYNTHETIC_ALLOW_DEFAULT_DATABASE !== 'true') {
  console.error(
    'Data sintetis tidak ditulis ke basis data demo (data/pantau.db). Tetapkan DATABASE_URI=file:<path> lain, ' +
      'atau SYNTHETIC_ALLOW_DEFAULT_DATABASE=true. / Synthetic data is not written into the demo database ' +
      '(data/pantau.db). Set DATABASE_URI=file:<path> to another database, or SYNTHETIC_ALLOW_DEFAULT_DATABASE=true.',
  )
  process.exit(2)
}

const options = optionsFrom(process.env)
const payload = await getPayload({ config })
let exitCode = 0
try {
  // A fresh SQLite file gets the committed schema, as `payload migrate` would give it.
  if (payload.db.name === 'sqlite') await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  console.log(`Data sintetis / synthetic data: ${options.cities} kota / cities x ${options.years} tahun / years, seed ${options.seed}`)
  const summary = await seedSynthetic(payload, options, (line) => console.log(line))
  console.log(
    `Selesai / done in ${(summary.durationMs / 1000).toFixed(1)} s: ${summary.cities} cities, ${summary.programs} programmes, ` +
      `${summary.indicators} indicators, ${summary.measurements} measurements, ${summary.updates} updates, ` +
      `${summary.periods} periods, ${summary.reports} reports, ${summary.reviews} reviews`,
  )
} catch (error) {
  console.error('Data sintetis gagal / Synthetic seed failed:', error)
  exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(exitCode)
