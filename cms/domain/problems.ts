/**
 * Why something cannot be done, as data. A rule (a workflow guard, the submit check, the scoring
 * engine) returns problems: a code, the question or evidence file it concerns, and the figures a
 * message needs. The server refuses with them and the admin views show them as a checklist, each
 * in the person's own language from this one catalogue, so no client ever reads a message to find
 * out what it is about, and no person reads two languages run together.
 */
import { STATUS_LABELS } from '../constants.ts'
import { type Deadline, formatDeadline, type TimeZoneName } from './deadlines.ts'

export type Lang = 'id' | 'en'

export type ProblemParams = Record<string, string | number | boolean | null>

export type Problem = {
  code: ProblemCode
  /** The instrument question the problem is about, when there is one. */
  question?: string
  /** The evidence file the problem is about, when there is one (its id, as text). */
  evidence?: string
  params?: ProblemParams
}

type Say = (problem: Problem) => string

const q = (problem: Problem) => problem.question ?? '?'
const param = (problem: Problem, name: string) => problem.params?.[name]
const text = (problem: Problem, name: string) => String(param(problem, name) ?? '')
const deadlineOf = (problem: Problem): Pick<Deadline, 'at' | 'zone'> => ({
  at: new Date(text(problem, 'at')),
  zone: (text(problem, 'zone') || 'WIB') as TimeZoneName,
})

const status = (problem: Problem, name: string, lang: Lang) =>
  (STATUS_LABELS as Record<string, Record<Lang, string>>)[text(problem, name)]?.[lang] ?? text(problem, name)

const VERDICT_WORDS: Record<string, Record<Lang, string>> = {
  pending: { id: 'menunggu', en: 'pending' },
  needs_revision: { id: 'perlu revisi', en: 'needs revision' },
  rejected: { id: 'ditolak', en: 'rejected' },
  accepted: { id: 'diterima', en: 'accepted' },
}
/** Features of Payload a collection may leave switched off. */
const FEATURE_WORDS: Record<string, Record<Lang, string>> = {
  versions: { id: 'riwayat versi', en: 'version history' },
  emailVerification: { id: 'verifikasi e-mail', en: 'e-mail verification' },
  pasteUrl: { id: 'unggah dari alamat web', en: 'upload from a web address' },
}
const featureWords = (problem: Problem, lang: Lang) => FEATURE_WORDS[text(problem, 'feature')]?.[lang] ?? text(problem, 'feature')

const verdict = (problem: Problem, lang: Lang) => VERDICT_WORDS[text(problem, 'verdict')]?.[lang] ?? text(problem, 'verdict')

/**
 * Every problem Pantau can report, with its message in each language. A code added to a rule must be
 * added here: the type of `Problem.code` is the list of these keys.
 */
