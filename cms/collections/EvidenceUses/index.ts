import type { CollectionConfig } from 'payload'

import { assessorField, councilField, systemField } from '../../access/rules.ts'
import { COLLECTIONS, EVIDENCE_VERDICT } from '../../constants.ts'
import { auditEvidenceVerdict } from '../../hooks/recordAudit.ts'
import { createEvidenceUses, deleteEvidenceUses, readEvidenceUses, updateEvidenceUses } from './access.ts'
import { attachToReport } from './hooks/attachToReport.ts'
import { checkVerdict } from './hooks/checkVerdict.ts'

/** Named by the council when it attaches a file; fixed afterwards (detach and attach again instead). */
const attachedByCouncil = { create: councilField, update: systemField }
/** Copied from the report by `attachToReport`. */
const fromReport = { create: systemField, update: systemField }
/** Judged by the assessors; a new use always starts as pending. */
const judgedByAssessors = { create: systemField, update: assessorField }

/**
 * One file of the city's evidence library supporting one question of one report, with the
 * assessor's verdict on it. A file can support several questions of a report and reports of later
 * periods without being uploaded again; each use is judged on its own, since a file can prove one
 * question and not another. A link collection rather than an array on the report: the council's
 * autosave of its answers and the assessors' verdicts then never overwrite each other, and every
 * verdict has its own record, access rule and audit entry.
 */
export const EvidenceUses: CollectionConfig = {
  slug: COLLECTIONS.evidenceUses,
  labels: {
    singular: { id: 'Pemakaian Bukti', en: 'Evidence use' },
    plural: { id: 'Pemakaian Bukti', en: 'Evidence uses' },
  },
  admin: {
    defaultColumns: ['evidence', 'report', 'question', 'verdict', 'updatedAt'],
    // Councils and assessors attach and judge files in the report's own views, so only the
    // secretariat finds it in the navigation (components/navigation.ts, the default there).
    group: { id: 'Evaluasi', en: 'Evaluation' },
  },
  access: {
    create: createEvidenceUses,
    read: readEvidenceUses,
    update: updateEvidenceUses,
    delete: deleteEvidenceUses,
  },
  indexes: [{ fields: ['report', 'evidence', 'question'], unique: true }],
  typescript: { interface: 'EvidenceUse' },
  hooks: {
    beforeChange: [attachToReport, checkVerdict],
    afterChange: [auditEvidenceVerdict],
  },
  fields: [
    {
      name: 'report',
      type: 'relationship',
      relationTo: COLLECTIONS.reports,
      required: true,
      index: true,
      access: attachedByCouncil,
      label: { id: 'Laporan', en: 'Report' },
    },
    {
      name: 'question',
      type: 'text',
      access: attachedByCouncil,
      label: { id: 'Kode pertanyaan', en: 'Question code' },
      admin: {
        description: {
          id: 'Kosong bila berkas mendukung laporan secara keseluruhan.',
          en: 'Empty when the file supports the report as a whole.',
        },
      },
    },
    {
      name: 'evidence',
      type: 'relationship',
      relationTo: COLLECTIONS.evidence,
      required: true,
      index: true,
      access: attachedByCouncil,
      label: { id: 'Berkas bukti', en: 'Evidence file' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'city',
          type: 'relationship',
          relationTo: COLLECTIONS.cities,
          index: true,
          access: fromReport,
          label: { id: 'Kota/Kabupaten', en: 'City/Regency' },
          admin: { readOnly: true },
        },
        {
          name: 'period',
          type: 'relationship',
          relationTo: COLLECTIONS.periods,
          index: true,
          access: fromReport,
          label: { id: 'Periode', en: 'Period' },
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'verdict',
      type: 'select',
      defaultValue: EVIDENCE_VERDICT.pending,
      access: judgedByAssessors,
      label: { id: 'Hasil verifikasi', en: 'Verdict' },
      options: [
        { label: { id: 'Menunggu', en: 'Pending' }, value: EVIDENCE_VERDICT.pending },
        { label: { id: 'Diterima', en: 'Accepted' }, value: EVIDENCE_VERDICT.accepted },
        { label: { id: 'Perlu revisi', en: 'Needs revision' }, value: EVIDENCE_VERDICT.needsRevision },
        { label: { id: 'Ditolak', en: 'Rejected' }, value: EVIDENCE_VERDICT.rejected },
      ],
      admin: {
        description: {
          id: 'Berkas yang perlu revisi atau ditolak tidak lagi mendukung pertanyaan ini saat laporan diajukan ulang.',
          en: 'A file that needs revision or was rejected no longer supports this question when the report is resubmitted.',
        },
      },
    },
    {
      name: 'verdictReason',
      type: 'textarea',
      access: judgedByAssessors,
      label: { id: 'Alasan', en: 'Reason' },
      admin: {
        description: {
          id: 'Wajib bila berkas perlu revisi atau ditolak.',
          en: 'Required when the file needs revision or is rejected.',
        },
      },
    },
    {
      name: 'leadReason',
      type: 'textarea',
      access: judgedByAssessors,
      label: { id: 'Alasan ketua menerima', en: "Lead's reason to accept" },
      admin: {
        condition: (data) => data?.verdict === EVIDENCE_VERDICT.needsRevision || data?.verdict === EVIDENCE_VERDICT.rejected,
        description: {
          id: 'Hanya ketua tim asesor: mengapa laporan tetap dapat diterima dengan berkas ini untuk pertanyaan ini.',
          en: 'Lead assessor only: why the report can be accepted with this file for this question anyway.',
        },
      },
    },
  ],
}
