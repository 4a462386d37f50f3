import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`reports_revision_requests\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`round\` numeric,
  	\`question\` text,
  	\`at\` text,
  	\`comment\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reports_revision_requests_order_idx\` ON \`reports_revision_requests\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reports_revision_requests_parent_id_idx\` ON \`reports_revision_requests\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reports_submissions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`round\` numeric,
  	\`at\` text,
  	\`by_id\` integer,
  	\`answers\` text,
  	\`evidence\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reports_submissions_order_idx\` ON \`reports_submissions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reports_submissions_parent_id_idx\` ON \`reports_submissions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_submissions_by_idx\` ON \`reports_submissions\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`reviews_resolutions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`question\` text NOT NULL,
  	\`explanation\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reviews_resolutions_order_idx\` ON \`reviews_resolutions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reviews_resolutions_parent_id_idx\` ON \`reviews_resolutions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reviews_pillar_recommendations\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`pillar_id\` integer NOT NULL,
  	FOREIGN KEY (\`pillar_id\`) REFERENCES \`dimensions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reviews_pillar_recommendations_order_idx\` ON \`reviews_pillar_recommendations\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reviews_pillar_recommendations_parent_id_idx\` ON \`reviews_pillar_recommendations\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_pillar_recommendations_pillar_idx\` ON \`reviews_pillar_recommendations\` (\`pillar_id\`);`)
  await db.run(sql`CREATE TABLE \`reviews_pillar_recommendations_locales\` (
  	\`text\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reviews_pillar_recommendations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`reviews_pillar_recommendations_locales_locale_parent_id_uniq\` ON \`reviews_pillar_recommendations_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reviews_pillar_scores\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`pillar_id\` integer NOT NULL,
  	\`score\` numeric NOT NULL,
  	FOREIGN KEY (\`pillar_id\`) REFERENCES \`dimensions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reviews_pillar_scores_order_idx\` ON \`reviews_pillar_scores\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reviews_pillar_scores_parent_id_idx\` ON \`reviews_pillar_scores\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_pillar_scores_pillar_idx\` ON \`reviews_pillar_scores\` (\`pillar_id\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`sequence\` numeric NOT NULL,
  	\`at\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`actor_id\` text NOT NULL,
  	\`actor_role\` text NOT NULL,
  	\`target_collection\` text NOT NULL,
  	\`target_id\` text NOT NULL,
  	\`before\` text,
  	\`after\` text,
  	\`previous_hash\` text NOT NULL,
  	\`hash\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`audit_log_sequence_idx\` ON \`audit_log\` (\`sequence\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_target_id_idx\` ON \`audit_log\` (\`target_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`disagreements\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`audit_log_id\` integer REFERENCES audit_log(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`reports_revision_requests\`;`)
  await db.run(sql`DROP TABLE \`reports_submissions\`;`)
  await db.run(sql`DROP TABLE \`reviews_resolutions\`;`)
  await db.run(sql`DROP TABLE \`reviews_pillar_recommendations\`;`)
  await db.run(sql`DROP TABLE \`reviews_pillar_recommendations_locales\`;`)
  await db.run(sql`DROP TABLE \`reviews_pillar_scores\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
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
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "cities_id", "dimensions_id", "programs_id", "indicators_id", "measurements_id", "instruments_id", "periods_id", "reports_id", "evidence_id", "reviews_id", "updates_id", "media_id") SELECT "id", "order", "parent_id", "path", "users_id", "cities_id", "dimensions_id", "programs_id", "indicators_id", "measurements_id", "instruments_id", "periods_id", "reports_id", "evidence_id", "reviews_id", "updates_id", "media_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`disagreements\`;`)
}
