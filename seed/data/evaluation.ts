import type { Period, Report } from '../../cms/payload-types.ts'
import { t } from '../lib/bilingual.ts'
import { paragraphs } from '../lib/richText.ts'
import { AMBON, SEMARANG } from './cities.ts'

export const PERIOD = {
  title: t('Evaluasi Smart City 2023 Tahap I', 'Smart City Evaluation 2023, Stage I'),
  year: 2023,
  stage: 'Tahap I',
  status: 'closed' as Period['status'],
  opensAt: '2023-05-01T00:00:00.000Z',
  closesAt: '2023-07-31T00:00:00.000Z',
  cityCodes: [AMBON, SEMARANG, '64.72', '35.10', '73.71'],
  /** The demo assessor leads the review of this city. */
  assessedCityCode: AMBON,
}

/** A report's title as opening a period names it: "Kota Ambon — Evaluasi Smart City 2023 Tahap I". */
export const reportTitle = (cityName: string, periodTitle: string = PERIOD.title.id): string => `${cityName} — ${periodTitle}`

/** When Ambon's council submitted: 28 July 2023, 14.20 WIT (UTC+9), three days before the period closed. */
export const AMBON_SUBMITTED_AT = '2023-07-28T05:20:00.000Z'

/** The demo council account that submits Ambon's report and uploads its evidence. */
export const AMBON_COUNCIL_EMAIL = 'dewan.ambon@pantau.example'

/**
 * Kota Ambon's report as its council submitted it: an answer to every question the instrument
 * shows given these answers. `out.csr_partners` is asked only when the main funding scheme is CSR,
 * so it stays unanswered. Figures follow the demo programmes (plastic tonnes of June 2023, homes
 * handed over up to July 2023) and what the city presented on 13 June 2023.
 */
