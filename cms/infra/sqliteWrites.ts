/**
 * One writer at a time for the embedded SQLite database, so that every save can run in one
 * transaction. SQLite allows a single writer; libsql runs each statement synchronously on the event
 * loop, and it gives each transaction a connection of its own. Two transactions of the same process
 * would then meet at the write lock: the second either fails at once (SQLITE_BUSY) or, with a busy
 * timeout, waits synchronously and so blocks the very event loop the first one needs to finish.
 * Here writes queue in JavaScript instead: a transaction holds the gate from BEGIN to COMMIT or
 * ROLLBACK on one long-lived writer connection, and a write outside a transaction waits for the gate
 * too. Reads never wait: in WAL mode they read the last committed state beside the writer.
 * The busy timeout then only covers other processes (a script run beside the server).
 */
import { type Client, createClient, type Config, type InStatement, type ResultSet, type Transaction } from '@libsql/client'

/**
 * How long a write waits for the gate before it fails. A write that waits on a transaction which in
 * turn waits on that write (a hook writing outside its request's transaction) would otherwise hang.
 */
export const WRITE_GATE_TIMEOUT_MS = 30_000

export class WriterBusyError extends Error {
  constructor() {
    super(
      `Basis data sibuk menulis lebih dari ${WRITE_GATE_TIMEOUT_MS / 1000} dtk / The database was busy writing for more than ${WRITE_GATE_TIMEOUT_MS / 1000} s`,
    )
    this.name = 'WriterBusyError'
  }
}

/** First come, first served; `run` holds the gate for the length of `work`. */
class WriteGate {
  private tail: Promise<void> = Promise.resolve()

  /** Waits for the gate; the returned function opens it again (once, however often it is called). */
  async acquire(timeoutMs = WRITE_GATE_TIMEOUT_MS): Promise<() => void> {
    let open!: () => void
    const previous = this.tail
    this.tail = new Promise((resolve) => (open = resolve))
    let opened = false
    const release = () => {
      if (opened) return
      opened = true
      open()
    }
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)))
    const got = await Promise.race([previous.then(() => true as const), timedOut])
    clearTimeout(timer)
    if (!got) {
      // Our turn still comes after the writer ahead; pass it straight on.
      void previous.then(release)
      throw new WriterBusyError()
    }
    return release
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try {
      return await work()
    } finally {
      release()
    }
  }
}

/** Statements that only read: a query, or a pragma that sets nothing. Anything else waits for the gate. */
const READ_ONLY = /^\s*(select\b|explain\b|pragma\s+\w+\s*;?\s*$)/i

const sqlOf = (statement: InStatement): string => (typeof statement === 'string' ? statement : statement.sql)
const writes = (statement: InStatement): boolean => !READ_ONLY.test(sqlOf(statement))

export interface ConnectionSettings {
  busyTimeoutMs: number
  /** `NORMAL` in WAL mode: a commit is durable once the WAL is checkpointed, and never corrupts. */
  synchronous: 'NORMAL' | 'FULL'
}

/** Settings every connection of ours gets; WAL is a property of the file, set once. */
async function configure(client: Client, settings: ConnectionSettings): Promise<void> {
  await client.execute(`PRAGMA busy_timeout = ${settings.busyTimeoutMs}`)
  await client.execute(`PRAGMA synchronous = ${settings.synchronous}`)
}

/**
 * A transaction on the writer connection, holding the gate until it ends. libsql's own
 * `client.transaction()` would hand the connection over and open a new one for every transaction.
 */
function writerTransaction(writer: Client, release: () => void): Transaction {
  let open = true
  const end = async (statement: 'COMMIT' | 'ROLLBACK') => {
    if (!open) return
    try {
      await writer.execute(statement)
    } finally {
      open = false
      release()
    }
  }
  const transaction: Transaction = {
    execute: (statement: InStatement) => writer.execute(statement),
    batch: async (statements: InStatement[]) => {
      const results: ResultSet[] = []
      for (const statement of statements) results.push(await writer.execute(statement))
      return results
    },
    executeMultiple: (sql: string) => writer.executeMultiple(sql),
    commit: () => end('COMMIT'),
    rollback: () => end('ROLLBACK'),
    close: () => {
      if (open) void end('ROLLBACK')
    },
    get closed() {
      return !open
    },
  } as Transaction
  return transaction
}

/**
 * A libsql client for `config` whose writes pass one at a time (see above). Reads use the client's
 * own connection; transactions and single writes use a second, long-lived writer connection.
 */
export async function singleWriterClient(config: Config, settings: ConnectionSettings): Promise<Client> {
  const reader = createClient(config)
  const writer = createClient(config)
  const mode = await reader.execute('PRAGMA journal_mode')
  if (String(mode.rows[0]?.journal_mode) !== 'wal') await reader.execute('PRAGMA journal_mode = WAL')
  await configure(reader, settings)
  await configure(writer, settings)
  const gate = new WriteGate()

  return new Proxy(reader, {
    get(target, property, receiver) {
      switch (property) {
        case 'execute':
          return (statement: InStatement, args?: unknown) => {
            const full = (args === undefined ? statement : { sql: sqlOf(statement), args }) as InStatement
            return writes(full) ? gate.run(() => writer.execute(full)) : target.execute(full)
          }
        case 'batch':
          return (statements: InStatement[], batchMode?: Parameters<Client['batch']>[1]) =>
            statements.some(writes) ? gate.run(() => writer.batch(statements, batchMode)) : target.batch(statements, batchMode)
        case 'migrate':
          return (statements: InStatement[]) => gate.run(() => writer.migrate(statements))
        case 'executeMultiple':
          return (sql: string) => gate.run(() => writer.executeMultiple(sql))
        case 'transaction':
          return async () => {
            const release = await gate.acquire()
            try {
              await writer.execute('BEGIN IMMEDIATE')
            } catch (error) {
              release()
              throw error
            }
            return writerTransaction(writer, release)
          }
        case 'close':
          return () => {
            writer.close()
            target.close()
          }
        default: {
          const value = Reflect.get(target, property, receiver)
          return typeof value === 'function' ? value.bind(target) : value
        }
      }
    },
  })
}
