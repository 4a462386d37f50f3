import { APIError, type CollectionBeforeDeleteHook, type CollectionConfig, type PayloadRequest } from 'payload'

import { anyone, secretariatOnly } from '../access/rules.ts'
import { COLLECTIONS } from '../constants.ts'
import { slugField } from '../fields/relations.ts'
import { problem } from '../domain/problems.ts'
import { messageFor } from '../server/problemsError.ts'
import { enqueuePublishSite, enqueuePublishSiteAfterDelete } from '../hooks/enqueuePublishSite.ts'
import { asSystem } from '../server/asSystem.ts'

/**
 * Refuses deleting a pillar that programmes, instrument sections or accepted scores name (status
 * 409): each of them must name a pillar, and on SQLite the database would refuse the deletion with
 * an error of its own. The secretariat moves them to another pillar first, or renames this one.
 */
const refuseDeletingPillarInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const system = asSystem(req, 'a pillar in use is refused whoever can see its users')
  const [programmes, instruments, reviews] = await Promise.all([
    system.count(COLLECTIONS.programs, { dimension: { equals: id } }),
    system.count(COLLECTIONS.instruments, { 'sections.dimension': { equals: id } }),
    system.count(COLLECTIONS.reviews, { 'pillarScores.pillar': { equals: id } }),
  ])
  if (programmes + instruments + reviews === 0) return
  const found = problem('dimension.inUse', { params: { programmes, instruments, reviews } })
  throw new APIError(messageFor(req, found), 409, { problems: [found] }, true)
}

/**
 * The six smart-city pillars (Governance, Branding, Economy, Society, Living, Environment). Public
 * facts of the programme, read by everyone: every public programme names its pillar.
 */
export const Dimensions: CollectionConfig = {
  slug: COLLECTIONS.dimensions,
  labels: {
    singular: { id: 'Dimensi', en: 'Dimension' },
    plural: { id: 'Dimensi', en: 'Dimensions' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'order', 'colour'],
    group: { id: 'Instrumen', en: 'Instrument' },
  },
  defaultSort: 'order',
  // A programme or score read at depth 1 names its pillar (name, slug, colour, order): the description
  // and the sub-dimensions are read from the pillar itself.
  defaultPopulate: { name: true, slug: true, order: true, colour: true },
  access: {
    create: secretariatOnly,
    read: anyone,
    update: secretariatOnly,
    delete: secretariatOnly,
  },
  hooks: {
    afterChange: [enqueuePublishSite()],
    beforeDelete: [refuseDeletingPillarInUse],
    afterDelete: [enqueuePublishSiteAfterDelete()],
  },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: { id: 'Nama', en: 'Name' } },
    slugField('name'),
    {
      name: 'description',
      type: 'textarea',
      localized: true,
      label: { id: 'Deskripsi', en: 'Description' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'order',
          type: 'number',
          required: true,
          min: 1,
          label: { id: 'Urutan', en: 'Order' },
        },
        {
          name: 'colour',
          type: 'text',
          required: true,
          label: { id: 'Warna', en: 'Colour' },
          admin: {
            description: {
              id: 'Warna grafik, format #RRGGBB.',
              en: 'Chart colour, format #RRGGBB.',
            },
          },
          validate: (value: unknown, { req }: { req: PayloadRequest }) =>
            typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value) ? true : messageFor(req, problem('dimension.colour')),
        },
      ],
    },
    {
      name: 'subDimensions',
      type: 'array',
      label: { id: 'Sub-dimensi', en: 'Sub-dimensions' },
      labels: {
        singular: { id: 'Sub-dimensi', en: 'Sub-dimension' },
        plural: { id: 'Sub-dimensi', en: 'Sub-dimensions' },
      },
      fields: [
        {
          name: 'key',
          type: 'text',
          required: true,
          label: { id: 'Kunci', en: 'Key' },
          validate: (value: unknown, { req }: { req: PayloadRequest }) =>
            typeof value === 'string' && /^[a-z0-9-]+$/.test(value) ? true : messageFor(req, problem('dimension.key')),
        },
        { name: 'name', type: 'text', required: true, localized: true, label: { id: 'Nama', en: 'Name' } },
      ],
      validate: (rows: unknown, { req }: { req: PayloadRequest }) => {
        const keys = Array.isArray(rows) ? rows.map((row: { key?: string }) => row?.key) : []
        const repeated = keys.find((key, index) => key && keys.indexOf(key) !== index)
        return repeated ? messageFor(req, problem('dimension.subKeyTwice', { params: { key: repeated } })) : true
      },
    },
  ],
}
