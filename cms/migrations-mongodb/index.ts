/**
 * MongoDB's migrations, applied on a production start (the adapter's `prodMigrations`) and by
 * `payload migrate`, as cms/migrations/ is on SQLite. MongoDB needs no schema migration: a new
 * collection, field or index appears with the code. Only a change to stored data needs one here.
 * None has so far: each SQLite migration creates tables, columns and indexes, and changes no row:
 * 20261123_094727_initial (every table), 20261123_102641_period_extensions (the period's
 * deadline-extension rows), 20261123_110458_publish_jobs (Payload's job queue),
 * 20261123_113353_review_audit (revision requests, submission snapshots, review resolutions,
 * pillar scores and recommendations, review disagreements, the audit log; its `down` copies
 * a table only to drop a column, which MongoDB does not need either), 20261202_025336_evidence_unique_file
 * (the unique index on evidence's city and sha256; MongoDB cannot build it while a city holds one
 * file twice, so delete such copies first, as the SQLite migration asks).
 */
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

export const migrations: { name: string; up: (args: MigrateUpArgs) => Promise<void>; down: (args: MigrateDownArgs) => Promise<void> }[] = []
