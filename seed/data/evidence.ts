import type { EvidenceDocument } from '../lib/evidenceFile.ts'

/**
 * The files Kota Ambon's council attached to its 2023 report, each with the questions it supports:
 * every question that asks for evidence given its answers has one, a few where evidence is optional
 * too, and the survey report serves both survey questions (one file of the city's evidence library,
 * two uses). Documents are short fictional excerpts, marked as demo data, never copies of real
 * decrees; photos are drawn scenes.
 */
export type EvidenceSeed = { questions: string[]; description: string } & EvidenceDocument

export const AMBON_EVIDENCE: EvidenceSeed[] = [
  {
    questions: ['base.followup'],
    kind: 'pdf',
    filename: 'ambon-2023-notulen-rapat-konsolidasi.pdf',
    description: 'Notulen rapat konsolidasi Dewan Smart City dan Tim Pelaksana, 5 Juni 2023',
    documentDate: '2023-06-05',
    issuer: 'Dewan Smart City Kota Ambon',
    title: 'Notulen Rapat Konsolidasi Dewan Smart City dan Tim Pelaksana',
    number: '005/DSC-AMB/VI/2023 (demo)',
    paragraphs: [
      'Hari/tanggal: Senin, 5 Juni 2023. Tempat: Ruang Rapat Sekretariat Daerah Kota Ambon. Pimpinan rapat: Ketua Dewan Smart City. Peserta: anggota Dewan Smart City, Tim Pelaksana dan perwakilan 12 OPD.',
      'Agenda: 1. Tindak lanjut rekomendasi evaluasi smart city 2022. 2. Persiapan pemaparan Evaluasi Smart City 2023 Tahap I pada 13 Juni 2023. 3. Pembagian tugas pengumpulan bukti dukung.',
      'Pembahasan: rekomendasi untuk memperluas kanal pengaduan telah dijalankan melalui omnichannel dan live chat di situs web kota. Rekomendasi pengukuran kinerja ASN dijalankan melalui aplikasi kinerja yang berlaku 1 Juli 2023. Rekomendasi pengelolaan sampah dijalankan dengan pabrik daur ulang sampah plastik yang diresmikan 26 Mei 2023. Pemantauan terpadu antar-OPD belum berjalan.',
      'Kesimpulan: setiap OPD menyerahkan bukti dukung kepada Tim Pelaksana paling lambat 21 Juli 2023; laporan diajukan sebelum 31 Juli 2023.',
    ],
  },
  {
    questions: ['base.masterplan_enacted'],
    kind: 'pdf',
    filename: 'ambon-perwali-masterplan-smart-city.pdf',
    description: 'Peraturan Wali Kota tentang Masterplan Smart City Kota Ambon (kutipan)',
    documentDate: '2019-12-16',
    issuer: 'Wali Kota Ambon',
    title: 'Peraturan Wali Kota Ambon tentang Masterplan Smart City Kota Ambon 2020-2029',
    number: '41 Tahun 2019 (demo)',
    paragraphs: [
      'Pasal 1. Masterplan Smart City Kota Ambon adalah dokumen perencanaan pembangunan kota cerdas untuk jangka waktu sepuluh tahun, terdiri atas Buku I Analisis Strategis, Buku II Masterplan dan Buku III Rencana Aksi Quick Win.',
      'Pasal 2. Masterplan memuat enam dimensi: Smart Governance, Smart Branding, Smart Economy, Smart Society, Smart Living dan Smart Environment.',
      'Pasal 3. Perangkat daerah melaksanakan program dan kegiatan masterplan sesuai tugas dan fungsinya, dan melaporkannya kepada Dewan Smart City setiap tahun.',
      'Ditetapkan di Ambon pada tanggal 16 Desember 2019 dan diundangkan dalam Berita Daerah Kota Ambon.',
    ],
  },
  {
    questions: ['out.council_decree'],
    kind: 'pdf',
    filename: 'ambon-2023-sk-dewan-smart-city.pdf',
    description: 'Keputusan Wali Kota tentang Dewan Smart City dan Tim Pelaksana 2023',
    documentDate: '2023-01-16',
    issuer: 'Wali Kota Ambon',
    title: 'Keputusan Wali Kota Ambon tentang Pembentukan Dewan Smart City dan Tim Pelaksana Smart City Kota Ambon',
    number: '100.3.3.2/27 Tahun 2023 (demo)',
    paragraphs: [
      'KESATU. Membentuk Dewan Smart City Kota Ambon yang diketuai Sekretaris Daerah, beranggotakan unsur pemerintah, perguruan tinggi, dunia usaha dan komunitas.',
      'KEDUA. Membentuk Tim Pelaksana Smart City yang dikoordinasikan Dinas Komunikasi, Informatika dan Persandian, beranggotakan perwakilan perangkat daerah pelaksana program.',
      'KETIGA. Dewan Smart City bertugas mengarahkan, memantau dan mengevaluasi pelaksanaan masterplan, dan menyampaikan laporan evaluasi tahunan.',
      'KEEMPAT. Keputusan ini berlaku sejak tanggal ditetapkan, 16 Januari 2023.',
    ],
  },
  {
    questions: ['out.budget_share'],
    kind: 'pdf',
    filename: 'ambon-2023-rekap-anggaran-smart-city.pdf',
    description: 'Rekapitulasi anggaran program smart city per OPD, TA 2023',
    documentDate: '2023-07-14',
    issuer: 'Badan Pengelolaan Keuangan dan Aset Daerah',
    title: 'Rekapitulasi Anggaran Program Smart City Tahun Anggaran 2023',
    number: '900/BPKAD/412/2023 (demo)',
    paragraphs: [
      'Diskominfo dan Persandian (command center, CCTV pasar, portal data): Rp 12.400.000.000',
      'Dinas Perumahan dan Kawasan Permukiman (rumah layak huni MBR): Rp 8.900.000.000',
      'Dinas Lingkungan Hidup dan Persampahan (daur ulang sampah plastik): Rp 6.800.000.000',
      'Badan Kepegawaian dan Pengembangan SDM (aplikasi kinerja ASN): Rp 1.600.000.000',
      'Dinas Pariwisata (Harmoni Sudut Kota): Rp 1.200.000.000',
      'Bagian Pemerintahan Setda (Walikota Jumpa Rakyat): Rp 800.000.000',
      'Jumlah: Rp 31.700.000.000, atau 2,4 persen dari total belanja APBD 2023 sebesar Rp 1.320.000.000.000.',
    ],
  },
  {
    questions: ['gov.ps.maturity'],
    kind: 'jpeg',
    filename: 'ambon-2023-ruang-command-center.jpg',
    description: 'Foto ruang command center: dinding layar dan meja operator omnichannel',
    documentDate: '2023-07-10',
    scene: 'command_centre',
  },
  {
    questions: ['gov.ps.channels'],
    kind: 'png',
    filename: 'ambon-2023-live-chat-situs-kota.png',
    description: 'Tangkapan layar live chat di situs web Pemerintah Kota Ambon',
    documentDate: '2023-07-03',
    scene: 'live_chat',
  },
  {
    questions: ['gov.bg.performance_app'],
    kind: 'pdf',
    filename: 'ambon-2023-perwali-tpp-berbasis-kinerja.pdf',
    description: 'Peraturan Wali Kota tentang TPP berdasarkan kinerja yang diukur lewat aplikasi (kutipan)',
    documentDate: '2023-06-26',
    issuer: 'Wali Kota Ambon',
    title: 'Peraturan Wali Kota Ambon tentang Tambahan Penghasilan Pegawai Berdasarkan Kinerja',
    number: '18 Tahun 2023 (demo)',
    paragraphs: [
      'Pasal 4. Kinerja pegawai ASN diukur setiap bulan melalui aplikasi kinerja ASN Pemerintah Kota Ambon: pegawai mencatat target dan capaian kerja, atasan langsung memberi nilai.',
      'Pasal 5. Besaran tambahan penghasilan pegawai (TPP) dihitung dari nilai kinerja bulanan dan tingkat kehadiran.',
      'Pasal 12. Peraturan ini mulai berlaku pada tanggal 1 Juli 2023.',
    ],
  },
  {
    questions: ['env.waste.maturity'],
    kind: 'jpeg',
    filename: 'ambon-2023-pabrik-daur-ulang-plastik.jpg',
    description: 'Foto pabrik daur ulang sampah plastik pada hari peresmian, 26 Mei 2023',
    documentDate: '2023-05-26',
    scene: 'recycling_plant',
  },
  {
    questions: ['env.waste.plastic_tonnes'],
    kind: 'pdf',
    filename: 'ambon-2023-06-laporan-produksi-daur-ulang.pdf',
    description: 'Laporan produksi pabrik daur ulang sampah plastik, Juni 2023',
    documentDate: '2023-07-05',
    issuer: 'Dinas Lingkungan Hidup dan Persampahan',
    title: 'Laporan Produksi Pabrik Daur Ulang Sampah Plastik Bulan Juni 2023',
    number: '660/DLHP/233/2023 (demo)',
    paragraphs: [
      'Pabrik daur ulang sampah plastik diresmikan pada 26 Mei 2023 dan dibangun berdasarkan perjanjian kerja sama dengan mitra swasta. Target kapasitas: 250 ton sampah plastik per bulan.',
      'Sampah plastik yang diolah: minggu I 8,9 ton; minggu II 10,6 ton; minggu III 12,1 ton; minggu IV 14,1 ton. Jumlah Juni 2023: 45,7 ton.',
      'Tenaga kerja: 42 orang warga sekitar. Kendala: pasokan plastik terpilah dari TPS belum stabil; jadwal angkut diperluas ke seluruh kecamatan mulai Agustus 2023.',
    ],
  },
  {
    questions: ['liv.housing.households'],
    kind: 'pdf',
    filename: 'ambon-2023-rekap-penerima-rumah-layak-huni.pdf',
    description: 'Rekapitulasi KK MBR penerima rumah baru atau renovasi, 2017 sampai Juli 2023',
    documentDate: '2023-07-20',
    issuer: 'Dinas Perumahan dan Kawasan Permukiman',
    title: 'Rekapitulasi Penerima Bantuan Rumah Layak Huni Tahun 2017 sampai Juli 2023',
    number: '648/PERKIM/187/2023 (demo)',
    paragraphs: [
      'Rumah tangga MBR teridentifikasi 2017-2022: 2.915 KK.',
      'Penerima rumah baru atau renovasi: 2017 120 KK; 2018 185 KK; 2019 210 KK; 2020 95 KK; 2021 140 KK; 2022 230 KK; Januari-Juli 2023 125 KK.',
      'Jumlah sampai Juli 2023: 1.105 KK. Penyaluran tahap berikutnya dijadwalkan Agustus 2023.',
    ],
  },
  {
    questions: ['brand.tourism.events'],
    kind: 'jpeg',
    filename: 'ambon-2023-06-harmoni-sudut-kota.jpg',
    description: 'Foto konser Harmoni Sudut Kota, Juni 2023',
    documentDate: '2023-06-24',
    scene: 'street_concert',
  },
  {
    questions: ['imp.survey_held', 'imp.satisfaction'],
    kind: 'pdf',
    filename: 'ambon-2023-laporan-survei-kepuasan.pdf',
    description: 'Laporan pelaksanaan survei kepuasan masyarakat terhadap layanan smart city 2023',
    documentDate: '2023-06-02',
    issuer: 'Bagian Organisasi Sekretariat Daerah',
    title: 'Laporan Pelaksanaan Survei Kepuasan Masyarakat terhadap Layanan Smart City 2023',
    number: '060/ORG/098/2023 (demo)',
    paragraphs: [
      'Waktu pelaksanaan: 2-20 Mei 2023. Metode: wawancara tatap muka dan kuesioner daring, di lima kecamatan.',
      'Responden: 1.200 warga berusia 17 tahun ke atas, dipilih secara acak bertingkat per kecamatan.',
      'Layanan yang dinilai: kanal pengaduan omnichannel, Walikota Jumpa Rakyat, kebersihan dan ketertiban pasar, konser Kota Musik, layanan perumahan.',
    ],
  },
  {
    questions: ['imp.satisfaction'],
    kind: 'pdf',
    filename: 'ambon-2023-indeks-kepuasan-masyarakat.pdf',
    description: 'Ringkasan hasil indeks kepuasan masyarakat 2023 per layanan',
    documentDate: '2023-06-09',
    issuer: 'Bagian Organisasi Sekretariat Daerah',
    title: 'Ringkasan Indeks Kepuasan Masyarakat terhadap Layanan Smart City 2023',
    number: '060/ORG/104/2023 (demo)',
    paragraphs: [
      'Kanal pengaduan omnichannel: 74,8. Walikota Jumpa Rakyat: 80,1. Kebersihan dan ketertiban pasar: 73,5. Konser Kota Musik: 81,6. Layanan perumahan: 71,9.',
      'Indeks kepuasan masyarakat (rata-rata, skala 0-100): 76,4, kategori baik.',
    ],
  },
  {
    questions: ['qw.innovation'],
    kind: 'pdf',
    filename: 'ambon-2023-profil-inovasi-omnichannel.pdf',
    description: 'Profil inovasi quick win: command center omnichannel dan live chat',
    documentDate: '2023-07-21',
    issuer: 'Dinas Komunikasi, Informatika dan Persandian',
    title: 'Profil Inovasi Quick Win 2023: Command Center Omnichannel dan Live Chat',
    number: '555/KOMINFO/301/2023 (demo)',
    paragraphs: [
      'Latar belakang: pengaduan warga masuk lewat banyak kanal terpisah dan sering tidak terjawab.',
      'Inovasi: pesan dari telepon, media sosial dan live chat di situs web kota masuk ke satu antrean di command center, lalu diteruskan ke OPD yang berwenang dengan batas waktu tanggapan tiga hari kerja. Diluncurkan 3 Juli 2023.',
      'Kolaborasi: Diskominfo, Bagian Pemerintahan Setda dan seluruh OPD layanan. Anggaran: DPA Diskominfo 2023, memakai perangkat command center yang sudah ada.',
    ],
  },
]

/**
 * A file of the library reused in another period: Ambon's masterplan regulation of 2019 also
 * supported its 2022 report, accepted then, without being uploaded twice.
 */
export const AMBON_REUSED_2022 = { filename: 'ambon-perwali-masterplan-smart-city.pdf', question: 'base.masterplan_enacted' } as const
