import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * One copy of a file per city: a unique key on (city, sha256) of evidence. Copies stored before it
 * (concurrent uploads could store several) would make the key fail; they are listed so a person
 * decides which to keep, rather than deleted here, since reports and cities may point at any of them.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  const copies = await db.all<{ city: number; sha256: string; ids: string }>(
    sql`SELECT city_id AS city, sha256, group_concat(id) AS ids FROM evidence WHERE sha256 IS NOT NULL GROUP BY city_id, sha256 HAVING count(*) > 1`,
  )
  if (copies.length > 0) {
    const listed = copies.map((copy) => `city ${copy.city}: evidence ${copy.ids} (sha256 ${copy.sha256.slice(0, 12)}…)`).join('; ')
    throw new Error(
      `Bukti dukung yang sama tersimpan lebih dari sekali; hapus salinannya dulu / The same evidence file is stored more than once; delete the copies first: ${listed}`,
    )
  }
  await db.run(sql`CREATE UNIQUE INDEX \`city_sha256_idx\` ON \`evidence\` (\`city_id\`,\`sha256\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`city_sha256_idx\`;`)
}
