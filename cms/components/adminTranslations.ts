/**
 * Words the admin shows through Payload's i18n (`t('namespace:key')`): the tabs of Pantau's own
 * views, Payload's own words where it names itself or where Pantau's start page replaces its
 * dashboard, and the rich-text editor's words, which its package ships in many languages but not
 * in Indonesian (without them the editor shows its raw keys, e.g. `lexical:general:placeholder`).
 */
export const ADMIN_TRANSLATIONS = {
  id: {
    pantau: { fillInReport: 'Isi laporan', review: 'Tinjau', reportDetails: 'Rincian laporan' },
    // `true`/`false`: how a checkbox reads in a list's column ("Tampil di situs publik") and a filter.
    general: { dashboard: 'Beranda', payloadSettings: 'Pengaturan Pantau', locale: 'Bahasa isi', true: 'Ya', false: 'Tidak' },
    lexical: {
      general: {
        placeholder: "Mulai mengetik, atau ketik '/' untuk perintah...",
        slashMenuBasicGroupLabel: 'Dasar',
        slashMenuListGroupLabel: 'Daftar',
        toolbarItemsActive: '{{count}} aktif',
      },
      align: { alignCenterLabel: 'Rata tengah', alignJustifyLabel: 'Rata kiri-kanan', alignLeftLabel: 'Rata kiri', alignRightLabel: 'Rata kanan' },
      blockquote: { label: 'Kutipan' },
      blocks: {
        inlineBlocks: { create: 'Buat {{label}}', edit: 'Sunting {{label}}', label: 'Blok sebaris', remove: 'Hapus {{label}}' },
        label: 'Blok',
      },
      heading: { label: 'Judul {{headingLevel}}' },
      horizontalRule: { label: 'Garis horizontal' },
      indent: { decreaseLabel: 'Kurangi indentasi', increaseLabel: 'Tambah indentasi' },
      link: { label: 'Tautan', loadingWithEllipsis: 'Memuat...' },
      checklist: { label: 'Daftar centang' },
      orderedList: { label: 'Daftar bernomor' },
      unorderedList: { label: 'Daftar berbutir' },
      paragraph: { label: 'Paragraf', label2: 'Teks biasa' },
      relationship: { label: 'Relasi' },
      upload: { label: 'Unggahan' },
      textState: { defaultStyle: 'Gaya bawaan' },
    },
  },
  en: {
    pantau: { fillInReport: 'Fill in the report', review: 'Review', reportDetails: 'Report details' },
    general: { dashboard: 'Home', payloadSettings: 'Pantau settings', locale: 'Content language', true: 'Yes', false: 'No' },
  },
}
