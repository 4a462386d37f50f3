/**
 * How a city's achievement index is computed, written for citizens, for the public site's method
 * page (`/metode/`, `/en/method/`), with a worked example from the demo data. The computation itself
 * is cms/domain/scoring.ts, whose documentation points here; change both in the same commit, so the
 * page keeps saying what the code does. Markdown, one text per language, without internal names.
 */
import type { Bilingual } from './options.ts'

export const SCORING_METHOD: Bilingual = {
  id: `## Singkatnya

Setiap tahun kota dan kabupaten peserta mengisi laporan evaluasi: pertanyaan tentang kebijakan,
lembaga, anggaran, pelaksanaan masterplan, manfaat bagi warga dan inovasi, masing-masing dengan
bukti dukung. Tim asesor memeriksa bukti itu dan memberi nilai. Dari nilai-nilai itu dihitung
**indeks capaian** kota, pada skala **1 sampai 5**: 1 berarti baru memulai, 5 berarti matang dan
berkelanjutan.

## Langkah demi langkah

1. **Setiap pertanyaan** mendapat nilai 1-5 dari asesor. Bila beberapa asesor menilai dan nilainya
   berdekatan, dipakai rata-ratanya. Bila nilainya berselisih satu tingkat atau lebih, ketua tim
   asesor harus menjelaskan keputusannya sebelum laporan diterima, dan nilai ketua yang berlaku.
2. **Pertanyaan dikelompokkan** menurut pilar smart city (Tata Kelola, Pencitraan Daerah, Ekonomi,
   Masyarakat, Kehidupan, Lingkungan) dan menurut dimensi evaluasi. Nilai sebuah kelompok
   adalah rata-rata nilai pertanyaannya, dengan bobot yang ditetapkan dalam instrumen evaluasi.
   Pertanyaan yang tidak berlaku bagi kota itu tidak dihitung sebagai nol; ia tidak ikut dihitung.
3. **Nilai per pilar** adalah rata-rata sub-dimensinya. Nilai ini yang tampil di grafik radar
   setiap kota.
4. **Nilai per dimensi evaluasi**: Baseline (peningkatan sejak evaluasi lalu), Output (kebijakan,
   kelembagaan, anggaran), Outcome (pelaksanaan masterplan), Impact (manfaat bagi warga) dan
   Quick Win (inovasi program percepatan).
5. **Indeks capaian** adalah rata-rata tertimbang kelima dimensi evaluasi. Bobotnya ditetapkan
   dalam instrumen dan berjumlah 100%: Baseline 10%, Output 20%, Outcome 30%, Impact 30%,
   Quick Win 10%. Hasilnya dibulatkan ke dua angka desimal, hanya di akhir perhitungan.

**Baseline** menilai kemajuan: indeks tahun ini (tanpa Baseline) dibandingkan dengan indeks yang
diterima tahun lalu. Tetap sama bernilai 3, naik setengah tingkat bernilai 4, naik satu tingkat
atau lebih bernilai 5; turun bernilai lebih rendah, paling rendah 1. Kota yang baru pertama kali
dievaluasi dinilai dari pertanyaan Baseline saja.

## Contoh: Kota Ambon, evaluasi 2022

Nilai Ambon per dimensi evaluasi pada evaluasi 2022 (data demo):

| Dimensi evaluasi | Nilai | Bobot | Sumbangan ke indeks |
|---|---:|---:|---:|
| Baseline | 3,33 | 10% | 0,33 |
| Output | 2,60 | 20% | 0,52 |
| Outcome | 2,73 | 30% | 0,82 |
| Impact | 3,25 | 30% | 0,98 |
| Quick Win | 3,00 | 10% | 0,30 |
| **Indeks capaian** | | 100% | **2,95** |

Misalnya Output: 2,60 × 20% = 0,52. Jumlah kelima sumbangan (tanpa pembulatan di tengah jalan)
adalah 2,947, yang dibulatkan menjadi **2,95**: indeks Ambon pada evaluasi 2022. Di pilar,
Ambon paling kuat di Pencitraan Daerah (3,67) dan masih perlu mengejar di Lingkungan (2,00).

## Yang tidak dihitung

Hanya laporan yang sudah **diterima** oleh ketua tim asesor yang tampil di situs ini. Laporan yang
masih diisi, sedang dinilai atau dikembalikan untuk diperbaiki tidak ikut dihitung dan tidak
ditampilkan. Bila hasil yang sudah diterima dibuka kembali oleh sekretariat, hasil itu ditarik dari
situs sampai diterima lagi.`,
  en: `## In short

Every year each participating city and regency files an evaluation report: questions about its
policy, institutions, budget, how far its masterplan is carried out, the benefit to its citizens and
its innovation, each with supporting evidence. A team of assessors checks that evidence and scores
it. From those scores the city's **achievement index** is computed, on a scale of **1 to 5**: 1 means
just starting, 5 means mature and lasting.

## Step by step

1. **Each question** gets a score of 1-5 from the assessors. When several assessors score it and
   their scores are close, their mean counts. When they are a level or more apart, the lead assessor
   must explain the decision before the report is accepted, and the lead's score counts.
2. **Questions are grouped** by smart-city pillar (Governance, Branding, Economy, Society, Living,
   Environment) and by evaluation dimension. A group scores the mean of its questions, weighted as
   the evaluation form sets out. A question that does not apply to the city is not counted as zero;
   it is left out.
3. **A pillar's score** is the mean of its sub-dimensions. These are the scores on each city's radar chart.
4. **The evaluation dimensions**: Baseline (improvement since the last evaluation), Output (policy,
   institutions, budget), Outcome (masterplan carried out), Impact (benefit to citizens) and
   Quick Win (fast-track innovation).
5. **The achievement index** is the weighted mean of the five evaluation dimensions. The weights
   are set in the evaluation form and total 100%: Baseline 10%, Output 20%, Outcome 30%, Impact 30%,
   Quick Win 10%. The result is rounded to two decimals, only at the end.

**Baseline** rewards progress: this year's index (without the Baseline) is compared with the index
accepted last year. No change scores 3, half a level up scores 4, a level or more up scores 5; a
fall scores lower, down to 1. A city evaluated for the first time is scored on its Baseline
questions only.

## Example: Kota Ambon, 2022 evaluation

Ambon's scores by evaluation dimension in the 2022 evaluation (demo data):

| Evaluation dimension | Score | Weight | Share of the index |
|---|---:|---:|---:|
| Baseline | 3.33 | 10% | 0.33 |
| Output | 2.60 | 20% | 0.52 |
| Outcome | 2.73 | 30% | 0.82 |
| Impact | 3.25 | 30% | 0.98 |
| Quick Win | 3.00 | 10% | 0.30 |
| **Achievement index** | | 100% | **2.95** |

Output, for instance: 2.60 × 20% = 0.52. The five shares add up (without rounding on the way) to
2.947, which rounds to **2.95**: Ambon's index in the 2022 evaluation. Among the pillars, Ambon is
strongest in Branding (3.67) and has most to catch up in Environment (2.00).

## What is not counted

Only reports **accepted** by the lead assessor appear on this site. Reports still being filled in,
under review or sent back for changes are neither counted nor shown. When the secretariat reopens an
accepted result, it is withdrawn from the site until it is accepted again.`,
}
