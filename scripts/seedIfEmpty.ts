/**
 * Run by `npm start` through `payload run`: fills an empty database with the demo data and leaves
 * a database that already holds data untouched.
 */
import config from '../cms/payload.config.ts'
import { getPayload } from 'payload'

import { databaseIsEmpty, seedDemo } from '../seed/scenarios/demo.ts'

const payload = await getPayload({ config })
try {
  if (await databaseIsEmpty(payload)) {
    await seedDemo(payload, { log: (line) => console.log(`[pantau] ${line}`) })
  } else {
    console.log('[pantau] Basis data sudah berisi data; data demo dilewati / The database holds data; demo data skipped')
  }
  process.exit(0)
} catch (error) {
  console.error('[pantau] Data demo gagal dimuat / Seeding the demo data failed:', error)
  process.exit(1)
}
