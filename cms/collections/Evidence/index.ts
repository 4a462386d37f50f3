import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { assessorField, councilField, systemField } from '../../access/rules.ts'
import { createEvidence, deleteEvidence, readEvidence, updateEvidence } from './access.ts'
import { COLLECTIONS, EVIDENCE_MIME_TYPES, EVIDENCE_VERDICT } from '../../constants.ts'
import { cityField } from '../../fields/relations.ts'
import { uploadEvidence } from './endpoints/uploadEvidence.ts'
import { checkEvidenceVerdict } from './hooks/checkEvidenceVerdict.ts'
import { fingerprintEvidence } from './hooks/fingerprintEvidence.ts'
import { cleanUploadFilename } from '../../hooks/cleanUploadFilename.ts'
import { auditEvidenceVerdict } from '../../hooks/recordAudit.ts'
import { recordUploader } from '../../hooks/recordUploader.ts'
import { refuseDuplicateEvidence } from './hooks/refuseDuplicateEvidence.ts'
import { refuseOversizedImage } from '../../hooks/refuseOversizedImage.ts'
import { verifyUploadType } from '../../hooks/verifyUploadType.ts'
import { uploadRoot } from '../../infra/paths.ts'
import { downloadHeaders } from '../../infra/uploadHeaders.ts'

const councilWrites = { update: councilField }

/**
 * Supporting documents (bukti dukung). Private: stored outside any public folder and served only
 * through Payload's access-checked file route, as a download.
 */
export const Evidence: CollectionConfig = {
  slug: COLLECTIONS.evidence,
  labels: {
    singular: { id: 'Bukti Dukung', en: 'Evidence' },
    plural: { id: 'Bukti Dukung', en: 'Evidence' },
  },
  admin: {
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'city', 'report', 'verdict', 'createdAt'],
    group: { id: 'Evaluasi', en: 'Evaluation' },
  },
  // A copy could never be saved: a city holds one copy of a file.
  disableDuplicate: true,
  access: {
    create: createEvidence,
    read: readEvidence,
    update: updateEvidence,
    delete: deleteEvidence,
  },
  upload: {
    staticDir: path.join(uploadRoot(), 'evidence'),
    mimeTypes: [...EVIDENCE_MIME_TYPES],
    pasteURL: false,
    crop: false,
    focalPoint: false,
    modifyResponseHeaders: downloadHeaders,
  },
  hooks: {
    beforeOperation: [cleanUploadFilename, verifyUploadType(EVIDENCE_MIME_TYPES), refuseOversizedImage],
    beforeChange: [fingerprintEvidence, refuseDuplicateEvidence, recordUploader, checkEvidenceVerdict],
    afterChange: [auditEvidenceVerdict],
  },
  // One copy of a file per city, kept by the database itself: a check before the insert alone lets
  // concurrent uploads of one file through (see endpoints/uploadEvidence.ts).
  indexes: [{ fields: ['city', 'sha256'], unique: true }],
  endpoints: [{ path: '/upload', method: 'post', handler: uploadEvidence }],
  fields: [
    cityField({ access: councilWrites }),
    {
      name: 'report',
      type: 'relationship',
      relationTo: COLLECTIONS.reports,
      index: true,
      access: councilWrites,
      label: { id: 'Laporan', en: 'Report' },
    },
    {
      name: 'question',
      type: 'text',
      access: councilWrites,
      label: { id: 'Kode pertanyaan', en: 'Question code' },
    },
    {
      name: 'program',
      type: 'relationship',
      relationTo: COLLECTIONS.programs,
      access: councilWrites,
      label: { id: 'Program', en: 'Programme' },
    },
    { name: 'description', type: 'textarea', access: councilWrites, label: { id: 'Keterangan', en: 'Description' } },
    { name: 'documentDate', type: 'date', access: councilWrites, label: { id: 'Tanggal dokumen', en: 'Document date' } },
    {
      name: 'isPublic',
      type: 'checkbox',
      defaultValue: false,
      access: councilWrites,
      label: { id: 'Boleh dilihat publik', en: 'May be shown to the public' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'sha256',
      type: 'text',
      index: true,
      access: { create: systemField, update: systemField },
      label: 'SHA-256',
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          id: 'Sidik jari berkas, dihitung server saat unggah.',
          en: 'Fingerprint of the file, computed by the server on upload.',
        },
      },
    },
    {
      name: 'verdict',
      type: 'select',
      defaultValue: EVIDENCE_VERDICT.pending,
      access: { create: systemField, update: assessorField },
      label: { id: 'Hasil verifikasi', en: 'Verdict' },
      options: [
        { label: { id: 'Menunggu', en: 'Pending' }, value: EVIDENCE_VERDICT.pending },
        { label: { id: 'Diterima', en: 'Accepted' }, value: EVIDENCE_VERDICT.accepted },
        { label: { id: 'Perlu revisi', en: 'Needs revision' }, value: EVIDENCE_VERDICT.needsRevision },
        { label: { id: 'Ditolak', en: 'Rejected' }, value: EVIDENCE_VERDICT.rejected },
      ],
      admin: {
        position: 'sidebar',
        description: {
          id: 'Bukti yang perlu revisi atau ditolak tidak lagi mendukung pertanyaannya saat laporan diajukan ulang.',
          en: 'Evidence that needs revision or was rejected no longer supports its question when the report is resubmitted.',
        },
      },
    },
    {
      name: 'verdictReason',
      type: 'textarea',
      access: { create: systemField, update: assessorField },
      label: { id: 'Alasan', en: 'Reason' },
      admin: {
        position: 'sidebar',
        description: {
          id: 'Wajib bila bukti perlu revisi atau ditolak.',
          en: 'Required when the evidence needs revision or is rejected.',
        },
      },
    },
    {
      name: 'leadReason',
      type: 'textarea',
      access: { create: systemField, update: assessorField },
      label: { id: 'Alasan ketua menerima', en: "Lead's reason to accept" },
      admin: {
        position: 'sidebar',
        condition: (data) => data?.verdict === EVIDENCE_VERDICT.needsRevision || data?.verdict === EVIDENCE_VERDICT.rejected,
        description: {
          id: 'Hanya ketua tim asesor: mengapa laporan tetap dapat diterima dengan bukti ini.',
          en: 'Lead assessor only: why the report can be accepted with this evidence anyway.',
        },
      },
    },
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: COLLECTIONS.users,
      access: { create: systemField, update: systemField },
      admin: { readOnly: true, position: 'sidebar' },
      label: { id: 'Diunggah oleh', en: 'Uploaded by' },
    },
  ],
}
