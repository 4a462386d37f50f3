import type { Lang } from '../kit/types.ts'

/** The words of the report's "Rincian laporan" tab, Indonesian first. */
export const EDIT_LABELS = {
  id: {
    tab: 'Rincian laporan',
    status: 'Status',
    movesCouncil: 'Dewan kota mengajukan laporan dari tab "Isi laporan".',
    movesReview: 'Laporan kini pada asesor: mereka meminta revisi atau menerimanya; sekretariat dapat membukanya kembali.',
    trail: 'Riwayat laporan',
    historyTitle: 'Riwayat status',
    noHistory: 'Status laporan ini belum pernah berubah.',
    when: 'Waktu',
    move: 'Perubahan',
    by: 'Oleh',
    reason: 'Alasan',
    someone: 'pengguna lain',
    system: 'sistem',
    revisionTitle: (round: number) => (round > 0 ? `Permintaan revisi atas pengajuan ke-${round}` : 'Permintaan revisi'),
    removedQuestion: 'pertanyaan yang sudah dihapus',
  },
  en: {
    tab: 'Report details',
    status: 'Status',
    movesCouncil: 'The city council submits the report from the "Fill in the report" tab.',
    movesReview: 'The report is now with the assessors: they request a revision or accept it; the secretariat can reopen it.',
    trail: 'Report trail',
    historyTitle: 'Status history',
    noHistory: "This report's status has not changed yet.",
    when: 'When',
    move: 'Change',
    by: 'By',
    reason: 'Reason',
    someone: 'another user',
    system: 'system',
    revisionTitle: (round: number) => (round > 0 ? `Revision requested on submission ${round}` : 'Revision requested'),
    removedQuestion: 'a question since removed',
  },
} satisfies Record<Lang, unknown>
