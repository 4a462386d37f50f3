/**
 * The publish snapshot written by a process of its own: `scripts/snapshot.ts` through `payload run`
 * (as `npm run snapshot` runs it, so `@payload-config` resolves), on the same database and folders.
 * Its reads never stall the event loop the CMS answers the API on (SQLite reads through libsql are
 * synchronous, and a national snapshot reads for most of a minute). The child stays up between
 * publishes: the cities to read again go to it over the IPC channel, as `SNAPSHOT_CITIES` names them
 * for `npm run snapshot`, and it sends its summary (or why it failed) back the same way.
 */
import type { ChildProcess } from 'node:child_process'
import path from 'node:path'
import type { Readable } from 'node:stream'

import { type ID, isWellFormedId } from '../domain/ids.ts'
import { keepTail, startNode } from '../infra/nodeProcess.ts'
import { projectRoot } from '../infra/paths.ts'
import type { SnapshotSummary } from './index.ts'

/** The variable naming the cities a snapshot reads again (comma-separated ids); unset or empty: everything. */
export const SNAPSHOT_CITIES_ENV = 'SNAPSHOT_CITIES'

/** What a snapshot build reports, in this process or in the child. */
export type SnapshotOutcome = SnapshotSummary & { partial: boolean }

/** The message the child sends once the snapshot is written. */
type SummaryMessage = { snapshotSummary: SnapshotOutcome }
/** What a child that serves several snapshots is asked for: the cities' ids (none: only the tables of no city), or null for everything. */
type RequestMessage = { snapshotRequest: { cities: string[] | null } }
/** The reason a snapshot failed, from a child that stays up for the next one. */
type FailureMessage = { snapshotFailure: string }

const isSummaryMessage = (message: unknown): message is SummaryMessage =>
  typeof message === 'object' && message !== null && typeof (message as SummaryMessage).snapshotSummary?.created === 'string'
const isFailureMessage = (message: unknown): message is FailureMessage =>
  typeof message === 'object' && message !== null && typeof (message as FailureMessage).snapshotFailure === 'string'
export const isRequestMessage = (message: unknown): message is RequestMessage => {
  const cities = typeof message === 'object' && message !== null ? (message as RequestMessage).snapshotRequest?.cities : undefined
  return cities === null || (Array.isArray(cities) && cities.every((city) => typeof city === 'string'))
}

/**
 * The cities named in `SNAPSHOT_CITIES`, typed as the database's ids (numbers on SQLite, ObjectId
 * text on MongoDB); undefined when it names none. Anything that is no id of this database is refused.
 */
export function citiesFromEnv(value: string | undefined, idType: 'number' | 'text'): ID[] | undefined {
  const texts = (value ?? '')
    .split(',')
    .map((text) => text.trim())
    .filter(Boolean)
  return texts.length === 0 ? undefined : cityIds(texts, idType)
}

/** City ids as text, typed as the database's ids; anything that is no id of this database is refused. */
export function cityIds(texts: readonly string[], idType: 'number' | 'text'): ID[] {
  const kind = idType === 'number' ? 'integer' : 'objectId'
  const wrong = texts.find((text) => !isWellFormedId(text, kind))
  if (wrong !== undefined) {
    throw new Error(
      `${SNAPSHOT_CITIES_ENV}: "${wrong}" bukan id kota pada basis data ini / is not a city id on this database ` +
        `(${kind === 'integer' ? 'bilangan bulat / whole numbers' : 'ObjectId'}, dipisah koma / comma-separated)`,
    )
  }
  return kind === 'integer' ? texts.map(Number) : [...texts]
}

/** In the child: hands a message to the job that started it (nothing when run by hand). */
function sendToParent(message: SummaryMessage | FailureMessage): Promise<void> {
  const send = process.send?.bind(process)
  if (!send) return Promise.resolve()
  return new Promise((resolve, reject) => {
    send(message, undefined, {}, (error) => (error ? reject(error) : resolve()))
  })
}

/** In the child: hands the summary to the job that started it (nothing when run by hand). */
export const sendSummary = (summary: SnapshotOutcome): Promise<void> => sendToParent({ snapshotSummary: summary })

