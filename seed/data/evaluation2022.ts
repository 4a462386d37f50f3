import type { Period, Report } from '../../cms/payload-types.ts'
import { type Bilingual, t } from '../lib/bilingual.ts'
import { paragraphs, richText, type RichText } from '../lib/richText.ts'
import { AMBON, SEMARANG } from './cities.ts'
import { PERIOD } from './evaluation.ts'

const SAMARINDA = '64.72'
const BANYUWANGI = '35.10'
const MAKASSAR = '73.71'

/**
 * The round before the demo's 2023 one, closed and scored, so the secretariat's overview and the
 * public site have accepted results, Ambon's 2023 guided view its previous answers, and its 2023
 * Baseline an index to improve on. It used the 2023 instrument: the demo keeps one form.
 */
export const PERIOD_2022 = {
  title: t('Evaluasi Smart City 2022', 'Smart City Evaluation 2022'),
  year: 2022,
  status: 'closed' as Period['status'],
  opensAt: '2022-05-09T00:00:00.000Z',
  closesAt: '2022-07-29T00:00:00.000Z',
  cityCodes: PERIOD.cityCodes,
}

/** A score 1-5 of one question and the assessor's reason for it. */
type Scored = [score: number, comment: string]

export type Result2022 = {
  cityCode: string
  /** When the council handed the report in, when the assessor began and when the lead accepted. */
  submittedAt: string
  reviewedAt: string
  acceptedAt: string
  report: Pick<Report, 'answers' | 'constraints' | 'constraintNotes' | 'followUps' | 'narrative'>
  /** The assessor's score per question, for every question the report shows (the acceptance rule asks for each). */
  scores: Record<string, Scored>
  recommendations: Bilingual<RichText>
  /** Keyed by pillar slug. */
  pillarRecommendations: { pillar: string; text: Bilingual<RichText> }[]
}

/**
 * The five participating cities' accepted reports and the demo assessor's reviews of them. The
 * scores are the assessor's; the indices they give (about 2.9 for Ambon up to about 3.6 for
 * Semarang) follow from the instrument's weights on the server.
 */
