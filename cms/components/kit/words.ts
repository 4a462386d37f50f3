import type { Countdown } from '../../domain/deadlines.ts'
import type { Lang } from '../../domain/problems.ts'

/** Words both admin views share: deadlines, checklists, the network. Indonesian first. */
export const KIT_WORDS = {
  id: {
    deadline: 'Batas pengajuan',
    extended: 'diperpanjang',
    countdown: ({ passed, days, hours }: Countdown) =>
      passed
        ? days === 0
          ? 'sudah lewat'
          : `sudah lewat ${days} hari`
        : days === 0
          ? `hari ini, ${hours} jam lagi`
          : `${days} hari lagi`,
    checklist: 'Yang masih harus dipenuhi:',
    ready: 'Semua syarat terpenuhi.',
    network: 'Server tidak dapat dihubungi. Periksa koneksi Anda.',
  },
  en: {
    deadline: 'Submission deadline',
    extended: 'extended',
    countdown: ({ passed, days, hours }: Countdown) =>
      passed
        ? days === 0
          ? 'passed'
          : `passed ${days} day${days === 1 ? '' : 's'} ago`
        : days === 0
          ? `today, ${hours} hour${hours === 1 ? '' : 's'} left`
          : `${days} day${days === 1 ? '' : 's'} left`,
    checklist: 'Still to do:',
    ready: 'Every condition is met.',
    network: 'The server cannot be reached. Check your connection.',
  },
} satisfies Record<Lang, unknown>
