import type { Lang } from '../kit/types.ts'

/** The words of the instrument tools (export, import, the frozen banner), Indonesian first. */
export const INSTRUMENT_LABELS = {
  id: {
    export: 'Unduh instrumen',
    exportAs: (format: string) => `Unduh ${format}`,
    frozenTitle: 'Instrumen ini dibekukan',
    frozen: (period: string, status: string) =>
      `Instrumen ini dipakai periode "${period}" (${status}); jawaban dan nilai periode itu bergantung padanya, jadi formulir ini hanya dapat dibaca. Untuk mengubah pertanyaan atau bobot, buat versi baru lalu ubah salinannya.`,
    statuses: { open: 'dibuka', closed: 'ditutup', upcoming: 'akan datang' } as Record<string, string>,
    duplicate: 'Duplikat sebagai versi baru',
    duplicating: 'Membuat versi baru…',
    duplicated: (version: number) => `Versi ${version} dibuat; membukanya…`,
    importTitle: 'Impor instrumen dari berkas',
    importHint: 'Buku kerja .xlsx (lembar "settings" dan "questions"), .csv atau .json seperti hasil unduhan instrumen. Setiap baris diperiksa dulu; bila ada masalah, tidak ada yang disimpan.',
    importChoose: 'Pilih berkas instrumen',
    importing: 'Memeriksa dan mengimpor…',
    imported: 'Instrumen diimpor.',
    open: 'Buka instrumen',
    importFailed: 'Impor dibatalkan, tidak ada yang disimpan. Perbaiki baris berikut lalu unggah lagi:',
    sheet: 'Lembar',
    row: 'Baris',
    column: 'Kolom',
    problem: 'Masalah',
    network: 'Server tidak dapat dihubungi. Periksa koneksi Anda.',
  },
  en: {
    export: 'Download the instrument',
    exportAs: (format: string) => `Download ${format}`,
    frozenTitle: 'This instrument is frozen',
    frozen: (period: string, status: string) =>
      `This instrument is used by the period "${period}" (${status}); that period's answers and scores depend on it, so this form is read-only. To change questions or weights, make a new version and edit the copy.`,
    statuses: { open: 'open', closed: 'closed', upcoming: 'upcoming' } as Record<string, string>,
    duplicate: 'Duplicate as a new version',
    duplicating: 'Making a new version…',
    duplicated: (version: number) => `Version ${version} made; opening it…`,
    importTitle: 'Import an instrument from a file',
    importHint: 'An .xlsx workbook (sheets "settings" and "questions"), .csv or .json as the instrument download gives it. Every row is checked first; with any problem nothing is saved.',
    importChoose: 'Choose an instrument file',
    importing: 'Checking and importing…',
    imported: 'Instrument imported.',
    open: 'Open the instrument',
    importFailed: 'Import cancelled, nothing was saved. Fix these rows and upload again:',
    sheet: 'Sheet',
    row: 'Row',
    column: 'Column',
    problem: 'Problem',
    network: 'The server cannot be reached. Check your connection.',
  },
} satisfies Record<Lang, unknown>

export type InstrumentLabels = (typeof INSTRUMENT_LABELS)['id']
