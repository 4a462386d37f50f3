import type { CollectionConfig, PayloadRequest } from 'payload'

import { councilField, secretariatOnly, secretariatOrCouncilField, systemField } from '../../access/rules.ts'
import { deleteReports, readReports, updateReports } from './access.ts'
import { type AccessUser, isAssessor, isCouncil, isSecretariat } from '../../access/predicates.ts'
import { COLLECTIONS, REPORT_STATUS, type ReportStatus } from '../../constants.ts'
import { reportChanges } from './endpoints/reportChanges.ts'
import { resultsPdf } from './endpoints/resultsPdf.ts'
import { workflowStateHandler } from './endpoints/workflowState.ts'
import { cityField } from '../../fields/relations.ts'
import { enqueuePublishSite } from '../../hooks/enqueuePublishSite.ts'
import { followReportMove, guardReportMove } from '../../workflow/hooks.ts'
import { refuseStaleReportSave } from './hooks/refuseStaleReportSave.ts'
import { STATUS_LABELS } from '../../constants.ts'
import { problem } from '../../domain/problems.ts'
import { messageFor } from '../../server/problemsError.ts'
import { momentPicker } from '../../fields/dates.ts'

const STATUS_OPTIONS = (Object.values(REPORT_STATUS) as ReportStatus[]).map((value) => ({
  value,
  label: STATUS_LABELS[value],
}))

function isJsonValue(value: unknown): boolean {
  try {
    return value === undefined || JSON.stringify(value) !== undefined
  } catch {
    return false
  }
}

/** What only the city's council writes: the answers and the narrative of its report. */
const councilContent = { update: councilField }

/** Written by the workflow's hooks only. */
const systemOnly = { create: systemField, update: systemField }

