import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`periods_extensions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`city_id\` integer NOT NULL,
  	\`until\` text NOT NULL,
  	\`reason\` text,
  	FOREIGN KEY (\`city_id\`) REFERENCES \`cities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`periods\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`periods_extensions_order_idx\` ON \`periods_extensions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`periods_extensions_parent_id_idx\` ON \`periods_extensions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`periods_extensions_city_idx\` ON \`periods_extensions\` (\`city_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`periods_extensions\`;`)
}
