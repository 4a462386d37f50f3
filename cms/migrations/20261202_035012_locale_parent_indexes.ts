/** Indexes the parent of every locale table, so localized reads look their texts up instead of scanning (cms/infra/database.ts). */
import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`cities_locales_parent_id_idx\` ON \`cities_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`dimensions_sub_dimensions_locales_parent_id_idx\` ON \`dimensions_sub_dimensions_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`dimensions_locales_parent_id_idx\` ON \`dimensions_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`programs_locales_parent_id_idx\` ON \`programs_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`indicators_locales_parent_id_idx\` ON \`indicators_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`instruments_evaluation_dimensions_locales_parent_id_idx\` ON \`instruments_evaluation_dimensions_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`instruments_sections_questions_levels_locales_parent_id_idx\` ON \`instruments_sections_questions_levels_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`instruments_sections_questions_options_locales_parent_id_idx\` ON \`instruments_sections_questions_options_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`instruments_sections_questions_locales_parent_id_idx\` ON \`instruments_sections_questions_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`instruments_sections_locales_parent_id_idx\` ON \`instruments_sections_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`instruments_locales_parent_id_idx\` ON \`instruments_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`periods_locales_parent_id_idx\` ON \`periods_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_pillar_recommendations_locales_parent_id_idx\` ON \`reviews_pillar_recommendations_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_locales_parent_id_idx\` ON \`reviews_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`updates_locales_parent_id_idx\` ON \`updates_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_updates_v_locales_parent_id_idx\` ON \`_updates_v_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`media_locales_parent_id_idx\` ON \`media_locales\` (\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`cities_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`dimensions_sub_dimensions_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`dimensions_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`programs_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`indicators_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`instruments_evaluation_dimensions_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`instruments_sections_questions_levels_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`instruments_sections_questions_options_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`instruments_sections_questions_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`instruments_sections_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`instruments_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`periods_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`reviews_pillar_recommendations_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`reviews_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`updates_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`_updates_v_locales_parent_id_idx\`;`)
  await db.run(sql`DROP INDEX \`media_locales_parent_id_idx\`;`)
}
