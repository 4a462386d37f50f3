import type { CollectionConfig, PayloadRequest } from 'payload'

import { createMeasurement, deleteMeasurement, readMeasurements, updateMeasurement } from './access.ts'
import { COLLECTIONS } from '../../constants.ts'
import { importMeasurements, measurementTemplateHandler } from './endpoints/importMeasurements.ts'
import { cityField, derivedField, programField } from '../../fields/relations.ts'
import { enqueuePublishSite, enqueuePublishSiteAfterDelete } from '../../hooks/enqueuePublishSite.ts'
import { inheritCityFromParent } from '../../hooks/inheritCityFromParent.ts'
import { validateMeasurement } from './hooks/validateMeasurement.ts'
import { problem } from '../../domain/problems.ts'
import { messageFor } from '../../server/problemsError.ts'

/** One value of one indicator for one month or year: the time series behind the public charts. */
export const Measurements: CollectionConfig = {
  slug: COLLECTIONS.measurements,
  labels: {
    singular: { id: 'Capaian', en: 'Measurement' },
    plural: { id: 'Capaian', en: 'Measurements' },
  },
  admin: {
    defaultColumns: ['indicator', 'year', 'month', 'value', 'city'],
    group: { id: 'Kemajuan Kota', en: 'City progress' },
  },
  defaultSort: ['-year', '-month'],
  // A copy could never be saved: an indicator has one value per period.
  disableDuplicate: true,
  access: {
    create: createMeasurement,
    read: readMeasurements,
    update: updateMeasurement,
    delete: deleteMeasurement,
  },
  hooks: {
    beforeValidate: [
      inheritCityFromParent('indicator', COLLECTIONS.indicators, ['city', 'program']),
      validateMeasurement,
    ],
    afterChange: [enqueuePublishSite()],
    afterDelete: [enqueuePublishSiteAfterDelete()],
  },
  endpoints: [
    { path: '/import', method: 'post', handler: importMeasurements },
    { path: '/template', method: 'get', handler: measurementTemplateHandler },
  ],
  fields: [
    {
      name: 'indicator',
      type: 'relationship',
      relationTo: COLLECTIONS.indicators,
      required: true,
      index: true,
      label: { id: 'Indikator', en: 'Indicator' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'year',
          type: 'number',
          required: true,
          min: 2000,
          max: 2100,
          label: { id: 'Tahun', en: 'Year' },
        },
        {
          // A number, not a select of names, so that months sort and chart in time order.
          name: 'month',
          type: 'number',
          min: 1,
          max: 12,
          label: { id: 'Bulan (1-12)', en: 'Month (1-12)' },
          admin: {
            step: 1,
            components: { Cell: '/components/MonthCell/index.tsx#MonthCell' },
            description: {
              id: 'Hanya untuk indikator bulanan: 1 = Januari ... 12 = Desember.',
              en: 'Only for monthly indicators: 1 = January ... 12 = December.',
            },
          },
          validate: (value: unknown, { req }: { req: PayloadRequest }) =>
            value === null || value === undefined || (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 12)
              ? true
              : messageFor(req, problem('measurement.monthRange')),
        },
        { name: 'value', type: 'number', required: true, label: { id: 'Nilai', en: 'Value' } },
      ],
    },
    { name: 'source', type: 'text', label: { id: 'Sumber data', en: 'Data source' } },
    {
      name: 'evidence',
      type: 'relationship',
      relationTo: COLLECTIONS.evidence,
      hasMany: true,
      label: { id: 'Bukti dukung', en: 'Evidence' },
    },
    { name: 'note', type: 'textarea', label: { id: 'Catatan', en: 'Note' } },
    derivedField(programField()),
    derivedField(cityField()),
  ],
}
