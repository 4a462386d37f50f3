import type { Instrument } from '../../cms/payload-types.ts'
import { type Bilingual, t } from '../lib/bilingual.ts'

type Question = NonNullable<NonNullable<Instrument['sections']>[number]['questions']>[number]

export type QuestionSeed = Pick<Question, 'key' | 'type' | 'weight' | 'evidence' | 'evidenceFromLevel' | 'unit' | 'min' | 'max' | 'condition'> & {
  text: Bilingual
  guidance?: Bilingual
  levels?: { level: number; descriptor: Bilingual }[]
  options?: { value: string; label: Bilingual }[]
}

export type SectionSeed = {
  title: Bilingual
  evaluationDimension: string
  /** Slug of the pillar, when the section belongs to one. */
  dimension?: string
  subDimension?: string
  questions: QuestionSeed[]
}

export type InstrumentSeed = {
  title: Bilingual
  year: number
  version: number
  evaluationDimensions: { key: string; name: Bilingual; weight: number }[]
  sections: SectionSeed[]
}

/**
 * Five levels after the smart-city rating's idea (ad hoc, initial, scattered, integrated, smart).
 * The official descriptors are not public, so these are the demo's own wording.
 */
const maturityLevels = (subject: Bilingual): QuestionSeed['levels'] => [
  {
    level: 1,
    descriptor: t(
      `Ad hoc: ${subject.id} berjalan sendiri-sendiri, tanpa rencana atau dasar hukum tertulis.`,
      `Ad hoc: ${subject.en} happens case by case, without a written plan or legal basis.`,
    ),
  },
  {
    level: 2,
    descriptor: t(
      `Awal: ${subject.id} sudah direncanakan dan punya penanggung jawab, tetapi baru di sebagian OPD.`,
      `Initial: ${subject.en} is planned and has an owner, but only in some agencies.`,
    ),
  },
  {
    level: 3,
    descriptor: t(
      `Tersebar: ${subject.id} berjalan di banyak OPD dengan aplikasi dan data masing-masing.`,
      `Scattered: ${subject.en} runs in many agencies, each with its own applications and data.`,
    ),
  },
  {
    level: 4,
    descriptor: t(
      `Terintegrasi: ${subject.id} memakai data dan layanan bersama antar-OPD, dipantau secara berkala.`,
      `Integrated: ${subject.en} uses data and services shared between agencies and is monitored regularly.`,
    ),
  },
  {
    level: 5,
    descriptor: t(
      `Cerdas: ${subject.id} diperbaiki terus berdasarkan data dan masukan warga, dengan dampak yang terukur.`,
      `Smart: ${subject.en} improves continuously from data and citizen feedback, with measured impact.`,
    ),
  },
]

