import type { CollectionConfig } from 'payload'

import { cityInData, createCityRecord, readCityRecords, writeCityRecords } from '../access/rules.ts'
import { COLLECTIONS } from '../constants.ts'
import {
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  PROGRAMME_STATUS_LABELS,
  PROGRAMME_STATUSES,
  selectOptions,
} from '../contract/options.ts'
import { cityField, slugField } from '../fields/relations.ts'
import { enqueuePublishSite, enqueuePublishSiteAfterDelete, publicProgramme } from '../hooks/enqueuePublishSite.ts'
import { refuseOtherCitysRecord } from '../hooks/refuseOtherCitysRecord.ts'

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
    beforeValidate: [refuseOtherCitysRecord],
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
      labels: { singular: { id: 'Mitra', en: 'Partner' }, plural: { id: 'Mitra', en: 'Partners' } },
      fields: [
        { name: 'name', type: 'text', required: true, label: { id: 'Nama', en: 'Name' } },
        {
          name: 'kind',
          type: 'select',
          options: selectOptions(PARTNER_KINDS, PARTNER_KIND_LABELS),
          label: { id: 'Jenis', en: 'Kind' },
        },
      ],
    },
    {
      name: 'fundingSources',
      type: 'select',
      hasMany: true,
      label: { id: 'Sumber dana', en: 'Funding sources' },
      options: selectOptions(FUNDING_SOURCES, FUNDING_SOURCE_LABELS),
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
          options: selectOptions(PROGRAMME_STATUSES, PROGRAMME_STATUS_LABELS),
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
      // Ids at any depth: read at depth 1, a list of 50 programmes otherwise read each one's indicators
      // again in full, half its time at national size. The admin's table of them reads its own rows.
      maxDepth: 0,
      label: { id: 'Indikator', en: 'Indicators' },
      // The programme is the one on screen: its table names each indicator's unit, target and frequency instead.
      admin: { defaultColumns: ['name', 'unit', 'target', 'targetYear', 'frequency'] },
    },
  ],
}
