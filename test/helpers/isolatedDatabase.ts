/**
 * Runs before each integration test file: points Payload at a database and upload folder of the
 * file's own, before the config is imported. SQLite by default; set DATABASE_URI=mongodb://... to
 * run the same suite against MongoDB (each file then gets its own database on that server, dropped
 * when the file is done; `npm run test:mongo` does this on its emulator).
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import { afterAll } from 'vitest'

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-test-'))
const uri = process.env.DATABASE_URI ?? ''

if (/^mongodb(\+srv)?:\/\//.test(uri)) {
  const url = new URL(uri)
  url.pathname = `/pantau_test_${randomUUID().slice(0, 8)}`
  process.env.DATABASE_URI = url.toString()
  // Cleaning up, not testing: a database left behind (the emulator once starved of CPU for over
  // 10 s) is reported and does not fail the file whose tests passed.
  afterAll(async () => {
    const payload = await (await import('./payload.ts')).startedTestPayload()
    try {
      await (payload?.db as MongooseAdapter | undefined)?.connection.dropDatabase()
    } catch (error) {
      console.warn(`Basis data uji ${url.pathname.slice(1)} tidak terhapus / test database not dropped: ${error}`)
    }
  })
} else {
  process.env.DATABASE_URI = `file:${path.join(scratch, 'test.db')}`
}
process.env.UPLOAD_DIR = path.join(scratch, 'uploads')
process.env.MAIL_DIR = path.join(scratch, 'mail')
process.env.SNAPSHOT_DIR = path.join(scratch, 'snapshot')
process.env.PAYLOAD_SECRET = 'pantau-test-secret'
process.env.PANTAU_SCRATCH_DIR = scratch
