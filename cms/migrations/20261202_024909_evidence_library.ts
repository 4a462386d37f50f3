/**
 * The evidence library: a file belongs to its city's library and supports questions of reports
 * through uses (`evidence_uses`: report, question, file, the report's city and period, and the
 * verdict per file and question). Moves each file's report, question, verdict and reasons into one
 * use, then drops those columns from the file. Down keeps each file's first use.
 */
import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`evidence_uses\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`report_id\` integer NOT NULL,
  	\`question\` text,
  	\`evidence_id\` integer NOT NULL,
  	\`city_id\` integer,
  	\`period_id\` integer,
  	\`verdict\` text DEFAULT 'pending',
  	\`verdict_reason\` text,
  	\`lead_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`report_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`evidence_id\`) REFERENCES \`evidence\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`city_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`period_id\`) REFERENCES \`periods\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`evidence_uses_report_idx\` ON \`evidence_uses\` (\`report_id\`);`)
  await db.run(sql`CREATE INDEX \`evidence_uses_evidence_idx\` ON \`evidence_uses\` (\`evidence_id\`);`)
  await db.run(sql`CREATE INDEX \`evidence_uses_city_idx\` ON \`evidence_uses\` (\`city_id\`);`)
  await db.run(sql`CREATE INDEX \`evidence_uses_period_idx\` ON \`evidence_uses\` (\`period_id\`);`)
  await db.run(sql`CREATE INDEX \`evidence_uses_updated_at_idx\` ON \`evidence_uses\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`evidence_uses_created_at_idx\` ON \`evidence_uses\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`report_evidence_question_idx\` ON \`evidence_uses\` (\`report_id\`,\`evidence_id\`,\`question\`);`)
  // Every file that supported a question of a report becomes one use of it, with its verdict and
  // the lead's reason; city and period come from the report, as the collection's hook sets them.
  await db.run(sql`INSERT INTO \`evidence_uses\` (\`report_id\`, \`question\`, \`evidence_id\`, \`city_id\`, \`period_id\`, \`verdict\`, \`verdict_reason\`, \`lead_reason\`, \`updated_at\`, \`created_at\`)
    SELECT e.\`report_id\`, NULLIF(TRIM(e.\`question\`), ''), e.\`id\`, r.\`city_id\`, r.\`period_id\`, COALESCE(e.\`verdict\`, 'pending'), e.\`verdict_reason\`, e.\`lead_reason\`, e.\`updated_at\`, e.\`created_at\`
    FROM \`evidence\` e JOIN \`reports\` r ON r.\`id\` = e.\`report_id\`
    ORDER BY e.\`id\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_evidence\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`city_id\` integer NOT NULL,
  	\`program_id\` integer,
  	\`description\` text,
  	\`document_date\` text,
  	\`is_public\` integer DEFAULT false,
  	\`sha256\` text,
  	\`uploaded_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	FOREIGN KEY (\`city_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`program_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`uploaded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_evidence\`("id", "city_id", "program_id", "description", "document_date", "is_public", "sha256", "uploaded_by_id", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height") SELECT "id", "city_id", "program_id", "description", "document_date", "is_public", "sha256", "uploaded_by_id", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height" FROM \`evidence\`;`)
  await db.run(sql`DROP TABLE \`evidence\`;`)
  await db.run(sql`ALTER TABLE \`__new_evidence\` RENAME TO \`evidence\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`evidence_city_idx\` ON \`evidence\` (\`city_id\`);`)
  await db.run(sql`CREATE INDEX \`evidence_program_idx\` ON \`evidence\` (\`program_id\`);`)
  await db.run(sql`CREATE INDEX \`evidence_sha256_idx\` ON \`evidence\` (\`sha256\`);`)
  await db.run(sql`CREATE INDEX \`evidence_uploaded_by_idx\` ON \`evidence\` (\`uploaded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`evidence_updated_at_idx\` ON \`evidence\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`evidence_created_at_idx\` ON \`evidence\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`evidence_filename_idx\` ON \`evidence\` (\`filename\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`evidence_uses_id\` integer REFERENCES evidence_uses(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_evidence_uses_id_idx\` ON \`payload_locked_documents_rels\` (\`evidence_uses_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`cities_id\` integer,
  	\`dimensions_id\` integer,
  	\`programs_id\` integer,
  	\`indicators_id\` integer,
  	\`measurements_id\` integer,
  	\`instruments_id\` integer,
  	\`periods_id\` integer,
  	\`reports_id\` integer,
  	\`evidence_id\` integer,
  	\`reviews_id\` integer,
  	\`updates_id\` integer,
  	\`media_id\` integer,
  	\`notices_id\` integer,
  	\`audit_log_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cities_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`dimensions_id\`) REFERENCES \`dimensions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`programs_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`indicators_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`measurements_id\`) REFERENCES \`measurements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`instruments_id\`) REFERENCES \`instruments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`periods_id\`) REFERENCES \`periods\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reports_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`evidence_id\`) REFERENCES \`evidence\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reviews_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`updates_id\`) REFERENCES \`updates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notices_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "cities_id", "dimensions_id", "programs_id", "indicators_id", "measurements_id", "instruments_id", "periods_id", "reports_id", "evidence_id", "reviews_id", "updates_id", "media_id", "notices_id", "audit_log_id") SELECT "id", "order", "parent_id", "path", "users_id", "cities_id", "dimensions_id", "programs_id", "indicators_id", "measurements_id", "instruments_id", "periods_id", "reports_id", "evidence_id", "reviews_id", "updates_id", "media_id", "notices_id", "audit_log_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_cities_id_idx\` ON \`payload_locked_documents_rels\` (\`cities_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_dimensions_id_idx\` ON \`payload_locked_documents_rels\` (\`dimensions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_programs_id_idx\` ON \`payload_locked_documents_rels\` (\`programs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_indicators_id_idx\` ON \`payload_locked_documents_rels\` (\`indicators_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_measurements_id_idx\` ON \`payload_locked_documents_rels\` (\`measurements_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_instruments_id_idx\` ON \`payload_locked_documents_rels\` (\`instruments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_periods_id_idx\` ON \`payload_locked_documents_rels\` (\`periods_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_evidence_id_idx\` ON \`payload_locked_documents_rels\` (\`evidence_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reviews_id_idx\` ON \`payload_locked_documents_rels\` (\`reviews_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_updates_id_idx\` ON \`payload_locked_documents_rels\` (\`updates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`ALTER TABLE \`evidence\` ADD \`report_id\` integer REFERENCES reports(id);`)
  await db.run(sql`ALTER TABLE \`evidence\` ADD \`question\` text;`)
  await db.run(sql`ALTER TABLE \`evidence\` ADD \`verdict\` text DEFAULT 'pending';`)
  await db.run(sql`ALTER TABLE \`evidence\` ADD \`verdict_reason\` text;`)
  await db.run(sql`ALTER TABLE \`evidence\` ADD \`lead_reason\` text;`)
  await db.run(sql`CREATE INDEX \`evidence_report_idx\` ON \`evidence\` (\`report_id\`);`)
  // A file holds one question again: its first use comes back; further uses of it are lost.
  await db.run(sql`UPDATE \`evidence\` SET
    \`report_id\` = (SELECT u.\`report_id\` FROM \`evidence_uses\` u WHERE u.\`evidence_id\` = \`evidence\`.\`id\` ORDER BY u.\`id\` LIMIT 1),
    \`question\` = (SELECT u.\`question\` FROM \`evidence_uses\` u WHERE u.\`evidence_id\` = \`evidence\`.\`id\` ORDER BY u.\`id\` LIMIT 1),
    \`verdict\` = COALESCE((SELECT u.\`verdict\` FROM \`evidence_uses\` u WHERE u.\`evidence_id\` = \`evidence\`.\`id\` ORDER BY u.\`id\` LIMIT 1), 'pending'),
    \`verdict_reason\` = (SELECT u.\`verdict_reason\` FROM \`evidence_uses\` u WHERE u.\`evidence_id\` = \`evidence\`.\`id\` ORDER BY u.\`id\` LIMIT 1),
    \`lead_reason\` = (SELECT u.\`lead_reason\` FROM \`evidence_uses\` u WHERE u.\`evidence_id\` = \`evidence\`.\`id\` ORDER BY u.\`id\` LIMIT 1);`)
  await db.run(sql`DROP TABLE \`evidence_uses\`;`)
}
