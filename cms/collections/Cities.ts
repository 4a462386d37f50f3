import type { CollectionConfig, PayloadRequest } from 'payload'

import { readCityRecords, secretariatField, secretariatOnly, writeCityRecords } from '../access/rules.ts'
import { COLLECTIONS } from '../constants.ts'
import { CITY_KIND_LABELS, CITY_KINDS, COHORTS, MASTERPLAN_BOOK_LABELS, MASTERPLAN_BOOKS, selectOptions } from '../contract/options.ts'
import type { ID } from '../domain/ids.ts'
import { problem } from '../domain/problems.ts'
import { slugField } from '../fields/relations.ts'
import { enqueuePublishSite, enqueuePublishSiteAfterDelete } from '../hooks/enqueuePublishSite.ts'
import { officialRegions } from '../infra/officialRegions.ts'
import { asSystem } from '../server/asSystem.ts'
import { messageFor } from '../server/problemsError.ts'

/** Identity fields are the secretariat's; a city's council keeps its profile and masterplan current. */
const identity = { create: secretariatField, update: secretariatField }

export const Cities: CollectionConfig = {
  slug: COLLECTIONS.cities,
  labels: {
    singular: { id: 'Kota/Kabupaten', en: 'City/Regency' },
    plural: { id: 'Kota/Kabupaten', en: 'Cities/Regencies' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'province', 'cohort', 'regionCode'],
    group: { id: 'Wilayah', en: 'Regions' },
  },
  defaultSort: 'name',
  // A programme, report or user read at depth 1 names its city: the profile's rich text and the
  // masterplan books are read from the city itself.
  defaultPopulate: { name: true, slug: true, kind: true, province: true, regionCode: true, cohort: true },
  // A copy could never be saved: the region code is unique.
  disableDuplicate: true,
  access: {
    create: secretariatOnly,
    read: readCityRecords('id', true),
    update: writeCityRecords('id'),
    delete: secretariatOnly,
  },
  hooks: {
    afterChange: [enqueuePublishSite()],
    afterDelete: [enqueuePublishSiteAfterDelete()],
  },
  fields: [
    {
      // A new city is chosen from the official list, which fills in the four fields below.
      name: 'officialRegion',
      type: 'ui',
      admin: {
        condition: (data) => !data?.id,
        components: { Field: '/components/OfficialRegion/index.tsx#OfficialRegionField' },
      },
    },
    {
      name: 'name',
      type: 'text',
      required: true,
      access: identity,
      label: { id: 'Nama', en: 'Name' },
      admin: { description: { id: 'Contoh: Kota Ambon', en: 'For example: Kota Ambon' } },
    },
    slugField('name', { access: identity }),
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          access: identity,
          label: { id: 'Jenis', en: 'Kind' },
          options: selectOptions(CITY_KINDS, CITY_KIND_LABELS),
        },
        {
          name: 'province',
          type: 'text',
          required: true,
          access: identity,
          label: { id: 'Provinsi', en: 'Province' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'regionCode',
          type: 'text',
          required: true,
          unique: true,
          access: identity,
          label: { id: 'Kode wilayah', en: 'Region code' },
          admin: {
            description: {
              id: 'Kode wilayah Kemendagri, format NN.NN (mis. 81.71).',
              en: 'Official Ministry of Home Affairs region code, format NN.NN (e.g. 81.71).',
            },
          },
          validate: async (value: unknown, { id, req, siblingData }: { id?: ID; req: PayloadRequest; siblingData: { province?: unknown } }) => {
            if (typeof value !== 'string' || !/^\d{2}\.\d{2}$/.test(value)) return messageFor(req, problem('city.regionCode'))
            // The database refuses a second city with the code too, in words that do not say whose it is.
            const [holder] = await asSystem(req, 'a region code already taken is refused naming its city').find(
              COLLECTIONS.cities,
              { and: [{ regionCode: { equals: value } }, ...(id === undefined ? [] : [{ id: { not_equals: id } }])] },
              { limit: 1, select: { name: true } },
            )
            if (holder) return messageFor(req, problem('city.regionCodeTaken', { params: { code: value, name: holder.name } }))
            // A code of the official list is that region's: its province must be the list's. A code
            // not on the list (a region created after it) is taken as typed.
            const official = (await officialRegions()).find((region) => region.code === value)
            const province = typeof siblingData?.province === 'string' ? siblingData.province.trim().toLowerCase() : ''
            return !official || official.province.toLowerCase() === province
              ? true
              : messageFor(req, problem('city.regionProvince', { params: { code: value, name: official.name, province: official.province } }))
          },
        },
        {
          name: 'cohort',
          type: 'select',
          required: true,
          access: identity,
          label: { id: 'Angkatan', en: 'Cohort' },
          options: [...COHORTS],
          admin: {
            description: {
              id: 'Tahun kota terpilih dalam Gerakan Menuju 100 Smart City.',
              en: 'The year the city was chosen for the 100 Smart City Movement.',
            },
          },
        },
      ],
    },
    {
      name: 'profile',
      type: 'richText',
      localized: true,
      label: { id: 'Profil', en: 'Profile' },
    },
    {
      name: 'masterplan',
      type: 'array',
      label: { id: 'Buku Masterplan', en: 'Masterplan books' },
      labels: { singular: { id: 'Buku', en: 'Book' }, plural: { id: 'Buku Masterplan', en: 'Masterplan books' } },
      admin: {
        description: {
          id: 'Buku I, II dan III masterplan smart city, diunggah sebagai bukti dukung.',
          en: 'Books I, II and III of the smart-city masterplan, uploaded as evidence documents.',
        },
      },
      fields: [
        {
          name: 'book',
          type: 'select',
          required: true,
          options: selectOptions(MASTERPLAN_BOOKS, MASTERPLAN_BOOK_LABELS),
          label: { id: 'Buku', en: 'Book' },
        },
        { name: 'year', type: 'number', min: 2017, max: 2100, label: { id: 'Tahun', en: 'Year' } },
        {
          name: 'document',
          type: 'upload',
          relationTo: COLLECTIONS.evidence,
          label: { id: 'Dokumen', en: 'Document' },
        },
      ],
    },
  ],
}