/** In a serving child: tells the job why its snapshot failed (the child stays up for the next one). */
export const sendFailure = (reason: string): Promise<void> => sendToParent({ snapshotFailure: reason })

/** Set for a child that stays up and writes a snapshot each time the CMS asks (scripts/snapshot.ts). */
export const SNAPSHOT_SERVE_ENV = 'PANTAU_SNAPSHOT_SERVE'

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
 * The child that writes the snapshots: started at the first publish and kept for the next ones, so a
 * publish no longer waits for a Node process to load Payload and its config (about 4 s of the 8 s a
 * one-city snapshot took at national size on 2 cores, more when the machine is busy). One snapshot at
 * a time (the publish job runs one at a time too). Started again when it died, or when this process's
 * environment changed since it started (it reads the database and folders the environment names).
 * It ends with this process: its IPC channel closing ends it, and it keeps nothing here alive.
 */
class SnapshotChild {
  readonly env: string
  private readonly child: ChildProcess
  private readonly output: () => string
  private pending: { resolve: (summary: SnapshotOutcome) => void; reject: (error: Error) => void } | undefined
  private ended = false

  constructor() {
    this.env = JSON.stringify(process.env)
    this.child = startNode(
      [PAYLOAD_BIN, 'run', SNAPSHOT_SCRIPT, DISABLE_TRANSPILE],
      {
        background: true,
        // This CMS has migrated the database; the child only reads it (cms/infra/database.ts).
        env: { ...process.env, [SNAPSHOT_SERVE_ENV]: 'true', PANTAU_SKIP_BOOT_TASKS: 'true' },
        onMessage: (message) => this.answer(message),
      },
      false,
    )
    this.output = keepTail(this.child)
    this.child.on('error', (error) => this.end(error))
    this.child.on('exit', (code, signal) => this.end(new Error(`Snapshot gagal / failed (${signal ?? `exit code ${code}`}):\n${this.output()}`)))
    this.idle()
  }

  get alive(): boolean {
    return !this.ended
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  /** Writes one snapshot: of `cities` merged into the one written, or of everything when null. */
  write(cities: ID[] | null): Promise<SnapshotOutcome> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject }
      // Busy, the child keeps this process up until it answers.
      this.child.channel?.ref()
      this.child.send({ snapshotRequest: { cities: cities ? cities.map(String) : null } } satisfies RequestMessage)
    })
  }

  stop(): void {
    this.child.disconnect?.()
  }

  private answer(message: unknown): void {
    const pending = this.pending
    if (!pending) return
    if (isSummaryMessage(message)) pending.resolve(message.snapshotSummary)
    else if (isFailureMessage(message)) pending.reject(new Error(`Snapshot gagal / failed: ${message.snapshotFailure}`))
    else return
    this.pending = undefined
    this.idle()
  }

  /** Idle, the child keeps nothing of this process alive: a CMS that stops, or a test that ends, just ends. */
  private idle(): void {
    this.child.unref()
    this.child.channel?.unref()
    ;(this.child.stderr as (Readable & { unref?: () => void }) | null)?.unref?.()
  }

  private end(error: Error): void {
    this.ended = true
    this.pending?.reject(error)
    this.pending = undefined
  }
}

let current: SnapshotChild | undefined
let queue: Promise<unknown> = Promise.resolve()

/** The process id of the snapshot child while it is up. */
export const snapshotChildPid = (): number | undefined => (current?.alive ? current.pid : undefined)

/**
 * Writes the snapshot (of `cities` only, merged into the one written, or of everything when null) in
 * the snapshot child, started first when there is none (or it died, or the environment changed), and
 * returns its summary. Fails with the child's reason, or with its last lines when it died.
 */
export function snapshotInSeparateProcess(cities: ID[] | null): Promise<SnapshotOutcome> {
  const run = async () => {
    if (!current?.alive || current.env !== JSON.stringify(process.env)) {
      current?.stop()
      current = new SnapshotChild()
    }
    return current.write(cities)
  }
  const result = queue.then(run, run)
  queue = result.catch(() => {})
  return result
}
