/**
 * `npm run backup` (`payload run scripts/backup.ts`): writes the whole installation (database,
 * uploaded files, audit head) to one archive, `backups/pantau-<time>.tar.gz` by default, or to the
 * file or folder given: `npm run backup -- /mnt/backups/`. See cms/backup/backup.ts. Exits with 1
 * when the backup fails; no partial archive is left behind.
 */
import path from 'node:path'

import config from '@payload-config'
import { getPayload } from 'payload'

import { describeAudit } from '../cms/backup/audit.ts'
import { createBackup } from '../cms/backup/backup.ts'
import { BackupError } from '../cms/backup/errors.ts'

/** A path as the operator typed it, from the folder npm was started in (npm runs scripts from the root). */
function fromWhereTyped(value: string): string {
  const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), value)
  return /[/\\]$/.test(value) ? resolved + path.sep : resolved
}

const [target] = process.argv.slice(2)
const payload = await getPayload({ config })
let exitCode = 0
try {
  const summary = await createBackup(payload, { target: target ? fromWhereTyped(target) : undefined, log: (line) => console.log(line) })
  const megabytes = (summary.bytes / 1024 / 1024).toFixed(1)
  console.log(
    `Cadangan ditulis / Backup written: ${summary.file} (${megabytes} MB, ${summary.tables} tabel / tables, ` +
      `${summary.rows} baris / rows, ${summary.files} berkas / files) in ${summary.durationMs} ms`,
  )
  console.log(`Log audit / Audit log: ${describeAudit(summary.audit)}`)
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error)
  console.error('Pencadangan gagal / Backup failed')
  exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(exitCode)
