import type { CollectionConfig } from 'payload'

import {
  createReview,
  deleteOwnUnpublishedReview,
  readReviews,
  staffField,
  systemField,
  updateOwnReview,
} from '../access/rules.ts'
import { COLLECTIONS } from '../constants.ts'
import { cityField, derivedField } from '../fields/relations.ts'
import { assignReviewToAssessor } from '../hooks/assignReviewToAssessor.ts'

const system = { create: systemField, update: systemField }
/** Per-question scores and comments are working papers: the public sees only published totals. */
const staffOnly = { read: staffField }

/** One assessor's review of one report: scores per question, comments and recommendations. */
export const Reviews: CollectionConfig = {
  slug: COLLECTIONS.reviews,
  labels: {
    singular: { id: 'Penilaian', en: 'Review' },
    plural: { id: 'Penilaian', en: 'Reviews' },
  },
  admin: {
    defaultColumns: ['report', 'assessor', 'overall', 'status'],
    group: { id: 'Evaluasi', en: 'Evaluation' },
  },
  access: {
    create: createReview,
    read: readReviews,
    update: updateOwnReview,
    delete: deleteOwnUnpublishedReview,
  },
  hooks: {
    beforeValidate: [assignReviewToAssessor],
  },
  fields: [
    {
      name: 'report',
      type: 'relationship',
      relationTo: COLLECTIONS.reports,
      required: true,
      index: true,
      access: { update: systemField },
      label: { id: 'Laporan', en: 'Report' },
    },
    derivedField({
      name: 'assessor',
      type: 'relationship',
      relationTo: COLLECTIONS.users,
      access: staffOnly,
      label: { id: 'Asesor', en: 'Assessor' },
    }),
    derivedField(cityField()),
    {
      name: 'period',
      type: 'relationship',
      relationTo: COLLECTIONS.periods,
      access: system,
      label: { id: 'Periode', en: 'Period' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'in_progress',
      label: { id: 'Status', en: 'Status' },
      options: [
        { label: { id: 'Sedang dinilai', en: 'In progress' }, value: 'in_progress' },
        { label: { id: 'Selesai', en: 'Completed' }, value: 'completed' },
      ],
      admin: { position: 'sidebar' },
    },
    {
      name: 'scores',
      type: 'array',
      access: staffOnly,
      label: { id: 'Skor per pertanyaan', en: 'Scores per question' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'question', type: 'text', required: true, label: { id: 'Kode pertanyaan', en: 'Question code' } },
            { name: 'score', type: 'number', required: true, min: 1, max: 5, label: { id: 'Skor (1-5)', en: 'Score (1-5)' } },
          ],
        },
        { name: 'comment', type: 'textarea', label: { id: 'Komentar', en: 'Comment' } },
      ],
    },
    {
      name: 'recommendations',
      type: 'richText',
      localized: true,
      label: { id: 'Rekomendasi', en: 'Recommendations' },
    },
    {
      name: 'dimensionScores',
      type: 'array',
      access: system,
      label: { id: 'Skor per dimensi', en: 'Scores per dimension' },
      admin: {
        readOnly: true,
        description: {
          id: 'Dihitung server dari bobot instrumen, tidak diketik.',
          en: 'Computed by the server from the instrument weights, never typed in.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'key', type: 'text', required: true, label: { id: 'Dimensi', en: 'Dimension' } },
            { name: 'score', type: 'number', required: true, min: 1, max: 5, label: { id: 'Skor', en: 'Score' } },
          ],
        },
      ],
    },
    {
      name: 'overall',
      type: 'number',
      min: 1,
      max: 5,
      access: system,
      label: { id: 'Indeks', en: 'Index' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'published',
      type: 'checkbox',
      defaultValue: false,
      access: system,
      label: { id: 'Dipublikasikan', en: 'Published' },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
