/**
 * `npm run test:mongo`: runs the integration suite against MongoDB's wire protocol without a real
 * `mongod` (none can be installed on our machines or in CI). It starts CongoDB, the in-process
 * MongoDB wire-protocol server of @push.rocks/smartmongo, on a free loopback port, runs vitest's
 * `int` project with DATABASE_URI pointing at it (each test file makes its own database there, see
 * test/helpers/isolatedDatabase.ts), and stops the server however the run ends. Extra arguments go to
 * vitest, e.g. `npm run test:mongo -- test/int/periods.test.ts`.
 *
 * It sets PANTAU_TEST_MONGO_EMULATOR, which only tests and the adapter's emulator settings read.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

// The deep import skips the package's index, which loads mongodb-memory-server and other
// packages this path does not use (package.json's overrides replace them with a stub).
import { CongoServer } from '@push.rocks/smartmongo/dist_ts/congodb/index.js'

import { freePort } from '../test/helpers/ports.ts'

const root = path.resolve(import.meta.dirname, '..')
const say = (line: string) => console.log(`\x1b[35m[test:mongo]\x1b[0m ${line}`)

const port = await freePort()
const server = new CongoServer({ port, host: '127.0.0.1' })
const started = Date.now()
await server.start()
say(`CongoDB (MongoDB wire protocol) listening on 127.0.0.1:${port}, started in ${Date.now() - started} ms`)

/** How long vitest gets to end its workers after a stop request before its process group is killed. */
const STOP_GRACE_MS = 10_000

let vitest: ChildProcess | undefined
let stopping: Promise<void> | undefined

const vitestRunning = () => Boolean(vitest?.pid) && vitest?.exitCode === null && vitest?.signalCode === null

function signalVitest(signal: NodeJS.Signals) {
  try {
    process.kill(-(vitest?.pid as number), signal)
  } catch {
    // The group is already gone.
  }
}

/** Ends vitest's whole process group if it still runs, then the server, then this process. */
function stop(exitCode: number, signal?: NodeJS.Signals): Promise<void> {
  stopping ??= (async () => {
    if (signal && vitestRunning()) {
      signalVitest(signal)
      const ended = new Promise((resolve) => vitest?.once('exit', resolve))
      const timer = setTimeout(() => signalVitest('SIGKILL'), STOP_GRACE_MS)
      await ended
      clearTimeout(timer)
    }
    await server.stop()
    say('CongoDB stopped')
    process.exit(exitCode)
  })()
  return stopping
}

process.on('SIGINT', () => void stop(130, 'SIGINT'))
process.on('SIGTERM', () => void stop(143, 'SIGTERM'))

// Its own process group, so a stop reaches vitest's workers too.
vitest = spawn('npx', ['vitest', 'run', '--project', 'int', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  detached: true,
  env: {
    ...process.env,
    DATABASE_URI: `mongodb://127.0.0.1:${port}/pantau?directConnection=true&serverMonitoringMode=poll`,
    PANTAU_TEST_MONGO_EMULATOR: 'congodb',
  },
})
vitest.on('error', (error) => {
  console.error(error)
  void stop(1)
})
vitest.on('exit', (code, signal) => void stop(code ?? (signal ? 1 : 0)))
