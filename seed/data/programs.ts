import type { Indicator, Program } from '../../cms/payload-types.ts'
import { type Bilingual, t } from '../lib/bilingual.ts'
import { richText, type RichText } from '../lib/richText.ts'
import { monthsFrom, rampUp, seededNoise } from '../lib/series.ts'
import { AMBON, SEMARANG } from './cities.ts'

export type MeasurementSeed = { year: number; month?: number; value: number; note?: string }

export type IndicatorSeed = Pick<Indicator, 'unit' | 'target' | 'targetYear' | 'frequency' | 'aggregation'> & {
  name: Bilingual
  baseline?: number
  direction?: Indicator['direction']
  /** Where the figures come from; every seeded figure is marked as demo data. */
  source: string
  measurements: MeasurementSeed[]
}

export type ProgramSeed = Pick<Program, 'agency' | 'startYear' | 'status' | 'isPublic'> & {
  slug: string
  cityCode: string
  dimension: string
  subDimension: string
  title: Bilingual
  summary: Bilingual
  description: Bilingual<RichText>
  partners: NonNullable<Program['partners']>
  fundingSources: NonNullable<Program['fundingSources']>
  indicators: IndicatorSeed[]
}

export const PROGRAM_SLUGS = {
  plasticRecycling: 'ambon-pabrik-daur-ulang-sampah-plastik',
  housing: 'ambon-rumah-layak-huni-mbr',
  marketCctv: 'ambon-cctv-pasar-mardika',
  commandCentre: 'ambon-command-center-omnichannel',
  civilServantApp: 'ambon-aplikasi-kinerja-asn',
  wajar: 'ambon-walikota-jumpa-rakyat',
  cityOfMusic: 'ambon-harmoni-sudut-kota',
  dataIntegration: 'ambon-integrasi-data-antar-opd',
  semarangCashless: 'semarang-retribusi-pasar-nontunai',
} as const

const yearly = (values: Record<number, number>): MeasurementSeed[] =>
  Object.entries(values).map(([year, value]) => ({ year: Number(year), value }))

const monthly = (series: { at: { year: number; month: number }; value: number }[]): MeasurementSeed[] =>
  series.map(({ at, value }) => ({ year: at.year, month: at.month, value }))

/** Tonnes recycled: the plant opened on 26 May 2023, so June 2023 is its first full month. */
const plasticTonnes = monthly(
  rampUp(monthsFrom({ year: 2023, month: 6 }), { start: 48, plateau: 252, months: 6, spread: 0.06, seed: 2605, decimals: 1 }),
)

const omnichannelContacts = monthly(
  rampUp(monthsFrom({ year: 2023, month: 7 }), { start: 280, plateau: 1350, months: 10, spread: 0.08, seed: 2307 }),
)

/** Mostly two sessions a month, sometimes one (holidays) or three (a follow-up round). */
const wajarSessions = (() => {
  const noise = seededNoise(1306)
  return monthsFrom({ year: 2023, month: 1 }).map(({ year, month }) => {
    const draw = noise()
    return { year, month, value: draw < 0.15 ? 1 : draw > 0.85 ? 3 : 2 }
  })
})()

/** One street concert a month; now and then a second one, rarely none when the weather stops it. */
const streetConcerts = (() => {
  const noise = seededNoise(1910)
  return monthsFrom({ year: 2023, month: 1 }).map(({ year, month }): MeasurementSeed => {
    const draw = noise()
    if (draw < 0.06) {
      return { year, month, value: 0, note: 'Ditunda karena cuaca buruk (data demo) / Postponed for bad weather (demo data)' }
    }
    return { year, month, value: draw > 0.88 ? 2 : 1 }
  })
})()

const DEMO = 'Data demo'

