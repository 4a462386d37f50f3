import type { Lang } from '../kit/types.ts'

/** The words of the report's "Rincian laporan" tab, Indonesian first. */
export const EDIT_LABELS = {
  id: {
    tab: 'Rincian laporan',
    status: 'Status',
    movesCouncil: 'Dewan kota mengajukan laporan dari tab "Isi laporan".',
    movesReview: 'Asesor meminta revisi atau menerima laporan dari tab "Tinjau"; sekretariat dapat membukanya kembali di sana.',
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
    movesReview: 'Assessors request a revision or accept the report from the "Review" tab; the secretariat can reopen it there.',
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
