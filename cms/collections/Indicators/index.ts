import type { CollectionConfig } from 'payload'

import { cityOfParent, createCityRecord, readCityRecords, writeCityRecords } from '../../access/rules.ts'
import { COLLECTIONS } from '../../constants.ts'
import {
  INDICATOR_AGGREGATION_LABELS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  INDICATOR_FREQUENCY_LABELS,
  selectOptions,
} from '../../contract/options.ts'
import { cityField, derivedField, programField } from '../../fields/relations.ts'
import { enqueuePublishSite, enqueuePublishSiteAfterDelete } from '../../hooks/enqueuePublishSite.ts'
import { inheritCityFromParent } from '../../hooks/inheritCityFromParent.ts'
import { validateTargetYear } from './hooks/validateTargetYear.ts'

/** One measurable target of a programme, e.g. 250 tonnes of plastic recycled a month. */
export const Indicators: CollectionConfig = {
  slug: COLLECTIONS.indicators,
  labels: {
    singular: { id: 'Indikator', en: 'Indicator' },
    plural: { id: 'Indikator', en: 'Indicators' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'program', 'unit', 'target', 'targetYear'],
    group: { id: 'Kemajuan Kota', en: 'City progress' },
  },
  access: {
    create: createCityRecord(cityOfParent('program', COLLECTIONS.programs)),
    read: readCityRecords('city', { 'program.isPublic': { equals: true } }),
    update: writeCityRecords('city'),
    delete: writeCityRecords('city'),
  },
  hooks: {
    beforeValidate: [inheritCityFromParent('program', COLLECTIONS.programs)],
    afterChange: [enqueuePublishSite()],
    afterDelete: [enqueuePublishSiteAfterDelete()],
  },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: { id: 'Nama', en: 'Name' } },
    programField(),
    derivedField(cityField()),
    {
      type: 'row',
      fields: [
        { name: 'unit', type: 'text', required: true, label: { id: 'Satuan', en: 'Unit' } },
        { name: 'baseline', type: 'number', label: { id: 'Nilai awal', en: 'Baseline' } },
        { name: 'target', type: 'number', required: true, label: { id: 'Target', en: 'Target' } },
        {
          name: 'targetYear',
          type: 'number',
          required: true,
          label: { id: 'Tahun target', en: 'Target year' },
          validate: validateTargetYear,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'direction',
          type: 'select',
          required: true,
          defaultValue: 'up',
          label: { id: 'Arah', en: 'Direction' },
          options: selectOptions(INDICATOR_DIRECTIONS, INDICATOR_DIRECTION_LABELS),
        },
        {
          name: 'frequency',
          type: 'select',
          required: true,
          defaultValue: 'yearly',
          label: { id: 'Frekuensi pelaporan', en: 'Reporting frequency' },
          options: selectOptions(INDICATOR_FREQUENCIES, INDICATOR_FREQUENCY_LABELS),
        },
        {
          name: 'aggregation',
          type: 'select',
          required: true,
          defaultValue: 'per_period',
          label: { id: 'Perbandingan dengan target', en: 'Compared with the target' },
          options: selectOptions(INDICATOR_AGGREGATIONS, INDICATOR_AGGREGATION_LABELS),
          admin: {
            description: {
              id: 'Kumulatif: nilai dijumlahkan dari awal program lalu dibandingkan dengan target (mis. rumah tangga terlayani).',
              en: 'Cumulative: values add up from the programme start before comparing with the target (e.g. households reached).',
            },
          },
        },
      ],
    },
    {
      name: 'allowNegative',
      type: 'checkbox',
      defaultValue: false,
      label: { id: 'Nilai negatif diperbolehkan', en: 'Negative values allowed' },
      admin: {
        position: 'sidebar',
        description: {
          id: 'Centang hanya bila nilai di bawah nol bermakna (mis. perubahan).',
          en: 'Tick only when values below zero make sense (e.g. a change).',
        },
      },
    },
  ],
}
