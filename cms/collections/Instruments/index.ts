import type { CollectionConfig, Field, PayloadRequest } from 'payload'

import { secretariatOnly, signedInStaff } from '../../access/rules.ts'
import { COLLECTIONS, EVIDENCE_REQUIREMENTS, QUESTION_TYPES } from '../../constants.ts'
import { duplicateInstrument } from './endpoints/duplicateInstrument.ts'
import { exportInstrument } from './endpoints/exportInstrument.ts'
import { importInstrument } from './endpoints/importInstrument.ts'
import { freezeInstrumentInUse, unlessFrozen } from './hooks/freezeInstrumentInUse.ts'
import { refuseDeletingInstrumentInUse } from './hooks/refuseDeletingInstrumentInUse.ts'
import { evaluationWeightProblem, type InstrumentShape, sectionProblem } from '../../domain/instrument.ts'
import { type Problem, problem } from '../../domain/problems.ts'
import { messageFor } from '../../server/problemsError.ts'

/** A field check's answer: true, or the problem in the editor's admin language. */
const inWords = (found: Problem | null, req: PayloadRequest): string | true => (found ? messageFor(req, found) : true)

/** A frozen instrument's fields are read-only in the form (the save is refused with the period named anyway). */
const whileNotFrozen = { update: unlessFrozen }

const CODE_PATTERN = /^[A-Za-z0-9._-]+$/
const validCode = (value: unknown, { req }: { req: PayloadRequest }) =>
  typeof value === 'string' && CODE_PATTERN.test(value) ? true : messageFor(req, problem('field.code'))

const QUESTION_TYPE_LABELS: Record<(typeof QUESTION_TYPES)[number], { id: string; en: string }> = {
  maturity: { id: 'Tingkat kematangan 1-5', en: 'Maturity level 1-5' },
  yes_no: { id: 'Ya/Tidak', en: 'Yes/No' },
  number: { id: 'Angka', en: 'Number' },
  single_choice: { id: 'Pilihan tunggal', en: 'Single choice' },
  multi_choice: { id: 'Pilihan ganda', en: 'Multiple choice' },
  text: { id: 'Teks', en: 'Text' },
  date: { id: 'Tanggal', en: 'Date' },
}

const EVIDENCE_LABELS: Record<(typeof EVIDENCE_REQUIREMENTS)[number], { id: string; en: string }> = {
  none: { id: 'Tidak perlu', en: 'None' },
  optional: { id: 'Opsional', en: 'Optional' },
  required: { id: 'Wajib', en: 'Required' },
  required_from_level: { id: 'Wajib mulai tingkat tertentu', en: 'Required from a level up' },
}

const questionFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'key', type: 'text', required: true, label: { id: 'Kode', en: 'Code' }, validate: validCode },
      {
        name: 'type',
        type: 'select',
        required: true,
        label: { id: 'Jenis', en: 'Type' },
        options: QUESTION_TYPES.map((value) => ({ value, label: QUESTION_TYPE_LABELS[value] })),
      },
      {
        name: 'weight',
        type: 'number',
        required: true,
        min: 0,
        defaultValue: 1,
        label: { id: 'Bobot', en: 'Weight' },
      },
    ],
  },
  { name: 'text', type: 'textarea', required: true, localized: true, label: { id: 'Pertanyaan', en: 'Question' } },
  { name: 'guidance', type: 'textarea', localized: true, label: { id: 'Panduan', en: 'Guidance' } },
  {
    type: 'row',
    fields: [
      {
        name: 'evidence',
        type: 'select',
        required: true,
        defaultValue: 'optional',
        label: { id: 'Bukti dukung', en: 'Evidence' },
        options: EVIDENCE_REQUIREMENTS.map((value) => ({ value, label: EVIDENCE_LABELS[value] })),
      },
      {
        name: 'evidenceFromLevel',
        type: 'number',
        min: 1,
        max: 5,
        label: { id: 'Wajib mulai tingkat', en: 'Required from level' },
        admin: { condition: (_, sibling) => sibling?.evidence === 'required_from_level' },
      },
    ],
  },
  {
    name: 'levels',
    type: 'array',
    maxRows: 5,
    label: { id: 'Deskripsi tingkat', en: 'Level descriptors' },
    labels: { singular: { id: 'Tingkat', en: 'Level' }, plural: { id: 'Deskripsi tingkat', en: 'Level descriptors' } },
    admin: { condition: (_, sibling) => sibling?.type === 'maturity' },
    fields: [
      { name: 'level', type: 'number', required: true, min: 1, max: 5, label: { id: 'Tingkat', en: 'Level' } },
      { name: 'descriptor', type: 'textarea', required: true, localized: true, label: { id: 'Deskripsi', en: 'Descriptor' } },
    ],
  },
  {
    name: 'options',
    type: 'array',
    label: { id: 'Pilihan', en: 'Options' },
    labels: { singular: { id: 'Pilihan', en: 'Option' }, plural: { id: 'Pilihan', en: 'Options' } },
    admin: { condition: (_, sibling) => sibling?.type === 'single_choice' || sibling?.type === 'multi_choice' },
    fields: [
      { name: 'value', type: 'text', required: true, label: { id: 'Nilai', en: 'Value' }, validate: validCode },
      { name: 'label', type: 'text', required: true, localized: true, label: { id: 'Label', en: 'Label' } },
    ],
  },
  {
    type: 'row',
    admin: { condition: (_, sibling) => sibling?.type === 'number' },
    fields: [
      { name: 'unit', type: 'text', label: { id: 'Satuan', en: 'Unit' } },
      { name: 'min', type: 'number', label: 'Min' },
      { name: 'max', type: 'number', label: 'Max' },
    ],
  },
  {
    name: 'condition',
    type: 'group',
    label: { id: 'Tampilkan hanya bila', en: 'Show only when' },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'question', type: 'text', label: { id: 'Kode pertanyaan', en: 'Question code' } },
          { name: 'equals', type: 'text', label: { id: 'bernilai', en: 'equals' } },
        ],
      },
    ],
  },
]

