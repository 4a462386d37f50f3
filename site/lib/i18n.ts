import type { Locale } from './locale.ts'

/** The site's fixed wording in both languages, so a page never mixes them by accident. */
export const UI = {
  id: {
    siteName: 'Pantau',
    movement: 'Gerakan Menuju 100 Smart City',
    skipToContent: 'Langsung ke isi utama',
    home: 'Beranda',
    otherLanguage: { label: 'English', href: '/en/', lang: 'en' },
    footer: 'Pantau: pemantauan dan evaluasi Gerakan Menuju 100 Smart City. Data dari laporan kota yang telah dipublikasikan.',
    indexIntro:
      'Kota dan kabupaten peserta Gerakan Menuju 100 Smart City, menurut tahun angkatan. Pilih satu untuk melihat program dan capaiannya.',
    cohort: (year: string) => `Angkatan ${year}`,
    cityCount: (count: number) => `${count} kota/kabupaten`,
    province: 'Provinsi',
    kind: { kota: 'Kota', kabupaten: 'Kabupaten' },
    kindLabel: 'Jenis',
    cohortLabel: 'Angkatan',
    programmes: 'Program publik',
    noProgrammes: 'Belum ada program yang dipublikasikan untuk daerah ini.',
    agency: 'OPD penanggung jawab',
    dimension: 'Dimensi',
    indicators: (programme: string) => `Indikator program ${programme}`,
    noIndicators: 'Belum ada indikator untuk program ini.',
    indicator: 'Indikator',
    unit: 'Satuan',
    target: 'Target',
    targetYear: 'Tahun target',
    latest: 'Capaian terakhir',
    notMeasured: 'Belum ada data',
    cityDescription: (city: string, province: string, count: number) =>
      count === 0
        ? `${city} (${province}) dalam Gerakan Menuju 100 Smart City.`
        : `${city} (${province}) dalam Gerakan Menuju 100 Smart City: ${count} program publik beserta target dan capaian indikatornya.`,
    indexDescription: 'Daftar kota dan kabupaten peserta Gerakan Menuju 100 Smart City beserta program dan capaiannya.',
  },
  en: {
    siteName: 'Pantau',
    movement: '100 Smart City Movement',
    skipToContent: 'Skip to main content',
    home: 'Home',
    otherLanguage: { label: 'Bahasa Indonesia', href: '/', lang: 'id' },
    footer: "Pantau: monitoring and evaluation of Indonesia's 100 Smart City Movement. Data from published city reports.",
    indexIntro:
      "The cities and regencies taking part in Indonesia's 100 Smart City Movement, by the year they joined. City pages are in Indonesian for now.",
    cohort: (year: string) => `Cohort ${year}`,
    cityCount: (count: number) => `${count} ${count === 1 ? 'city/regency' : 'cities/regencies'}`,
    province: 'Province',
    kind: { kota: 'City', kabupaten: 'Regency' },
    kindLabel: 'Kind',
    cohortLabel: 'Cohort',
    programmes: 'Public programmes',
    noProgrammes: 'No programme has been published for this city yet.',
    agency: 'Responsible agency',
    dimension: 'Dimension',
    indicators: (programme: string) => `Indicators of ${programme}`,
    noIndicators: 'This programme has no indicators yet.',
    indicator: 'Indicator',
    unit: 'Unit',
    target: 'Target',
    targetYear: 'Target year',
    latest: 'Latest value',
    notMeasured: 'No data yet',
    cityDescription: (city: string, province: string, count: number) =>
      count === 0
        ? `${city} (${province}) in the 100 Smart City Movement.`
        : `${city} (${province}) in the 100 Smart City Movement: ${count} public ${count === 1 ? 'programme' : 'programmes'} with indicator targets and results.`,
    indexDescription: "The cities and regencies of Indonesia's 100 Smart City Movement, with their programmes and results.",
  },
} satisfies Record<Locale, unknown>

export type UIStrings = (typeof UI)[Locale]
