import { APIError, type CollectionConfig, type PayloadRequest } from 'payload'

import { nobody, secretariatOnly } from '../access/rules.ts'
import { COLLECTIONS } from '../constants.ts'
import { JSON_VIEW } from '../fields/json.ts'
import { AUDIT_APPEND } from '../server/audit.ts'
import { AUDIT_ACTIONS } from '../domain/auditChain.ts'
import { problem } from '../domain/problems.ts'
import { messageFor } from '../server/problemsError.ts'

const refuse = (req: PayloadRequest) => {
  throw new APIError(messageFor(req, problem('audit.appendOnly')), 403, undefined, true)
}

const readOnly = { readOnly: true }

/**
 * Append-only record of workflow transitions, evidence verdicts, score changes and role changes,
 * each entry chained to the one before by its hash (cms/domain/auditChain.ts). Access lets nobody write;
 * the hooks also refuse system code that bypasses access, except `appendAudit`. Only a change made
 * beneath Payload (in the database itself) can alter an entry, and `npm run audit:verify` finds it.
 */
export const AuditLog: CollectionConfig = {
  slug: COLLECTIONS.auditLog,
  labels: {
    singular: { id: 'Log Audit', en: 'Audit log entry' },
    plural: { id: 'Log Audit', en: 'Audit log' },
  },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['sequence', 'at', 'action', 'actorRole', 'targetCollection', 'targetId'],
    group: { id: 'Pengaturan', en: 'Settings' },
    description: {
      id: 'Setiap entri memuat hash entri sebelumnya; periksa dengan npm run audit:verify.',
      en: 'Every entry carries the hash of the one before; check with npm run audit:verify.',
    },
  },
  defaultSort: '-sequence',
  access: {
    create: nobody,
    // Entries are written by system code only (cms/server/audit.ts) and never changed by anyone.
    read: secretariatOnly,
    update: nobody,
    delete: nobody,
  },
  hooks: {
    beforeChange: [
      ({ operation, req, data }) => {
        if (operation !== 'create' || !req.context?.[AUDIT_APPEND]) refuse(req)
        return data
      },
    ],
    beforeDelete: [({ req }) => refuse(req)],
  },
  fields: [
    { name: 'sequence', type: 'number', required: true, unique: true, index: true, label: { id: 'Nomor urut', en: 'Sequence' }, admin: readOnly },
    // Text, not a date column: the hash covers this exact text, and a date column may return another notation.
    {
      name: 'at',
      type: 'text',
      required: true,
      label: { id: 'Waktu', en: 'When' },
      admin: {
        ...readOnly,
        // Shown in the reader's own time zone; the stored text stays untouched for the hash.
        components: {
          Cell: '/components/LocalTime/index.tsx#LocalTimeCell',
          Field: '/components/LocalTime/index.tsx#LocalTimeField',
        },
      },
    },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: AUDIT_ACTIONS.map((value) => ({ value, label: value })),
      label: { id: 'Tindakan', en: 'Action' },
      admin: readOnly,
    },
    {
      type: 'row',
      fields: [
        { name: 'actorId', type: 'text', required: true, label: { id: 'Pelaku', en: 'Actor' }, admin: readOnly },
        { name: 'actorRole', type: 'text', required: true, label: { id: 'Peran', en: 'Role' }, admin: readOnly },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'targetCollection', type: 'text', required: true, label: { id: 'Koleksi', en: 'Collection' }, admin: readOnly },
        { name: 'targetId', type: 'text', required: true, index: true, label: { id: 'Dokumen', en: 'Document' }, admin: readOnly },
      ],
    },
    { name: 'before', type: 'json', label: { id: 'Sebelum', en: 'Before' }, admin: { ...readOnly, components: { Field: JSON_VIEW } } },
    { name: 'after', type: 'json', label: { id: 'Sesudah', en: 'After' }, admin: { ...readOnly, components: { Field: JSON_VIEW } } },
    { name: 'previousHash', type: 'text', required: true, label: { id: 'Hash sebelumnya', en: 'Previous hash' }, admin: readOnly },
    { name: 'hash', type: 'text', required: true, label: 'Hash', admin: readOnly },
  ],
}