export const PROGRAMS: ProgramSeed[] = [
  {
    slug: PROGRAM_SLUGS.plasticRecycling,
    cityCode: AMBON,
    dimension: 'smart-environment',
    subDimension: 'waste',
    title: t('Pabrik Daur Ulang Sampah Plastik', 'Plastic-waste recycling plant'),
    summary: t(
      'Pabrik daur ulang sampah plastik yang diresmikan 26 Mei 2023, dibangun bersama mitra swasta, dengan target 250 ton plastik per bulan.',
      'A plastic-waste recycling plant opened on 26 May 2023, built with a private partner, targeting 250 tonnes of plastic a month.',
    ),
    description: richText(
      t(
        'Pabrik dibangun melalui perjanjian kerja sama antara Pemerintah Kota Ambon dan mitra swasta. Sampah plastik dari tempat pembuangan dan bank sampah dipilah lalu diolah menjadi bahan baku daur ulang.',
        'The plant was built under an agreement between the city government and a private partner. Plastic waste from the landfill and waste banks is sorted and processed into recycled raw material.',
      ),
      t(
        'Selain mengurangi sampah, pabrik membuka lapangan kerja bagi warga sekitar.',
        'Besides reducing waste, the plant creates jobs for people living nearby.',
      ),
    ),
    agency: 'Dinas Lingkungan Hidup dan Persampahan Kota Ambon',
    partners: [
      { name: 'PT Mitra Daur Ulang Teluk (mitra contoh)', kind: 'private' },
      { name: 'Bank sampah kelurahan', kind: 'community' },
    ],
    fundingSources: ['partner', 'apbd'],
    startYear: 2023,
    status: 'ongoing',
    isPublic: true,
    indicators: [
      {
        name: t('Sampah plastik yang didaur ulang', 'Plastic waste recycled'),
        unit: 'ton',
        baseline: 0,
        target: 250,
        targetYear: 2024,
        frequency: 'monthly',
        aggregation: 'per_period',
        source: `${DEMO}: laporan bulanan pengelola pabrik`,
        measurements: plasticTonnes,
      },
      {
        name: t('Lapangan kerja yang tercipta', 'Jobs created'),
        unit: 'orang',
        baseline: 0,
        target: 70,
        targetYear: 2026,
        frequency: 'yearly',
        aggregation: 'cumulative',
        source: `${DEMO}: laporan mitra swasta`,
        measurements: yearly({ 2023: 42, 2024: 11, 2025: 7 }),
      },
    ],
  },
  {
    slug: PROGRAM_SLUGS.housing,
    cityCode: AMBON,
    dimension: 'smart-living',
    subDimension: 'harmony',
    title: t('Rumah Layak Huni bagi Masyarakat Berpenghasilan Rendah (MBR)', 'Decent homes for low-income households (MBR)'),
    summary: t(
      'Sebanyak 2.915 rumah tangga MBR (dihitung per kartu keluarga) teridentifikasi pada 2017-2022; mereka dibantu dengan rumah baru atau renovasi rumah.',
      'A total of 2,915 low-income households (counted by family card) were identified in 2017-2022; they are helped with new homes or renovations.',
    ),
    description: richText(
      t(
        'Dinas perumahan mendata rumah tangga berpenghasilan rendah yang tinggal di rumah tidak layak huni, lalu membangun rumah baru atau merenovasi rumah mereka secara bertahap.',
        'The housing agency lists low-income households living in substandard homes, then builds new homes or renovates theirs, step by step.',
      ),
      t(
        'Capaian dihitung kumulatif sejak 2017 terhadap 2.915 rumah tangga yang teridentifikasi.',
        'Progress is counted cumulatively since 2017 against the 2,915 households identified.',
      ),
    ),
    agency: 'Dinas Perumahan dan Kawasan Permukiman Kota Ambon',
    partners: [{ name: 'Kementerian PUPR', kind: 'government' }],
    fundingSources: ['apbd', 'apbn'],
    startYear: 2017,
    status: 'ongoing',
    isPublic: true,
    indicators: [
      {
        name: t('Rumah tangga MBR yang menerima rumah baru atau renovasi', 'Low-income households given a new or renovated home'),
        unit: 'KK',
        baseline: 0,
        target: 2915,
        targetYear: 2028,
        frequency: 'yearly',
        aggregation: 'cumulative',
        source: `${DEMO}: rekap dinas perumahan`,
        measurements: yearly({ 2017: 120, 2018: 185, 2019: 210, 2020: 95, 2021: 140, 2022: 230, 2023: 310, 2024: 345, 2025: 360 }),
      },
    ],
  },
  {
    slug: PROGRAM_SLUGS.marketCctv,
    cityCode: AMBON,
    dimension: 'smart-society',
    subDimension: 'security',
    title: t('CCTV Pasar Mardika', 'CCTV at the central market'),
    summary: t(
      'Kamera CCTV di pasar pusat kota untuk kebersihan dan ketertiban; lima kamera ditambah pada 2023.',
      'CCTV cameras at the central market for cleanliness and public order; five more were added in 2023.',
    ),
    description: richText(
      t(
        'Rekaman kamera dipantau dari command center dan dipakai petugas pasar serta Satpol PP untuk menjaga kebersihan dan ketertiban.',
        'The cameras are watched from the command centre and used by market staff and the municipal police to keep the market clean and orderly.',
      ),
    ),
    agency: 'Dinas Komunikasi, Informatika dan Persandian Kota Ambon',
    partners: [{ name: 'Dinas Perindustrian dan Perdagangan Kota Ambon', kind: 'government' }],
    fundingSources: ['apbd'],
    startYear: 2022,
    status: 'ongoing',
    isPublic: true,
    indicators: [
      {
        name: t('Kamera CCTV aktif di pasar', 'Working CCTV cameras at the market'),
        unit: 'kamera',
        baseline: 6,
        target: 20,
        targetYear: 2026,
        frequency: 'yearly',
        aggregation: 'per_period',
        source: `${DEMO}: inventaris Diskominfo`,
        measurements: yearly({ 2022: 6, 2023: 11, 2024: 13, 2025: 16 }),
      },
    ],
  },
  {
    slug: PROGRAM_SLUGS.commandCentre,
    cityCode: AMBON,
    dimension: 'smart-governance',
    subDimension: 'public-services',
    title: t('Command Center: Omnichannel dan Live Chat', 'Command centre: omnichannel contact and live chat'),
    summary: t(
      'Warga dapat menghubungi pemerintah kota lewat satu kanal terpadu dan live chat di situs web kota.',
      'Citizens can reach the city government through one combined channel and a live chat on the city website.',
    ),
    description: richText(
      t(
        'Pesan dari telepon, media sosial dan live chat masuk ke satu antrean di command center, lalu diteruskan ke OPD yang berwenang.',
        'Messages from phone, social media and live chat arrive in one queue at the command centre and are passed on to the agency in charge.',
      ),
    ),
    agency: 'Dinas Komunikasi, Informatika dan Persandian Kota Ambon',
    partners: [],
    fundingSources: ['apbd'],
    startYear: 2023,
    status: 'ongoing',
    isPublic: true,
    indicators: [
      {
        name: t('Kontak warga yang ditangani', 'Citizen contacts handled'),
        unit: 'kontak',
        baseline: 0,
        target: 1500,
        targetYear: 2026,
        frequency: 'monthly',
        aggregation: 'per_period',
        source: `${DEMO}: sistem tiket command center`,
        measurements: omnichannelContacts,
      },
    ],
  },
  {
    slug: PROGRAM_SLUGS.civilServantApp,
    cityCode: AMBON,
    dimension: 'smart-governance',
    subDimension: 'bureaucratic-governance',
    title: t('Aplikasi Kinerja ASN', 'Civil-servant performance app'),
    summary: t(
      'Sejak Juli 2023 kinerja ASN diukur lewat aplikasi, dan hasilnya menjadi dasar tambahan penghasilan pegawai (TPP).',
      'Since July 2023 civil-servant performance is measured in an app, and the result sets the performance allowance (TPP).',
    ),
    description: richText(
      t(
        'Setiap ASN mencatat target dan capaian kerjanya; atasan menilai setiap bulan, dan nilai itu menentukan besaran TPP.',
        'Each civil servant records work targets and results; the supervisor rates them every month, and the rating sets the allowance.',
      ),
    ),
    agency: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Ambon',
    partners: [],
    fundingSources: ['apbd'],
    startYear: 2023,
    status: 'ongoing',
    isPublic: true,
    indicators: [
      {
        name: t('ASN yang dinilai kinerjanya lewat aplikasi', 'Civil servants assessed through the app'),
        unit: '%',
        baseline: 0,
        target: 100,
        targetYear: 2026,
        frequency: 'yearly',
        aggregation: 'per_period',
        source: `${DEMO}: rekap BKPSDM`,
        measurements: yearly({ 2023: 58.4, 2024: 86.9, 2025: 95.2 }),
      },
    ],
  },
  {
    slug: PROGRAM_SLUGS.wajar,
    cityCode: AMBON,
    dimension: 'smart-society',
    subDimension: 'community',
    title: t('Walikota Jumpa Rakyat (WAJAR)', 'The Mayor Meets the People (WAJAR)'),
    summary: t(
      'Warga bertemu langsung dengan wali kota dan kepala OPD untuk menyampaikan keluhan, yang kemudian ditindaklanjuti.',
      'Citizens meet the mayor and agency heads in person to raise complaints, which are then followed up.',
    ),
    description: richText(
      t(
        'Pertemuan digelar bergiliran di kecamatan, dengan melibatkan lurah, kepala desa, raja dan ketua RT/RW.',
        'Meetings rotate between districts and involve village and neighbourhood heads (lurah, kepala desa, raja, RT/RW).',
      ),
    ),
    agency: 'Bagian Pemerintahan Sekretariat Daerah Kota Ambon',
    partners: [{ name: 'Forum RT/RW Kota Ambon', kind: 'community' }],
    fundingSources: ['apbd'],
    startYear: 2022,
    status: 'ongoing',
    isPublic: true,
    indicators: [
      {
        name: t('Sesi WAJAR yang terselenggara', 'WAJAR sessions held'),
        unit: 'sesi',
        target: 2,
        targetYear: 2026,
        frequency: 'monthly',
        aggregation: 'per_period',
        source: `${DEMO}: daftar hadir sesi`,
        measurements: wajarSessions,
      },
      {
        name: t('Pengaduan yang ditindaklanjuti', 'Complaints followed up'),
        unit: '%',
        target: 90,
        targetYear: 2026,
        frequency: 'yearly',
        aggregation: 'per_period',
        source: `${DEMO}: rekap tindak lanjut pengaduan`,
        measurements: yearly({ 2023: 71, 2024: 78, 2025: 84 }),
      },
    ],
  },
  {
    slug: PROGRAM_SLUGS.cityOfMusic,
    cityCode: AMBON,
    dimension: 'smart-branding',
    subDimension: 'tourism',
    title: t('Kota Musik: Harmoni Sudut Kota', 'City of Music: Harmoni Sudut Kota'),
    summary: t(
      'Konser jalanan "Harmoni Sudut Kota" setiap bulan, menegaskan Ambon sebagai Kota Musik UNESCO.',
      'Monthly "Harmoni Sudut Kota" street concerts that show Ambon as a UNESCO City of Music.',
    ),
    description: richText(
      t(
        'Musisi lokal tampil di ruang publik yang berganti setiap bulan. Acara diselenggarakan bersama Ambon Music Office.',
        'Local musicians play in a different public space every month. The concerts are run with the Ambon Music Office.',
      ),
    ),
    agency: 'Dinas Pariwisata Kota Ambon',
    partners: [
      { name: 'Ambon Music Office', kind: 'government' },
      { name: 'Komunitas musisi Ambon', kind: 'community' },
    ],
    fundingSources: ['apbd', 'csr'],
    startYear: 2022,
    status: 'ongoing',
    isPublic: true,
    indicators: [
      {
        name: t('Konser Harmoni Sudut Kota yang digelar', 'Harmoni Sudut Kota concerts held'),
        unit: 'konser',
        target: 1,
        targetYear: 2026,
        frequency: 'monthly',
        aggregation: 'per_period',
        source: `${DEMO}: jadwal Ambon Music Office`,
        measurements: streetConcerts,
      },
    ],
  },
  {
    slug: PROGRAM_SLUGS.dataIntegration,
    cityCode: AMBON,
    dimension: 'smart-governance',
    subDimension: 'public-policy',
    title: t('Integrasi Data Antar-OPD (internal)', 'Data integration between agencies (internal)'),
    summary: t(
      'Pekerjaan internal menghubungkan data OPD ke satu portal data; belum ditampilkan di situs publik.',
      'Internal work connecting agency data to one data portal; not shown on the public site yet.',
    ),
    description: richText(
      t(
        'Program ini sengaja tidak publik: datanya masih diverifikasi oleh tim pelaksana.',
        'This programme is deliberately not public: its data is still being checked by the implementation team.',
      ),
    ),
    agency: 'Dinas Komunikasi, Informatika dan Persandian Kota Ambon',
    partners: [],
    fundingSources: ['apbd'],
    startYear: 2023,
    status: 'ongoing',
    isPublic: false,
    indicators: [
      {
        name: t('OPD yang terhubung ke portal data', 'Agencies connected to the data portal'),
        unit: 'OPD',
        baseline: 0,
        target: 35,
        targetYear: 2026,
        frequency: 'yearly',
        aggregation: 'per_period',
        source: `${DEMO}: catatan tim pelaksana`,
        measurements: yearly({ 2023: 12, 2024: 21, 2025: 29 }),
      },
    ],
  },
  {
    slug: PROGRAM_SLUGS.semarangCashless,
    cityCode: SEMARANG,
    dimension: 'smart-economy',
    subDimension: 'transactions',
    title: t('Retribusi Pasar Non-Tunai', 'Cashless market fees'),
    summary: t(
      'Pedagang pasar tradisional membayar retribusi secara non-tunai (contoh data demo).',
      'Traders in traditional markets pay their fees without cash (demo example).',
    ),
    description: richText(
      t(
        'Contoh program kota lain, agar daftar program publik tidak hanya berisi Kota Ambon. Angkanya fiktif.',
        'An example programme of another city, so the public list is not Ambon only. The figures are fictional.',
      ),
    ),
    agency: 'Dinas Perdagangan Kota Semarang',
    partners: [{ name: 'Bank daerah (mitra contoh)', kind: 'private' }],
    fundingSources: ['apbd', 'partner'],
    startYear: 2021,
    status: 'ongoing',
    isPublic: true,
    indicators: [
      {
        name: t('Pasar dengan retribusi non-tunai', 'Markets with cashless fees'),
        unit: 'pasar',
        baseline: 0,
        target: 40,
        targetYear: 2026,
        frequency: 'yearly',
        aggregation: 'per_period',
        source: `${DEMO}: dinas perdagangan`,
        measurements: yearly({ 2021: 8, 2022: 17, 2023: 24, 2024: 31, 2025: 36 }),
      },
    ],
  },
]