export const RESULTS_2022: Result2022[] = [
  {
    cityCode: AMBON,
    submittedAt: '2022-07-27T03:10:00.000Z',
    reviewedAt: '2022-08-15T02:00:00.000Z',
    acceptedAt: '2022-09-21T06:30:00.000Z',
    report: {
      answers: [
        { question: 'base.followup', value: 3, comment: 'Rekomendasi evaluasi 2021 dibahas dalam rapat Dewan Smart City; tindak lanjut dicatat per OPD.' },
        { question: 'base.masterplan_enacted', value: true, comment: 'Masterplan hasil lokakarya 2019 ditetapkan dengan Peraturan Wali Kota.' },
        { question: 'out.council_decree', value: true, comment: 'Keputusan Wali Kota tentang Dewan Smart City dan Tim Pelaksana.' },
        { question: 'out.budget_share', value: 1.9, comment: 'Rp 24,6 miliar dari DPA lima OPD pelaksana.' },
        { question: 'out.funding_scheme', value: 'apbd' },
        { question: 'out.ict_staff', value: 118 },
        { question: 'gov.ps.maturity', value: 3, comment: 'Command center menerima aduan lewat telepon dan media sosial; belum ada live chat.' },
        { question: 'gov.ps.channels', value: ['phone', 'social_media', 'in_person'], comment: 'Tatap muka lewat WAJAR sejak 2022.' },
        { question: 'gov.bg.performance_app', value: false, comment: 'Aplikasi kinerja ASN sedang disusun, direncanakan berlaku pertengahan 2023.' },
        {
          question: 'env.waste.maturity',
          value: 2,
          comment: 'Angkutan sampah per kecamatan dan bank sampah di beberapa kelurahan; pabrik daur ulang plastik masih dirundingkan dengan mitra swasta.',
        },
        { question: 'env.waste.plastic_tonnes', value: 6.2, comment: 'Plastik yang dipilah bank sampah kelurahan, rata-rata 2022.' },
        { question: 'liv.housing.households', value: 980, comment: 'Dari 2.915 KK MBR yang teridentifikasi sejak 2017; 230 KK pada 2022.' },
        { question: 'brand.tourism.events', value: 8, comment: 'Acara musik Kota Musik UNESCO; Harmoni Sudut Kota dirintis akhir 2022 bersama Ambon Music Office.' },
        { question: 'brand.tourism.maturity', value: 3 },
        { question: 'imp.survey_held', value: true, comment: 'Survei kepuasan masyarakat Oktober 2022, 800 responden.' },
        { question: 'imp.satisfaction', value: 72.8 },
        {
          question: 'imp.story',
          value:
            'Walikota Jumpa Rakyat (WAJAR) dimulai 2022: warga bertemu langsung wali kota dan kepala OPD. Dari 214 aduan yang disampaikan, ' +
            '161 ditindaklanjuti dalam sebulan, terbanyak soal drainase dan penerangan jalan.',
        },
        {
          question: 'qw.innovation',
          value:
            'Enam kamera CCTV di pasar pusat kota dipantau dari command center; rekamannya dipakai petugas pasar dan Satpol PP ' +
            'untuk kebersihan dan ketertiban. Dibangun dengan anggaran Diskominfo.',
        },
        { question: 'qw.collaboration', value: 'government' },
        { question: 'qw.launched_on', value: '2022-03-14' },
      ],
      constraints: ['budget', 'staff'],
      constraintNotes: 'Anggaran TIK terbatas; operator command center baru 12 orang untuk seluruh kanal.',
      followUps: paragraphs(
        'Menambah kanal live chat di situs web kota dan menyiapkan aplikasi kinerja ASN.',
        'Menuntaskan perjanjian pabrik daur ulang plastik dengan mitra swasta.',
      ),
      narrative: paragraphs(
        'Tahun 2022 Kota Ambon memulai WAJAR, memasang CCTV di pasar pusat kota dan melanjutkan bantuan rumah layak huni bagi MBR.',
        'Pengelolaan sampah masih bertumpu pada angkutan per kecamatan dan bank sampah kelurahan.',
      ),
    },
    scores: {
      'base.followup': [3, 'Tindak lanjut tercatat per OPD, belum dipantau terpadu.'],
      'base.masterplan_enacted': [4, 'Perwali ada; belum diturunkan ke rencana kerja tahunan OPD.'],
      'out.council_decree': [4, 'SK lengkap dengan susunan Tim Pelaksana.'],
      'out.budget_share': [2, 'Di bawah 2% APBD; banyak program bergantung pada satu OPD.'],
      'out.funding_scheme': [2, 'Hanya APBD; belum ada mitra atau CSR.'],
      'out.ict_staff': [3, 'Jumlah memadai, sertifikasi baru sebagian kecil.'],
      'gov.ps.maturity': [3, 'Kanal tersedia tetapi belum terhubung ke sistem OPD.'],
      'gov.ps.channels': [3, 'Tiga kanal; live chat belum ada.'],
      'gov.bg.performance_app': [2, 'Masih rancangan.'],
      'env.waste.maturity': [2, 'Belum ada pemilahan di sumber; rute angkut manual.'],
      'env.waste.plastic_tonnes': [2, 'Volume kecil, hanya dari bank sampah.'],
      'liv.housing.households': [3, 'Sepertiga sasaran tercapai; laju 2022 membaik.'],
      'brand.tourism.events': [3, 'Acara ada tetapi belum terjadwal tetap.'],
      'brand.tourism.maturity': [4, 'Status Kota Musik UNESCO dimanfaatkan dengan baik.'],
      'imp.survey_held': [4, 'Survei dengan metode jelas.'],
      'imp.satisfaction': [3, 'Di sekitar rata-rata kota peserta.'],
      'imp.story': [3, 'Manfaat nyata, data tindak lanjut tersedia.'],
      'qw.innovation': [3, 'Inovasi sederhana, tepat sasaran, anggaran kecil.'],
      'qw.collaboration': [3, 'Kolaborasi antar-OPD berjalan.'],
      'qw.launched_on': [4, 'Diluncurkan Maret 2022, dalam tahun penilaian.'],
    },
    recommendations: richText(
      t(
        'Satukan pemantauan program smart city di command center agar tindak lanjut rekomendasi dapat diukur per OPD.',
        'Bring the monitoring of smart-city programmes together in the command centre, so follow-up can be measured per agency.',
      ),
    ),
    pillarRecommendations: [
      {
        pillar: 'smart-environment',
        text: richText(
          t(
            'Anggaran daerah terbatas: jajaki dana CSR perusahaan dan kemitraan swasta untuk fasilitas daur ulang plastik, dan mulai pemilahan di sumber bersama bank sampah.',
            'The city budget is short: seek company CSR funds and a private partner for the plastic recycling facility, and start sorting at source with the waste banks.',
          ),
        ),
      },
      {
        pillar: 'smart-governance',
        text: richText(
          t(
            'Tambahkan live chat di situs web kota dan hubungkan aduan ke OPD; berlakukan aplikasi kinerja ASN.',
            'Add live chat to the city website and route complaints to the agencies; put the civil-servant performance app into use.',
          ),
        ),
      },
      {
        pillar: 'smart-living',
        text: richText(
          t(
            'Percepat bantuan rumah layak huni dengan menggabungkan APBD, APBN dan dana CSR perusahaan.',
            'Speed up housing assistance by combining the regional and national budgets with company CSR funds.',
          ),
        ),
      },
      {
        pillar: 'smart-branding',
        text: richText(
          t(
            'Jadikan konser musik agenda bulanan yang tetap dan terbuka bagi wisatawan.',
            'Make the music concerts a fixed monthly event open to visitors.',
          ),
        ),
      },
    ],
  },
  {
    cityCode: SEMARANG,
    submittedAt: '2022-07-21T02:45:00.000Z',
    reviewedAt: '2022-08-09T03:00:00.000Z',
    acceptedAt: '2022-09-14T07:00:00.000Z',
    report: {
      answers: [
        { question: 'base.followup', value: 4, comment: 'Setiap rekomendasi 2021 punya penanggung jawab dan tenggat di dasbor Bappeda.' },
        { question: 'base.masterplan_enacted', value: true, comment: 'Masterplan ditetapkan dengan Peraturan Wali Kota dan masuk RPJMD.' },
        { question: 'out.council_decree', value: true },
        { question: 'out.budget_share', value: 3.1, comment: 'Termasuk belanja pusat data dan jaringan kota.' },
        { question: 'out.funding_scheme', value: 'apbd_apbn' },
        { question: 'out.ict_staff', value: 412 },
        { question: 'gov.ps.maturity', value: 4, comment: 'Aduan dari semua kanal masuk satu sistem dan diteruskan ke OPD dengan batas waktu.' },
        { question: 'gov.ps.channels', value: ['phone', 'live_chat', 'social_media', 'in_person'] },
        { question: 'gov.bg.performance_app', value: true, comment: 'Kinerja ASN dinilai lewat aplikasi sejak 2019.' },
        { question: 'env.waste.maturity', value: 3, comment: 'Bank sampah di sebagian besar kelurahan; TPA masih menampung sebagian besar sampah.' },
        { question: 'env.waste.plastic_tonnes', value: 38.5 },
        { question: 'liv.housing.households', value: 2140, comment: 'Rehabilitasi rumah tidak layak huni sejak 2017.' },
        { question: 'brand.tourism.events', value: 26 },
        { question: 'brand.tourism.maturity', value: 4 },
        { question: 'imp.survey_held', value: true },
        { question: 'imp.satisfaction', value: 81.2 },
        {
          question: 'imp.story',
          value: 'Pedagang di 17 pasar tradisional membayar retribusi tanpa tunai; antrean penagihan hilang dan setoran tercatat harian.',
        },
        {
          question: 'qw.innovation',
          value: 'Retribusi pasar non-tunai bersama bank daerah: pedagang membayar dengan kode QR, dinas memantau setoran setiap hari.',
        },
        { question: 'qw.collaboration', value: 'private' },
        { question: 'qw.launched_on', value: '2021-09-01' },
      ],
      constraints: ['awareness'],
      constraintNotes: 'Sebagian pedagang lanjut usia belum terbiasa membayar tanpa tunai.',
      followUps: paragraphs('Pendampingan pedagang pasar oleh bank mitra dan perluasan ke pasar yang tersisa.'),
      narrative: paragraphs(
        'Kota Semarang melanjutkan integrasi layanan aduan dan memperluas retribusi pasar non-tunai ke 17 pasar.',
      ),
    },
    scores: {
      'base.followup': [4, 'Tindak lanjut terpantau dengan tenggat.'],
      'base.masterplan_enacted': [5, 'Masterplan terintegrasi dengan RPJMD.'],
      'out.council_decree': [4, 'SK lengkap dan diperbarui.'],
      'out.budget_share': [3, 'Porsi anggaran wajar untuk kota besar.'],
      'out.funding_scheme': [4, 'Memadukan APBD dan APBN.'],
      'out.ict_staff': [4, 'SDM TIK memadai dan bersertifikat.'],
      'gov.ps.maturity': [4, 'Layanan aduan terintegrasi antar-OPD.'],
      'gov.ps.channels': [4, 'Empat kanal aktif.'],
      'gov.bg.performance_app': [4, 'Dipakai untuk TPP; perlu analisis data kinerja.'],
      'env.waste.maturity': [3, 'Bank sampah luas, pengurangan di TPA belum terukur.'],
      'env.waste.plastic_tonnes': [3, 'Volume sedang untuk ukuran kota.'],
      'liv.housing.households': [3, 'Capaian stabil, belum dipetakan terhadap kebutuhan.'],
      'brand.tourism.events': [4, 'Kalender acara tetap.'],
      'brand.tourism.maturity': [4, 'Promosi terpadu dengan pelaku usaha.'],
      'imp.survey_held': [4, 'Survei rutin tahunan.'],
      'imp.satisfaction': [3, 'Baik, tetapi belum dirinci per layanan.'],
      'imp.story': [4, 'Manfaat terukur bagi pedagang dan dinas.'],
      'qw.innovation': [3, 'Inovasi lanjutan 2021, bukan baru tahun ini.'],
      'qw.collaboration': [4, 'Kemitraan dengan bank daerah efektif.'],
      'qw.launched_on': [2, 'Diluncurkan September 2021, sebelum tahun penilaian.'],
    },
    recommendations: richText(
      t(
        'Ukur dampak program terhadap warga per layanan, tidak hanya kepuasan umum.',
        'Measure the programmes’ effect on citizens per service, not only overall satisfaction.',
      ),
    ),
    pillarRecommendations: [
      {
        pillar: 'smart-environment',
        text: richText(
          t('Tetapkan target pengurangan sampah ke TPA dan laporkan per bulan.', 'Set a target for waste kept out of landfill and report it monthly.'),
        ),
      },
      {
        pillar: 'smart-economy',
        text: richText(
          t('Perluas pembayaran non-tunai ke pasar yang tersisa dengan pendampingan pedagang.', 'Extend cashless payment to the remaining markets, with support for traders.'),
        ),
      },
      {
        pillar: 'smart-living',
        text: richText(
          t('Petakan sisa rumah tidak layak huni agar bantuan tepat sasaran.', 'Map the remaining substandard homes so that assistance reaches those in need.'),
        ),
      },
    ],
  },
  {
    cityCode: SAMARINDA,
    submittedAt: '2022-07-28T06:20:00.000Z',
    reviewedAt: '2022-08-17T01:30:00.000Z',
    acceptedAt: '2022-09-23T02:15:00.000Z',
    report: {
      answers: [
        { question: 'base.followup', value: 3 },
        { question: 'base.masterplan_enacted', value: true },
        { question: 'out.council_decree', value: true },
        { question: 'out.budget_share', value: 1.6 },
        { question: 'out.funding_scheme', value: 'partnership', comment: 'Jaringan fiber optik kota dibangun bersama operator telekomunikasi.' },
        { question: 'out.ict_staff', value: 164 },
        { question: 'gov.ps.maturity', value: 3 },
        { question: 'gov.ps.channels', value: ['phone', 'social_media'] },
        { question: 'gov.bg.performance_app', value: true },
        { question: 'env.waste.maturity', value: 2, comment: 'Pengangkutan terjadwal; pemilahan baru di sekolah percontohan.' },
        { question: 'env.waste.plastic_tonnes', value: 11.4 },
        { question: 'liv.housing.households', value: 1260 },
        { question: 'brand.tourism.events', value: 9 },
        { question: 'brand.tourism.maturity', value: 3 },
        { question: 'imp.survey_held', value: true },
        { question: 'imp.satisfaction', value: 74.1 },
        { question: 'imp.story', value: 'Sensor tinggi muka air di tiga anak sungai mengirim peringatan banjir ke kelurahan lewat pesan singkat.' },
        { question: 'qw.innovation', value: 'Peringatan dini banjir berbasis sensor di anak sungai, dipantau dari command center.' },
        { question: 'qw.collaboration', value: 'university' },
        { question: 'qw.launched_on', value: '2022-02-07' },
      ],
      constraints: ['budget', 'staff', 'other'],
      constraintNotes: 'Anggaran terbatas; sensor sering rusak saat banjir besar.',
      followUps: paragraphs('Menambah sensor dan melatih petugas kelurahan membaca peringatan.'),
      narrative: paragraphs('Kota Samarinda memusatkan program 2022 pada pengendalian banjir dan jaringan kota.'),
    },
    scores: {
      'base.followup': [3, 'Sebagian rekomendasi ditindaklanjuti.'],
      'base.masterplan_enacted': [4, 'Perwali ada, belum diselaraskan dengan RPJMD.'],
      'out.council_decree': [4, 'SK lengkap.'],
      'out.budget_share': [2, 'Porsi anggaran kecil.'],
      'out.funding_scheme': [3, 'Kemitraan dengan operator menekan biaya.'],
      'out.ict_staff': [3, 'Cukup, sebaran antar-OPD timpang.'],
      'gov.ps.maturity': [3, 'Aduan diterima tetapi tindak lanjut belum terpantau.'],
      'gov.ps.channels': [3, 'Dua kanal; perlu kanal daring di situs web.'],
      'gov.bg.performance_app': [4, 'Aplikasi kinerja berjalan.'],
      'env.waste.maturity': [2, 'Pemilahan baru percontohan.'],
      'env.waste.plastic_tonnes': [2, 'Volume kecil.'],
      'liv.housing.households': [3, 'Capaian sesuai rencana.'],
      'brand.tourism.events': [3, 'Acara tahunan berjalan.'],
      'brand.tourism.maturity': [3, 'Promosi per OPD.'],
      'imp.survey_held': [4, 'Survei dilakukan.'],
      'imp.satisfaction': [3, 'Sedang.'],
      'imp.story': [3, 'Manfaat jelas, cakupan masih tiga anak sungai.'],
      'qw.innovation': [3, 'Relevan dengan masalah kota.'],
      'qw.collaboration': [3, 'Kerja sama kampus aktif.'],
      'qw.launched_on': [4, 'Diluncurkan Februari 2022, dalam tahun penilaian.'],
    },
    recommendations: richText(
      t('Rawat perangkat yang sudah dipasang sebelum menambah yang baru.', 'Maintain the equipment already installed before adding more.'),
    ),
    pillarRecommendations: [
      {
        pillar: 'smart-environment',
        text: richText(
          t('Perluas pemilahan sampah dari sekolah percontohan ke kelurahan.', 'Extend waste sorting from the pilot schools to the neighbourhoods.'),
        ),
      },
      {
        pillar: 'smart-governance',
        text: richText(t('Pantau tindak lanjut aduan warga sampai selesai.', 'Track citizens’ complaints until they are resolved.')),
      },
      {
        pillar: 'smart-society',
        text: richText(
          t('Latih relawan kelurahan menanggapi peringatan banjir.', 'Train neighbourhood volunteers to act on flood warnings.'),
        ),
      },
    ],
  },
  {
    cityCode: BANYUWANGI,
    submittedAt: '2022-07-19T04:00:00.000Z',
    reviewedAt: '2022-08-08T02:30:00.000Z',
    acceptedAt: '2022-09-12T03:45:00.000Z',
    report: {
      answers: [
        { question: 'base.followup', value: 4 },
        { question: 'base.masterplan_enacted', value: true },
        { question: 'out.council_decree', value: true },
        { question: 'out.budget_share', value: 2.7 },
        { question: 'out.funding_scheme', value: 'csr', comment: 'Wi-fi desa dan pelatihan digital didanai CSR.' },
        { question: 'out.csr_partners', value: 'Bank daerah dan perusahaan telekomunikasi (mitra contoh): wi-fi desa dan pelatihan UMKM.' },
        { question: 'out.ict_staff', value: 236 },
        { question: 'gov.ps.maturity', value: 4, comment: 'Layanan administrasi kependudukan sampai ke kantor desa.' },
        { question: 'gov.ps.channels', value: ['phone', 'social_media', 'in_person'] },
        { question: 'gov.bg.performance_app', value: true },
        { question: 'env.waste.maturity', value: 3 },
        { question: 'env.waste.plastic_tonnes', value: 21.7 },
        { question: 'liv.housing.households', value: 1875 },
        { question: 'brand.tourism.events', value: 99, comment: 'Kalender festival tahunan kabupaten.' },
        { question: 'brand.tourism.maturity', value: 5 },
        { question: 'imp.survey_held', value: true },
        { question: 'imp.satisfaction', value: 79.6 },
        { question: 'imp.story', value: 'Warga desa mengurus dokumen kependudukan di kantor desa tanpa perlu ke kota kabupaten.' },
        { question: 'qw.innovation', value: 'Layanan publik di kantor desa yang terhubung ke sistem kabupaten, dengan pendamping desa terlatih.' },
        { question: 'qw.collaboration', value: 'community' },
        { question: 'qw.launched_on', value: '2022-01-17' },
      ],
      constraints: ['staff'],
      constraintNotes: 'Pendamping desa bergantian; pelatihan harus diulang.',
      followUps: paragraphs('Sertifikasi pendamping desa dan panduan layanan yang seragam.'),
      narrative: paragraphs('Kabupaten Banyuwangi membawa layanan publik ke kantor desa dan menjaga kalender festivalnya.'),
    },
    scores: {
      'base.followup': [4, 'Tindak lanjut terdokumentasi.'],
      'base.masterplan_enacted': [4, 'Perbup ditetapkan.'],
      'out.council_decree': [4, 'SK lengkap.'],
      'out.budget_share': [3, 'Porsi anggaran memadai.'],
      'out.funding_scheme': [3, 'CSR dimanfaatkan, ketergantungan perlu dijaga.'],
      'out.ict_staff': [3, 'Cukup, pendamping desa perlu sertifikasi.'],
      'gov.ps.maturity': [3, 'Layanan desa luas, sistem antar-OPD belum penuh.'],
      'gov.ps.channels': [3, 'Tiga kanal.'],
      'gov.bg.performance_app': [4, 'Aplikasi kinerja berjalan.'],
      'env.waste.maturity': [2, 'Pengelolaan di desa belum merata.'],
      'env.waste.plastic_tonnes': [3, 'Volume sedang.'],
      'liv.housing.households': [3, 'Sesuai rencana.'],
      'brand.tourism.events': [5, 'Kalender festival menjadi rujukan nasional.'],
      'brand.tourism.maturity': [4, 'Promosi kuat dan terpadu.'],
      'imp.survey_held': [4, 'Survei dilakukan.'],
      'imp.satisfaction': [3, 'Baik.'],
      'imp.story': [4, 'Manfaat langsung bagi warga desa.'],
      'qw.innovation': [4, 'Inovasi menjangkau desa.'],
      'qw.collaboration': [4, 'Melibatkan komunitas desa.'],
      'qw.launched_on': [4, 'Diluncurkan Januari 2022, dalam tahun penilaian.'],
      'out.csr_partners': [3, 'Mitra CSR disebutkan, tanpa nilai kontribusi.'],
    },
    recommendations: richText(
      t('Jaga mutu layanan desa dengan standar dan pelatihan berkala.', 'Keep village services up to standard with regular training.'),
    ),
    pillarRecommendations: [
      {
        pillar: 'smart-environment',
        text: richText(
          t('Bawa pengelolaan sampah berbasis desa ke semua kecamatan.', 'Take village-based waste management to every district.'),
        ),
      },
      {
        pillar: 'smart-branding',
        text: richText(
          t('Ukur kunjungan dan belanja wisatawan per festival.', 'Measure visitors and their spending per festival.'),
        ),
      },
      {
        pillar: 'smart-governance',
        text: richText(
          t('Hubungkan layanan desa dengan sistem semua OPD.', 'Connect the village services to every agency’s system.'),
        ),
      },
    ],
  },
  {
    cityCode: MAKASSAR,
    submittedAt: '2022-07-26T08:00:00.000Z',
    reviewedAt: '2022-08-12T02:00:00.000Z',
    acceptedAt: '2022-09-19T05:20:00.000Z',
    report: {
      answers: [
        { question: 'base.followup', value: 3 },
        { question: 'base.masterplan_enacted', value: true },
        { question: 'out.council_decree', value: true },
        { question: 'out.budget_share', value: 2.2 },
        { question: 'out.funding_scheme', value: 'apbd' },
        { question: 'out.ict_staff', value: 305 },
        { question: 'gov.ps.maturity', value: 4, comment: 'Layanan darurat dan aduan terhubung ke command center.' },
        { question: 'gov.ps.channels', value: ['phone', 'live_chat', 'social_media', 'in_person'] },
        { question: 'gov.bg.performance_app', value: true },
        { question: 'env.waste.maturity', value: 3 },
        { question: 'env.waste.plastic_tonnes', value: 17.9 },
        { question: 'liv.housing.households', value: 1530 },
        { question: 'brand.tourism.events', value: 18 },
        { question: 'brand.tourism.maturity', value: 3 },
        { question: 'imp.survey_held', value: true },
        { question: 'imp.satisfaction', value: 76.9 },
        { question: 'imp.story', value: 'Ambulans dan pemadam dikirim dari command center; waktu tanggap rata-rata turun dari 24 menjadi 15 menit.' },
        { question: 'qw.innovation', value: 'Penataan lorong permukiman dengan kebun warga dan titik wi-fi, dikelola bersama RT/RW.' },
        { question: 'qw.collaboration', value: 'community' },
        { question: 'qw.launched_on', value: '2022-04-11' },
      ],
      constraints: ['budget', 'awareness'],
      constraintNotes: 'Perawatan lorong bergantung pada swadaya warga.',
      followUps: paragraphs('Menyusun pedoman perawatan lorong bersama RT/RW.'),
      narrative: paragraphs('Kota Makassar memperkuat command center dan menata lorong permukiman bersama warga.'),
    },
    scores: {
      'base.followup': [3, 'Sebagian rekomendasi ditindaklanjuti.'],
      'base.masterplan_enacted': [4, 'Perwali ditetapkan.'],
      'out.council_decree': [4, 'SK lengkap.'],
      'out.budget_share': [3, 'Porsi anggaran wajar.'],
      'out.funding_scheme': [3, 'APBD saja; peluang kemitraan belum dipakai.'],
      'out.ict_staff': [3, 'Cukup.'],
      'gov.ps.maturity': [4, 'Command center terhubung dengan layanan darurat.'],
      'gov.ps.channels': [4, 'Empat kanal aktif.'],
      'gov.bg.performance_app': [3, 'Berjalan, belum dipakai untuk TPP.'],
      'env.waste.maturity': [3, 'Terjadwal, pemilahan terbatas.'],
      'env.waste.plastic_tonnes': [2, 'Volume kecil untuk kota sebesar ini.'],
      'liv.housing.households': [3, 'Sesuai rencana.'],
      'brand.tourism.events': [3, 'Acara rutin berjalan.'],
      'brand.tourism.maturity': [3, 'Promosi belum terpadu.'],
      'imp.survey_held': [4, 'Survei dilakukan.'],
      'imp.satisfaction': [3, 'Sedang.'],
      'imp.story': [3, 'Manfaat terukur.'],
      'qw.innovation': [4, 'Inovasi melibatkan warga langsung.'],
      'qw.collaboration': [3, 'Kolaborasi dengan RT/RW.'],
      'qw.launched_on': [4, 'Diluncurkan April 2022, dalam tahun penilaian.'],
    },
    recommendations: richText(
      t('Libatkan mitra swasta untuk program yang kini ditanggung APBD saja.', 'Bring in private partners for programmes the city budget now carries alone.'),
    ),
    pillarRecommendations: [
      {
        pillar: 'smart-environment',
        text: richText(
          t('Tingkatkan daur ulang plastik bersama bank sampah dan dana CSR perusahaan.', 'Raise plastic recycling with the waste banks and company CSR funds.'),
        ),
      },
      {
        pillar: 'smart-society',
        text: richText(
          t('Bentuk pengelola lorong di tiap kelurahan agar perawatan berlanjut.', 'Set up a lane committee in each neighbourhood so upkeep continues.'),
        ),
      },
      {
        pillar: 'smart-governance',
        text: richText(
          t('Pakai data aplikasi kinerja untuk menetapkan TPP.', 'Use the performance app’s data to set the performance allowance.'),
        ),
      },
    ],
  },
]
