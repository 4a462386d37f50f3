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
/** A name given in both languages (`<name>_id`, `<name>_en`), in `lang`; or the one `<name>` given. */
const named = (problem: Problem, name: string, lang: Lang) => text(problem, `${name}_${lang}`) || text(problem, name)
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

const PERIOD_WORDS: Record<string, Record<Lang, string>> = {
  upcoming: { id: 'akan datang', en: 'upcoming' },
  open: { id: 'dibuka', en: 'open' },
  closed: { id: 'ditutup', en: 'closed' },
}
const periodStatus = (problem: Problem, lang: Lang) => PERIOD_WORDS[text(problem, 'status')]?.[lang] ?? text(problem, 'status')

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
  // The evidence library ----------------------------------------------------------------------
  'evidence.otherCity': {
    id: (p) => `Berkas "${text(p, 'filename')}" milik pustaka bukti kota lain; lampirkan hanya bukti kota laporan ini`,
    en: (p) => `The file "${text(p, 'filename')}" is in another city's evidence library; attach only this report's city's evidence`,
  },
  'evidence.alreadyAttached': {
    id: (p) =>
      p.question
        ? `Berkas "${text(p, 'filename')}" sudah menjadi bukti pertanyaan ${q(p)}`
        : `Berkas "${text(p, 'filename')}" sudah menjadi bukti laporan ini`,
    en: (p) =>
      p.question
        ? `The file "${text(p, 'filename')}" is already evidence for question ${q(p)}`
        : `The file "${text(p, 'filename')}" is already evidence for this report`,
  },
  'evidence.duplicateFile': {
    id: (p) =>
      `Berkas ini sama persis dengan bukti "${text(p, 'filename')}" (#${text(p, 'id')}) di pustaka bukti kota ini; pilih bukti itu dari pustaka, jangan unggah lagi`,
    en: (p) =>
      `This file is identical to "${text(p, 'filename')}" (#${text(p, 'id')}) in this city's evidence library; choose that one from the library instead of uploading it again`,
  },
  'upload.fileMissing': {
    id: () => 'Pilih berkas yang akan diunggah',
    en: () => 'Choose a file to upload',
  },
  'upload.cityMissing': {
    id: () => 'Pilih kota pemilik bukti ini',
    en: () => 'Choose the city this evidence belongs to',
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

  // Fields of the admin forms ---------------------------------------------------------------------
  'field.derived': {
    id: () => 'Tidak dapat ditentukan dari data induk',
    en: () => 'Could not be derived from the parent record',
  },
  'field.slug': {
    id: () => 'Slug hanya huruf kecil, angka dan tanda hubung',
    en: () => 'A slug may hold only lowercase letters, digits and hyphens',
  },
  'field.code': {
    id: () => 'Kode hanya huruf, angka, titik, garis bawah dan tanda hubung',
    en: () => 'Codes use letters, digits, dots, underscores and hyphens',
  },
  'typed.notANumber': {
    id: (p) => `"${text(p, 'typed')}" bukan angka. Tulis misalnya 2,7 atau 1500. Nilai sebelumnya tidak diubah.`,
    en: (p) => `"${text(p, 'typed')}" is not a number. Type e.g. 2.7 or 1500. The previous value is unchanged.`,
  },
  'typed.notADay': {
    id: (p) => `"${text(p, 'typed')}" bukan tanggal. Tulis hari/bulan/tahun, misalnya 31/12/2026. Nilai sebelumnya tidak diubah.`,
    en: (p) => `"${text(p, 'typed')}" is not a date. Type day/month/year, e.g. 31/12/2026. The previous value is unchanged.`,
  },
  'answer.notStorable': {
    id: () => 'Jawaban tidak dapat disimpan',
    en: () => 'The answer cannot be stored',
  },
  'user.councilNeedsCity': {
    id: () => 'Anggota dewan harus terhubung ke minimal satu kota',
    en: () => 'A council member must belong to at least one city',
  },
  'login.demoDisabled': {
    id: () => 'Akun demo dinonaktifkan di server produksi',
    en: () => 'Demo accounts are disabled on a production server (set PANTAU_DEMO_ACCOUNTS=true to allow them)',
  },
  'dimension.colour': {
    id: () => 'Warna harus berformat #RRGGBB, mis. #1b7f5a',
    en: () => 'The colour must look like #RRGGBB, e.g. #1b7f5a',
  },
  'city.regionCode': {
    id: () => 'Kode wilayah harus berformat NN.NN, mis. 81.71',
    en: () => 'The region code must look like NN.NN, e.g. 81.71',
  },
  'city.regionCodeTaken': {
    id: (p) => `Kode wilayah ${text(p, 'code')} sudah dipakai ${text(p, 'name')}`,
    en: (p) => `Region code ${text(p, 'code')} is already used by ${text(p, 'name')}`,
  },
  'city.regionProvince': {
    id: (p) => `Kode wilayah ${text(p, 'code')} adalah ${text(p, 'name')}, Provinsi ${text(p, 'province')}: periksa kode atau provinsinya`,
    en: (p) => `Region code ${text(p, 'code')} is ${text(p, 'name')}, province of ${text(p, 'province')}: check the code or the province`,
  },
  'dimension.key': {
    id: () => 'Kunci hanya huruf kecil, angka dan tanda hubung',
    en: () => 'Keys use lowercase letters, digits and hyphens',
  },
  'dimension.inUse': {
    id: (p) =>
      `Pilar ini masih dipakai (program: ${text(p, 'programmes')}, instrumen: ${text(p, 'instruments')}, hasil penilaian: ${text(p, 'reviews')}) dan tidak dapat dihapus. Pindahkan program ke pilar lain atau ubah nama pilar ini.`,
    en: (p) =>
      `This pillar is still in use (programmes: ${text(p, 'programmes')}, instruments: ${text(p, 'instruments')}, evaluation results: ${text(p, 'reviews')}) and cannot be deleted. Move the programmes to another pillar or rename this one.`,
  },
  'dimension.subKeyTwice': {
    id: (p) => `Kunci sub-dimensi "${text(p, 'key')}" dipakai dua kali`,
    en: (p) => `Sub-dimension key "${text(p, 'key')}" is used twice`,
  },
  'indicator.targetYearMissing': {
    id: () => 'Tahun target wajib diisi sebagai tahun, mis. 2025',
    en: () => 'The target year must be a year, e.g. 2025',
  },
  'indicator.targetBeforeStart': {
    id: (p) => `Tahun target ${text(p, 'year')} sebelum tahun mulai program (${text(p, 'start')})`,
    en: (p) => `Target year ${text(p, 'year')} is before the programme's start year (${text(p, 'start')})`,
  },
  'period.closesAtRequired': {
    id: () => 'Tanggal tutup wajib diisi',
    en: () => 'The closing date is required',
  },
  'period.closesBeforeOpens': {
    id: () => 'Tanggal tutup harus setelah tanggal buka',
    en: () => 'The closing date must be after the opening date',
  },
  'audit.appendOnly': {
    id: () => 'Log audit hanya dapat ditambah oleh sistem, tidak dapat diubah atau dihapus',
    en: () => 'The audit log can only be appended to by the system, never changed or deleted',
  },

  // Assessor assignments of a period --------------------------------------------------------------
  'assignment.cityNotInPeriod': {
    id: () => 'Asesor hanya dapat ditugaskan ke kota peserta periode ini',
    en: () => 'Assessors can only be assigned to cities taking part in this period',
  },
  'assignment.notAssessor': {
    id: (p) => `${text(p, 'who')} bukan asesor dan tidak dapat ditugaskan`,
    en: (p) => `${text(p, 'who')} is not an assessor and cannot be assigned`,
  },
  'assignment.conflict': {
    id: (p) => `${text(p, 'who')} terhubung dengan ${text(p, 'city')} (konflik kepentingan) dan tidak dapat menilainya`,
    en: (p) => `${text(p, 'who')} is tied to ${text(p, 'city')} (conflict of interest) and cannot assess it`,
  },
  'assignment.twice': {
    id: (p) => `${text(p, 'who')} sudah ditugaskan ke ${text(p, 'city')}`,
    en: (p) => `${text(p, 'who')} is already assigned to ${text(p, 'city')}`,
  },
  'assignment.secondLead': {
    id: (p) => `${text(p, 'city')} sudah memiliki ketua tim; satu kota hanya boleh satu ketua`,
    en: (p) => `${text(p, 'city')} already has a lead; a city has exactly one lead`,
  },
  'assignment.noLead': {
    id: (p) => `Tunjuk satu ketua tim asesor untuk ${text(p, 'city')}`,
    en: (p) => `Choose one lead assessor for ${text(p, 'city')}`,
  },

  // Measurements ----------------------------------------------------------------------------------
  'measurement.negative': {
    id: (p) => `Nilai tidak boleh negatif untuk indikator "${named(p, 'indicator', 'id')}"`,
    en: (p) => `The value cannot be negative for indicator "${named(p, 'indicator', 'en')}"`,
  },
  'measurement.monthRequired': {
    id: () => 'Indikator ini dilaporkan bulanan: isi bulannya',
    en: () => 'This indicator is reported monthly: fill in the month',
  },
  'measurement.monthForbidden': {
    id: () => 'Indikator ini dilaporkan tahunan: kosongkan bulan',
    en: () => 'This indicator is reported yearly: leave the month empty',
  },
  'measurement.monthRange': {
    id: () => 'Bulan harus bilangan bulat 1-12',
    en: () => 'The month must be a whole number from 1 to 12',
  },
  'measurement.yearRange': {
    id: () => 'Tahun harus bilangan bulat 2000-2100',
    en: () => 'The year must be a whole number from 2000 to 2100',
  },
  'measurement.notNumber': {
    id: () => 'Nilai harus berupa angka, mis. 12,5',
    en: () => 'The value must be a number, e.g. 12.5',
  },
  'measurement.exists': {
    id: (p) => `Sudah ada nilai untuk periode ${text(p, 'when')}; ubah nilai yang ada`,
    en: (p) => `A value for ${text(p, 'when')} already exists; edit that one instead`,
  },
  'measurement.notAllowed': {
    id: () => 'Anda tidak berhak mengisi indikator ini',
    en: () => 'You may not enter values for this indicator',
  },

  // Spreadsheets and uploads ----------------------------------------------------------------------
  'upload.wrongType': {
    id: (p) =>
      `Isi berkas "${text(p, 'name')}" tidak sesuai jenis yang diizinkan: terdeteksi ${text(p, 'found') || 'teks atau tidak dikenal'}. Jenis yang diterima: ${text(p, 'accepted')}.`,
    en: (p) =>
      `The content of "${text(p, 'name')}" is not an accepted type: detected ${text(p, 'found') || 'text or unknown'}. Accepted: ${text(p, 'accepted')}.`,
  },
  'upload.tooLarge': {
    id: (p) => `Berkas melebihi batas ${text(p, 'megabytes')} MB`,
    en: (p) => `The file exceeds the ${text(p, 'megabytes')} MB limit`,
  },
  'upload.spreadsheetMissing': {
    id: () => 'Pilih berkas .xlsx atau .csv untuk diunggah',
    en: () => 'Choose an .xlsx or .csv file to upload',
  },
  'upload.spreadsheetType': {
    id: () => 'Unggah berkas .xlsx atau .csv',
    en: () => 'Upload an .xlsx or .csv file',
  },
  'upload.instrumentFileMissing': {
    id: () => 'Kirim berkas .xlsx, .csv atau .json di kolom "file"',
    en: () => 'Send an .xlsx, .csv or .json file in the "file" field',
  },
  'upload.invalidJson': {
    id: (p) => `Berkas JSON tidak sah: ${text(p, 'detail')}`,
    en: (p) => `The JSON file is not valid: ${text(p, 'detail')}`,
  },
  'upload.unsupportedType': {
    id: (p) => `Jenis berkas "${text(p, 'type')}" tidak didukung; pakai .xlsx, .csv atau .json`,
    en: (p) => `File type "${text(p, 'type')}" is not supported; use .xlsx, .csv or .json`,
  },
  'workbook.unreadable': {
    id: () => 'Berkas bukan XLSX yang dapat dibaca',
    en: () => 'The file is not a readable XLSX workbook',
  },
  'workbook.sheetsMissing': {
    id: () => 'Buku kerja harus memuat lembar "questions" dan "settings"',
    en: () => 'The workbook needs a "questions" and a "settings" sheet',
  },
  'workbook.noQuestionHeader': {
    id: () => 'Baris judul pertanyaan (diawali "section") tidak ditemukan',
    en: () => 'The questions header row (starting with "section") was not found',
  },
  'import.nothingSaved': {
    id: (p) => `Tidak ada yang disimpan: perbaiki ${text(p, 'count')} kesalahan lalu unggah lagi`,
    en: (p) => `Nothing was saved: fix the ${text(p, 'count')} problem(s) and upload again`,
  },
  'import.rowRefused': {
    id: (p) => text(p, 'message'),
    en: (p) => text(p, 'message'),
  },
  'template.programmeMissing': {
    id: () => 'Sebutkan programnya: ?program=<id>',
    en: () => 'Name the programme: ?program=<id>',
  },
  'import.cancelled': {
    id: (p) => `Impor dibatalkan, tidak ada yang disimpan: ${text(p, 'count')} masalah`,
    en: (p) => `Import cancelled, nothing was saved: ${text(p, 'count')} problem(s)`,
  },
  'sheet.empty': {
    id: () => 'Berkas kosong',
    en: () => 'The file is empty',
  },
  'sheet.columnTwice': {
    id: (p) => `Kolom "${text(p, 'column')}" muncul ${text(p, 'count')} kali`,
    en: (p) => `The column "${text(p, 'column')}" appears ${text(p, 'count')} times`,
  },
  'sheet.columnMissing': {
    id: (p) => `Kolom "${text(p, 'column')}" tidak ada di baris judul`,
    en: (p) => `The header row has no "${text(p, 'column')}" column`,
  },
  'sheet.tooManyRows': {
    id: (p) => `Berkas berisi ${text(p, 'rows')} baris; paling banyak ${text(p, 'max')} per unggahan`,
    en: (p) => `The file has ${text(p, 'rows')} rows; at most ${text(p, 'max')} per upload`,
  },
  'sheet.indicatorMissing': {
    id: () => 'Isi indikatornya',
    en: () => 'Fill in the indicator',
  },
  'sheet.indicatorUnknown': {
    id: (p) => `Indikator "${text(p, 'name')}" tidak ditemukan atau bukan milik kota Anda`,
    en: (p) => `Indicator "${text(p, 'name')}" was not found or does not belong to your city`,
  },
  'sheet.indicatorNeedsProgramme': {
    id: (p) => `Tulis ID indikator "${text(p, 'name')}", atau isi kolom program dengan slug programnya`,
    en: (p) => `Give the ID of indicator "${text(p, 'name')}", or fill the programme column with its slug`,
  },
  'sheet.indicatorAmbiguous': {
    id: (p) => `Ada beberapa indikator bernama "${text(p, 'name')}" di program ini; tulis ID-nya`,
    en: (p) => `Several indicators of this programme are named "${text(p, 'name')}"; give its ID`,
  },
  'sheet.rowRepeated': {
    id: (p) => `Baris ${text(p, 'first')} sudah mengisi indikator ini untuk ${text(p, 'when')}`,
    en: (p) => `Row ${text(p, 'first')} already gives this indicator's value for ${text(p, 'when')}`,
  },

  // Instrument workbooks --------------------------------------------------------------------------
  'instrument.settingRange': {
    id: (p) => `${text(p, 'name_id')} harus bilangan bulat ${text(p, 'min')}-${text(p, 'max')}`,
    en: (p) => `${text(p, 'name_en')} must be a whole number from ${text(p, 'min')} to ${text(p, 'max')}`,
  },
  'instrument.titleMissing': {
    id: () => 'Judul instrumen wajib diisi',
    en: () => 'The instrument needs a title',
  },
  'instrument.dimensionCode': {
    id: (p) => `Kode dimensi evaluasi "${text(p, 'key')}" tidak sah: huruf, angka, titik, garis bawah, tanda hubung`,
    en: (p) => `Evaluation-dimension code "${text(p, 'key')}" is not valid: letters, digits, dots, underscores, hyphens`,
  },
  'instrument.dimensionTwice': {
    id: (p) => `Kode dimensi evaluasi "${text(p, 'key')}" dipakai dua kali`,
    en: (p) => `Evaluation-dimension code "${text(p, 'key')}" is used twice`,
  },
  'instrument.dimensionWeight': {
    id: () => 'Bobot dimensi evaluasi harus angka 0-100',
    en: () => 'An evaluation-dimension weight must be a number from 0 to 100',
  },
  'instrument.dimensionName': {
    id: () => 'Nama dimensi evaluasi wajib diisi',
    en: () => 'The evaluation dimension needs a name',
  },
  'instrument.unknownSetting': {
    id: (p) => `Pengaturan "${text(p, 'setting')}" tidak dikenal`,
    en: (p) => `Unknown setting "${text(p, 'setting')}"`,
  },
  'instrument.settingMissing': {
    id: (p) => `Baris pengaturan "${text(p, 'setting')}" tidak ada`,
    en: (p) => `The "${text(p, 'setting')}" setting row is missing`,
  },
  'instrument.sectionTitle': {
    id: () => 'Judul bagian wajib diisi',
    en: () => 'The section needs a title',
  },
  'instrument.sectionDimension': {
    id: (p) => `Dimensi evaluasi "${text(p, 'key')}" tidak ada di pengaturan`,
    en: (p) => `Evaluation dimension "${text(p, 'key')}" is not in the settings`,
  },
  'instrument.unknownPillar': {
    id: (p) => `Pilar "${text(p, 'pillar')}" tidak dikenal`,
    en: (p) => `Unknown pillar "${text(p, 'pillar')}"`,
  },
  'instrument.questionCode': {
    id: (p) => `Kode pertanyaan "${text(p, 'key')}" tidak sah: huruf, angka, titik, garis bawah, tanda hubung`,
    en: (p) => `Question code "${text(p, 'key')}" is not valid: letters, digits, dots, underscores, hyphens`,
  },
  'instrument.questionTwice': {
    id: (p) => `Kode pertanyaan "${text(p, 'key')}" sudah dipakai di baris ${text(p, 'row')}`,
    en: (p) => `Question code "${text(p, 'key')}" is already used in row ${text(p, 'row')}`,
  },
  'instrument.questionType': {
    id: (p) => `Jenis "${text(p, 'type')}" tidak dikenal; pilih ${text(p, 'allowed')}`,
    en: (p) => `Unknown type "${text(p, 'type')}"; use ${text(p, 'allowed')}`,
  },
  'instrument.questionWeight': {
    id: () => 'Bobot harus angka 0 atau lebih',
    en: () => 'The weight must be a number, 0 or more',
  },
  'instrument.questionText': {
    id: () => 'Teks pertanyaan wajib diisi',
    en: () => 'The question needs a text',
  },
  'instrument.evidenceRule': {
    id: (p) => `Bukti dukung "${text(p, 'value')}" tidak dikenal; pilih ${text(p, 'allowed')}`,
    en: (p) => `Unknown evidence requirement "${text(p, 'value')}"; use ${text(p, 'allowed')}`,
  },
  'instrument.levelRange': {
    id: () => 'Tingkat harus bilangan bulat 1-5',
    en: () => 'The level must be a whole number from 1 to 5',
  },
  'instrument.evidenceLevelMissing': {
    id: () => 'Isi tingkat mulai bukti dukung wajib',
    en: () => 'Fill in the level from which evidence is required',
  },
  'instrument.minNotNumber': {
    id: () => 'Min harus angka',
    en: () => 'Min must be a number',
  },
  'instrument.maxNotNumber': {
    id: () => 'Max harus angka',
    en: () => 'Max must be a number',
  },
  'instrument.maxBelowMin': {
    id: () => 'Max harus tidak kurang dari min',
    en: () => 'Max must not be less than min',
  },
  'instrument.listItem': {
    id: (p) => `Butir "${text(p, 'item')}" harus ditulis kode:teks_id|teks_en`,
    en: (p) => `Item "${text(p, 'item')}" must be written code:text_id|text_en`,
  },
  'instrument.optionValue': {
    id: (p) => `Nilai pilihan "${text(p, 'code')}" tidak sah`,
    en: (p) => `Option value "${text(p, 'code')}" is not valid`,
  },
  'instrument.optionTwice': {
    id: (p) => `Nilai pilihan "${text(p, 'code')}" dipakai dua kali`,
    en: (p) => `Option value "${text(p, 'code')}" is used twice`,
  },
  'instrument.optionLabel': {
    id: (p) => `Pilihan "${text(p, 'code')}" tanpa label`,
    en: (p) => `Option "${text(p, 'code')}" has no label`,
  },
  'instrument.tooFewOptions': {
    id: () => 'Pertanyaan pilihan perlu sedikitnya dua pilihan',
    en: () => 'A choice question needs at least two options',
  },
  'instrument.levelCode': {
    id: (p) => `Tingkat "${text(p, 'code')}" harus 1-5`,
    en: (p) => `Level "${text(p, 'code')}" must be 1 to 5`,
  },
  'instrument.levelTwice': {
    id: (p) => `Tingkat ${text(p, 'code')} ditulis dua kali`,
    en: (p) => `Level ${text(p, 'code')} is given twice`,
  },
  'instrument.levelDescriptor': {
    id: (p) => `Tingkat ${text(p, 'code')} tanpa deskripsi`,
    en: (p) => `Level ${text(p, 'code')} has no descriptor`,
  },
  'instrument.conditionQuestionMissing': {
    id: () => 'Isi kode pertanyaan syarat',
    en: () => 'Fill in the question the condition refers to',
  },
  'instrument.conditionUnknown': {
    id: (p) => `Syarat merujuk pertanyaan "${q(p)}" yang tidak ada`,
    en: (p) => `The condition names question "${q(p)}", which does not exist`,
  },
  'instrument.frozen': {
    id: (p) =>
      `Instrumen ini dipakai periode "${text(p, 'period_id')}" (${periodStatus(p, 'id')}) sehingga dibekukan: jawaban dan nilai periode itu bergantung padanya. ` +
      'Buat salinan dengan "Duplikat sebagai versi baru", lalu ubah salinannya.',
    en: (p) =>
      `This instrument is used by the period "${text(p, 'period_en')}" (${periodStatus(p, 'en')}) and is frozen: that period's answers and scores depend on it. ` +
      'Make a copy with "Duplicate as a new version" and edit the copy.',
  },
  'instrument.inUpcomingPeriod': {
    id: (p) => `Instrumen ini dipakai periode "${text(p, 'period_id')}" yang akan datang. Pilih instrumen lain untuk periode itu sebelum menghapus.`,
    en: (p) => `This instrument is used by the upcoming period "${text(p, 'period_en')}". Choose another instrument for that period before deleting it.`,
  },
  'instrument.secretariatOnly': {
    id: () => 'Hanya sekretariat yang dapat mengimpor, menduplikasi atau mengubah instrumen',
    en: () => 'Only the secretariat can import, duplicate or change an instrument',
  },
  'instrument.exportFormat': {
    id: (p) => `Format "${text(p, 'format')}" tidak didukung; pilih xlsx, csv atau json`,
    en: (p) => `Format "${text(p, 'format')}" is not supported; use xlsx, csv or json`,
  },

  // Signing in and reading ------------------------------------------------------------------------
  'auth.signInFirst': {
    id: () => 'Masuk terlebih dahulu',
    en: () => 'Please sign in first',
  },
  'auth.staffOnly': {
    id: () => 'Hanya pengguna terdaftar yang dapat melakukannya',
    en: () => 'Only signed-in staff can do this',
  },
  'report.stale': {
    id: () => 'Laporan ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman, periksa perubahannya, lalu simpan lagi.',
    en: () => 'This report was changed by someone else since you opened it. Reload the page, check their changes, then save again.',
  },
  'report.notFound': {
    id: () => 'Laporan tidak ditemukan',
    en: () => 'Report not found',
  },
  'results.notAccepted': {
    id: () => 'Dokumen hasil tersedia setelah laporan diterima ketua tim asesor',
    en: () => 'The results document is available once the lead assessor has accepted the report',
  },
  'results.noScores': {
    id: () => 'Laporan ini belum memiliki nilai',
    en: () => 'This report has no scores yet',
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

/** A question's own words in a message, quoted, a long one cut short at a word's end. */
function quotedQuestion(text: string): string {
  if (text.length <= 90) return `“${text}”`
  const cut = text.slice(0, 89)
  const space = cut.lastIndexOf(' ')
  return `“${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…”`
}

/**
 * The problem in words, in `lang`. Given `questionText` (a question's text by its key, in `lang`), a
 * question is named by its words; otherwise by its key, which is all a rule knows.
 */
export function problemMessage(problem: Problem, lang: Lang, questionText?: (key: string) => string | undefined): string {
  const entry = (CATALOGUE as Record<string, Record<Lang, Say>>)[problem.code]
  if (!entry) return problem.code
  const words = problem.question ? questionText?.(problem.question)?.trim() : undefined
  return entry[lang](words ? { ...problem, question: quotedQuestion(words) } : problem)
}

/** The admin language of a request or a person, narrowed to the two Pantau speaks. */
export const langOf = (language: string | null | undefined): Lang => (language === 'en' ? 'en' : 'id')

/** Errors of a sheet's rows as an answer shows them: each with its message in `lang` and its code. */
export const rowErrorsIn = <E extends { problem: Problem }>(errors: E[], lang: Lang) =>
  errors.map(({ problem: found, ...where }) => ({ ...where, code: found.code, message: problemMessage(found, lang) }))

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
