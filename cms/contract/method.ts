/**
 * The scoring method in words, for the public site's method page (`/metode/`, `/en/method/`) and
 * for anyone reading the code: the computation itself is cms/domain/scoring.ts, whose documentation
 * points here. Markdown, one text per language. Change it in the same commit as the computation,
 * so the page keeps saying what the code does.
 */
import type { Bilingual } from './options.ts'

export const SCORING_METHOD: Bilingual = {
  id: `**Skala.** Semua nilai memakai skala tingkat kematangan 1 sampai 5. Nilai dihitung dengan
ketelitian penuh di setiap tahap dan baru dibulatkan ke dua angka desimal pada akhir perhitungan,
sehingga pembulatan di satu tahap tidak terbawa ke tahap berikutnya. Pembulatan ke atas dimulai
dari setengah (3,125 menjadi 3,13; 3,124 menjadi 3,12).

**Nilai sebuah pertanyaan.** Asesor memberi nilai 1-5 untuk setiap pertanyaan, apa pun jenisnya.
- Satu asesor: nilainya dipakai apa adanya.
- Beberapa asesor yang selisih nilainya kurang dari satu tingkat: rata-rata nilai mereka.
- Beberapa asesor yang berselisih satu tingkat atau lebih: selisih ini ditandai dan harus
  diselesaikan sebelum laporan diterima. Bila asesor menyamakan nilai, selisihnya hilang. Bila
  ketua tim asesor menuliskan penjelasan, nilai ketua yang berlaku (ketua memutuskan setelah
  mendengar anggota tim; bila ketua sendiri tidak menilai pertanyaan itu, rata-rata yang berlaku).
  Selama belum diselesaikan, rata-rata dipakai sebagai nilai sementara.
- Tanpa nilai asesor: pertanyaan tingkat kematangan memakai tingkat yang dipilih daerah
  (penilaian mandiri), pertanyaan Ya/Tidak bernilai 5 untuk Ya dan 1 untuk Tidak. Angka, pilihan,
  teks dan tanggal tidak punya padanan tingkat, jadi hanya dihitung bila asesor menilainya.
  Nilai dari penilaian mandiri selalu ditandai sumbernya; perhitungan akhir dapat mewajibkan
  nilai asesor untuk semua pertanyaan (opsi \`selfAssessmentFallback: false\`).

**Pertanyaan yang tidak dihitung.** Pertanyaan yang tersembunyi (syaratnya tidak terpenuhi), yang
belum dijawab daerah, yang berbobot 0, atau yang tidak punya nilai sama sekali tidak ikut dalam
rata-rata. Pertanyaan itu tidak dihitung sebagai nol: rata-rata dibagi hanya dengan bobot
pertanyaan yang dihitung. Daftar setiap pertanyaan beserta statusnya ikut dikembalikan, sehingga
halaman hasil dapat menjelaskan dari mana nilai berasal.

**Bagian.** Nilai sebuah bagian instrumen adalah rata-rata tertimbang nilai pertanyaannya, dengan
bobot pertanyaan dari instrumen. Bobot pertanyaan hanya dibandingkan dengan pertanyaan lain di
bagian yang sama.

**Sub-dimensi dan pilar.** Nilai sub-dimensi adalah rata-rata bagian-bagian yang menyebut
sub-dimensi itu. Nilai pilar (Governance, Branding, Economy, Society, Living, Environment) adalah
rata-rata sub-dimensinya, masing-masing berbobot sama; bagian pilar yang tidak menyebut
sub-dimensi dihitung sebagai satu unsur tersendiri.

**Dimensi evaluasi.** Nilai dimensi evaluasi (Baseline, Output, Outcome, Impact, Quick Win) adalah
rata-rata bagian-bagiannya, masing-masing berbobot sama.

**Baseline.** Dimensi Baseline mengukur peningkatan sejak evaluasi yang lalu. Peningkatan adalah
indeks tahun ini tanpa Baseline (rata-rata tertimbang dimensi lainnya) dikurangi indeks yang
diterima pada evaluasi sebelumnya. Nilainya 3 + 2 × peningkatan, dibatasi 1 sampai 5: tetap sama
bernilai 3, naik setengah tingkat bernilai 4, naik satu tingkat atau lebih bernilai 5, turun satu
tingkat atau lebih bernilai 1. Baseline tidak dapat mengukur dirinya sendiri, karena itu dimensi
ini tidak ikut dalam indeks pembanding. Nilai peningkatan ini dihitung sebagai satu bagian
tambahan dari dimensi Baseline, di samping pertanyaan Baseline bila instrumen memilikinya. Daerah
yang baru pertama kali dievaluasi tidak punya indeks sebelumnya: Baseline-nya hanya dari
pertanyaannya, atau kosong bila tidak ada.

**Indeks capaian.** Indeks adalah rata-rata tertimbang dimensi evaluasi dengan bobot dari
instrumen (berjumlah 100%, misalnya Baseline 10, Output 20, Outcome 30, Impact 30, Quick Win 10).
Dengan bobot yang sama (20 masing-masing), indeks adalah rata-rata biasa dimensi evaluasi. Dimensi
yang tidak punya nilai tidak dihitung dan bobot dimensi lainnya disesuaikan, sehingga daerah tidak
dirugikan oleh dimensi yang tidak berlaku baginya.

**Masukan yang ditolak.** Bobot dimensi evaluasi yang tidak berjumlah 100, bobot negatif, nilai
asesor di luar 1-5, nilai untuk pertanyaan yang tidak ada, nilai ganda dari satu asesor, lebih
dari satu ketua tim, dan indeks sebelumnya di luar 1-5 menghentikan perhitungan dengan pesan yang
menjelaskan masalahnya.`,
  en: `**Scale.** Every score is on the 1 to 5 maturity scale. Scores are computed at full precision at
every step and rounded to two decimals only at the end, so that rounding at one level does not
carry into the next. Halves round up (3.125 becomes 3.13; 3.124 becomes 3.12).

**A question's score.** Assessors score every question 1-5, whatever its type.
- One assessor: that score.
- Several assessors less than one level apart: the mean of their scores.
- Several assessors one level or more apart: the disagreement is flagged and must be resolved
  before the report is accepted. When the assessors bring their scores together the disagreement
  is gone. When the lead assessor writes an explanation, the lead's score stands (the lead decides,
  having heard the team; when the lead did not score that question, the mean stands). Until it is
  resolved, the mean serves as a provisional score.
- No assessor's score: a maturity question takes the level the city chose (its self-assessment); a
  yes/no question scores 5 for yes and 1 for no. Numbers, choices, texts and dates have no
  equivalent level, so they count only when an assessor scores them. A score taken from the
  self-assessment always says so; a final computation can require assessors' scores for every
  question (option \`selfAssessmentFallback: false\`).

**Questions that do not count.** A question that is hidden (its condition is not met), that the
city left unanswered, that weighs 0, or that has no score at all is left out of the averages. It
is not counted as zero: an average divides only by the weights of the questions that count. The
result lists every question with its status, so a results page can explain where a score comes from.

**Sections.** A section of the instrument scores the weighted mean of its questions, with the
question weights of the instrument. Question weights compare only with the other questions of the
same section.

**Sub-dimensions and pillars.** A sub-dimension scores the mean of the sections that name it. A
pillar (Governance, Branding, Economy, Society, Living, Environment) scores the mean of its
sub-dimensions, each counting equally; a pillar's section that names no sub-dimension counts as one
part of its own.

**Evaluation dimensions.** An evaluation dimension (Baseline, Output, Outcome, Impact, Quick Win)
scores the mean of its sections, each counting equally.

**Baseline.** The Baseline dimension measures the improvement since the last evaluation. The
improvement is this year's index without the Baseline (the weighted mean of the other dimensions)
minus the index accepted at the previous evaluation. It scores 3 + 2 × improvement, kept within 1
to 5: no change scores 3, half a level up scores 4, a level or more up scores 5, a level or more
down scores 1. The Baseline cannot measure itself, which is why it stays out of the index it is
compared with. The improvement counts as one more section of the Baseline dimension, beside the
Baseline questions when the instrument has any. A city evaluated for the first time has no
previous index: its Baseline comes from its questions only, or is empty when there are none.

**Achievement index.** The index is the weighted mean of the evaluation dimensions with the
instrument's weights (totalling 100%, e.g. Baseline 10, Output 20, Outcome 30, Impact 30, Quick
Win 10). With equal weights (20 each) the index is the plain average of the evaluation dimensions.
A dimension without a score is left out and the other weights are scaled up, so that a city is not
penalised for a dimension that does not apply to it.

**Refused input.** Evaluation-dimension weights that do not total 100, negative weights, assessor
scores outside 1-5, scores for questions that do not exist, a question scored twice by one
assessor, more than one lead, and a previous index outside 1-5 stop the computation with a message
that says what is wrong.`,
}
