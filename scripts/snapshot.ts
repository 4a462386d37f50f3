/**
 * `npm run snapshot` (`payload run scripts/snapshot.ts`): writes the publish snapshot once, from
 * what the anonymous public may read, to `SNAPSHOT_DIR` (default data/snapshot). With
 * `SNAPSHOT_CITIES=<id>,<id>` it reads only those cities again and merges them into the snapshot
 * already written (an environment variable, because `payload run` hands the script no options).
 *
 * The `publish-site` job runs this script as a process of its own (cms/snapshot/separateProcess.ts),
 * so the reads never stall the CMS's event loop; started so, it sends the job its summary.
 */
import config from '../cms/payload.config.ts'
import { getPayload } from 'payload'

import { buildSnapshot } from '../cms/snapshot/index.ts'
import { citiesFromEnv, SNAPSHOT_CITIES_ENV, sendSummary } from '../cms/snapshot/separateProcess.ts'

const payload = await getPayload({ config })
let exitCode = 0
try {
  const cities = citiesFromEnv(process.env[SNAPSHOT_CITIES_ENV], payload.db.defaultIDType)
  const summary = await buildSnapshot(payload, cities ? { cities } : {})
  const counts = Object.entries(summary.counts).map(([name, count]) => `${name} ${count}`).join(', ')
  const scope = summary.partial ? ` (kota / cities ${cities?.join(', ')})` : ''
  console.log(`Snapshot ditulis ke / written to ${summary.dir}${scope} in ${summary.durationMs} ms: ${counts}`)
  await sendSummary(summary)
} catch (error) {
  // The stack for the operator, then the reason as the last line, which the job's error ends with.
  console.error(error)
  console.error(`Snapshot gagal / failed: ${error instanceof Error ? error.message : String(error)}`)
  exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(exitCode)
