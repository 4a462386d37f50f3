import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { councilField, systemField } from '../../access/rules.ts'
import { createEvidence, deleteEvidence, readEvidence, updateEvidence } from './access.ts'
import { COLLECTIONS, EVIDENCE_MIME_TYPES } from '../../constants.ts'
import { cityField } from '../../fields/relations.ts'
import { uploadEvidence } from './endpoints/uploadEvidence.ts'
import { fingerprintEvidence } from './hooks/fingerprintEvidence.ts'
import { removeUsesOfDeletedEvidence } from './hooks/removeUsesOfDeletedEvidence.ts'
import { resetVerdictsOfReplacedFile } from './hooks/resetVerdictsOfReplacedFile.ts'
import { cleanUploadFilename } from '../../hooks/cleanUploadFilename.ts'
import { recordUploader } from '../../hooks/recordUploader.ts'
import { refuseDuplicateEvidence } from './hooks/refuseDuplicateEvidence.ts'
import { refuseOversizedImage } from '../../hooks/refuseOversizedImage.ts'
import { verifyUploadType } from '../../hooks/verifyUploadType.ts'
import { keepStorageKeys } from '../../infra/objectStorage.ts'
import { uploadRoot } from '../../infra/paths.ts'
import { downloadHeaders } from '../../infra/uploadHeaders.ts'
import { dayAdmin } from '../../fields/dates.ts'

const councilWrites = { update: councilField }

/**
 * The city's evidence library (bukti dukung): each file once per city (by its SHA-256), supporting
 * any number of questions of its reports through `evidence-uses`, where the assessors' verdicts
 * live. Private: stored outside any public folder and served only through Payload's access-checked
 * file route, as a download.
 */
export const Evidence: CollectionConfig = {
  slug: COLLECTIONS.evidence,
  labels: {
    singular: { id: 'Bukti Dukung', en: 'Evidence' },
    plural: { id: 'Bukti Dukung', en: 'Evidence' },
  },
  admin: {
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'city', 'documentDate', 'description', 'createdAt'],
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
    beforeChange: [keepStorageKeys, fingerprintEvidence, refuseDuplicateEvidence, recordUploader],
    afterChange: [resetVerdictsOfReplacedFile],
    beforeDelete: [removeUsesOfDeletedEvidence],
  },
  // One copy of a file per city, kept by the database itself: a check before the insert alone lets
  // concurrent uploads of one file through (see endpoints/uploadEvidence.ts).
  indexes: [{ fields: ['city', 'sha256'], unique: true }],
  endpoints: [{ path: '/upload', method: 'post', handler: uploadEvidence }],
  fields: [
    cityField({ access: councilWrites }),
    {
      name: 'program',
      type: 'relationship',
      relationTo: COLLECTIONS.programs,
      access: councilWrites,
      label: { id: 'Program', en: 'Programme' },
    },
    { name: 'description', type: 'textarea', access: councilWrites, label: { id: 'Keterangan', en: 'Description' } },
    { name: 'documentDate', type: 'date', access: councilWrites, label: { id: 'Tanggal dokumen', en: 'Document date' }, admin: dayAdmin },
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
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: COLLECTIONS.users,
      access: { create: systemField, update: systemField },
      admin: { readOnly: true, position: 'sidebar' },
      label: { id: 'Diunggah oleh', en: 'Uploaded by' },
    },
  ],
}
