/**
 * MongoDB's migrations, applied on a production start (the adapter's `prodMigrations`) and by
 * `payload migrate`, as cms/migrations/ is on SQLite. MongoDB needs no schema migration: a new
 * collection, field or index appears with the code. Only a change to stored data needs one here:
 * 20261202_024909_evidence_library moves each evidence file's report, question, verdict and reasons
 * into a document of `evidence-uses`. The other SQLite migrations create tables, columns and
 * indexes and change no row: 20261123_094727_initial (every table), 20261123_102641_period_extensions
 * (the period's deadline-extension rows), 20261123_110458_publish_jobs (Payload's job queue),
 * 20261123_113353_review_audit (revision requests, submission snapshots, review resolutions,
 * pillar scores and recommendations, review disagreements, the audit log; its `down` copies
 * a table only to drop a column, which MongoDB does not need either), 20261202_025336_evidence_unique_file
 * (the unique index on evidence's city and sha256; MongoDB cannot build it while a city holds one
 * file twice, so delete such copies first, as the SQLite migration asks).
 */
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

import * as migration_20261202_024909_evidence_library from './20261202_024909_evidence_library.ts'

export const migrations: { name: string; up: (args: MigrateUpArgs) => Promise<void>; down: (args: MigrateDownArgs) => Promise<void> }[] = [
  {
    up: migration_20261202_024909_evidence_library.up,
    down: migration_20261202_024909_evidence_library.down,
    name: '20261202_024909_evidence_library',
  },
]
