/**
 * The stored files of the upload collections, as backup and restore see them: list, read, write and
 * clear, per collection, by a path relative to that collection's storage: on disk (each collection's
 * `upload.staticDir` under `UPLOAD_DIR`), or in the S3 bucket (`S3_BUCKET`, cms/infra/bucket.ts),
 * under the collection's folder there (`evidence/`, `media/`). The paths are the same in both, so an
 * archive of one restores into the other.
 */
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { PassThrough, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import type { Payload } from 'payload'

import { type BucketSettings, bucketSettings } from '../infra/bucket.ts'

import { BackupError } from './errors.ts'
import { isSafeRelativePath } from './manifest.ts'

export interface StoredFile {
  /** Relative to the collection's storage, with `/` between folders. */
  path: string
  size: number
}

export interface UploadFileStore {
  /** Every file of the collection, sorted by path. */
  list(collection: string): Promise<StoredFile[]>
  read(collection: string, filePath: string): Readable
  /** Writes (or replaces) one file from `content`. */
  write(collection: string, filePath: string, content: Readable): Promise<void>
  /** Removes every file of the collection. */
  clear(collection: string): Promise<void>
}

/** The slugs of the collections that take uploads, in config order. */
export function uploadCollections(payload: Payload): string[] {
  return payload.config.collections.filter((collection) => collection.upload).map((collection) => collection.slug)
}

/** Files on disk, in each upload collection's `staticDir`. */
export function diskFileStore(folders: Record<string, string>): UploadFileStore {
  const folderOf = (collection: string): string => {
    const folder = folders[collection]
    if (!folder) throw new BackupError('unknownCollection', `Koleksi unggahan tidak dikenal / Unknown upload collection: ${collection}`, { subject: collection })
    return folder
  }
  const fileOf = (collection: string, filePath: string): string => {
    const folder = folderOf(collection)
    const full = path.resolve(folder, ...filePath.split('/'))
    if (!isSafeRelativePath(filePath) || !full.startsWith(folder + path.sep)) {
      throw new BackupError('unsafePath', `Jalur berkas tidak aman / Unsafe file path: ${collection}/${filePath}`, { subject: filePath })
    }
    return full
  }
  return {
    async list(collection) {
      const folder = folderOf(collection)
      if (!fs.existsSync(folder)) return []
      const entries = await fsp.readdir(folder, { recursive: true, withFileTypes: true })
      const files: StoredFile[] = []
      for (const entry of entries) {
        // Only regular files: a link could point outside the folder.
        if (!entry.isFile()) continue
        const full = path.join(entry.parentPath, entry.name)
        files.push({ path: path.relative(folder, full).split(path.sep).join('/'), size: (await fsp.stat(full)).size })
      }
      return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    },
    read(collection, filePath) {
      return fs.createReadStream(fileOf(collection, filePath))
    },
    async write(collection, filePath, content) {
      const full = fileOf(collection, filePath)
      await fsp.mkdir(path.dirname(full), { recursive: true })
      await pipeline(content, fs.createWriteStream(full))
    },
    async clear(collection) {
      const folder = folderOf(collection)
      for (const file of await this.list(collection)) await fsp.rm(fileOf(collection, file.path), { force: true })
      // Folders the files were in, deepest first; the collection's own folder stays.
      const entries = fs.existsSync(folder) ? await fsp.readdir(folder, { recursive: true, withFileTypes: true }) : []
      const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(entry.parentPath, entry.name))
      for (const dir of folders.sort((a, b) => b.length - a.length)) await fsp.rmdir(dir).catch(() => undefined)
    },
  }
}

/** Content types of the files Pantau stores, by extension: a bucket serves a photo with the type it was written with. */
const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

const contentTypeOf = (filePath: string): string =>
  CONTENT_TYPES[filePath.slice(filePath.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream'

/** Files in an S3-compatible bucket, each collection under the folder of its name (the storage plugin's prefix). */
export function bucketFileStore(settings: BucketSettings): UploadFileStore {
  const client = new S3Client(settings.client)
  const Bucket = settings.bucket
  const keyOf = (collection: string, filePath: string): string => {
    if (!isSafeRelativePath(filePath)) {
      throw new BackupError('unsafePath', `Jalur berkas tidak aman / Unsafe file path: ${collection}/${filePath}`, { subject: filePath })
    }
    return `${collection}/${filePath}`
  }
  return {
    async list(collection) {
      const files: StoredFile[] = []
      let ContinuationToken: string | undefined
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: `${collection}/`, ContinuationToken }))
        for (const object of page.Contents ?? []) {
          const relative = (object.Key ?? '').slice(collection.length + 1)
          if (relative && !relative.endsWith('/')) files.push({ path: relative, size: object.Size ?? 0 })
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (ContinuationToken)
      return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    },
    read(collection, filePath) {
      const out = new PassThrough()
      client
        .send(new GetObjectCommand({ Bucket, Key: keyOf(collection, filePath) }))
        .then(({ Body }) => (Body as Readable).pipe(out))
        .catch((error: unknown) => out.destroy(error as Error))
      return out
    },
    async write(collection, filePath, content) {
      const Key = keyOf(collection, filePath)
      await new Upload({ client, params: { Bucket, Key, Body: content, ContentType: contentTypeOf(filePath), ACL: 'private' } }).done()
    },
    async clear(collection) {
      const files = await this.list(collection)
      for (let start = 0; start < files.length; start += 1000) {
        const Objects = files.slice(start, start + 1000).map((file) => ({ Key: keyOf(collection, file.path) }))
        await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }))
      }
    },
  }
}

/** The store holding this installation's uploads: the bucket when the storage plugin keeps them there, else the disk. */
export function uploadFileStore(payload: Payload): UploadFileStore {
  const inBucket = payload.config.collections.some((collection) => collection.upload && collection.upload.disableLocalStorage)
  const settings = bucketSettings()
  if (inBucket) {
    if (!settings) {
      throw new BackupError(
        'objectStorage',
        'Berkas unggahan disimpan di object storage, tetapi S3_BUCKET tidak diatur / Uploads are kept in object storage, but S3_BUCKET is not set',
        { subject: 'S3_BUCKET' },
      )
    }
    return bucketFileStore(settings)
  }
  const folders: Record<string, string> = {}
  for (const collection of payload.config.collections) {
    if (collection.upload) folders[collection.slug] = path.resolve(collection.upload.staticDir ?? collection.slug)
  }
  return diskFileStore(folders)
}
