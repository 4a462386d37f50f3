import type { CollectionConfig } from 'payload'

import { staffField, systemField } from '../../access/rules.ts'
import { createReview, deleteOwnUnpublishedReview, readReviews, updateOwnReview } from './access.ts'
import { COLLECTIONS, REVIEW_STATUS } from '../../constants.ts'
import { SCORE_SCALE } from '../../contract/options.ts'
import { cityField, derivedField } from '../../fields/relations.ts'
import { JSON_VIEW } from '../../fields/json.ts'
import { assignReviewToAssessor } from './hooks/assignReviewToAssessor.ts'
import { auditReviewScores } from '../../hooks/recordAudit.ts'
import { refreshReportScores } from './hooks/refreshReportScores.ts'
import { scoreReview } from './hooks/scoreReview.ts'
import { startReviewOnFirstSave } from './hooks/startReviewOnFirstSave.ts'

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
  // A review belongs to one assessor and one report; a copy would be a second review of it.
  disableDuplicate: true,
  access: {
    create: createReview,
    read: readReviews,
    update: updateOwnReview,
    delete: deleteOwnUnpublishedReview,
  },
  hooks: {
    beforeValidate: [assignReviewToAssessor],
    beforeChange: [scoreReview],
    afterChange: [auditReviewScores, refreshReportScores, startReviewOnFirstSave],
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
      defaultValue: REVIEW_STATUS.inProgress,
      label: { id: 'Status', en: 'Status' },
      options: [
        { label: { id: 'Sedang dinilai', en: 'In progress' }, value: REVIEW_STATUS.inProgress },
        { label: { id: 'Selesai', en: 'Completed' }, value: REVIEW_STATUS.completed },
      ],
      admin: {
        position: 'sidebar',
        description: {
          id: 'Ketua tim hanya dapat menerima laporan bila penilaian semua asesor yang ditugaskan sudah Selesai.',
          en: 'The lead can accept the report only when every assigned assessor has marked their review Completed.',
        },
      },
    },
    {
      name: 'scores',
      type: 'array',
      access: staffOnly,
      label: { id: 'Skor per pertanyaan', en: 'Scores per question' },
      labels: { singular: { id: 'Skor', en: 'Score' }, plural: { id: 'Skor per pertanyaan', en: 'Scores per question' } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'question', type: 'text', required: true, label: { id: 'Kode pertanyaan', en: 'Question code' } },
            { name: 'score', type: 'number', required: true, min: SCORE_SCALE.min, max: SCORE_SCALE.max, label: { id: 'Skor (1-5)', en: 'Score (1-5)' } },
          ],
        },
        { name: 'comment', type: 'textarea', label: { id: 'Komentar', en: 'Comment' } },
      ],
    },
    {
      name: 'resolutions',
      type: 'array',
      access: staffOnly,
      label: { id: 'Penjelasan selisih nilai', en: 'Explained disagreements' },
      labels: { singular: { id: 'Penjelasan', en: 'Explanation' }, plural: { id: 'Penjelasan selisih nilai', en: 'Explained disagreements' } },
      admin: {
        description: {
          id: 'Hanya ketua tim: bila asesor berselisih satu tingkat atau lebih pada satu pertanyaan, jelaskan keputusannya di sini; nilai ketua yang berlaku.',
          en: "Lead only: when assessors are a full level or more apart on a question, explain the decision here; the lead's score then stands.",
        },
      },
      fields: [
        { name: 'question', type: 'text', required: true, label: { id: 'Kode pertanyaan', en: 'Question code' } },
        { name: 'explanation', type: 'textarea', required: true, label: { id: 'Penjelasan', en: 'Explanation' } },
      ],
    },
    {
      name: 'recommendations',
      type: 'richText',
      localized: true,
      label: { id: 'Rekomendasi umum', en: 'General recommendations' },
    },
    {
      name: 'pillarRecommendations',
      type: 'array',
      label: { id: 'Rekomendasi per pilar', en: 'Recommendations per pillar' },
      labels: { singular: { id: 'Rekomendasi pilar', en: 'Pillar recommendation' }, plural: { id: 'Rekomendasi per pilar', en: 'Recommendations per pillar' } },
      admin: {
        description: {
          id: 'Mis. "Jajaki dana CSR untuk perluasan CCTV". Yang diterbitkan adalah rekomendasi ketua tim.',
          en: 'E.g. "Seek CSR funding to extend the CCTV network". The lead\'s recommendations are the ones published.',
        },
      },
      fields: [
        { name: 'pillar', type: 'relationship', relationTo: COLLECTIONS.dimensions, required: true, label: { id: 'Pilar', en: 'Pillar' } },
        { name: 'text', type: 'richText', localized: true, label: { id: 'Rekomendasi', en: 'Recommendation' } },
      ],
    },
    {
      name: 'dimensionScores',
      type: 'array',
      access: system,
      label: { id: 'Skor per dimensi', en: 'Scores per dimension' },
      labels: { singular: { id: 'Skor dimensi', en: 'Dimension score' }, plural: { id: 'Skor per dimensi', en: 'Scores per dimension' } },
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
            { name: 'score', type: 'number', required: true, min: SCORE_SCALE.min, max: SCORE_SCALE.max, label: { id: 'Skor', en: 'Score' } },
          ],
        },
      ],
    },
    {
      name: 'pillarScores',
      type: 'array',
      access: system,
      label: { id: 'Skor per pilar', en: 'Scores per pillar' },
      labels: { singular: { id: 'Skor pilar', en: 'Pillar score' }, plural: { id: 'Skor per pilar', en: 'Scores per pillar' } },
      admin: {
        readOnly: true,
        description: {
          id: 'Dihitung server dari nilai semua asesor laporan ini, tidak diketik.',
          en: "Computed by the server from all of this report's assessors' scores, never typed in.",
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'pillar', type: 'relationship', relationTo: COLLECTIONS.dimensions, required: true, label: { id: 'Pilar', en: 'Pillar' } },
            { name: 'score', type: 'number', required: true, min: SCORE_SCALE.min, max: SCORE_SCALE.max, label: { id: 'Skor', en: 'Score' } },
          ],
        },
      ],
    },
    {
      name: 'disagreements',
      type: 'json',
      access: { ...system, read: staffField },
      label: { id: 'Selisih nilai antar-asesor', en: 'Disagreements between assessors' },
      admin: {
        readOnly: true,
        components: { Field: JSON_VIEW },
        description: {
          id: 'Pertanyaan dengan selisih satu tingkat atau lebih; laporan baru dapat diterima bila semuanya dijelaskan ketua tim.',
          en: 'Questions the assessors are a full level or more apart on; the report can be accepted once the lead has explained each.',
        },
      },
    },
    {
      name: 'overall',
      type: 'number',
      min: SCORE_SCALE.min,
      max: SCORE_SCALE.max,
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
