/**
 * `npm run seed` (`payload run seed/index.ts`): fills the configured database with the demo data.
 * Safe to run again: existing records are updated, never duplicated.
 */
import config from '@payload-config'
import { getPayload, ValidationError } from 'payload'

import { seedDemo } from './scenarios/demo.ts'

function explain(error: unknown): string {
  if (error instanceof ValidationError) {
    const fields = error.data.errors.map(({ path, message }) => `  - ${path}: ${message}`).join('\n')
    return `${error.message}\n${fields}`
  }
  const message = error instanceof Error ? error.message : String(error)
  // The driver's own words ("no such table") sit in the cause of Payload's "Failed query" error.
  const causes: string[] = []
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) causes.push(cause.message)
  if (causes.some((text) => /no such table|relation .* does not exist/i.test(text))) {
    return `${message}\nThe database has no tables yet: run \`npm run migrate\` first. / Basis data belum dimigrasi: jalankan \`npm run migrate\` dulu.`
  }
  return error instanceof Error && error.stack ? error.stack : message
}

let exitCode = 0
const payload = await getPayload({ config }).catch((error: unknown) => {
  console.error(`Seed failed: Payload could not start. / Seed gagal: Payload tidak dapat dijalankan.\n${explain(error)}`)
  process.exit(1)
})

try {
  const summary = await seedDemo(payload, { log: (line) => console.log(line) })
  if (summary.demoAccounts === 'skipped') console.log('Demo accounts were not created on this production server.')
} catch (error) {
  console.error(`Seed failed. / Seed gagal.\n${explain(error)}`)
  exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(exitCode)
