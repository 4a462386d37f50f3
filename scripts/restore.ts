/**
 * `npm run restore -- <archive> [--force]` (`payload run scripts/restore.ts --`): puts a backup of
 * `npm run backup` back into this installation (the database `DATABASE_URI` names and `UPLOAD_DIR`).
 * It checks the whole archive first and refuses, writing nothing, an archive that is truncated,
 * altered, from the other database engine or another set of migrations, and an installation that is
 * not empty unless `--force` is given. See cms/backup/restore.ts. Exits with 1 on any refusal or
 * failure, 2 on a wrong command line.
 *
 * The `--` in the package.json script hands everything after it to this script: without it,
 * `payload run` would read `--force` as an option of its own and drop it.
 */
import path from 'node:path'

import config from '@payload-config'
import { getPayload } from 'payload'

import { describeAudit } from '../cms/backup/audit.ts'
import { BackupError } from '../cms/backup/errors.ts'
import { restoreBackup } from '../cms/backup/restore.ts'

const args = process.argv.slice(2)
const force = args.includes('--force')
const archives = args.filter((arg) => !arg.startsWith('--'))
const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--force')
if (archives.length !== 1 || unknown.length > 0) {
  console.error('Pemakaian / Usage: npm run restore -- <arsip / archive.tar.gz> [--force]')
  process.exit(2)
}
// A path as the operator typed it, from the folder npm was started in (npm runs scripts from the root).
const archive = path.resolve(process.env.INIT_CWD ?? process.cwd(), archives[0])

const payload = await getPayload({ config })
let exitCode = 0
try {
  const summary = await restoreBackup(payload, { archive, force, log: (line) => console.log(line) })
  console.log(
    `Dipulihkan / Restored: ${summary.tables} tabel / tables, ${summary.rows} baris / rows, ${summary.files} berkas / files ` +
      `in ${summary.durationMs} ms`,
  )
  console.log(`Log audit utuh, sama dengan arsip / Audit log intact, as in the archive: ${describeAudit(summary.audit)}`)
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error)
  console.error('Pemulihan ditolak atau gagal / Restore refused or failed')
  exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(exitCode)