export const INSTRUMENT: InstrumentSeed = {
  title: t('Instrumen Evaluasi Smart City 2023', 'Smart City Evaluation Instrument 2023'),
  year: 2023,
  version: 1,
  evaluationDimensions: [
    { key: 'baseline', name: t('Baseline (peningkatan dari evaluasi lalu)', 'Baseline (improvement since the last evaluation)'), weight: 10 },
    { key: 'output', name: t('Output (kebijakan, kelembagaan, anggaran)', 'Output (policy, institutions, budget)'), weight: 20 },
    { key: 'outcome', name: t('Outcome (pelaksanaan masterplan)', 'Outcome (masterplan carried out)'), weight: 30 },
    { key: 'impact', name: t('Impact (manfaat bagi warga)', 'Impact (benefit to citizens)'), weight: 30 },
    { key: 'quick_win', name: t('Quick Win (inovasi program percepatan)', 'Quick Win (fast-track innovation)'), weight: 10 },
  ],
  sections: [
    {
      title: t('Baseline: tindak lanjut evaluasi sebelumnya', 'Baseline: follow-up of the last evaluation'),
      evaluationDimension: 'baseline',
      questions: [
        {
          key: 'base.followup',
          type: 'maturity',
          weight: 2,
          evidence: 'required_from_level',
          evidenceFromLevel: 3,
          text: t(
            'Sejauh mana rekomendasi evaluasi sebelumnya telah ditindaklanjuti?',
            'How far have the recommendations of the last evaluation been followed up?',
          ),
          guidance: t(
            'Lampirkan notulen rapat konsolidasi Dewan Smart City dan Tim Pelaksana.',
            'Attach the minutes of the consolidation meetings of the council and the implementation team.',
          ),
          levels: maturityLevels(t('tindak lanjut rekomendasi', 'follow-up of recommendations')),
        },
        {
          key: 'base.masterplan_enacted',
          type: 'yes_no',
          weight: 1,
          evidence: 'required',
          text: t(
            'Apakah masterplan smart city telah ditetapkan sebagai Perwali/Perbup atau Perda?',
            'Has the smart-city masterplan been enacted as a mayoral/regent regulation or local law?',
          ),
          guidance: t('Unggah salinan peraturan yang telah diundangkan.', 'Upload a copy of the enacted regulation.'),
        },
      ],
    },
    {
      title: t('Output: kebijakan, kelembagaan dan anggaran', 'Output: policy, institutions and budget'),
      evaluationDimension: 'output',
      questions: [
        {
          key: 'out.council_decree',
          type: 'yes_no',
          weight: 1,
          evidence: 'required',
          text: t(
            'Apakah Dewan Smart City dan Tim Pelaksana telah ditetapkan dengan surat keputusan?',
            'Have the smart-city council and the implementation team been appointed by decree?',
          ),
        },
        {
          key: 'out.budget_share',
          type: 'number',
          weight: 2,
          evidence: 'required',
          unit: '%',
          min: 0,
          max: 100,
          text: t(
            'Berapa persen APBD tahun berjalan dialokasikan untuk program smart city?',
            'What share of this year’s regional budget goes to smart-city programmes?',
          ),
          guidance: t('Hitung dari DPA seluruh OPD pelaksana program.', 'Count from the budget documents of every agency running a programme.'),
        },
        {
          key: 'out.funding_scheme',
          type: 'single_choice',
          weight: 1,
          evidence: 'optional',
          text: t('Skema pendanaan utama program smart city', 'Main funding scheme of the smart-city programmes'),
          options: [
            { value: 'apbd', label: t('APBD saja', 'Regional budget only') },
            { value: 'apbd_apbn', label: t('APBD dan APBN', 'Regional and national budget') },
            { value: 'csr', label: t('Dana CSR perusahaan', 'Company CSR funds') },
            { value: 'partnership', label: t('Kerja sama dengan mitra swasta', 'Partnership with a private company') },
          ],
        },
        {
          key: 'out.csr_partners',
          type: 'text',
          weight: 0,
          evidence: 'optional',
          text: t('Sebutkan perusahaan pemberi dana CSR dan programnya.', 'Name the companies giving CSR funds and the programmes they fund.'),
          condition: { question: 'out.funding_scheme', equals: 'csr' },
        },
        {
          key: 'out.ict_staff',
          type: 'number',
          weight: 1,
          evidence: 'optional',
          unit: 'orang',
          min: 0,
          max: 5000,
          text: t('Jumlah ASN dengan sertifikasi atau pelatihan TIK', 'Number of civil servants with ICT certification or training'),
        },
      ],
    },
    {
      title: t('Outcome: Smart Governance, pelayanan publik', 'Outcome: Smart Governance, public services'),
      evaluationDimension: 'outcome',
      dimension: 'smart-governance',
      subDimension: 'public-services',
      questions: [
        {
          key: 'gov.ps.maturity',
          type: 'maturity',
          weight: 3,
          evidence: 'required_from_level',
          evidenceFromLevel: 2,
          text: t(
            'Tingkat kematangan layanan publik digital (command center, kanal pengaduan)',
            'Maturity of digital public services (command centre, complaint channels)',
          ),
          levels: maturityLevels(t('layanan publik digital', 'digital public service')),
        },
        {
          key: 'gov.ps.channels',
          type: 'multi_choice',
          weight: 1,
          evidence: 'optional',
          text: t('Kanal pengaduan warga yang tersedia', 'Complaint channels open to citizens'),
          options: [
            { value: 'phone', label: t('Telepon', 'Phone') },
            { value: 'live_chat', label: t('Live chat di situs web', 'Live chat on the website') },
            { value: 'social_media', label: t('Media sosial', 'Social media') },
            { value: 'in_person', label: t('Tatap muka', 'In person') },
          ],
        },
      ],
    },
    {
      title: t('Outcome: Smart Governance, tata kelola birokrasi', 'Outcome: Smart Governance, bureaucratic governance'),
      evaluationDimension: 'outcome',
      dimension: 'smart-governance',
      subDimension: 'bureaucratic-governance',
      questions: [
        {
          key: 'gov.bg.performance_app',
          type: 'yes_no',
          weight: 1,
          evidence: 'required',
          text: t(
            'Apakah kinerja ASN diukur melalui aplikasi dan dipakai untuk menetapkan TPP?',
            'Is civil-servant performance measured in an app and used to set the performance allowance (TPP)?',
          ),
        },
      ],
    },
    {
      title: t('Outcome: Smart Environment, pengelolaan sampah', 'Outcome: Smart Environment, waste'),
      evaluationDimension: 'outcome',
      dimension: 'smart-environment',
      subDimension: 'waste',
      questions: [
        {
          key: 'env.waste.maturity',
          type: 'maturity',
          weight: 3,
          evidence: 'required_from_level',
          evidenceFromLevel: 3,
          text: t('Tingkat kematangan pengelolaan sampah kota', 'Maturity of the city’s waste management'),
          levels: maturityLevels(t('pengelolaan sampah', 'waste management')),
        },
        {
          key: 'env.waste.plastic_tonnes',
          type: 'number',
          weight: 1,
          evidence: 'required',
          unit: 'ton/bulan',
          min: 0,
          max: 10000,
          text: t('Rata-rata sampah plastik yang didaur ulang per bulan', 'Average plastic waste recycled a month'),
        },
      ],
    },
    {
      title: t('Outcome: Smart Living, hunian layak', 'Outcome: Smart Living, decent housing'),
      evaluationDimension: 'outcome',
      dimension: 'smart-living',
      subDimension: 'harmony',
      questions: [
        {
          key: 'liv.housing.households',
          type: 'number',
          weight: 2,
          evidence: 'required',
          unit: 'KK',
          min: 0,
          max: 100000,
          text: t(
            'Jumlah rumah tangga MBR yang menerima rumah baru atau renovasi sampai tahun ini',
            'Low-income households given a new or renovated home up to this year',
          ),
        },
      ],
    },
    {
      title: t('Outcome: Smart Branding, pariwisata', 'Outcome: Smart Branding, tourism'),
      evaluationDimension: 'outcome',
      dimension: 'smart-branding',
      subDimension: 'tourism',
      questions: [
        {
          key: 'brand.tourism.events',
          type: 'number',
          weight: 1,
          evidence: 'optional',
          unit: 'acara/tahun',
          min: 0,
          max: 1000,
          text: t('Jumlah acara budaya dan musik rutin per tahun', 'Regular cultural and music events a year'),
        },
        {
          key: 'brand.tourism.maturity',
          type: 'maturity',
          weight: 2,
          evidence: 'optional',
          text: t('Tingkat kematangan promosi pariwisata daerah', 'Maturity of regional tourism promotion'),
          levels: maturityLevels(t('promosi pariwisata', 'tourism promotion')),
        },
      ],
    },
    {
      title: t('Impact: manfaat bagi warga', 'Impact: benefit to citizens'),
      evaluationDimension: 'impact',
      questions: [
        {
          key: 'imp.survey_held',
          type: 'yes_no',
          weight: 1,
          evidence: 'required',
          text: t('Apakah survei kepuasan warga dilakukan tahun ini?', 'Was a citizen satisfaction survey held this year?'),
        },
        {
          key: 'imp.satisfaction',
          type: 'number',
          weight: 2,
          evidence: 'required',
          unit: 'indeks 0-100',
          min: 0,
          max: 100,
          text: t('Indeks kepuasan warga terhadap layanan smart city', 'Citizen satisfaction index for smart-city services'),
        },
        {
          key: 'imp.story',
          type: 'text',
          weight: 1,
          evidence: 'optional',
          text: t(
            'Ceritakan satu manfaat nyata program smart city bagi warga.',
            'Describe one real benefit of a smart-city programme to citizens.',
          ),
          guidance: t('Sertakan angka bila ada: berapa warga, berapa waktu atau biaya yang dihemat.', 'Give figures where you can: how many people, how much time or money saved.'),
        },
      ],
    },
    {
      title: t('Quick Win: inovasi program percepatan', 'Quick Win: fast-track innovation'),
      evaluationDimension: 'quick_win',
      questions: [
        {
          key: 'qw.innovation',
          type: 'text',
          weight: 2,
          evidence: 'required',
          text: t('Uraikan inovasi quick win tahun ini.', 'Describe this year’s quick-win innovation.'),
          guidance: t('Asesor menimbang inovasi, kolaborasi dan anggaran.', 'Assessors weigh innovation, collaboration and budget.'),
        },
        {
          key: 'qw.collaboration',
          type: 'single_choice',
          weight: 1,
          evidence: 'optional',
          text: t('Bentuk kolaborasi utama inovasi ini', 'Main form of collaboration in this innovation'),
          options: [
            { value: 'government', label: t('Antar-instansi pemerintah', 'Between government bodies') },
            { value: 'private', label: t('Dengan swasta', 'With private companies') },
            { value: 'university', label: t('Dengan perguruan tinggi', 'With universities') },
            { value: 'community', label: t('Dengan komunitas warga', 'With citizen communities') },
          ],
        },
        {
          key: 'qw.launched_on',
          type: 'date',
          weight: 0,
          evidence: 'none',
          text: t('Tanggal peluncuran inovasi', 'Launch date of the innovation'),
        },
      ],
    },
  ],
}
