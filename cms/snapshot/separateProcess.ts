/**
 * The publish snapshot written by a process of its own: `scripts/snapshot.ts` through `payload run`
 * (as `npm run snapshot` runs it, so `@payload-config` resolves), on the same database and folders.
 * Its reads never stall the event loop the CMS answers the API on (SQLite reads through libsql are
 * synchronous, and a national snapshot reads for most of a minute). The cities to read again go to
 * the child in `SNAPSHOT_CITIES`; the child sends its summary back over the IPC channel.
 */
import path from 'node:path'

import { type ID, isWellFormedId } from '../domain/ids.ts'
import { runNode } from '../infra/nodeProcess.ts'
import { projectRoot } from '../infra/paths.ts'
import type { SnapshotSummary } from './index.ts'

/** The variable naming the cities a snapshot reads again (comma-separated ids); unset or empty: everything. */
export const SNAPSHOT_CITIES_ENV = 'SNAPSHOT_CITIES'

/** What a snapshot build reports, in this process or in the child. */
export type SnapshotOutcome = SnapshotSummary & { partial: boolean }

/** The message the child sends once the snapshot is written. */
type SummaryMessage = { snapshotSummary: SnapshotOutcome }

const isSummaryMessage = (message: unknown): message is SummaryMessage =>
  typeof message === 'object' && message !== null && typeof (message as SummaryMessage).snapshotSummary?.created === 'string'

/**
 * The cities named in `SNAPSHOT_CITIES`, typed as the database's ids (numbers on SQLite, ObjectId
 * text on MongoDB); undefined when it names none. Anything that is no id of this database is refused.
 */
export function citiesFromEnv(value: string | undefined, idType: 'number' | 'text'): ID[] | undefined {
  const texts = (value ?? '')
    .split(',')
    .map((text) => text.trim())
    .filter(Boolean)
  if (texts.length === 0) return undefined
  const kind = idType === 'number' ? 'integer' : 'objectId'
  const wrong = texts.find((text) => !isWellFormedId(text, kind))
  if (wrong !== undefined) {
    throw new Error(
      `${SNAPSHOT_CITIES_ENV}: "${wrong}" bukan id kota pada basis data ini / is not a city id on this database ` +
        `(${kind === 'integer' ? 'bilangan bulat / whole numbers' : 'ObjectId'}, dipisah koma / comma-separated)`,
    )
  }
  return kind === 'integer' ? texts.map(Number) : texts
}

/** In the child: hands the summary to the job that started it (nothing when run by hand). */
export function sendSummary(summary: SnapshotOutcome): Promise<void> {
  const send = process.send?.bind(process)
  if (!send) return Promise.resolve()
  const message: SummaryMessage = { snapshotSummary: summary }
  return new Promise((resolve, reject) => {
    send(message, undefined, {}, (error) => (error ? reject(error) : resolve()))
  })
}

const PAYLOAD_BIN = path.join(projectRoot, 'node_modules', 'payload', 'bin.js')
/**
 * Node runs the TypeScript itself (type stripping) instead of `payload run`'s tsx loader, which
 * resolves each of the config's ~4,000 modules through a worker thread: the child starts in about
 * 5 s instead of 8-9 s at rest on 2 cores. The code keeps to what Node can strip (`erasableSyntaxOnly`,
 * `verbatimModuleSyntax`, relative imports with their extension: tsconfig.json, test/unit/architecture.test.ts).
 */
const DISABLE_TRANSPILE = '--disable-transpile'
const SNAPSHOT_SCRIPT = path.join('scripts', 'snapshot.ts')

/**
 * Writes the snapshot (of `cities` only, merged into the one written, or of everything when null) in
 * a child process with this process's environment (database, folders, secret), and returns its
 * summary. Fails with the child's last lines when it fails.
 */
export async function snapshotInSeparateProcess(cities: ID[] | null): Promise<SnapshotOutcome> {
  let summary: SnapshotOutcome | undefined
  await runNode([PAYLOAD_BIN, 'run', SNAPSHOT_SCRIPT, DISABLE_TRANSPILE], {
    label: 'Snapshot',
    background: true,
    env: {
      ...process.env,
      // Set even when empty: a SNAPSHOT_CITIES of the server's own environment must not narrow a full publish.
      [SNAPSHOT_CITIES_ENV]: cities ? cities.map(String).join(',') : '',
      // This CMS has migrated the database; the child only reads it (cms/infra/database.ts).
      PANTAU_SKIP_BOOT_TASKS: 'true',
    },
    onMessage: (message) => {
      if (isSummaryMessage(message)) summary = message.snapshotSummary
    },
  })
  if (!summary) throw new Error('Snapshot: proses selesai tanpa ringkasan / the process ended without a summary')
  return summary
}
