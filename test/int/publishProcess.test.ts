/**
 * The publish-site job as the CMS server runs it by default: the snapshot written by a process of
 * its own (scripts/snapshot.ts through `payload run`, on this file's database and folders), so its
 * reads never stall the process that answers the API. The child stays up from one publish to the
 * next, and is started again when it died or the environment changed. The other integration tests write it in their
 * own process (`PANTAU_PUBLISH_IN_PROCESS=true` in vitest.config.ts), which starts quicker; this file
 * proves the child writes the same files, for a full and for a partial publish, and that its failure
 * fails the job with the child's own words.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { COLLECTIONS } from '../../cms/constants.ts'
import { PUBLISH_SITE_TASK } from '../../cms/jobs/publishSite.ts'
import { buildSnapshot } from '../../cms/snapshot/index.ts'
import { snapshotChildPid } from '../../cms/snapshot/separateProcess.ts'
import { buildFixture, type Fixture } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'

/** A child's start (loading the config through tsx) takes several seconds, more on a busy machine. */
const CHILD_TIMEOUT_MS = 180_000

let payload: Payload
let fixture: Fixture
let scratch: string
const previous = { inProcess: process.env.PANTAU_PUBLISH_IN_PROCESS, dir: process.env.SNAPSHOT_DIR }

const restore = (name: string, value: string | undefined) => {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}

/** Every file of a snapshot folder by its path in it; the per-city ZIPs as base64. */
async function readAll(dir: string): Promise<Record<string, string>> {
  const entries = (await fs.readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
  const names = entries.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort()
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await fs.readFile(path.join(dir, name), name.endsWith('.zip') ? 'base64' : 'utf8')] as const)),
  )
}

/** The files of a full snapshot built in this process, with the creation time the child wrote. */
async function builtInProcess(childDir: string, name: string): Promise<Record<string, string>> {
  const { created } = JSON.parse(await fs.readFile(path.join(childDir, 'datapackage.json'), 'utf8')) as { created: string }
  const dir = path.join(scratch, name)
  await buildSnapshot(payload, { dir, now: new Date(created) })
  return readAll(dir)
}

const publishJobs = async () =>
  (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: PUBLISH_SITE_TASK } }, pagination: false, depth: 0 })).docs

/** Runs the queue as the CMS server does, and returns the lines the CMS logged meanwhile. */
async function runQueue(): Promise<string[]> {
  const info = vi.spyOn(payload.logger, 'info')
  await payload.jobs.run()
  return info.mock.calls.map(([line]) => String(line))
}

/** Whether a process is still running. */
const running = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

let firstChild: number | undefined

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
  scratch = process.env.PANTAU_SCRATCH_DIR as string
  process.env.PANTAU_PUBLISH_IN_PROCESS = 'false'
  // Building the fixture queued a publish of some cities; each test queues its own.
  await payload.delete({ collection: 'payload-jobs', where: { taskSlug: { equals: PUBLISH_SITE_TASK } } })
})
afterEach(() => {
  vi.restoreAllMocks()
})
afterAll(() => {
  restore('PANTAU_PUBLISH_IN_PROCESS', previous.inProcess)
  restore('SNAPSHOT_DIR', previous.dir)
})

