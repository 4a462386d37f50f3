import type { Field, PayloadRequest, RelationshipField, TextField } from 'payload'

import { type AccessUser, cityIdsOf, isCouncil } from '../access/predicates.ts'
import { COLLECTIONS } from '../constants.ts'
import { problem } from '../domain/problems.ts'
import { slugify } from '../domain/slugify.ts'
import { messageFor } from '../server/problemsError.ts'

type Overrides<T> = Partial<T>

/** The city a record belongs to. Derived records (indicators, measurements) set it from their parent. */
export const cityField = (overrides: Overrides<RelationshipField> = {}): RelationshipField =>
  ({
    name: 'city',
    type: 'relationship',
    relationTo: COLLECTIONS.cities,
    required: true,
    index: true,
    label: { id: 'Kota/Kabupaten', en: 'City/Regency' },
    // A council member of one city starts a new record of that city without choosing it.
    defaultValue: ({ user }: { user: unknown }) => {
      const cities = cityIdsOf(user as AccessUser)
      return isCouncil(user as AccessUser) && cities.length === 1 ? cities[0] : undefined
    },
    ...overrides,
  }) as RelationshipField

/**
 * A reference copied from the record's parent by a hook (e.g. an indicator's city from its
 * programme): not typed in by people, so not required of them, but always present once saved.
 */
export const derivedField = (field: RelationshipField): RelationshipField =>
  ({
  ...field,
  required: false,
  access: { ...field.access, create: () => false, update: () => false },
  admin: { ...field.admin, readOnly: true, position: 'sidebar' },
  validate: (value: unknown, { req }: { req: PayloadRequest }) =>
    value !== null && value !== undefined ? true : messageFor(req, problem('field.derived')),
  }) as RelationshipField

export const programField = (overrides: Overrides<RelationshipField> = {}): RelationshipField =>
  ({
    name: 'program',
    type: 'relationship',
    relationTo: COLLECTIONS.programs,
    required: true,
    index: true,
    label: { id: 'Program', en: 'Programme' },
    ...overrides,
  }) as RelationshipField

/**
 * A unique, URL-safe slug, filled from another field when left empty. It becomes part of public
 * page addresses, so it is not localized.
 */
export const slugField = (from: string, overrides: Overrides<TextField> = {}): Field =>
  ({
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    label: 'Slug',
    admin: {
      position: 'sidebar',
      description: {
        id: 'Bagian alamat halaman publik. Dibuat dari nama bila dikosongkan.',
        en: 'Part of the public page address. Made from the name when left empty.',
      },
    },
    hooks: {
      // A copy gets an address of its own (slugs are unique); the person renames it as they like.
      beforeDuplicate: [({ value }) => (typeof value === 'string' && value ? `${value}-salinan-${Date.now().toString(36)}` : value)],
      beforeValidate: [
        ({ value, data }) => {
          if (typeof value === 'string' && value.trim()) return slugify(value)
          const source = data?.[from]
          const text = typeof source === 'object' && source ? (source.id ?? source.en) : source
          return typeof text === 'string' ? slugify(text) : value
        },
      ],
    },
    validate: (value: unknown, { req }: { req: PayloadRequest }) =>
      typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ? true : messageFor(req, problem('field.slug')),
    ...overrides,
  }) as Field
