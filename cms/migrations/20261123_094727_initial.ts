import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`role\` text NOT NULL,
  	\`organisation\` text,
  	\`is_demo\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`users_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`cities_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cities_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_rels_order_idx\` ON \`users_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_parent_idx\` ON \`users_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_path_idx\` ON \`users_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_cities_id_idx\` ON \`users_rels\` (\`cities_id\`);`)
  await db.run(sql`CREATE TABLE \`cities_masterplan\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`book\` text NOT NULL,
  	\`year\` numeric,
  	\`document_id\` integer,
  	FOREIGN KEY (\`document_id\`) REFERENCES \`evidence\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`cities_masterplan_order_idx\` ON \`cities_masterplan\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`cities_masterplan_parent_id_idx\` ON \`cities_masterplan\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`cities_masterplan_document_idx\` ON \`cities_masterplan\` (\`document_id\`);`)
  await db.run(sql`CREATE TABLE \`cities\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`kind\` text NOT NULL,
  	\`province\` text NOT NULL,
  	\`region_code\` text NOT NULL,
  	\`cohort\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`cities_slug_idx\` ON \`cities\` (\`slug\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`cities_region_code_idx\` ON \`cities\` (\`region_code\`);`)
  await db.run(sql`CREATE INDEX \`cities_updated_at_idx\` ON \`cities\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`cities_created_at_idx\` ON \`cities\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`cities_locales\` (
  	\`profile\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`cities_locales_locale_parent_id_unique\` ON \`cities_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`dimensions_sub_dimensions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`dimensions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`dimensions_sub_dimensions_order_idx\` ON \`dimensions_sub_dimensions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`dimensions_sub_dimensions_parent_id_idx\` ON \`dimensions_sub_dimensions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`dimensions_sub_dimensions_locales\` (
  	\`name\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`dimensions_sub_dimensions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`dimensions_sub_dimensions_locales_locale_parent_id_unique\` ON \`dimensions_sub_dimensions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`dimensions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`order\` numeric NOT NULL,
  	\`colour\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`dimensions_slug_idx\` ON \`dimensions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`dimensions_updated_at_idx\` ON \`dimensions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`dimensions_created_at_idx\` ON \`dimensions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`dimensions_locales\` (
  	\`name\` text NOT NULL,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`dimensions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`dimensions_locales_locale_parent_id_unique\` ON \`dimensions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`programs_partners\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`kind\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`programs_partners_order_idx\` ON \`programs_partners\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`programs_partners_parent_id_idx\` ON \`programs_partners\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`programs_funding_sources\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`programs_funding_sources_order_idx\` ON \`programs_funding_sources\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`programs_funding_sources_parent_idx\` ON \`programs_funding_sources\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`programs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`city_id\` integer NOT NULL,
  	\`dimension_id\` integer NOT NULL,
  	\`sub_dimension\` text,
  	\`agency\` text NOT NULL,
  	\`start_year\` numeric NOT NULL,
  	\`status\` text DEFAULT 'ongoing' NOT NULL,
  	\`is_public\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`city_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`dimension_id\`) REFERENCES \`dimensions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`programs_slug_idx\` ON \`programs\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`programs_city_idx\` ON \`programs\` (\`city_id\`);`)
  await db.run(sql`CREATE INDEX \`programs_dimension_idx\` ON \`programs\` (\`dimension_id\`);`)
  await db.run(sql`CREATE INDEX \`programs_updated_at_idx\` ON \`programs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`programs_created_at_idx\` ON \`programs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`programs_locales\` (
  	\`title\` text NOT NULL,
  	\`summary\` text,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`programs_locales_locale_parent_id_unique\` ON \`programs_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`indicators\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`program_id\` integer NOT NULL,
  	\`city_id\` integer,
  	\`unit\` text NOT NULL,
  	\`baseline\` numeric,
  	\`target\` numeric NOT NULL,
  	\`target_year\` numeric NOT NULL,
  	\`direction\` text DEFAULT 'up' NOT NULL,
  	\`frequency\` text DEFAULT 'yearly' NOT NULL,
  	\`aggregation\` text DEFAULT 'per_period' NOT NULL,
  	\`allow_negative\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`program_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`city_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`indicators_program_idx\` ON \`indicators\` (\`program_id\`);`)
  await db.run(sql`CREATE INDEX \`indicators_city_idx\` ON \`indicators\` (\`city_id\`);`)
  await db.run(sql`CREATE INDEX \`indicators_updated_at_idx\` ON \`indicators\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`indicators_created_at_idx\` ON \`indicators\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`indicators_locales\` (
  	\`name\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`indicators_locales_locale_parent_id_unique\` ON \`indicators_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`measurements\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`indicator_id\` integer NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`month\` numeric,
  	\`value\` numeric NOT NULL,
  	\`source\` text,
  	\`note\` text,
  	\`program_id\` integer,
  	\`city_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`indicator_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`program_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`city_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`measurements_indicator_idx\` ON \`measurements\` (\`indicator_id\`);`)
  await db.run(sql`CREATE INDEX \`measurements_program_idx\` ON \`measurements\` (\`program_id\`);`)
  await db.run(sql`CREATE INDEX \`measurements_city_idx\` ON \`measurements\` (\`city_id\`);`)
  await db.run(sql`CREATE INDEX \`measurements_updated_at_idx\` ON \`measurements\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`measurements_created_at_idx\` ON \`measurements\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`measurements_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`evidence_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`measurements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`evidence_id\`) REFERENCES \`evidence\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`measurements_rels_order_idx\` ON \`measurements_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`measurements_rels_parent_idx\` ON \`measurements_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`measurements_rels_path_idx\` ON \`measurements_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`measurements_rels_evidence_id_idx\` ON \`measurements_rels\` (\`evidence_id\`);`)
  await db.run(sql`CREATE TABLE \`instruments_evaluation_dimensions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`weight\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`instruments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`instruments_evaluation_dimensions_order_idx\` ON \`instruments_evaluation_dimensions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`instruments_evaluation_dimensions_parent_id_idx\` ON \`instruments_evaluation_dimensions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`instruments_evaluation_dimensions_locales\` (
  	\`name\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`instruments_evaluation_dimensions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`instruments_evaluation_dimensions_locales_locale_parent_id_u\` ON \`instruments_evaluation_dimensions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`instruments_sections_questions_levels\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`level\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`instruments_sections_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`instruments_sections_questions_levels_order_idx\` ON \`instruments_sections_questions_levels\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`instruments_sections_questions_levels_parent_id_idx\` ON \`instruments_sections_questions_levels\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`instruments_sections_questions_levels_locales\` (
  	\`descriptor\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`instruments_sections_questions_levels\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`instruments_sections_questions_levels_locales_locale_parent_\` ON \`instruments_sections_questions_levels_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`instruments_sections_questions_options\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`value\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`instruments_sections_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`instruments_sections_questions_options_order_idx\` ON \`instruments_sections_questions_options\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`instruments_sections_questions_options_parent_id_idx\` ON \`instruments_sections_questions_options\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`instruments_sections_questions_options_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`instruments_sections_questions_options\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`instruments_sections_questions_options_locales_locale_parent\` ON \`instruments_sections_questions_options_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`instruments_sections_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`type\` text NOT NULL,
  	\`weight\` numeric DEFAULT 1 NOT NULL,
  	\`evidence\` text DEFAULT 'optional' NOT NULL,
  	\`evidence_from_level\` numeric,
  	\`unit\` text,
  	\`min\` numeric,
  	\`max\` numeric,
  	\`condition_question\` text,
  	\`condition_equals\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`instruments_sections\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`instruments_sections_questions_order_idx\` ON \`instruments_sections_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`instruments_sections_questions_parent_id_idx\` ON \`instruments_sections_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`instruments_sections_questions_locales\` (
  	\`text\` text NOT NULL,
  	\`guidance\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`instruments_sections_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`instruments_sections_questions_locales_locale_parent_id_uniq\` ON \`instruments_sections_questions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`instruments_sections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`evaluation_dimension\` text NOT NULL,
  	\`dimension_id\` integer,
  	\`sub_dimension\` text,
  	FOREIGN KEY (\`dimension_id\`) REFERENCES \`dimensions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`instruments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`instruments_sections_order_idx\` ON \`instruments_sections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`instruments_sections_parent_id_idx\` ON \`instruments_sections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`instruments_sections_dimension_idx\` ON \`instruments_sections\` (\`dimension_id\`);`)
  await db.run(sql`CREATE TABLE \`instruments_sections_locales\` (
  	\`title\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`instruments_sections\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`instruments_sections_locales_locale_parent_id_unique\` ON \`instruments_sections_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`instruments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`version\` numeric DEFAULT 1 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`instruments_updated_at_idx\` ON \`instruments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`instruments_created_at_idx\` ON \`instruments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`instruments_locales\` (
  	\`title\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`instruments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`instruments_locales_locale_parent_id_unique\` ON \`instruments_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`periods_assignments\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`city_id\` integer NOT NULL,
  	\`assessor_id\` integer NOT NULL,
  	\`lead\` integer DEFAULT false,
  	FOREIGN KEY (\`city_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assessor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`periods\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`periods_assignments_order_idx\` ON \`periods_assignments\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`periods_assignments_parent_id_idx\` ON \`periods_assignments\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`periods_assignments_city_idx\` ON \`periods_assignments\` (\`city_id\`);`)
  await db.run(sql`CREATE INDEX \`periods_assignments_assessor_idx\` ON \`periods_assignments\` (\`assessor_id\`);`)
  await db.run(sql`CREATE TABLE \`periods\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`stage\` text,
  	\`status\` text DEFAULT 'upcoming' NOT NULL,
  	\`instrument_id\` integer NOT NULL,
  	\`opens_at\` text NOT NULL,
  	\`closes_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`instrument_id\`) REFERENCES \`instruments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`periods_instrument_idx\` ON \`periods\` (\`instrument_id\`);`)
  await db.run(sql`CREATE INDEX \`periods_updated_at_idx\` ON \`periods\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`periods_created_at_idx\` ON \`periods\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`periods_locales\` (
  	\`title\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`periods\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`periods_locales_locale_parent_id_unique\` ON \`periods_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`periods_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`cities_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`periods\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cities_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`periods_rels_order_idx\` ON \`periods_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`periods_rels_parent_idx\` ON \`periods_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`periods_rels_path_idx\` ON \`periods_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`periods_rels_cities_id_idx\` ON \`periods_rels\` (\`cities_id\`);`)
  await db.run(sql`CREATE TABLE \`reports_answers\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`question\` text NOT NULL,
  	\`value\` text,
  	\`comment\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reports_answers_order_idx\` ON \`reports_answers\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reports_answers_parent_id_idx\` ON \`reports_answers\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reports_constraints\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reports_constraints_order_idx\` ON \`reports_constraints\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`reports_constraints_parent_idx\` ON \`reports_constraints\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reports_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text,
  	\`to\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	\`reason\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reports_history_order_idx\` ON \`reports_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reports_history_parent_id_idx\` ON \`reports_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_history_by_idx\` ON \`reports_history\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`reports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`city_id\` integer NOT NULL,
  	\`period_id\` integer NOT NULL,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`constraint_notes\` text,
  	\`follow_ups\` text,
  	\`narrative\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`city_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`period_id\`) REFERENCES \`periods\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`reports_city_idx\` ON \`reports\` (\`city_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_period_idx\` ON \`reports\` (\`period_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_status_idx\` ON \`reports\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`reports_updated_at_idx\` ON \`reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reports_created_at_idx\` ON \`reports\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`city_period_idx\` ON \`reports\` (\`city_id\`,\`period_id\`);`)
  await db.run(sql`CREATE TABLE \`evidence\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`city_id\` integer NOT NULL,
  	\`report_id\` integer,
  	\`question\` text,
  	\`program_id\` integer,
  	\`description\` text,
  	\`document_date\` text,
  	\`is_public\` integer DEFAULT false,
  	\`sha256\` text,
  	\`verdict\` text DEFAULT 'pending',
  	\`verdict_reason\` text,
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
  	FOREIGN KEY (\`report_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`program_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`uploaded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`evidence_city_idx\` ON \`evidence\` (\`city_id\`);`)
  await db.run(sql`CREATE INDEX \`evidence_report_idx\` ON \`evidence\` (\`report_id\`);`)
  await db.run(sql`CREATE INDEX \`evidence_program_idx\` ON \`evidence\` (\`program_id\`);`)
  await db.run(sql`CREATE INDEX \`evidence_sha256_idx\` ON \`evidence\` (\`sha256\`);`)
  await db.run(sql`CREATE INDEX \`evidence_uploaded_by_idx\` ON \`evidence\` (\`uploaded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`evidence_updated_at_idx\` ON \`evidence\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`evidence_created_at_idx\` ON \`evidence\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`evidence_filename_idx\` ON \`evidence\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`reviews_scores\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`question\` text NOT NULL,
  	\`score\` numeric NOT NULL,
  	\`comment\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reviews_scores_order_idx\` ON \`reviews_scores\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reviews_scores_parent_id_idx\` ON \`reviews_scores\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reviews_dimension_scores\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`score\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reviews_dimension_scores_order_idx\` ON \`reviews_dimension_scores\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reviews_dimension_scores_parent_id_idx\` ON \`reviews_dimension_scores\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reviews\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`report_id\` integer NOT NULL,
  	\`assessor_id\` integer,
  	\`city_id\` integer,
  	\`period_id\` integer,
  	\`status\` text DEFAULT 'in_progress' NOT NULL,
  	\`overall\` numeric,
  	\`published\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`report_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assessor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`city_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`period_id\`) REFERENCES \`periods\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`reviews_report_idx\` ON \`reviews\` (\`report_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_assessor_idx\` ON \`reviews\` (\`assessor_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_city_idx\` ON \`reviews\` (\`city_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_period_idx\` ON \`reviews\` (\`period_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_updated_at_idx\` ON \`reviews\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reviews_created_at_idx\` ON \`reviews\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`reviews_locales\` (
  	\`recommendations\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`reviews_locales_locale_parent_id_unique\` ON \`reviews_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`updates\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`program_id\` integer,
  	\`city_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`program_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`city_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`updates_program_idx\` ON \`updates\` (\`program_id\`);`)
  await db.run(sql`CREATE INDEX \`updates_city_idx\` ON \`updates\` (\`city_id\`);`)
  await db.run(sql`CREATE INDEX \`updates_updated_at_idx\` ON \`updates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`updates_created_at_idx\` ON \`updates\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`updates__status_idx\` ON \`updates\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`updates_locales\` (
  	\`title\` text,
  	\`body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`updates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`updates_locales_locale_parent_id_unique\` ON \`updates_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`updates_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`updates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`updates_rels_order_idx\` ON \`updates_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`updates_rels_parent_idx\` ON \`updates_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`updates_rels_path_idx\` ON \`updates_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`updates_rels_media_id_idx\` ON \`updates_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`_updates_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_date\` text,
  	\`version_program_id\` integer,
  	\`version_city_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`updates\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_program_id\`) REFERENCES \`programs\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_city_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_updates_v_parent_idx\` ON \`_updates_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_version_version_program_idx\` ON \`_updates_v\` (\`version_program_id\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_version_version_city_idx\` ON \`_updates_v\` (\`version_city_id\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_version_version_updated_at_idx\` ON \`_updates_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_version_version_created_at_idx\` ON \`_updates_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_version_version__status_idx\` ON \`_updates_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_created_at_idx\` ON \`_updates_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_updated_at_idx\` ON \`_updates_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_snapshot_idx\` ON \`_updates_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_published_locale_idx\` ON \`_updates_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_latest_idx\` ON \`_updates_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_updates_v_locales\` (
  	\`version_title\` text,
  	\`version_body\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_updates_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_updates_v_locales_locale_parent_id_unique\` ON \`_updates_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_updates_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_updates_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_updates_v_rels_order_idx\` ON \`_updates_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_rels_parent_idx\` ON \`_updates_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_rels_path_idx\` ON \`_updates_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_rels_media_id_idx\` ON \`_updates_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`credit\` text,
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
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_wide_url\` text,
  	\`sizes_wide_width\` numeric,
  	\`sizes_wide_height\` numeric,
  	\`sizes_wide_mime_type\` text,
  	\`sizes_wide_filesize\` numeric,
  	\`sizes_wide_filename\` text,
  	FOREIGN KEY (\`uploaded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`media_uploaded_by_idx\` ON \`media\` (\`uploaded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_wide_sizes_wide_filename_idx\` ON \`media\` (\`sizes_wide_filename\`);`)
  await db.run(sql`CREATE TABLE \`media_locales\` (
  	\`alt\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`media_locales_locale_parent_id_unique\` ON \`media_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`users_rels\`;`)
  await db.run(sql`DROP TABLE \`cities_masterplan\`;`)
  await db.run(sql`DROP TABLE \`cities\`;`)
  await db.run(sql`DROP TABLE \`cities_locales\`;`)
  await db.run(sql`DROP TABLE \`dimensions_sub_dimensions\`;`)
  await db.run(sql`DROP TABLE \`dimensions_sub_dimensions_locales\`;`)
  await db.run(sql`DROP TABLE \`dimensions\`;`)
  await db.run(sql`DROP TABLE \`dimensions_locales\`;`)
  await db.run(sql`DROP TABLE \`programs_partners\`;`)
  await db.run(sql`DROP TABLE \`programs_funding_sources\`;`)
  await db.run(sql`DROP TABLE \`programs\`;`)
  await db.run(sql`DROP TABLE \`programs_locales\`;`)
  await db.run(sql`DROP TABLE \`indicators\`;`)
  await db.run(sql`DROP TABLE \`indicators_locales\`;`)
  await db.run(sql`DROP TABLE \`measurements\`;`)
  await db.run(sql`DROP TABLE \`measurements_rels\`;`)
  await db.run(sql`DROP TABLE \`instruments_evaluation_dimensions\`;`)
  await db.run(sql`DROP TABLE \`instruments_evaluation_dimensions_locales\`;`)
  await db.run(sql`DROP TABLE \`instruments_sections_questions_levels\`;`)
  await db.run(sql`DROP TABLE \`instruments_sections_questions_levels_locales\`;`)
  await db.run(sql`DROP TABLE \`instruments_sections_questions_options\`;`)
  await db.run(sql`DROP TABLE \`instruments_sections_questions_options_locales\`;`)
  await db.run(sql`DROP TABLE \`instruments_sections_questions\`;`)
  await db.run(sql`DROP TABLE \`instruments_sections_questions_locales\`;`)
  await db.run(sql`DROP TABLE \`instruments_sections\`;`)
  await db.run(sql`DROP TABLE \`instruments_sections_locales\`;`)
  await db.run(sql`DROP TABLE \`instruments\`;`)
  await db.run(sql`DROP TABLE \`instruments_locales\`;`)
  await db.run(sql`DROP TABLE \`periods_assignments\`;`)
  await db.run(sql`DROP TABLE \`periods\`;`)
  await db.run(sql`DROP TABLE \`periods_locales\`;`)
  await db.run(sql`DROP TABLE \`periods_rels\`;`)
  await db.run(sql`DROP TABLE \`reports_answers\`;`)
  await db.run(sql`DROP TABLE \`reports_constraints\`;`)
  await db.run(sql`DROP TABLE \`reports_history\`;`)
  await db.run(sql`DROP TABLE \`reports\`;`)
  await db.run(sql`DROP TABLE \`evidence\`;`)
  await db.run(sql`DROP TABLE \`reviews_scores\`;`)
  await db.run(sql`DROP TABLE \`reviews_dimension_scores\`;`)
  await db.run(sql`DROP TABLE \`reviews\`;`)
  await db.run(sql`DROP TABLE \`reviews_locales\`;`)
  await db.run(sql`DROP TABLE \`updates\`;`)
  await db.run(sql`DROP TABLE \`updates_locales\`;`)
  await db.run(sql`DROP TABLE \`updates_rels\`;`)
  await db.run(sql`DROP TABLE \`_updates_v\`;`)
  await db.run(sql`DROP TABLE \`_updates_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_updates_v_rels\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`media_locales\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