/** A city's yearly evaluation report for one period, moving through the review workflow. */
export const Reports: CollectionConfig = {
  slug: COLLECTIONS.reports,
  labels: {
    singular: { id: 'Laporan Evaluasi', en: 'Evaluation report' },
    plural: { id: 'Laporan Evaluasi', en: 'Evaluation reports' },
  },
  admin: {
    useAsTitle: 'title',
    // The title names the city and the period. Payload's relationship cells load only once a row is
    // scrolled into view and say "<Tidak ada Kota/Kabupaten>" until then, which on a phone is every row.
    defaultColumns: ['title', 'status', 'updatedAt'],
    group: { id: 'Evaluasi', en: 'Evaluation' },
    // A report opens where its reader works on it: the council in "Isi laporan", an assessor in "Tinjau".
    formatDocURL: ({ defaultURL, req }) => {
      const user = req.user as AccessUser
      if (isCouncil(user)) return `${defaultURL}/isi`
      if (isAssessor(user)) return `${defaultURL}/tinjau`
      return defaultURL
    },
    // The raw JSON of a report is for the API, not for the people filling it in or reviewing it.
    hideAPIURL: true,
    components: {
      // An assessor's queue of assigned reports above the list; nothing for anyone else.
      beforeListTable: ['/components/ReviewWorkspace/ReviewQueue.tsx#ReviewQueue'],
      views: {
        edit: {
          // Payload's form for what the guided views leave out (title, follow-up plans and narrative as
          // rich text) with the status and trail in words; an assessor is sent on to "Tinjau".
          default: {
            Component: '/components/ReportEdit/EditView.tsx#ReportEditView',
            tab: {
              label: ({ t }) => t('pantau:reportDetails'),
              condition: ({ req }) => !isAssessor(req.user as AccessUser),
            },
          },
          // The council's way through its report.
          guide: {
            Component: '/components/ReportGuide/index.tsx#ReportGuide',
            path: '/isi',
            tab: { label: ({ t }) => t('pantau:fillInReport'), href: '/isi', order: 50 },
          },
          // The assessors' review of the report beside its answers and evidence.
          review: {
            Component: '/components/ReviewWorkspace/index.tsx#ReviewWorkspace',
            path: '/tinjau',
            tab: {
              label: ({ t }) => t('pantau:review'),
              href: '/tinjau',
              order: 60,
              condition: ({ req }) => isAssessor(req.user as AccessUser) || isSecretariat(req.user as AccessUser),
            },
          },
        },
      },
    },
  },
  indexes: [{ fields: ['city', 'period'], unique: true }],
  // A copy could never be saved: a city has one report per period.
  disableDuplicate: true,
  access: {
    create: secretariatOnly,
    read: readReports,
    update: updateReports,
    delete: deleteReports,
  },
  hooks: {
    beforeValidate: [refuseStaleReportSave],
    // Every move of the status goes through the workflow (cms/workflow/): one gate, one follow-up.
    beforeChange: [guardReportMove],
    afterChange: [
      followReportMove,
      // An accepted report's scores are public: accepting (or reopening) one republishes the site.
      enqueuePublishSite((doc) => doc?.status === REPORT_STATUS.accepted),
    ],
  },
  endpoints: [
    { path: '/:id/changes', method: 'get', handler: reportChanges },
    { path: '/:id/results.pdf', method: 'get', handler: resultsPdf },
    { path: '/:id/workflow', method: 'get', handler: workflowStateHandler },
  ],
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      // Assessors act on a report only through its status; its wording stays with its authors.
      access: { update: secretariatOrCouncilField },
      label: { id: 'Judul', en: 'Title' },
    },
    cityField({ access: { update: systemField } }),
    {
      name: 'period',
      type: 'relationship',
      relationTo: COLLECTIONS.periods,
      required: true,
      index: true,
      access: { update: systemField },
      label: { id: 'Periode', en: 'Period' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: REPORT_STATUS.draft,
      options: STATUS_OPTIONS,
      index: true,
      label: { id: 'Status', en: 'Status' },
      // Never a free select: the status moves only through the workflow's buttons in the guided views.
      admin: { position: 'sidebar', components: { Field: '/components/ReportEdit/StatusField.tsx#StatusField' } },
    },
    {
      name: 'transitionReason',
      type: 'textarea',
      virtual: true,
      label: { id: 'Alasan perubahan status', en: 'Reason for the status change' },
      // Sent with a move by the views' buttons, which ask for it; the form does not move the status.
      admin: { hidden: true },
    },
    {
      name: 'answers',
      type: 'array',
      access: councilContent,
      label: { id: 'Jawaban', en: 'Answers' },
      // Answered and read in words in "Isi laporan" and "Tinjau"; as raw rows they would show codes and JSON.
      admin: { hidden: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'question', type: 'text', required: true, label: { id: 'Kode pertanyaan', en: 'Question code' } },
            {
              name: 'value',
              type: 'json',
              label: { id: 'Jawaban', en: 'Answer' },
              // Payload's own check reads a string as JSON text and so refuses a plain answer such
              // as a chosen option or a date; any value that serialises to JSON is a valid answer.
              validate: (value: unknown, { req }: { req: PayloadRequest }) =>
                isJsonValue(value) ? true : messageFor(req, problem('answer.notStorable')),
            },
          ],
        },
        { name: 'comment', type: 'textarea', label: { id: 'Keterangan', en: 'Comment' } },
      ],
    },
    {
      name: 'constraints',
      type: 'select',
      hasMany: true,
      access: councilContent,
      label: { id: 'Kendala', en: 'Constraints' },
      options: [
        { label: { id: 'Anggaran terbatas', en: 'Limited budget' }, value: 'budget' },
        { label: { id: 'SDM terampil kurang', en: 'Too few skilled staff' }, value: 'staff' },
        { label: { id: 'Kepedulian masyarakat rendah', en: 'Low public awareness' }, value: 'awareness' },
        { label: { id: 'Lainnya', en: 'Other' }, value: 'other' },
      ],
    },
    { name: 'constraintNotes', type: 'textarea', access: councilContent, label: { id: 'Uraian kendala', en: 'Constraint notes' } },
    { name: 'followUps', type: 'richText', access: councilContent, label: { id: 'Rencana tindak lanjut', en: 'Follow-up plans' } },
    { name: 'narrative', type: 'richText', access: councilContent, label: { id: 'Narasi', en: 'Narrative' } },
    {
      // The revision requests and the status history below, in words.
      name: 'trail',
      type: 'ui',
      label: { id: 'Riwayat laporan', en: 'Report trail' },
      admin: { components: { Field: '/components/ReportEdit/ReportTrail.tsx#ReportTrail' } },
    },
    {
      name: 'revisionRequests',
      type: 'array',
      access: systemOnly,
      label: { id: 'Permintaan revisi', en: 'Revision requests' },
      admin: {
        hidden: true,
        readOnly: true,
        description: {
          id: 'Komentar asesor per pertanyaan, disalin saat laporan dikembalikan untuk revisi.',
          en: "The assessors' comments per question, copied when the report is sent back for revision.",
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'round', type: 'number', label: { id: 'Pengajuan ke-', en: 'Submission round' } },
            { name: 'question', type: 'text', label: { id: 'Kode pertanyaan', en: 'Question code' } },
            { name: 'at', type: 'date', label: { id: 'Waktu', en: 'When' }, admin: { date: momentPicker } },
          ],
        },
        { name: 'comment', type: 'textarea', label: { id: 'Komentar', en: 'Comment' } },
      ],
    },
    {
      name: 'submissions',
      type: 'array',
      access: systemOnly,
      label: { id: 'Riwayat pengajuan', en: 'Submissions' },
      labels: { singular: { id: 'Pengajuan', en: 'Submission' }, plural: { id: 'Riwayat pengajuan', en: 'Submissions' } },
      admin: {
        // "Tinjau" shows what changed between submissions.
        hidden: true,
        readOnly: true,
        description: {
          id: 'Jawaban dan bukti pada setiap pengajuan, untuk membandingkan pengajuan di tab Tinjau.',
          en: 'Answers and evidence as each submission sent them, compared in the Review tab.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'round', type: 'number', label: { id: 'Ke-', en: 'Round' } },
            { name: 'at', type: 'date', label: { id: 'Waktu', en: 'When' }, admin: { date: momentPicker } },
            { name: 'by', type: 'relationship', relationTo: COLLECTIONS.users, label: { id: 'Oleh', en: 'By' } },
          ],
        },
        { name: 'answers', type: 'json', label: { id: 'Jawaban', en: 'Answers' } },
        { name: 'evidence', type: 'json', label: { id: 'Bukti dukung', en: 'Evidence' } },
      ],
    },
    {
      name: 'history',
      type: 'array',
      access: { create: systemField, update: systemField },
      label: { id: 'Riwayat status', en: 'Status history' },
      admin: { hidden: true, readOnly: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'from', type: 'select', options: STATUS_OPTIONS, label: { id: 'Dari', en: 'From' } },
            { name: 'to', type: 'select', options: STATUS_OPTIONS, label: { id: 'Ke', en: 'To' } },
            { name: 'by', type: 'relationship', relationTo: COLLECTIONS.users, label: { id: 'Oleh', en: 'By' } },
            { name: 'at', type: 'date', label: { id: 'Waktu', en: 'When' }, admin: { date: momentPicker } },
          ],
        },
        { name: 'reason', type: 'textarea', label: { id: 'Alasan', en: 'Reason' } },
      ],
    },
  ],
}
