/**
 * The units of indicators and instrument questions in both languages. Councils and the secretariat
 * write units in Indonesian, as free text; the admin and the public site show them in English from
 * this one list. A unit not listed is shown as written, in both languages.
 */

/** Units as councils write them (in Indonesian), in English: the ones in use. */
const UNITS_EN: Record<string, string> = {
  KK: 'households',
  'rumah tangga': 'households',
  OPD: 'agencies',
  'acara/tahun': 'events/year',
  acara: 'events',
  'indeks 0-100': 'index 0-100',
  izin: 'permits',
  kamera: 'cameras',
  konser: 'concerts',
  kontak: 'contacts',
  kunjungan: 'visits',
  layanan: 'services',
  orang: 'people',
  pasar: 'markets',
  peserta: 'participants',
  sesi: 'sessions',
  titik: 'sites',
  ton: 'tonnes',
  'ton/bulan': 'tonnes/month',
  unit: 'units',
  kegiatan: 'activities',
  aplikasi: 'apps',
  desa: 'villages',
  kelurahan: 'urban villages',
  sekolah: 'schools',
  hektare: 'hectares',
  ha: 'ha',
  km: 'km',
  rupiah: 'rupiah',
  '%': '%',
}

/** A unit as written in the CMS, in the language `lang` ('id' shows it as written). */
export function unitIn(unit: string, lang: 'id' | 'en'): string {
  return lang === 'en' ? (UNITS_EN[unit] ?? UNITS_EN[unit.toLowerCase()] ?? unit) : unit
}
