/**
 * What Pantau tells people when a report moves, an assessor is assigned or a deadline nears: the
 * title and text of each notice, in the recipient's own language. Composed as plain data, so the
 * wording can be read and tested without a mail server; the server stores each notice (the admin's
 * notice list) and a job e-mails it.
 */
import { type Deadline, formatDeadline } from './deadlines.ts'
import type { Lang } from './problems.ts'

export const NOTICE_KINDS = [
  'assigned',
  'submittedReceipt',
  'submitted',
  'readyForReview',
  'revisionRequested',
  'accepted',
  'sentBack',
  'reminder',
] as const

export type NoticeKind = (typeof NOTICE_KINDS)[number]

export const NOTICE_KIND_LABELS: Record<NoticeKind, Record<Lang, string>> = {
  assigned: { id: 'Penugasan asesor', en: 'Assessor assignment' },
  submittedReceipt: { id: 'Tanda terima pengajuan', en: 'Submission receipt' },
  submitted: { id: 'Laporan masuk', en: 'Report submitted' },
  readyForReview: { id: 'Siap ditinjau', en: 'Ready for review' },
  revisionRequested: { id: 'Permintaan revisi', en: 'Revision requested' },
  accepted: { id: 'Laporan diterima', en: 'Report accepted' },
  sentBack: { id: 'Laporan dikembalikan', en: 'Report sent back' },
  reminder: { id: 'Pengingat tenggat', en: 'Deadline reminder' },
}

export type NoticeFacts = {
  cityName: string
  periodTitle: string
  /** Who acted, when a person did. */
  by?: string | null
  /** When it happened. */
  at: Date
  reason?: string | null
  /** Assessors' comments per question handed to the council with a revision request. */
  comments?: number
  /** Where the results document is, once accepted. */
  resultsUrl?: string | null
  /** For reminders and assignments: the city's deadline. */
  deadline?: Pick<Deadline, 'at' | 'zone'> | null
  /** For reminders: whole days left. */
  daysLeft?: number
  /** For assignments: whether the assessor leads the city's team. */
  lead?: boolean
}

export type NoticeText = { title: string; body: string }

const stamp = (date: Date, lang: Lang) =>
  `${new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(date)} WIB`

type Compose = (facts: NoticeFacts) => NoticeText

