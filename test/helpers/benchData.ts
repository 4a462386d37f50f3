/**
 * The data sets the benches measure on: the demo data plus synthetic real kabupaten/kota
 * (`npm run seed:synthetic`) up to a number of cities in all (514: every one), made once and kept in `node_modules/.cache/pantau-bench/`, named by
 * what made them (the set's size and seed, the package's version, the seed's code and the
 * migrations), so a change to any of these makes it again. At national size (514 x 7) the seed takes
 * minutes; a bench copies the kept installation (database and uploads) into its own folder.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { CITIES as DEMO_CITIES } from '../../seed/data/cities.ts'
import { installationEnv } from './installation.ts'
import { PAYLOAD_BIN, root, runNode } from './processes.ts'

/** `cities` in all: the demo's cities and as many synthetic ones as make up the rest. */
export type DataSet = { cities: number; years: number; seed: number }
export type Prepared = {
  /** Whether the installation was kept from an earlier run. */
  kept: boolean
  /** When and how the synthetic seed ran (wall time, peak memory of its processes). */
  seed: { at: string; ms: number; peakMb: number | undefined; load: string }
}

const CACHE = path.join(root, 'node_modules', '.cache', 'pantau-bench')
const SEED_TIMEOUT_MS = 60 * 60_000

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

/** What made a data set: its options, the package's version, the seed's code and the migrations. */
function keyOf(set: DataSet): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify(set))
  hash.update(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version)
  for (const file of [...filesUnder(path.join(root, 'seed')), ...filesUnder(path.join(root, 'cms', 'migrations'))]) {
    hash.update(path.relative(root, file))
    hash.update(fs.readFileSync(file))
  }
  return `${set.cities}x${set.years}-seed${set.seed}-${hash.digest('hex').slice(0, 12)}`
}

const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ')

/** Makes the installation of `set` in the cache. */
async function make(dir: string, set: DataSet): Promise<Prepared['seed']> {
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  // As `npm run` runs the seed: vitest's NODE_ENV=test would change how Payload starts.
  const { NODE_ENV: _vitest, ...inherited } = process.env
  const env = { ...inherited, ...installationEnv(dir) } as NodeJS.ProcessEnv
  await runNode([PAYLOAD_BIN, 'migrate'], env, SEED_TIMEOUT_MS)
  // The demo data brings the demo accounts (the secretariat signs in); the synthetic set the size.
  await runNode([PAYLOAD_BIN, 'run', 'seed/index.ts'], env, SEED_TIMEOUT_MS)
  const load = loadAverage()
  const seeded = await runNode(
    [PAYLOAD_BIN, 'run', 'seed/synthetic.ts'],
    { ...env, SYNTHETIC_CITIES: String(set.cities - DEMO_CITIES.length), SYNTHETIC_YEARS: String(set.years), SYNTHETIC_SEED: String(set.seed) },
    SEED_TIMEOUT_MS,
  )
  // The demo seed leaves a publish queued: it runs now, so a server started on the copy is idle.
  await runNode([PAYLOAD_BIN, 'jobs:run', '--all-queues'], { ...env, PANTAU_PUBLISH_IN_PROCESS: 'true' }, SEED_TIMEOUT_MS)
  fs.rmSync(path.join(dir, 'snapshot'), { recursive: true, force: true })
  fs.rmSync(path.join(dir, 'mail'), { recursive: true, force: true })
  return { at: new Date().toISOString(), ms: Math.round(seeded.ms), peakMb: seeded.peakMb, load }
}

/**
 * The installation of `set` copied into `target` (its database and uploads, as
 * `installationEnv(target)` names them), made first when none is kept.
 */
export async function prepareInstallation(target: string, set: DataSet): Promise<Prepared> {
  const key = keyOf(set)
  const kept = path.join(CACHE, key)
  const record = path.join(CACHE, `${key}.json`)
  let prepared: Prepared
  if (fs.existsSync(record)) {
    prepared = { kept: true, seed: JSON.parse(fs.readFileSync(record, 'utf8')) }
  } else {
    console.log(`Seeding the demo data and synthetic cities, ${set.cities} x ${set.years} in all, once (kept as ${key})`)
    const making = `${kept}.making`
    const seed = await make(making, set)
    fs.rmSync(kept, { recursive: true, force: true })
    fs.renameSync(making, kept)
    fs.writeFileSync(record, JSON.stringify(seed))
    prepared = { kept: false, seed }
  }
  fs.mkdirSync(target, { recursive: true })
  fs.cpSync(kept, target, { recursive: true })
  return prepared
}
