/**
 * Where uploaded files live: on disk under `UPLOAD_DIR` (the default, one machine), or in an
 * S3-compatible bucket when `S3_BUCKET` is set, so several CMS instances share them.
 *
 * In the bucket, evidence stays private: it is written with the private ACL and only ever read by
 * Pantau, whose file route checks the reader's access as it does on disk and then streams the file,
 * so it never has an address of its own anyone could pass on. Photos (media) are public: their URLs point straight at
 * the bucket (or `S3_PUBLIC_URL`, a CDN in front of it), which the static site links to; the bucket
 * must let anyone read the `media/` prefix (a bucket policy; see docs/operations.md).
 *
 * The plugin is always added, switched off without a bucket, so the schema (its `prefix` column) is
 * the same on every installation and one set of migrations serves both.
 */
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { s3Storage } from '@payloadcms/storage-s3'
import type { CollectionBeforeChangeHook, Plugin } from 'payload'

import { COLLECTIONS } from '../constants.ts'
import { type BucketSettings, bucketSettings, publicMediaUrl } from './bucket.ts'

/** Payload's S3 storage for evidence (private, streamed after the access check) and media (public URLs), on only with a bucket. */
export function objectStoragePlugin(settings: BucketSettings | null = bucketSettings()): Plugin {
  return s3Storage({
    enabled: settings !== null,
    alwaysInsertFields: true,
    bucket: settings?.bucket ?? 'unused',
    config: settings?.client ?? {},
    acl: 'private',
    collections: {
      [COLLECTIONS.evidence]: {
        prefix: COLLECTIONS.evidence,
        // Streamed through Pantau after the access check, with the download headers of
        // infra/uploadHeaders.ts (attachment, nosniff, sandbox), as from disk: a signed address
        // would hand the browser the bucket's own answer, inline, on another origin.
        signedDownloads: false,
      },
      [COLLECTIONS.media]: {
        prefix: COLLECTIONS.media,
        disablePayloadAccessControl: true,
        generateFileURL: ({ filename, prefix }) => publicMediaUrl(settings as BucketSettings, filename, prefix),
      },
    },
  })
}

/** Whether the bucket answers with these credentials (the health check's storage probe). */
export async function bucketAnswers(settings: BucketSettings): Promise<void> {
  const client = new S3Client(settings.client)
  try {
    await client.send(new HeadBucketCommand({ Bucket: settings.bucket }))
  } finally {
    client.destroy()
  }
}

/**
 * Where a file lies in the bucket (`prefix`, `_objectKey`) is decided by the server, never by the
 * person saving: the storage plugin trusts both when it reads, deletes or signs an address, so a
 * value sent with a save could otherwise point one record at another's file, or evidence at the
 * public `media/` prefix. Every save keeps what was stored (a new record takes the plugin's
 * default); the plugin's own hooks, which run after this, then place a new upload.
 */
export const keepStorageKeys: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  for (const key of ['prefix', '_objectKey'] as const) {
    if (originalDoc && originalDoc[key] !== undefined) data[key] = originalDoc[key]
    else delete data[key]
  }
  return data
}
