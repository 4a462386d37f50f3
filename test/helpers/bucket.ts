/**
 * A real S3 HTTP API on a local port for the storage tests: s3rver, keeping its objects in a
 * temporary folder, with one bucket. `env` is what Pantau reads to store its uploads there
 * (cms/infra/bucket.ts); set it before the Payload config is imported.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'

export interface TestBucket {
  name: string
  endpoint: string
  env: Record<string, string>
  client: S3Client
  /** Every key in the bucket under `prefix`. */
  keys(prefix?: string): Promise<string[]>
  /** The object's bytes, or null when there is none. */
  read(key: string): Promise<Buffer | null>
  exists(key: string): Promise<boolean>
  close(): Promise<void>
}

const missing = (error: unknown) => {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404
}

export async function startBucket(name = 'pantau-test'): Promise<TestBucket> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name }] })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const env = {
    S3_BUCKET: name,
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  }
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  return {
    name,
    endpoint,
    env,
    client,
    async keys(prefix = '') {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: name, Prefix: prefix }))
      return (listed.Contents ?? []).map((object) => object.Key as string).sort()
    },
    async read(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: name, Key: key }))
        return Buffer.from(await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray())
      } catch (error) {
        if (missing(error)) return null
        throw error
      }
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: name, Key: key }))
        return true
      } catch (error) {
        if (missing(error)) return false
        throw error
      }
    },
    async close() {
      client.destroy()
      await server.close()
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}
