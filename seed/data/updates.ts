import { type Bilingual, t } from '../lib/bilingual.ts'
import type { Scene } from '../lib/photo.ts'
import { richText, type RichText } from '../lib/richText.ts'
import { AMBON } from './cities.ts'
import { PROGRAM_SLUGS } from './programs.ts'

export type UpdateSeed = {
  cityCode: string
  /** Absent for news about the city as a whole. */
  programSlug?: string
  date: string
  title: Bilingual
  body: Bilingual<RichText>
  published: boolean
  /** A drawn scene standing in for the photo a city would publish with the news. */
  photo?: { scene: Scene; filename: string; alt: Bilingual; credit: string }
}

export const UPDATES: UpdateSeed[] = [
  {
    cityCode: AMBON,
    programSlug: PROGRAM_SLUGS.plasticRecycling,
    date: '2023-05-26T00:00:00.000Z',
    title: t('Pabrik daur ulang sampah plastik diresmikan', 'Plastic-waste recycling plant opens'),
    body: richText(
      t(
        'Pemerintah Kota Ambon meresmikan pabrik daur ulang sampah plastik yang dibangun bersama mitra swasta. Pabrik menargetkan 250 ton plastik per bulan.',
        'The city government opened a plastic-waste recycling plant built with a private partner. The plant targets 250 tonnes of plastic a month.',
      ),
      t(
        'Pabrik juga membuka lapangan kerja baru bagi warga sekitar.',
        'The plant also brings new jobs for people living nearby.',
      ),
    ),
    published: true,
    photo: {
      scene: 'recycling_plant',
      filename: 'demo-pabrik-daur-ulang-plastik-ambon.jpg',
      alt: t(
        'Gedung pabrik daur ulang dengan ban berjalan dan tumpukan bal plastik berwarna di halamannya',
        'The recycling plant building with a conveyor belt and stacks of coloured plastic bales in its yard',
      ),
      credit: 'Ilustrasi demo / Demo illustration',
    },
  },
  {
    cityCode: AMBON,
    programSlug: PROGRAM_SLUGS.marketCctv,
    date: '2023-04-12T00:00:00.000Z',
    title: t('Lima kamera CCTV baru di Pasar Mardika', 'Five new CCTV cameras at the central market'),
    body: richText(
      t(
        'Lima kamera tambahan kini memantau kebersihan dan ketertiban pasar dari command center.',
        'Five more cameras now watch over the market’s cleanliness and order from the command centre.',
      ),
    ),
    published: true,
    photo: {
      scene: 'command_centre',
      filename: 'demo-command-center-ambon.jpg',
      alt: t(
        'Petugas command center di depan dinding layar yang menampilkan grafik dan kamera',
        'Command centre staff in front of a wall of screens showing charts and cameras',
      ),
      credit: 'Ilustrasi demo / Demo illustration',
    },
  },
  {
    cityCode: AMBON,
    date: '2023-06-13T00:00:00.000Z',
    title: t('Ambon memaparkan capaian dalam Evaluasi Smart City 2023 Tahap I', 'Ambon presents its results in the 2023 Smart City Evaluation, Stage I'),
    body: richText(
      t(
        'Dalam evaluasi daring, sekretaris kota memaparkan program perumahan, pengelolaan sampah, command center dan Kota Musik. Kendala yang disampaikan: anggaran terbatas, SDM terampil yang kurang, dan kepedulian masyarakat yang masih rendah.',
        'At the online evaluation the city secretary presented housing, waste, the command centre and the City of Music. The constraints reported: a limited budget, too few skilled staff and low public care for facilities.',
      ),
    ),
    published: true,
  },
  {
    cityCode: AMBON,
    programSlug: PROGRAM_SLUGS.housing,
    date: '2023-08-21T00:00:00.000Z',
    title: t('Bantuan rumah layak huni tahap Agustus 2023', 'Decent-home assistance, August 2023 round'),
    body: richText(
      t(
        'Draf: daftar penerima bantuan tahap Agustus masih diverifikasi dinas perumahan.',
        'Draft: the list of recipients for the August round is still being checked by the housing agency.',
      ),
    ),
    published: false,
  },
]