const CATALOGUE = {
  // The council's answers (submit check) -------------------------------------------------------
  'answer.missing': {
    id: (p) => `Pertanyaan ${q(p)} belum dijawab`,
    en: (p) => `Question ${q(p)} is not answered`,
  },
  'answer.duplicate': {
    id: (p) => `Pertanyaan ${q(p)} dijawab lebih dari sekali`,
    en: (p) => `Question ${q(p)} is answered more than once`,
  },
  'answer.maturityLevel': {
    id: (p) => `Pertanyaan ${q(p)}: tingkat kematangan harus bilangan bulat 1 sampai 5`,
    en: (p) => `Question ${q(p)}: the maturity level must be a whole number from 1 to 5`,
  },
  'answer.notNumber': {
    id: (p) => `Pertanyaan ${q(p)}: jawaban harus berupa angka`,
    en: (p) => `Question ${q(p)}: the answer must be a number`,
  },
  'answer.outOfRange': {
    id: (p) => `Pertanyaan ${q(p)}: angka ${text(p, 'value')} di luar rentang ${text(p, 'min') || '…'}–${text(p, 'max') || '…'}`,
    en: (p) => `Question ${q(p)}: ${text(p, 'value')} is outside the range ${text(p, 'min') || '…'}–${text(p, 'max') || '…'}`,
  },
  'answer.yesNo': {
    id: (p) => `Pertanyaan ${q(p)}: jawab Ya atau Tidak`,
    en: (p) => `Question ${q(p)}: answer Yes or No`,
  },
  'answer.unknownOption': {
    id: (p) => `Pertanyaan ${q(p)}: pilihan ${text(p, 'options')} tidak tersedia`,
    en: (p) => `Question ${q(p)}: ${text(p, 'options')} not among the options`,
  },
  'answer.notText': {
    id: (p) => `Pertanyaan ${q(p)}: jawaban harus berupa teks`,
    en: (p) => `Question ${q(p)}: the answer must be text`,
  },
  'answer.invalidDate': {
    id: (p) => `Pertanyaan ${q(p)}: tanggal tidak valid`,
    en: (p) => `Question ${q(p)}: not a valid date`,
  },
  'evidence.missing': {
    id: (p) =>
      `Pertanyaan ${q(p)}: bukti dukung wajib dilampirkan` +
      (param(p, 'fromLevel') ? ` untuk tingkat ${text(p, 'fromLevel')} ke atas` : '') +
      (param(p, 'refused') ? ` (bukti yang ditolak atau perlu revisi tidak dihitung; lampirkan berkas baru)` : ''),
    en: (p) =>
      `Question ${q(p)}: evidence must be attached` +
      (param(p, 'fromLevel') ? ` for level ${text(p, 'fromLevel')} and above` : '') +
      (param(p, 'refused') ? ` (evidence rejected or needing revision does not count; attach a new file)` : ''),
  },
  'deadline.passed': {
    id: (p) => `Batas pengajuan sudah lewat pada ${formatDeadline(deadlineOf(p), 'id')}; minta perpanjangan kepada sekretariat`,
    en: (p) => `The submission deadline passed on ${formatDeadline(deadlineOf(p), 'en')}; ask the secretariat for an extension`,
  },

  // Moves of the report --------------------------------------------------------------------------
  'move.notAllowed': {
    id: (p) => `Peran Anda tidak dapat mengubah status laporan dari "${status(p, 'from', 'id')}" ke "${status(p, 'to', 'id')}"`,
    en: (p) => `Your role cannot move a report from "${status(p, 'from', 'en')}" to "${status(p, 'to', 'en')}"`,
  },
  'move.leadOnly': {
    id: () => 'Hanya ketua tim asesor kota ini yang dapat menerima laporan',
    en: () => 'Only the lead assessor of this city can accept the report',
  },
  'move.reasonRequired': {
    id: () => 'Tuliskan alasannya: dewan kota membacanya untuk tahu apa yang harus diperbaiki',
    en: () => 'Give the reason: the city council reads it to know what to fix',
  },

  // Accepting a report ---------------------------------------------------------------------------
  'accept.noReviews': {
    id: () => 'Belum ada penilaian asesor untuk laporan ini',
    en: () => 'No assessor has reviewed this report yet',
  },
  'accept.reviewIncomplete': {
    id: (p) => `Penilaian ${text(p, 'assessor')} belum ditandai Selesai`,
    en: (p) => `${text(p, 'assessor')}'s review is not marked Completed`,
  },
  'accept.unscored': {
    id: (p) => `Pertanyaan ${q(p)} belum dinilai asesor`,
    en: (p) => `Question ${q(p)} has no assessor's score`,
  },
  'accept.verdictPending': {
    id: (p) => `Bukti "${text(p, 'filename')}" (${q(p)}) belum diverifikasi`,
    en: (p) => `Evidence "${text(p, 'filename')}" (${q(p)}) has no verdict yet`,
  },
  'accept.verdictUnexplained': {
    id: (p) =>
      `Bukti "${text(p, 'filename')}" (${q(p)}) berstatus ${verdict(p, 'id')}; tuliskan alasan ketua menerima laporan tetap dengan bukti ini`,
    en: (p) =>
      `Evidence "${text(p, 'filename')}" (${q(p)}) is ${verdict(p, 'en')}; record the lead's reason for accepting the report with it anyway`,
  },
  'accept.disagreement': {
    id: (p) => `Nilai asesor berselisih ${text(p, 'spread')} tingkat pada ${q(p)}; ketua tim harus menjelaskannya`,
    en: (p) => `Assessors are ${text(p, 'spread')} level(s) apart on ${q(p)}; the lead must explain the decision`,
  },
  'accept.noRecommendation': {
    id: () => 'Rekomendasi umum ketua tim belum ditulis',
    en: () => "The lead's general recommendation is not written yet",
  },

  // Reviews and verdicts -------------------------------------------------------------------------
  'review.closed': {
    id: () => 'Laporan ini sudah diterima: penilaiannya ditutup',
    en: () => 'This report has been accepted: its reviews are closed',
  },
  'review.leadExplains': {
    id: () => 'Hanya ketua tim asesor yang menjelaskan selisih nilai',
    en: () => 'Only the lead assessor explains disagreements',
  },
  'verdict.reasonRequired': {
    id: () => 'Tuliskan alasan bila bukti perlu revisi atau ditolak',
    en: () => 'Give a reason when evidence needs revision or is rejected',
  },
  'verdict.leadReasonLeadOnly': {
    id: () => 'Hanya ketua tim asesor yang mencatat alasan menerima bukti yang ditolak atau perlu revisi',
    en: () => 'Only the lead assessor records why evidence that was rejected or needs revision is accepted anyway',
  },

  // The request itself (REST API) -----------------------------------------------------------------
  'request.tooLarge': {
    id: (p) => `Permintaan terlalu besar (${text(p, 'declaredMb')} MB); batasnya ${text(p, 'limitMb')} MB`,
    en: (p) => `The request is too large (${text(p, 'declaredMb')} MB); the limit is ${text(p, 'limitMb')} MB`,
  },
  'request.badPath': {
    id: () => 'Alamat tidak sah: berisi kode persen yang rusak atau karakter kontrol',
    en: () => 'The address is not valid: it holds a broken percent-encoding or a control character',
  },
  'request.unsupportedType': {
    id: (p) =>
      `Jenis isi "${text(p, 'type')}" tidak didukung; kirim JSON (application/json) atau formulir unggahan (multipart/form-data)`,
    en: (p) =>
      `The content type "${text(p, 'type')}" is not supported; send JSON (application/json) or an upload form (multipart/form-data)`,
  },
  'request.invalidJson': {
    id: () => 'Isi permintaan bukan JSON yang sah',
    en: () => 'The request body is not valid JSON',
  },
  'request.bodyNotObject': {
    id: () => 'Isi permintaan harus berupa objek JSON, mis. {"title": "..."}',
    en: () => 'The request body must be a JSON object, e.g. {"title": "..."}',
  },
  'request.unreadableForm': {
    id: () => 'Formulir unggahan tidak dapat dibaca: kirim berkasnya di kolom "file" dan datanya sebagai JSON di kolom "_payload"',
    en: () => 'The upload form could not be read: send the file in the "file" field and the data as JSON in the "_payload" field',
  },
  'request.malformedId': {
    id: (p) =>
      `"${text(p, 'id')}" bukan id dokumen: id di sini ` +
      (text(p, 'kind') === 'integer' ? 'berupa bilangan bulat, mis. 12' : text(p, 'kind') === 'objectId' ? 'terdiri atas 24 digit heksadesimal' : 'tidak memuat karakter kontrol'),
    en: (p) =>
      `"${text(p, 'id')}" is not a document id: ids here ` +
      (text(p, 'kind') === 'integer' ? 'are whole numbers, e.g. 12' : text(p, 'kind') === 'objectId' ? 'are 24 hexadecimal digits' : 'hold no control characters'),
  },
  'request.notOffered': {
    id: (p) => `Koleksi "${text(p, 'collection')}" tidak menyediakan ${featureWords(p, 'id')}`,
    en: (p) => `The collection "${text(p, 'collection')}" offers no ${featureWords(p, 'en')}`,
  },
  'upload.tooManyPixels': {
    id: (p) =>
      `Gambar "${text(p, 'filename')}" berukuran ${text(p, 'width')} × ${text(p, 'height')} piksel, melebihi batas ${text(p, 'limitMp')} megapiksel; perkecil dulu gambarnya`,
    en: (p) =>
      `The image "${text(p, 'filename')}" is ${text(p, 'width')} × ${text(p, 'height')} pixels, over the limit of ${text(p, 'limitMp')} megapixels; scale it down first`,
  },

  // The scoring engine's input ------------------------------------------------------------------
  'scoring.noDimensions': {
    id: () => 'Instrumen belum memiliki dimensi evaluasi',
    en: () => 'The instrument has no evaluation dimensions',
  },
  'scoring.dimensionTwice': {
    id: (p) => `Dimensi evaluasi "${text(p, 'key')}" tercantum dua kali`,
    en: (p) => `Evaluation dimension "${text(p, 'key')}" is listed twice`,
  },
  'scoring.dimensionWeight': {
    id: (p) => `Bobot dimensi evaluasi "${text(p, 'key')}" harus angka 0 atau lebih`,
    en: (p) => `The weight of evaluation dimension "${text(p, 'key')}" must be a number of 0 or more`,
  },
  'scoring.weightsTotal': {
    id: (p) => `Bobot dimensi evaluasi berjumlah ${text(p, 'total')}%, harus 100%`,
    en: (p) => `Evaluation-dimension weights add up to ${text(p, 'total')}%, they must total 100%`,
  },
  'scoring.unknownDimension': {
    id: (p) => `Bagian merujuk dimensi evaluasi "${text(p, 'key')}" yang tidak ada`,
    en: (p) => `A section names evaluation dimension "${text(p, 'key')}", which does not exist`,
  },
  'scoring.questionTwice': {
    id: (p) => `Kode pertanyaan "${q(p)}" dipakai dua kali`,
    en: (p) => `Question code "${q(p)}" is used twice`,
  },
  'scoring.questionWeight': {
    id: (p) => `Bobot pertanyaan ${q(p)} harus angka 0 atau lebih`,
    en: (p) => `The weight of question ${q(p)} must be a number of 0 or more`,
  },
  'scoring.assessorTwice': {
    id: (p) => `Asesor ${text(p, 'assessor')} tercantum dua kali`,
    en: (p) => `Assessor ${text(p, 'assessor')} is listed twice`,
  },
  'scoring.unknownQuestion': {
    id: (p) => `Pertanyaan ${q(p)} tidak ada di instrumen`,
    en: (p) => `Question ${q(p)} is not in the instrument`,
  },
  'scoring.scoredTwice': {
    id: (p) => `Pertanyaan ${q(p)} dinilai lebih dari sekali oleh asesor yang sama`,
    en: (p) => `Question ${q(p)} is scored more than once by the same assessor`,
  },
  'scoring.scoreRange': {
    id: (p) => `Nilai ${text(p, 'score')} untuk pertanyaan ${q(p)} harus 1 sampai 5`,
    en: (p) => `The score ${text(p, 'score')} for question ${q(p)} must be 1 to 5`,
  },
  'scoring.leads': {
    id: (p) => `Ada ${text(p, 'count')} ketua tim asesor, seharusnya satu`,
    en: (p) => `There are ${text(p, 'count')} lead assessors, there must be one`,
  },
  'scoring.previousIndex': {
    id: (p) => `Indeks sebelumnya ${text(p, 'value')} harus 1 sampai 5`,
    en: (p) => `The previous index ${text(p, 'value')} must be 1 to 5`,
  },
  'scoring.baselineSlope': {
    id: () => 'Kemiringan Baseline harus angka 0 atau lebih',
    en: () => 'The Baseline slope must be a number of 0 or more',
  },
} satisfies Record<string, Record<Lang, Say>>

export type ProblemCode = keyof typeof CATALOGUE

export const PROBLEM_CODES = Object.keys(CATALOGUE) as ProblemCode[]

/** The problem in words, in `lang`. */
export function problemMessage(problem: Problem, lang: Lang): string {
  const entry = (CATALOGUE as Record<string, Record<Lang, Say>>)[problem.code]
  return entry ? entry[lang](problem) : problem.code
}

/** The admin language of a request or a person, narrowed to the two Pantau speaks. */
export const langOf = (language: string | null | undefined): Lang => (language === 'en' ? 'en' : 'id')

/** A problem about `question`, or about the report as a whole. */
export const problem = (code: ProblemCode, details: Omit<Problem, 'code'> = {}): Problem => ({ code, ...details })

/** Problems grouped by the question they concern; those of no question under ''. */
export function problemsByQuestion(problems: Problem[]): Map<string, Problem[]> {
  const grouped = new Map<string, Problem[]>()
  for (const item of problems) {
    const key = item.question ?? ''
    grouped.set(key, [...(grouped.get(key) ?? []), item])
  }
  return grouped
}
