import type { CollectionConfig, PayloadRequest } from 'payload'

import { secretariatOnly, signedInStaff } from '../../access/rules.ts'
import { COLLECTIONS, ROLES } from '../../constants.ts'
import { createDraftReports } from './hooks/createDraftReports.ts'
import { notifyAssignedAssessors } from './hooks/notifyAssignedAssessors.ts'
import { validateAssignments } from './hooks/validateAssignments.ts'
import { idText, type Ref } from '../../domain/ids.ts'
import { problem } from '../../domain/problems.ts'
import { messageFor } from '../../server/problemsError.ts'
import { dayAdmin } from '../../fields/dates.ts'

type Row = { city?: unknown; assessor?: unknown }
/** An evaluation round, e.g. "Evaluasi Smart City 2023 Tahap I": its instrument, dates, cities and assessors. */
export const Periods: CollectionConfig = {
  slug: COLLECTIONS.periods,
  labels: {
    singular: { id: 'Periode Evaluasi', en: 'Evaluation period' },
    plural: { id: 'Periode Evaluasi', en: 'Evaluation periods' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'year', 'opensAt', 'closesAt', 'status'],
    group: { id: 'Instrumen', en: 'Instrument' },
  },
  defaultSort: '-opensAt',
  // A report read at depth 1 names its period and deadlines, not every city and assessor of the round
  // (at national size 514 cities and their assignments: 37 KB of a 42 KB report).
  defaultPopulate: { title: true, year: true, stage: true, status: true, instrument: true, opensAt: true, closesAt: true, extensions: true },
  hooks: {
    beforeChange: [validateAssignments],
    afterChange: [createDraftReports, notifyAssignedAssessors],
  },
  access: {
    create: secretariatOnly,
    read: signedInStaff,
    update: secretariatOnly,
    delete: secretariatOnly,
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { id: 'Judul', en: 'Title' } },
    {
      type: 'row',
      fields: [
        { name: 'year', type: 'number', required: true, min: 2017, max: 2100, label: { id: 'Tahun', en: 'Year' } },
        { name: 'stage', type: 'text', label: { id: 'Tahap', en: 'Stage' } },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'upcoming',
          label: { id: 'Status', en: 'Status' },
          options: [
            { label: { id: 'Akan datang', en: 'Upcoming' }, value: 'upcoming' },
            { label: { id: 'Dibuka', en: 'Open' }, value: 'open' },
            { label: { id: 'Ditutup', en: 'Closed' }, value: 'closed' },
          ],
        },
      ],
    },
    {
      name: 'instrument',
      type: 'relationship',
      relationTo: COLLECTIONS.instruments,
      required: true,
      label: { id: 'Instrumen', en: 'Instrument' },
    },
    {
      type: 'row',
      fields: [
        { name: 'opensAt', type: 'date', required: true, label: { id: 'Dibuka', en: 'Opens' }, admin: dayAdmin },
        {
          name: 'closesAt',
          type: 'date',
          required: true,
          label: { id: 'Ditutup', en: 'Closes' },
          admin: dayAdmin,
          validate: (value: unknown, { req, siblingData }: { req: PayloadRequest; siblingData: { opensAt?: string } }) => {
            if (!value) return messageFor(req, problem('period.closesAtRequired'))
            if (siblingData?.opensAt && new Date(value as string) <= new Date(siblingData.opensAt)) {
              return messageFor(req, problem('period.closesBeforeOpens'))
            }
            return true
          },
        },
      ],
    },
    {
      name: 'cities',
      type: 'relationship',
      relationTo: COLLECTIONS.cities,
      hasMany: true,
      label: { id: 'Kota peserta', en: 'Participating cities' },
    },
    {
      name: 'extensions',
      type: 'array',
      label: { id: 'Perpanjangan tenggat per kota', en: 'Deadline extensions per city' },
      labels: { singular: { id: 'Perpanjangan', en: 'Extension' }, plural: { id: 'Perpanjangan tenggat per kota', en: 'Deadline extensions per city' } },
      admin: {
        description: {
          id: 'Kota yang boleh mengajukan laporan setelah tanggal tutup, sampai tanggal yang ditentukan.',
          en: 'Cities that may still submit after the closing date, until the date given.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'city',
              type: 'relationship',
              relationTo: COLLECTIONS.cities,
              required: true,
              label: { id: 'Kota', en: 'City' },
            },
            { name: 'until', type: 'date', required: true, label: { id: 'Sampai', en: 'Until' }, admin: dayAdmin },
            { name: 'reason', type: 'text', label: { id: 'Alasan', en: 'Reason' } },
          ],
        },
      ],
    },
    {
      name: 'assignments',
      type: 'array',
      label: { id: 'Penugasan asesor', en: 'Assessor assignments' },
      labels: { singular: { id: 'Penugasan', en: 'Assignment' }, plural: { id: 'Penugasan asesor', en: 'Assessor assignments' } },
      admin: {
        description: {
          id: 'Satu atau lebih asesor per kota, tepat satu ketua. Asesor yang terhubung dengan kota itu (tercantum di Kota/Kabupaten pada akunnya) tidak dapat ditugaskan.',
          en: 'One or more assessors per city, exactly one lead. An assessor tied to the city (listed under Cities on their account) cannot be assigned.',
        },
      },
      validate: (rows: unknown, { req, siblingData }: { req: PayloadRequest; siblingData: { cities?: unknown[] } }) => {
        const participating = new Set((siblingData?.cities ?? []).map((city) => idText(city as Ref)))
        const outside = (Array.isArray(rows) ? (rows as Row[]) : []).find(
          (row) => row.city && !participating.has(idText(row.city as Ref)),
        )
        return outside ? messageFor(req, problem('assignment.cityNotInPeriod')) : true
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'city',
              type: 'relationship',
              relationTo: COLLECTIONS.cities,
              required: true,
              label: { id: 'Kota', en: 'City' },
            },
            {
              name: 'assessor',
              type: 'relationship',
              relationTo: COLLECTIONS.users,
              required: true,
              filterOptions: { role: { equals: ROLES.assessor } },
              label: { id: 'Asesor', en: 'Assessor' },
            },
            { name: 'lead', type: 'checkbox', defaultValue: false, label: { id: 'Ketua', en: 'Lead' } },
          ],
        },
      ],
    },
  ],
}