export const AMBON_REPORT: Pick<Report, 'answers' | 'constraints' | 'constraintNotes' | 'followUps' | 'narrative'> = {
  answers: [
    {
      question: 'base.followup',
      value: 3,
      comment:
        'Rekomendasi evaluasi 2022 dibahas dalam rapat konsolidasi Dewan Smart City dan Tim Pelaksana; sebagian besar sudah berjalan di OPD masing-masing, belum terpantau terpadu.',
    },
    {
      question: 'base.masterplan_enacted',
      value: true,
      comment: 'Masterplan disusun dalam lokakarya Juli-Oktober 2019 dan ditetapkan dengan Peraturan Wali Kota.',
    },
    { question: 'out.council_decree', value: true, comment: 'Keputusan Wali Kota tentang Dewan Smart City dan Tim Pelaksana, diperbarui Januari 2023.' },
    { question: 'out.budget_share', value: 2.4, comment: 'Rp 31,7 miliar dari DPA enam OPD pelaksana program smart city.' },
    {
      question: 'out.funding_scheme',
      value: 'apbd',
      comment: 'Pabrik daur ulang plastik dibangun bersama mitra swasta; konser Harmoni Sudut Kota sebagian didukung CSR.',
    },
    { question: 'out.ict_staff', value: 146, comment: 'Termasuk 24 operator command center dan admin aplikasi kinerja ASN.' },
    {
      question: 'gov.ps.maturity',
      value: 3,
      comment: 'Omnichannel dan live chat di situs web kota sudah berjalan; integrasi dengan sistem tiap OPD belum penuh.',
    },
    { question: 'gov.ps.channels', value: ['phone', 'live_chat', 'social_media', 'in_person'], comment: 'Tatap muka lewat WAJAR.' },
    { question: 'gov.bg.performance_app', value: true, comment: 'Aplikasi kinerja ASN berlaku mulai 1 Juli 2023 sebagai dasar TPP.' },
    {
      question: 'env.waste.maturity',
      value: 3,
      comment: 'Pabrik daur ulang beroperasi, tetapi pemilahan di sumber dan rute angkut masih per kecamatan.',
    },
    {
      question: 'env.waste.plastic_tonnes',
      value: 45.7,
      comment: 'Juni 2023, bulan penuh pertama sejak peresmian 26 Mei 2023; target kapasitas 250 ton per bulan.',
    },
    {
      question: 'liv.housing.households',
      value: 1105,
      comment: 'Dari 2.915 KK MBR yang teridentifikasi 2017-2022: 980 KK sampai 2022 dan 125 KK Januari-Juli 2023. Tahap berikutnya Agustus 2023.',
    },
    { question: 'brand.tourism.events', value: 12, comment: 'Konser Harmoni Sudut Kota setiap bulan bersama Ambon Music Office.' },
    { question: 'brand.tourism.maturity', value: 3 },
    { question: 'imp.survey_held', value: true, comment: 'Survei kepuasan masyarakat 2-20 Mei 2023, 1.200 responden.' },
    { question: 'imp.satisfaction', value: 76.4 },
    {
      question: 'imp.story',
      value:
        'Lima kamera CCTV tambahan di Pasar Mardika dipantau dari command center. Sejak Maret 2023 petugas kebersihan dikirim ' +
        'berdasarkan rekaman, dan keluhan sampah pasar lewat WAJAR turun dari 31 menjadi 12 per bulan.',
    },
    {
      question: 'qw.innovation',
      value:
        'Command center omnichannel: pesan warga dari telepon, media sosial dan live chat di situs web kota masuk ke satu antrean ' +
        'dan diteruskan ke OPD yang berwenang, dengan batas waktu tanggapan tiga hari kerja. Dibangun dengan anggaran Diskominfo ' +
        'dan perangkat command center yang sudah ada.',
    },
    { question: 'qw.collaboration', value: 'government' },
    { question: 'qw.launched_on', value: '2023-07-03' },
  ],
  constraints: ['budget', 'staff', 'awareness'],
  constraintNotes:
    'Anggaran terbatas untuk perluasan CCTV dan rumah layak huni; SDM TIK terampil masih kurang, terutama operator command center; ' +
    'kepedulian masyarakat untuk merawat fasilitas yang dibangun masih rendah.',
  followUps: paragraphs(
    'Mengusulkan tambahan anggaran program smart city dalam rancangan APBD 2024 dan menjajaki dana CSR perusahaan.',
    'Pelatihan dan sertifikasi bagi ASN pengelola aplikasi kinerja dan operator command center.',
    'Melibatkan lurah, kepala desa, raja dan ketua RT/RW dalam sosialisasi pemilahan sampah dan perawatan fasilitas.',
  ),
  narrative: paragraphs(
    'Dewan Smart City dan Tim Pelaksana Kota Ambon telah menggelar rapat konsolidasi, pemantauan dan evaluasi, dan memaparkan hasilnya dalam evaluasi daring 13 Juni 2023.',
    'Smart Environment: pabrik daur ulang sampah plastik yang dibangun bersama mitra swasta diresmikan 26 Mei 2023 dengan target 250 ton per bulan; pada Juni 2023 mengolah 45,7 ton dan membuka lapangan kerja bagi warga sekitar.',
    'Smart Living: dari 2.915 KK MBR yang teridentifikasi 2017-2022, 1.105 KK telah menerima rumah baru atau renovasi dari Dinas Perumahan; tahap berikutnya Agustus 2023.',
    'Smart Governance: command center menambah kanal omnichannel dan live chat di situs web kota; sejak Juli 2023 kinerja ASN diukur lewat aplikasi dan menjadi dasar TPP. Lima kamera CCTV ditambahkan di pasar pusat kota untuk kebersihan dan ketertiban.',
    'Smart Society dan Smart Branding: Walikota Jumpa Rakyat (WAJAR) mempertemukan warga dengan wali kota dan kepala OPD; sebagai Kota Musik UNESCO, Ambon menggelar konser Harmoni Sudut Kota setiap bulan bersama Ambon Music Office.',
  ),
}
