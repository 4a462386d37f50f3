/**
 * `npm run snapshot` (`payload run scripts/snapshot.ts`): writes the publish snapshot once, from
 * what the anonymous public may read, to `SNAPSHOT_DIR` (default data/snapshot). With
 * `SNAPSHOT_CITIES=<id>,<id>` it reads only those cities again and merges them into the snapshot
 * already written (an environment variable, because `payload run` hands the script no options).
 *
 * The `publish-site` job runs this script as a process of its own (cms/snapshot/separateProcess.ts),
 * so the reads never stall the CMS's event loop. Started so (`PANTAU_SNAPSHOT_SERVE=true`), it stays
 * up and writes a snapshot each time the job asks over the IPC channel, answering with the summary
 * or the reason it failed, until the channel closes (the CMS stopped, or started another child).
 */
import config from '../cms/payload.config.ts'
import { getPayload, type Payload } from 'payload'

import { buildSnapshot } from '../cms/snapshot/index.ts'
import type { ID } from '../cms/domain/ids.ts'
import {
  cityIds,
  citiesFromEnv,
  isRequestMessage,
  SNAPSHOT_CITIES_ENV,
  SNAPSHOT_SERVE_ENV,
  type SnapshotOutcome,
  sendFailure,
  sendSummary,
} from '../cms/snapshot/separateProcess.ts'

const payload = await getPayload({ config })

/** Writes the snapshot: of `cities` merged into the one written (none: the tables of no city only), or of everything. */
async function write(payload: Payload, cities: ID[] | undefined): Promise<SnapshotOutcome> {
  const summary = await buildSnapshot(payload, cities ? { cities } : {})
  const counts = Object.entries(summary.counts).map(([name, count]) => `${name} ${count}`).join(', ')
  const scope = summary.partial ? ` (kota / cities: ${cities?.join(', ') || '-'})` : ''
  console.log(`Snapshot ditulis ke / written to ${summary.dir}${scope} in ${summary.durationMs} ms: ${counts}`)
  return summary
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

if (process.env[SNAPSHOT_SERVE_ENV] === 'true' && process.send) {
  // One request at a time: the job waits for each answer before it asks again.
  process.on('message', (message) => {
    if (!isRequestMessage(message)) return
    const { cities } = message.snapshotRequest
    Promise.resolve()
      .then(() => write(payload, cities ? cityIds(cities, payload.db.defaultIDType) : undefined))
      .then(
        (summary) => sendSummary(summary),
        (error: unknown) => {
          // The stack for the operator; the reason goes to the job, whose error ends with it.
          console.error(error)
          return sendFailure(reasonOf(error))
        },
      )
      // The channel closed meanwhile: this process is ending.
      .catch(() => {})
  })
  // `payload run` ends the process once this module has run: it runs until the channel closes.
  await new Promise((resolve) => process.once('disconnect', resolve))
  await payload.destroy()
  process.exit(0)
} else {
  let exitCode = 0
  try {
    await sendSummary(await write(payload, citiesFromEnv(process.env[SNAPSHOT_CITIES_ENV], payload.db.defaultIDType)))
  } catch (error) {
    // The stack for the operator, then the reason as the last line, which the job's error ends with.
    console.error(error)
    console.error(`Snapshot gagal / failed: ${reasonOf(error)}`)
    exitCode = 1
  } finally {
    await payload.destroy()
  }
  process.exit(exitCode)
}