const COMPOSE: Record<NoticeKind, Record<Lang, Compose>> = {
  assigned: {
    id: (f) => ({
      title: `Anda ditugaskan menilai ${f.cityName} — ${f.periodTitle}`,
      body: [
        `Anda ditugaskan sebagai ${f.lead ? 'ketua tim asesor' : 'anggota tim asesor'} untuk ${f.cityName} pada ${f.periodTitle}.`,
        f.deadline ? `Batas pengajuan laporan kota: ${formatDeadline(f.deadline, 'id')}.` : '',
        'Laporan akan muncul di antrean penilaian Anda setelah diajukan.',
      ].filter(Boolean).join('\n'),
    }),
    en: (f) => ({
      title: `You are assigned to review ${f.cityName} — ${f.periodTitle}`,
      body: [
        `You are assigned as ${f.lead ? 'lead assessor' : 'a member of the assessor team'} for ${f.cityName} in ${f.periodTitle}.`,
        f.deadline ? `The city's submission deadline: ${formatDeadline(f.deadline, 'en')}.` : '',
        'The report appears in your review queue once it is submitted.',
      ].filter(Boolean).join('\n'),
    }),
  },
  submittedReceipt: {
    id: (f) => ({
      title: `Laporan diajukan: ${f.cityName} — ${f.periodTitle}`,
      body: [
        `Laporan ${f.cityName} untuk ${f.periodTitle} telah diajukan${f.by ? ` oleh ${f.by}` : ''} pada ${stamp(f.at, 'id')}.`,
        'Laporan kini terkunci untuk dewan kota selama ditinjau; Anda akan diberi tahu bila perlu revisi.',
      ].join('\n'),
    }),
    en: (f) => ({
      title: `Report submitted: ${f.cityName} — ${f.periodTitle}`,
      body: [
        `The report of ${f.cityName} for ${f.periodTitle} was submitted${f.by ? ` by ${f.by}` : ''} on ${stamp(f.at, 'en')}.`,
        'It is now locked for the city council while it is reviewed; you will be told if it needs revision.',
      ].join('\n'),
    }),
  },
  submitted: {
    id: (f) => ({
      title: `Laporan masuk: ${f.cityName} — ${f.periodTitle}`,
      body: `${f.cityName} telah mengajukan laporannya untuk ${f.periodTitle}${f.by ? ` (oleh ${f.by})` : ''} pada ${stamp(f.at, 'id')}.`,
    }),
    en: (f) => ({
      title: `New report: ${f.cityName} — ${f.periodTitle}`,
      body: `${f.cityName} submitted its report for ${f.periodTitle}${f.by ? ` (by ${f.by})` : ''} on ${stamp(f.at, 'en')}.`,
    }),
  },
  readyForReview: {
    id: (f) => ({
      title: `Siap ditinjau: ${f.cityName} — ${f.periodTitle}`,
      body: `Laporan ${f.cityName} untuk ${f.periodTitle} telah diajukan pada ${stamp(f.at, 'id')} dan menunggu penilaian Anda.`,
    }),
    en: (f) => ({
      title: `Ready for review: ${f.cityName} — ${f.periodTitle}`,
      body: `The report of ${f.cityName} for ${f.periodTitle} was submitted on ${stamp(f.at, 'en')} and awaits your review.`,
    }),
  },
  revisionRequested: {
    id: (f) => ({
      title: `Perlu revisi: ${f.cityName} — ${f.periodTitle}`,
      body: [
        `Laporan ${f.cityName} untuk ${f.periodTitle} dikembalikan untuk revisi${f.by ? ` oleh ${f.by}` : ''}.`,
        f.reason ? `Alasan: ${f.reason}` : '',
        f.comments ? `Ada ${f.comments} komentar asesor per pertanyaan; bacalah di tab "Isi laporan".` : '',
        'Perbaiki laporan, lalu ajukan kembali.',
      ].filter(Boolean).join('\n'),
    }),
    en: (f) => ({
      title: `Revision requested: ${f.cityName} — ${f.periodTitle}`,
      body: [
        `The report of ${f.cityName} for ${f.periodTitle} was sent back for revision${f.by ? ` by ${f.by}` : ''}.`,
        f.reason ? `Reason: ${f.reason}` : '',
        f.comments ? `There are ${f.comments} assessor comments per question; read them in the "Fill in the report" tab.` : '',
        'Revise the report, then submit it again.',
      ].filter(Boolean).join('\n'),
    }),
  },
  accepted: {
    id: (f) => ({
      title: `Laporan diterima: ${f.cityName} — ${f.periodTitle}`,
      body: [
        `Laporan ${f.cityName} untuk ${f.periodTitle} telah diterima pada ${stamp(f.at, 'id')}.`,
        f.resultsUrl ? `Dokumen hasil evaluasi: ${f.resultsUrl}` : '',
      ].filter(Boolean).join('\n'),
    }),
    en: (f) => ({
      title: `Report accepted: ${f.cityName} — ${f.periodTitle}`,
      body: [
        `The report of ${f.cityName} for ${f.periodTitle} was accepted on ${stamp(f.at, 'en')}.`,
        f.resultsUrl ? `Results document: ${f.resultsUrl}` : '',
      ].filter(Boolean).join('\n'),
    }),
  },
  sentBack: {
    id: (f) => ({
      title: `Laporan yang diterima dibuka kembali: ${f.cityName} — ${f.periodTitle}`,
      body: [
        `Sekretariat membuka kembali laporan ${f.cityName} untuk ${f.periodTitle} yang sudah diterima; hasilnya ditarik sampai diterima lagi.`,
        f.reason ? `Alasan: ${f.reason}` : '',
      ].filter(Boolean).join('\n'),
    }),
    en: (f) => ({
      title: `Accepted report reopened: ${f.cityName} — ${f.periodTitle}`,
      body: [
        `The secretariat reopened the accepted report of ${f.cityName} for ${f.periodTitle}; its results are withdrawn until it is accepted again.`,
        f.reason ? `Reason: ${f.reason}` : '',
      ].filter(Boolean).join('\n'),
    }),
  },
  reminder: {
    id: (f) => ({
      title: `Tenggat ${f.daysLeft === 1 ? 'besok' : `${f.daysLeft} hari lagi`}: ${f.cityName} — ${f.periodTitle}`,
      body: [
        `Laporan ${f.cityName} untuk ${f.periodTitle} masih berupa draf.`,
        f.deadline ? `Batas pengajuan: ${formatDeadline(f.deadline, 'id')}.` : '',
        'Lengkapi jawaban dan bukti dukung, lalu ajukan sebelum tenggat.',
      ].filter(Boolean).join('\n'),
    }),
    en: (f) => ({
      title: `Deadline ${f.daysLeft === 1 ? 'tomorrow' : `in ${f.daysLeft} days`}: ${f.cityName} — ${f.periodTitle}`,
      body: [
        `The report of ${f.cityName} for ${f.periodTitle} is still a draft.`,
        f.deadline ? `Submission deadline: ${formatDeadline(f.deadline, 'en')}.` : '',
        'Complete the answers and evidence, then submit before the deadline.',
      ].filter(Boolean).join('\n'),
    }),
  },
}

/** The notice of `kind` about `facts`, in `lang`. */
export const composeNotice = (kind: NoticeKind, facts: NoticeFacts, lang: Lang): NoticeText => COMPOSE[kind][lang](facts)

/** Days before a deadline on which a council whose report is still a draft is reminded. */
export const REMINDER_DAYS = [7, 1] as const

export type ReminderCandidate = { report: string; status: string; deadline: Pick<Deadline, 'at' | 'zone'> }

/**
 * The reminders due at `now`: for each draft report whose deadline is still ahead, the reminder of
 * the nearest threshold reached (7 days, then 1 day before). Each reminder has a key naming the
 * report, the threshold and the deadline, so the job running twice sends nothing twice and an
 * extension (a new deadline) brings new reminders.
 */
export function dueReminders(candidates: ReminderCandidate[], now: Date): { report: string; days: number; key: string }[] {
  const due: { report: string; days: number; key: string }[] = []
  for (const candidate of candidates) {
    if (candidate.status !== 'draft') continue
    const left = candidate.deadline.at.getTime() - now.getTime()
    if (left <= 0) continue
    const reached = REMINDER_DAYS.filter((days) => left <= days * 24 * 60 * 60 * 1000)
    const days = reached.at(-1)
    if (days === undefined) continue
    due.push({ report: candidate.report, days, key: `reminder:${candidate.report}:${days}:${candidate.deadline.at.toISOString()}` })
  }
  return due
}
