import type { Access, CollectionConfig, FieldAccess } from 'payload'

import { nobody, systemField, userOf } from '../access/rules.ts'
import { COLLECTIONS } from '../constants.ts'
import { NOTICE_KIND_LABELS, NOTICE_KINDS } from '../domain/notices.ts'
import { momentPicker } from '../fields/dates.ts'

/** A person reads, and marks as read, only the notices addressed to them. */
const ownNotices: Access = ({ req }) => {
  const user = userOf(req)
  return user ? { recipient: { equals: user.id } } : false
}
const recipientOnly: FieldAccess = ({ req, doc }) => Boolean(req.user) && String(doc?.recipient) === String(req.user?.id)
const written = { create: systemField, update: systemField }

/**
 * What Pantau told a person: an assessor assigned, a report submitted, sent back, accepted, a
 * deadline near. Written by the workflow in the recipient's language; e-mailed by the
 * `deliver-notices` job, which stamps `emailedAt` so nothing goes out twice. The admin lists each
 * person's own notices, newest first.
 */
export const Notices: CollectionConfig = {
  slug: COLLECTIONS.notices,
  labels: {
    singular: { id: 'Pemberitahuan', en: 'Notice' },
    plural: { id: 'Pemberitahuan', en: 'Notices' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'createdAt', 'readAt'],
    group: { id: 'Evaluasi', en: 'Evaluation' },
  },
  defaultSort: '-createdAt',
  access: {
    create: nobody,
    read: ownNotices,
    update: ownNotices,
    delete: nobody,
  },
  indexes: [{ fields: ['recipient', 'readAt'] }],
  fields: [
    {
      name: 'recipient',
      type: 'relationship',
      relationTo: COLLECTIONS.users,
      required: true,
      index: true,
      access: written,
      label: { id: 'Penerima', en: 'Recipient' },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      access: written,
      options: NOTICE_KINDS.map((kind) => ({ value: kind, label: NOTICE_KIND_LABELS[kind] })),
      label: { id: 'Jenis', en: 'Kind' },
    },
    { name: 'title', type: 'text', required: true, access: written, label: { id: 'Judul', en: 'Title' } },
    { name: 'body', type: 'textarea', access: written, label: { id: 'Isi', en: 'Text' } },
    {
      name: 'link',
      type: 'text',
      access: written,
      label: { id: 'Tautan', en: 'Link' },
      admin: { description: { id: 'Halaman admin yang dibahas pemberitahuan ini.', en: 'The admin page this notice is about.' } },
    },
    {
      name: 'report',
      type: 'relationship',
      relationTo: COLLECTIONS.reports,
      access: written,
      label: { id: 'Laporan', en: 'Report' },
    },
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      access: { ...written, read: systemField },
      admin: { hidden: true },
    },
    {
      name: 'readAt',
      type: 'date',
      access: { create: systemField, update: recipientOnly },
      label: { id: 'Dibaca', en: 'Read' },
      admin: { position: 'sidebar', date: momentPicker },
    },
    {
      name: 'emailedAt',
      type: 'date',
      access: written,
      label: { id: 'Dikirim lewat e-mail', en: 'E-mailed' },
      admin: { position: 'sidebar', readOnly: true, date: momentPicker },
    },
  ],
}