describe('the publish-site job in a process of its own', () => {
  const childDir = () => path.join(scratch, 'child')

  it(
    'writes a full snapshot in a child process, file for file what an in-process build writes, and logs it as before',
    async () => {
      process.env.SNAPSHOT_DIR = childDir()
      await payload.jobs.queue({ task: PUBLISH_SITE_TASK, input: { cities: null } })

      const logged = await runQueue()

      expect(await publishJobs()).toEqual([])
      expect(logged).toContainEqual(expect.stringMatching(new RegExp(`^Snapshot published to ${escaped(childDir())} in \\d+ ms$`)))
      const written = await readAll(childDir())
      expect(written['programs.json']).toContain(`"id":"${fixture.programs.publicA.id}"`)
      expect(written['programs.json']).not.toContain(`"id":"${fixture.programs.privateA.id}"`)
      expect(written).toEqual(await builtInProcess(childDir(), 'full-in-process'))
      firstChild = snapshotChildPid()
      expect(firstChild).toBeGreaterThan(0)
      expect(firstChild).not.toBe(process.pid)
    },
    CHILD_TIMEOUT_MS,
  )

  it(
    "republishes only the changed city in the child, with the files of a full rebuild",
    async () => {
      process.env.SNAPSHOT_DIR = childDir()
      const before = await readAll(childDir())
      const title = 'Bank sampah digital diperluas ke semua kecamatan'
      await payload.update({ collection: COLLECTIONS.programs, id: fixture.programs.publicB.id, data: { title } })
      expect((await publishJobs()).map((job) => job.input)).toEqual([{ cities: [fixture.cityB.id] }])

      const logged = await runQueue()

      expect(await publishJobs()).toEqual([])
      expect(logged).toContainEqual(expect.stringMatching(new RegExp(` in \\d+ ms \\(cities ${fixture.cityB.id}\\)$`)))
      const written = await readAll(childDir())
      expect(before['programs.json']).not.toContain(title)
      expect(written['programs.json']).toContain(title)
      expect(written).toEqual(await builtInProcess(childDir(), 'full-after-change'))
      // Written by the child the first publish started, which waited for it.
      expect(snapshotChildPid()).toBe(firstChild)
    },
    CHILD_TIMEOUT_MS,
  )

  it(
    'republishes a pillar saved by reading only the tables of no city again in the child, with the files of a full rebuild',
    async () => {
      process.env.SNAPSHOT_DIR = childDir()
      const before = await readAll(childDir())
      const name = 'Tata Kelola Cerdas dan Terbuka'
      await payload.update({ collection: COLLECTIONS.dimensions, id: fixture.dimension.id, data: { name } })
      // No city's records are touched: the job names none, and reads only the tables of no city.
      expect((await publishJobs()).map((job) => job.input)).toEqual([{ cities: [] }])

      const logged = await runQueue()

      expect(await publishJobs()).toEqual([])
      expect(logged).toContainEqual(expect.stringMatching(/ in \d+ ms \(cities none: the tables of no city only\)$/))
      const written = await readAll(childDir())
      expect(before['dimensions.json']).not.toContain(name)
      expect(written['dimensions.json']).toContain(name)
      // A programme's row names its pillar by id; its CSV line carries the pillar's new name beside it.
      expect(written['programs.json']).toBe(before['programs.json'])
      expect(written['programs.csv']).toContain(name)
      expect(written).toEqual(await builtInProcess(childDir(), 'full-after-pillar'))
      expect(snapshotChildPid()).toBe(firstChild)
    },
    CHILD_TIMEOUT_MS,
  )

  it(
    "fails the job with the child's error when the child fails, and keeps its retry",
    async () => {
      // A folder that cannot be made: its parent is a file.
      const blocker = path.join(scratch, 'not-a-folder')
      await fs.writeFile(blocker, 'a file where the snapshot folder should go')
      process.env.SNAPSHOT_DIR = path.join(blocker, 'snapshot')
      await payload.jobs.queue({ task: PUBLISH_SITE_TASK, input: { cities: null } })
      vi.spyOn(payload.logger, 'error').mockImplementation(() => undefined)

      const logged = await runQueue()

      expect(logged.filter((line) => line.startsWith('Snapshot published'))).toEqual([])
      const [job] = await publishJobs()
      expect(job.completedAt ?? null).toBeNull()
      const failure = job.log?.find((entry) => entry.taskSlug === PUBLISH_SITE_TASK)
      expect(failure?.state).toBe('failed')
      const message = JSON.stringify(failure?.error)
      // The reason the child gave, which stays up for the next publish.
      expect(message).toContain(`Snapshot gagal / failed: EEXIST: file already exists, mkdir '${blocker}'`)
      // The job's retries stay: it waits to be tried again instead of being given up.
      expect(job.hasError).not.toBe(true)
      expect(new Date(job.waitUntil as string).getTime()).toBeGreaterThan(Date.now())
      await payload.delete({ collection: 'payload-jobs', where: { id: { equals: job.id } } })
      // Another folder is another environment: a child of its own, the one before ended. A failed
      // snapshot leaves the child up for the next publish.
      const child = snapshotChildPid() as number
      expect(child).not.toBe(firstChild)
      await vi.waitFor(() => expect(running(firstChild as number)).toBe(false), { timeout: 30_000, interval: 100 })
      expect(running(child)).toBe(true)
    },
    CHILD_TIMEOUT_MS,
  )

  it(
    'starts the child again when it died, and publishes as before',
    async () => {
      process.env.SNAPSHOT_DIR = childDir()
      await payload.jobs.queue({ task: PUBLISH_SITE_TASK, input: { cities: null } })
      await runQueue()
      const child = snapshotChildPid() as number
      process.kill(child, 'SIGKILL')
      await vi.waitFor(() => expect(snapshotChildPid()).toBeUndefined(), { timeout: 30_000, interval: 100 })

      const title = 'Rumah layak huni: 120 rumah direnovasi'
      await payload.update({ collection: COLLECTIONS.programs, id: fixture.programs.publicA.id, data: { title } })
      const logged = await runQueue()

      expect(await publishJobs()).toEqual([])
      expect(logged).toContainEqual(expect.stringMatching(new RegExp(` in \\d+ ms \\(cities ${fixture.cityA.id}\\)$`)))
      expect((await readAll(childDir()))['programs.json']).toContain(title)
      expect(snapshotChildPid()).not.toBe(child)
    },
    CHILD_TIMEOUT_MS,
  )
})
