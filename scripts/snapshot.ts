/**
 * `npm run snapshot` (`payload run scripts/snapshot.ts`): writes the publish snapshot once, from
 * what the anonymous public may read, to `SNAPSHOT_DIR` (default data/snapshot).
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { buildSnapshot } from '../cms/snapshot/index.ts'

const payload = await getPayload({ config })
let exitCode = 0
try {
  const summary = await buildSnapshot(payload)
  const counts = Object.entries(summary.counts).map(([name, count]) => `${name} ${count}`).join(', ')
  console.log(`Snapshot ditulis ke / written to ${summary.dir} in ${summary.durationMs} ms: ${counts}`)
} catch (error) {
  console.error('Snapshot gagal / failed:', error)
  exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(exitCode)
