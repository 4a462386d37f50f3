import path from 'node:path'

import type { Access, CollectionConfig } from 'payload'

import { anyone, systemField, userOf } from '../access/rules.ts'
import { isCouncil, isSecretariat } from '../access/predicates.ts'
import { COLLECTIONS, MEDIA_MIME_TYPES } from '../constants.ts'
import { enqueuePublishSite, enqueuePublishSiteAfterDelete } from '../hooks/enqueuePublishSite.ts'
import { cleanUploadFilename } from '../hooks/cleanUploadFilename.ts'
import { recordUploader } from '../hooks/recordUploader.ts'
import { refuseOversizedImage } from '../hooks/refuseOversizedImage.ts'
import { verifyUploadType } from '../hooks/verifyUploadType.ts'
import { keepStorageKeys } from '../infra/objectStorage.ts'
import { uploadRoot } from '../infra/paths.ts'
import { publicImageHeaders } from '../infra/uploadHeaders.ts'

/** The secretariat and councils add photos; the public site shows them to everyone. */
const createMedia: Access = ({ req }) => isSecretariat(userOf(req)) || isCouncil(userOf(req))

/** Each council changes only the photos it uploaded; the secretariat all of them. */
const writeOwnMedia: Access = ({ req }) => {
  const user = userOf(req)
  if (isSecretariat(user)) return true
  return isCouncil(user) && user ? { uploadedBy: { equals: user.id } } : false
}

/** Public photos for programme pages and updates, resized for phones and screens. */
export const Media: CollectionConfig = {
  slug: COLLECTIONS.media,
  labels: {
    singular: { id: 'Media', en: 'Media' },
    plural: { id: 'Media', en: 'Media' },
  },
  admin: {
    useAsTitle: 'alt',
    // Named, so the storage plugin's own fields (prefix, object key) never become list columns.
    defaultColumns: ['alt', 'credit', 'uploadedBy'],
    group: { id: 'Publikasi', en: 'Publishing' },
  },
  access: {
    create: createMedia,
    read: anyone,
    update: writeOwnMedia,
    delete: writeOwnMedia,
  },
  upload: {
    staticDir: path.join(uploadRoot(), 'media'),
    mimeTypes: [...MEDIA_MIME_TYPES],
    pasteURL: false,
    modifyResponseHeaders: publicImageHeaders,
    adminThumbnail: 'thumbnail',
    formatOptions: { format: 'webp', options: { quality: 82 } },
    imageSizes: [
      { name: 'thumbnail', width: 400, formatOptions: { format: 'webp', options: { quality: 75 } } },
      { name: 'card', width: 768, formatOptions: { format: 'webp', options: { quality: 78 } } },
      { name: 'wide', width: 1600, formatOptions: { format: 'webp', options: { quality: 80 } } },
    ],
  },
  hooks: {
    beforeOperation: [cleanUploadFilename, verifyUploadType(MEDIA_MIME_TYPES), refuseOversizedImage],
    beforeChange: [keepStorageKeys, recordUploader],
    afterChange: [enqueuePublishSite()],
    afterDelete: [enqueuePublishSiteAfterDelete()],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      label: { id: 'Teks alternatif', en: 'Alternative text' },
      admin: {
        description: {
          id: 'Uraian singkat gambar untuk pembaca layar.',
          en: 'A short description of the image for screen readers.',
        },
      },
    },
    { name: 'credit', type: 'text', label: { id: 'Kredit foto', en: 'Photo credit' } },
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: COLLECTIONS.users,
      access: { create: systemField, update: systemField },
      admin: { readOnly: true, position: 'sidebar' },
      label: { id: 'Diunggah oleh', en: 'Uploaded by' },
    },
  ],
}
