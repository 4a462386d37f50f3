import type { City } from '../../cms/payload-types.ts'
import { type Bilingual, t } from '../lib/bilingual.ts'
import { richText, type RichText } from '../lib/richText.ts'

export type CitySeed = Pick<City, 'name' | 'kind' | 'province' | 'regionCode' | 'cohort'> & {
  profile: Bilingual<RichText>
}

export const AMBON = '81.71'
export const SEMARANG = '33.74'

/** A first-cohort member about which the seed claims nothing beyond its cohort. */
const firstCohort = (name: string, kind: City['kind'], province: string, regionCode: string): CitySeed => ({
  name,
  kind,
  province,
  regionCode,
  cohort: '2017',
  profile: richText(
    t(
      `${name} (Provinsi ${province}) termasuk 25 daerah angkatan pertama Gerakan Menuju 100 Smart City yang dipilih pada 2017.`,
      `${name} (${province} province) is one of the 25 regions of the first cohort of the 100 Smart City Movement, chosen in 2017.`,
    ),
    t(
      'Seperti setiap peserta, daerah ini menyusun masterplan smart city lima sampai sepuluh tahun dalam enam dimensi.',
      'Like every member, it wrote a five- to ten-year smart-city masterplan across the six dimensions.',
    ),
  ),
})

/** Kota Ambon and the named members of the 2017 cohort, with their Kemendagri region codes. */
export const CITIES: CitySeed[] = [
  {
    name: 'Kota Ambon',
    kind: 'kota',
    province: 'Maluku',
    regionCode: AMBON,
    cohort: '2019',
    profile: richText(
      t(
        'Kota Ambon, ibu kota Provinsi Maluku, bergabung dengan Gerakan Menuju 100 Smart City pada angkatan 2019. Masterplan smart city-nya disusun dalam empat tahap lokakarya dari Juli sampai Oktober 2019.',
        'Kota Ambon, the capital of Maluku province, joined the 100 Smart City Movement in the 2019 cohort. Its smart-city masterplan was written in four workshop stages from July to October 2019.',
      ),
      t(
        'Ambon adalah Kota Musik UNESCO. Dalam evaluasi nasional SPBE (e-government), Ambon masuk 25 besar dari 514 daerah.',
        'Ambon is a UNESCO City of Music. The national e-government (SPBE) evaluation placed it in the top 25 of 514 regions.',
      ),
    ),
  },
  firstCohort('Kota Samarinda', 'kota', 'Kalimantan Timur', '64.72'),
  firstCohort('Kota Semarang', 'kota', 'Jawa Tengah', SEMARANG),
  firstCohort('Kabupaten Banyuwangi', 'kabupaten', 'Jawa Timur', '35.10'),
  firstCohort('Kota Makassar', 'kota', 'Sulawesi Selatan', '73.71'),
  firstCohort('Kabupaten Gresik', 'kabupaten', 'Jawa Timur', '35.25'),
  firstCohort('Kabupaten Purwakarta', 'kabupaten', 'Jawa Barat', '32.14'),
  firstCohort('Kota Jambi', 'kota', 'Jambi', '15.71'),
  firstCohort('Kabupaten Bojonegoro', 'kabupaten', 'Jawa Timur', '35.22'),
  firstCohort('Kabupaten Kutai Kartanegara', 'kabupaten', 'Kalimantan Timur', '64.02'),
]

/** A seeded city's name by its region code, for titles the seed writes (a report's, a period's). */
export function cityName(regionCode: string): string {
  const city = CITIES.find((candidate) => candidate.regionCode === regionCode)
  if (!city) throw new Error(`Seed data names an unknown city (region code) "${regionCode}"`)
  return city.name
}
