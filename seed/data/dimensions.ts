import { type Bilingual, t } from '../lib/bilingual.ts'

export type DimensionSeed = {
  slug: string
  order: number
  /** Chart colour; every one keeps a contrast of at least 4.5:1 on white, so it also works for text. */
  colour: string
  name: Bilingual
  description: Bilingual
  subDimensions: { key: string; name: Bilingual }[]
}

/** The six pillars and their three sub-dimensions each, as used in the 2024 evaluation. */
export const DIMENSIONS: DimensionSeed[] = [
  {
    slug: 'smart-governance',
    order: 1,
    colour: '#1D4ED8',
    name: t('Tata Kelola Cerdas (Smart Governance)', 'Smart Governance'),
    description: t(
      'Pemerintahan yang melayani warga secara cepat, terbuka dan berbasis data.',
      'Government that serves citizens quickly, openly and on the basis of data.',
    ),
    subDimensions: [
      { key: 'public-services', name: t('Pelayanan publik', 'Public services') },
      { key: 'public-policy', name: t('Kebijakan publik', 'Public policy') },
      { key: 'bureaucratic-governance', name: t('Tata kelola birokrasi', 'Bureaucratic governance') },
    ],
  },
  {
    slug: 'smart-branding',
    order: 2,
    colour: '#BE185D',
    name: t('Pencitraan Daerah Cerdas (Smart Branding)', 'Smart Branding'),
    description: t(
      'Membangun citra dan daya saing daerah lewat pariwisata, iklim usaha dan wajah kota.',
      'Building the region’s image and competitiveness through tourism, business climate and the look of the city.',
    ),
    subDimensions: [
      { key: 'tourism', name: t('Pariwisata', 'Tourism') },
      { key: 'business', name: t('Bisnis', 'Business') },
      { key: 'city-appearance', name: t('Wajah kota', 'City appearance') },
    ],
  },
  {
    slug: 'smart-economy',
    order: 3,
    colour: '#B45309',
    name: t('Ekonomi Cerdas (Smart Economy)', 'Smart Economy'),
    description: t(
      'Ekonomi daerah yang tumbuh, menyejahterakan warga dan memudahkan transaksi.',
      'A regional economy that grows, raises welfare and makes transactions easy.',
    ),
    subDimensions: [
      { key: 'industry', name: t('Industri', 'Industry') },
      { key: 'welfare', name: t('Kesejahteraan', 'Welfare') },
      { key: 'transactions', name: t('Transaksi', 'Transactions') },
    ],
  },
  {
    slug: 'smart-society',
    order: 4,
    colour: '#7C3AED',
    name: t('Masyarakat Cerdas (Smart Society)', 'Smart Society'),
    description: t(
      'Warga yang terlibat, terdidik dan merasa aman di lingkungannya.',
      'Citizens who take part, learn and feel safe where they live.',
    ),
    subDimensions: [
      { key: 'community', name: t('Komunitas', 'Community') },
      { key: 'education', name: t('Pendidikan', 'Education') },
      { key: 'security', name: t('Keamanan', 'Security') },
    ],
  },
  {
    slug: 'smart-living',
    order: 5,
    colour: '#0E7490',
    name: t('Kehidupan Cerdas (Smart Living)', 'Smart Living'),
    description: t(
      'Kota yang layak huni: hunian, kesehatan dan mobilitas yang baik bagi semua.',
      'A liveable city: good housing, health and mobility for everyone.',
    ),
    subDimensions: [
      { key: 'harmony', name: t('Harmonisasi dan kenyamanan', 'Harmony and liveability') },
      { key: 'health', name: t('Kesehatan', 'Health') },
      { key: 'mobility', name: t('Mobilitas', 'Mobility') },
    ],
  },
  {
    slug: 'smart-environment',
    order: 6,
    colour: '#15803D',
    name: t('Lingkungan Cerdas (Smart Environment)', 'Smart Environment'),
    description: t(
      'Lingkungan yang terlindungi, sampah yang terkelola dan energi yang hemat.',
      'A protected environment, managed waste and efficient energy.',
    ),
    subDimensions: [
      { key: 'protection', name: t('Proteksi lingkungan', 'Environmental protection') },
      { key: 'waste', name: t('Pengelolaan sampah', 'Waste') },
      { key: 'energy', name: t('Energi', 'Energy') },
    ],
  },
]
