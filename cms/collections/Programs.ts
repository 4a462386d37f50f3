import type { CollectionConfig } from 'payload'

import { cityInData, createCityRecord, readCityRecords, writeCityRecords } from '../access/rules.ts'
import { COLLECTIONS } from '../constants.ts'
import { cityField, slugField } from '../fields/relations.ts'
import { enqueuePublishSite, enqueuePublishSiteAfterDelete, publicProgramme } from '../hooks/enqueuePublishSite.ts'

const THIS_YEAR_PLUS = new Date().getFullYear() + 10

/** A city's programme or activity under one pillar, with the indicators it is measured by. */
export const Programs: CollectionConfig = {
  slug: COLLECTIONS.programs,
  labels: {
    singular: { id: 'Program', en: 'Programme' },
    plural: { id: 'Program', en: 'Programmes' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'city', 'dimension', 'status', 'isPublic'],
    group: { id: 'Kemajuan Kota', en: 'City progress' },
  },
  access: {
    create: createCityRecord(cityInData),
    read: readCityRecords('city', { isPublic: { equals: true } }),
    update: writeCityRecords('city'),
    delete: writeCityRecords('city'),
  },
  hooks: {
    afterChange: [enqueuePublishSite(publicProgramme)],
    afterDelete: [enqueuePublishSiteAfterDelete(publicProgramme)],
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { id: 'Judul', en: 'Title' } },
    slugField('title'),
    cityField(),
    {
      type: 'row',
      fields: [
        {
          name: 'dimension',
          type: 'relationship',
          relationTo: COLLECTIONS.dimensions,
          required: true,
          label: { id: 'Dimensi', en: 'Dimension' },
        },
        {
          name: 'subDimension',
          type: 'text',
          label: { id: 'Sub-dimensi', en: 'Sub-dimension' },
          admin: {
            description: {
              id: 'Kunci sub-dimensi dari dimensi terpilih, mis. "waste".',
              en: 'Key of a sub-dimension of the chosen dimension, e.g. "waste".',
            },
          },
        },
      ],
    },
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      label: { id: 'Ringkasan', en: 'Summary' },
    },
    {
      name: 'description',
      type: 'richText',
      localized: true,
      label: { id: 'Uraian', en: 'Description' },
    },
    {
      name: 'agency',
      type: 'text',
      required: true,
      label: { id: 'OPD penanggung jawab', en: 'Responsible agency (OPD)' },
    },
    {
      name: 'partners',
      type: 'array',
      label: { id: 'Mitra', en: 'Partners' },
      fields: [
        { name: 'name', type: 'text', required: true, label: { id: 'Nama', en: 'Name' } },
        {
          name: 'kind',
          type: 'select',
          options: [
            { label: { id: 'Swasta', en: 'Private' }, value: 'private' },
            { label: { id: 'Pemerintah', en: 'Government' }, value: 'government' },
            { label: { id: 'Perguruan tinggi', en: 'University' }, value: 'university' },
            { label: { id: 'Komunitas', en: 'Community' }, value: 'community' },
          ],
          label: { id: 'Jenis', en: 'Kind' },
        },
      ],
    },
    {
      name: 'fundingSources',
      type: 'select',
      hasMany: true,
      label: { id: 'Sumber dana', en: 'Funding sources' },
      options: [
        { label: 'APBD', value: 'apbd' },
        { label: 'APBN', value: 'apbn' },
        { label: 'CSR', value: 'csr' },
        { label: { id: 'Mitra', en: 'Partner' }, value: 'partner' },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'startYear',
          type: 'number',
          required: true,
          min: 2017,
          max: THIS_YEAR_PLUS,
          label: { id: 'Tahun mulai', en: 'Start year' },
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'ongoing',
          label: { id: 'Status', en: 'Status' },
          options: [
            { label: { id: 'Direncanakan', en: 'Planned' }, value: 'planned' },
            { label: { id: 'Berjalan', en: 'Ongoing' }, value: 'ongoing' },
            { label: { id: 'Selesai', en: 'Completed' }, value: 'completed' },
            { label: { id: 'Ditunda', en: 'Paused' }, value: 'paused' },
          ],
        },
      ],
    },
    {
      name: 'isPublic',
      type: 'checkbox',
      defaultValue: false,
      label: { id: 'Tampil di situs publik', en: 'Shown on the public site' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'indicators',
      type: 'join',
      collection: COLLECTIONS.indicators,
      on: 'program',
      label: { id: 'Indikator', en: 'Indicators' },
    },
  ],
}