/**
 * An evaluation form: evaluation dimensions with weights, and sections of questions per pillar.
 * Frozen while an open or closed period uses it; "Duplicate" makes the next version to edit instead.
 */
export const Instruments: CollectionConfig = {
  slug: COLLECTIONS.instruments,
  labels: {
    singular: { id: 'Instrumen', en: 'Instrument' },
    plural: { id: 'Instrumen', en: 'Instruments' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'year', 'version'],
    group: { id: 'Instrumen', en: 'Instrument' },
    description: {
      id: 'Formulir evaluasi. Instrumen yang dipakai periode dibuka atau ditutup dibekukan; ubah lewat "Duplikat sebagai versi baru".',
      en: 'Evaluation forms. An instrument used by an open or closed period is frozen; change it through "Duplicate as a new version".',
    },
    components: {
      // Importing a workbook (row errors listed in the page) above the list, for the secretariat.
      beforeListTable: ['/components/InstrumentTools/ImportPanel.tsx#InstrumentImport'],
    },
  },
  access: {
    create: secretariatOnly,
    read: signedInStaff,
    update: secretariatOnly,
    delete: secretariatOnly,
  },
  hooks: {
    beforeChange: [freezeInstrumentInUse],
    beforeDelete: [refuseDeletingInstrumentInUse],
  },
  endpoints: [
    { path: '/import', method: 'post', handler: importInstrument },
    { path: '/:id/duplicate', method: 'post', handler: duplicateInstrument },
    { path: '/:id/export', method: 'get', handler: exportInstrument },
  ],
  fields: [
    {
      // Export buttons, and the frozen banner with "Duplikat sebagai versi baru", above the form.
      name: 'instrumentTools',
      type: 'ui',
      admin: { components: { Field: '/components/InstrumentTools/index.tsx#InstrumentTools' } },
    },
    { name: 'title', type: 'text', required: true, localized: true, access: whileNotFrozen, label: { id: 'Judul', en: 'Title' } },
    {
      type: 'row',
      fields: [
        { name: 'year', type: 'number', required: true, min: 2017, max: 2100, access: whileNotFrozen, label: { id: 'Tahun', en: 'Year' } },
        {
          name: 'version',
          type: 'number',
          required: true,
          min: 1,
          defaultValue: 1,
          access: whileNotFrozen,
          label: { id: 'Versi', en: 'Version' },
        },
      ],
    },
    {
      name: 'evaluationDimensions',
      type: 'array',
      access: whileNotFrozen,
      label: { id: 'Dimensi evaluasi', en: 'Evaluation dimensions' },
      labels: { singular: { id: 'Dimensi evaluasi', en: 'Evaluation dimension' }, plural: { id: 'Dimensi evaluasi', en: 'Evaluation dimensions' } },
      admin: {
        description: {
          id: 'Mis. Baseline 10%, Output 20%, Outcome 30%, Impact 30%, Quick Win 10%. Bobot harus berjumlah 100%.',
          en: 'E.g. Baseline 10%, Output 20%, Outcome 30%, Impact 30%, Quick Win 10%. Weights must total 100%.',
        },
      },
      validate: (_: unknown, { data, req }: { data: unknown; req: PayloadRequest }) => inWords(evaluationWeightProblem(data as InstrumentShape), req),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'key', type: 'text', required: true, label: { id: 'Kode', en: 'Code' }, validate: validCode },
            { name: 'name', type: 'text', required: true, localized: true, label: { id: 'Nama', en: 'Name' } },
            { name: 'weight', type: 'number', required: true, min: 0, max: 100, label: { id: 'Bobot (%)', en: 'Weight (%)' } },
          ],
        },
      ],
    },
    {
      name: 'sections',
      type: 'array',
      access: whileNotFrozen,
      label: { id: 'Bagian', en: 'Sections' },
      labels: { singular: { id: 'Bagian', en: 'Section' }, plural: { id: 'Bagian', en: 'Sections' } },
      validate: (_: unknown, { data, req }: { data: unknown; req: PayloadRequest }) => inWords(sectionProblem(data as InstrumentShape), req),
      fields: [
        { name: 'title', type: 'text', required: true, localized: true, label: { id: 'Judul', en: 'Title' } },
        {
          type: 'row',
          fields: [
            {
              name: 'evaluationDimension',
              type: 'text',
              required: true,
              label: { id: 'Kode dimensi evaluasi', en: 'Evaluation dimension code' },
            },
            {
              name: 'dimension',
              type: 'relationship',
              relationTo: COLLECTIONS.dimensions,
              label: { id: 'Pilar', en: 'Pillar' },
            },
            { name: 'subDimension', type: 'text', label: { id: 'Sub-dimensi', en: 'Sub-dimension' } },
          ],
        },
        {
          name: 'questions',
          type: 'array',
          label: { id: 'Pertanyaan', en: 'Questions' },
          labels: { singular: { id: 'Pertanyaan', en: 'Question' }, plural: { id: 'Pertanyaan', en: 'Questions' } },
          fields: questionFields,
        },
      ],
    },
  ],
}
