/**
 * `npm run audit:verify` (`payload run scripts/auditVerify.ts`): checks the audit log's hash chain.
 * Prints OK with the number of entries and the newest hash (keep it elsewhere to catch a rewrite of
 * the whole tail later), or the first broken entry and why; exits with 1 on a break.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { verifyAuditLog } from '../cms/server/audit.ts'

const payload = await getPayload({ config })
let exitCode = 0
try {
  const result = await verifyAuditLog(payload)
  if (result.ok) {
    const head = result.head ? `, terbaru / newest #${result.head.sequence} ${result.head.hash}` : ''
    console.log(`OK: ${result.count} entri log audit utuh / ${result.count} audit log entries intact${head}`)
  } else {
    const entry = result.entries[result.index]
    const where = entry ? ` (#${entry.sequence}, ${entry.action}, ${entry.target.collection} ${entry.target.id}, ${entry.at})` : ''
    console.error(`RUSAK / BROKEN [${result.reason}] at position ${result.index}${where}: ${result.message}`)
    exitCode = 1
  }
} catch (error) {
  console.error('Pemeriksaan gagal / Verification failed:', error)
  exitCode = 2
} finally {
  await payload.destroy()
}
process.exit(exitCode)
