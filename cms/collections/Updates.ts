import type { CollectionConfig } from 'payload'

import {
  cityInData,
  cityOfParent,
  createCityRecord,
  readCityRecords,
  readCityRecordVersions,
  writeCityRecords,
} from '../access/rules.ts'
import { COLLECTIONS } from '../constants.ts'
import { cityField, programField } from '../fields/relations.ts'
import { enqueuePublishSite, enqueuePublishSiteAfterDelete, publishedUpdate } from '../hooks/enqueuePublishSite.ts'
import { inheritCityFromParent } from '../hooks/inheritCityFromParent.ts'
import { refuseOtherCitysRecord } from '../hooks/refuseOtherCitysRecord.ts'
import { dayAdmin } from '../fields/dates.ts'

const cityOfProgramme = cityOfParent('program', COLLECTIONS.programs)

/** Public news on a city's programme: date, title, story and photos; drafts stay private. */
export const Updates: CollectionConfig = {
  slug: COLLECTIONS.updates,
  labels: {
    singular: { id: 'Kabar', en: 'Update' },
    plural: { id: 'Kabar', en: 'Updates' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'program', 'date', '_status'],
    group: { id: 'Publikasi', en: 'Publishing' },
  },
  defaultSort: '-date',
  versions: { drafts: true, maxPerDoc: 20 },
  access: {
    create: createCityRecord(async (req, data) => (data?.program ? cityOfProgramme(req, data) : cityInData(req, data))),
    // The public reads published news, and only of public programmes (or of the city as a whole).
    read: readCityRecords('city', {
      and: [
        { _status: { equals: 'published' } },
        { or: [{ program: { exists: false } }, { 'program.isPublic': { equals: true } }] },
      ],
    }),
    // Versions hold drafts: only the people who write the news read its history.
    readVersions: readCityRecordVersions('city'),
    update: writeCityRecords('city'),
    delete: writeCityRecords('city'),
  },
  hooks: {
    beforeValidate: [inheritCityFromParent('program', COLLECTIONS.programs), refuseOtherCitysRecord],
    afterChange: [enqueuePublishSite(publishedUpdate)],
    afterDelete: [enqueuePublishSiteAfterDelete(publishedUpdate)],
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { id: 'Judul', en: 'Title' } },
    {
      type: 'row',
      fields: [
        { name: 'date', type: 'date', required: true, label: { id: 'Tanggal', en: 'Date' }, admin: dayAdmin },
        programField({ required: false }),
      ],
    },
    cityField({
      admin: {
        position: 'sidebar',
        description: {
          id: 'Diisi otomatis dari program bila program dipilih.',
          en: 'Filled in from the programme when one is chosen.',
        },
      },
    }),
    { name: 'body', type: 'richText', localized: true, label: { id: 'Isi', en: 'Body' } },
    {
      name: 'photos',
      type: 'upload',
      relationTo: COLLECTIONS.media,
      hasMany: true,
      label: { id: 'Foto', en: 'Photos' },
    },
  ],
}
