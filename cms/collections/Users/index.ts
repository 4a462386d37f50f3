import type { CollectionConfig, PayloadRequest } from 'payload'

import { hasRole } from '../../access/predicates.ts'
import { secretariatField, secretariatOnly, systemField } from '../../access/rules.ts'
import { readSelfOrSecretariat } from './access.ts'
import { COLLECTIONS, ROLE_OPTIONS, ROLES } from '../../constants.ts'
import { auditUserAccess } from '../../hooks/recordAudit.ts'
import { refuseDemoLoginInProduction } from './hooks/refuseDemoLoginInProduction.ts'
import { problem } from '../../domain/problems.ts'
import { messageFor } from '../../server/problemsError.ts'

export const Users: CollectionConfig = {
  slug: COLLECTIONS.users,
  labels: {
    singular: { id: 'Pengguna', en: 'User' },
    plural: { id: 'Pengguna', en: 'Users' },
  },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'role', 'cities'],
    group: { id: 'Pengaturan', en: 'Settings' },
  },
  auth: {
    // Every request reads its signed-in person; the rules need only the ids of their cities, so the
    // cities themselves (and what they point to) are not read with it: about a sixth of a report
    // save's time at depth 2 (the deadline bench's profile).
    depth: 0,
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: {
      sameSite: 'Lax',
      secure: process.env.NODE_ENV === 'production' && process.env.PAYLOAD_INSECURE_COOKIES !== 'true',
    },
  },
  access: {
    admin: ({ req }) => hasRole(req.user),
    create: secretariatOnly,
    read: readSelfOrSecretariat,
    update: readSelfOrSecretariat,
    delete: secretariatOnly,
    unlock: secretariatOnly,
  },
  hooks: {
    beforeLogin: [refuseDemoLoginInProduction],
    afterChange: [auditUserAccess],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: { id: 'Nama', en: 'Name' },
    },
    {
      name: 'role',
      type: 'select',
      required: true,
      options: ROLE_OPTIONS,
      access: { create: secretariatField, update: secretariatField },
      label: { id: 'Peran', en: 'Role' },
      admin: {
        description: {
          id: 'Hanya sekretariat yang dapat mengubah peran.',
          en: 'Only the secretariat can change roles.',
        },
      },
    },
    {
      name: 'cities',
      type: 'relationship',
      relationTo: COLLECTIONS.cities,
      hasMany: true,
      access: { create: secretariatField, update: secretariatField },
      label: { id: 'Kota/Kabupaten', en: 'Cities/Regencies' },
      admin: {
        condition: (data) => data?.role === ROLES.council || data?.role === ROLES.assessor,
        description: {
          id:
            'Anggota dewan: kota/kabupaten yang laporannya ia isi. Asesor: kota/kabupaten tempat ia bekerja atau ' +
            'terhubung (konflik kepentingan); ia tidak dapat ditugaskan menilai kota ini.',
          en:
            'Council member: the cities whose reports they file. Assessor: the cities they work for or are tied to ' +
            '(conflict of interest); they cannot be assigned to assess these cities.',
        },
      },
      validate: (value: unknown, { req, siblingData }: { req: PayloadRequest; siblingData: Record<string, unknown> }) =>
        siblingData?.role !== ROLES.council || (Array.isArray(value) && value.length > 0)
          ? true
          : messageFor(req, problem('user.councilNeedsCity')),
    },
    {
      name: 'language',
      type: 'select',
      defaultValue: 'id',
      options: [
        { label: 'Bahasa Indonesia', value: 'id' },
        { label: 'English', value: 'en' },
      ],
      label: { id: 'Bahasa pemberitahuan', en: 'Language of notices' },
      admin: {
        description: {
          id: 'Bahasa pemberitahuan dan e-mail dari Pantau untuk Anda.',
          en: 'The language Pantau writes your notices and e-mails in.',
        },
      },
    },
    {
      name: 'organisation',
      type: 'text',
      label: { id: 'Instansi', en: 'Organisation' },
    },
    {
      name: 'isDemo',
      type: 'checkbox',
      defaultValue: false,
      access: { create: systemField, update: systemField },
      label: { id: 'Akun demo', en: 'Demo account' },
      admin: {
        position: 'sidebar',
        readOnly: true,
        // Shown on the demo accounts only; the operator's switch is in the README, not on a person's page.
        condition: (data) => data?.isDemo === true,
        description: {
          id: 'Akun contoh untuk mencoba Pantau. Di server produksi akun ini tidak dapat masuk, kecuali operator mengizinkannya.',
          en: 'A sample account for trying Pantau. It cannot sign in on a production server unless the operator allows it.',
        },
      },
    },
  ],
}
