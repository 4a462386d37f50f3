/**
 * The README of the open-data package: what a person needs before opening a file (what each table
 * is, what each column means, how to read periods, decimals and dates, the licence), written from
 * the same table definitions as the files, so it cannot describe a column that is not there.
 */
import { CITY_DOWNLOAD_DIR, SNAPSHOT_LICENSE, SNAPSHOT_PACKAGE, SNAPSHOT_SOURCES } from '../contract/index.ts'

interface DescribedTable {
  name: string
  title: string
  columns: readonly { name: string; description: string }[]
}

export function packageReadme(tables: readonly DescribedTable[], created: Date): string {
  const lines = [
    `# ${SNAPSHOT_PACKAGE.title}`,
    '',
    SNAPSHOT_PACKAGE.description,
    '',
    `Dibuat / Created: ${created.toISOString()}`,
    `Lisensi / Licence: ${SNAPSHOT_LICENSE.title} (${SNAPSHOT_LICENSE.name}), ${SNAPSHOT_LICENSE.path}`,
    ...SNAPSHOT_SOURCES.map((source) => `Sumber / Source: ${source.title}, ${source.path}`),
    '',
    '## Cara membaca / How to read the files',
    '',
    '- CSV: UTF-8, dipisah koma, baris diakhiri CRLF (RFC 4180). / UTF-8, comma-separated, CRLF line ends (RFC 4180).',
    '- Angka desimal memakai titik (45.7), tanpa pemisah ribuan. / Decimals use a point (45.7), no thousands separator.',
    '- Tanggal dan waktu dalam ISO 8601 (2023-08-31T17:00:00.000Z, UTC); periode capaian YYYY-MM atau YYYY. /',
    '  Dates and times are ISO 8601 (UTC); measurement periods are YYYY-MM or YYYY.',
    '- Setiap kolom id (city, program, indicator, dimension) punya kolom nama di sebelahnya. /',
    '  Every id column (city, program, indicator, dimension) has its name column beside it.',
    '- Teks dalam dua bahasa ada di dua kolom: `_id` (Bahasa Indonesia) dan `_en` (English).',
    `- Data per kota: \`${CITY_DOWNLOAD_DIR}/<kota>.zip\` berisi tabel yang sama, hanya baris kota itu. /`,
    `  Per city: \`${CITY_DOWNLOAD_DIR}/<city>.zip\` holds the same tables with only that city's rows.`,
    '- `datapackage.json` menjelaskan berkas yang sama untuk program (Frictionless Data Package). /',
    '  `datapackage.json` describes the same files for programs (Frictionless Data Package).',
  ]
  for (const table of tables) {
    lines.push('', `## ${table.name}.csv: ${table.title}`, '', '| kolom / column | arti / meaning |', '|---|---|')
    for (const column of table.columns) lines.push(`| \`${column.name}\` | ${column.description.replaceAll('|', '\\|')} |`)
  }
  return `${lines.join('\n')}\n`
}
