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

/**
 * Kota Ambon's report, still a draft: what the city had entered before submitting. No answer is a
 * bare string: the `value` JSON field takes a string only as JSON text (see the seed's report note).
 */
export const AMBON_REPORT: Pick<Report, 'title' | 'answers' | 'constraints' | 'constraintNotes' | 'followUps' | 'narrative'> = {
  title: 'Laporan Evaluasi Smart City 2023 Tahap I: Kota Ambon',
  answers: [
    { question: 'base.masterplan_enacted', value: true, comment: 'Masterplan 2019 ditetapkan dengan Peraturan Wali Kota.' },
    { question: 'out.council_decree', value: true },
    { question: 'gov.ps.maturity', value: 3, comment: 'Omnichannel dan live chat sudah berjalan; integrasi antar-OPD belum penuh.' },
    { question: 'gov.bg.performance_app', value: true, comment: 'Aplikasi kinerja ASN berlaku mulai Juli 2023.' },
    { question: 'env.waste.plastic_tonnes', value: 250, comment: 'Target kapasitas pabrik yang diresmikan 26 Mei 2023.' },
    { question: 'liv.housing.households', value: 2915, comment: 'Rumah tangga MBR (KK) yang teridentifikasi 2017-2022.' },
    { question: 'gov.ps.channels', value: ['phone', 'live_chat', 'social_media', 'in_person'] },
  ],
  constraints: ['budget', 'staff', 'awareness'],
  constraintNotes:
    'Anggaran terbatas, SDM terampil masih kurang, dan kepedulian masyarakat terhadap fasilitas yang dibangun masih rendah.',
  followUps: paragraphs(
    'Mengusulkan anggaran dalam rancangan APBD tahun depan.',
    'Pelatihan bagi ASN pengelola aplikasi dan command center.',
    'Melibatkan lurah, kepala desa, raja dan ketua RT/RW dalam sosialisasi.',
  ),
  narrative: paragraphs(
    'Dewan Smart City dan Tim Pelaksana telah menggelar rapat konsolidasi, pemantauan dan evaluasi. Laporan ini masih draf dan akan dilengkapi bukti dukung sebelum diajukan.',
  ),
}
