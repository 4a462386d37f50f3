import { describe, expect, it } from 'vitest'

import { bucketSettings, mediaOrigin, publicMediaUrl } from '../../cms/infra/bucket.ts'
import { adminContentSecurityPolicy, siteContentSecurityPolicy } from '../../cms/infra/securityHeaders.ts'

const imageSources = (policy: string) => policy.split(';').find((part) => part.trim().startsWith('img-src'))?.trim().split(/\s+/).slice(1)

describe('the bucket named by the environment', () => {
  it('is none without S3_BUCKET: files stay on disk', () => {
    expect(bucketSettings({ S3_ENDPOINT: 'http://localhost:9000' })).toBeNull()
    expect(mediaOrigin({})).toBeNull()
  })

  it('addresses photos path-style on an endpoint that asks for it, and escapes their names', () => {
    const settings = bucketSettings({
      S3_BUCKET: 'pantau',
      S3_ENDPOINT: 'http://localhost:9000/',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    })
    expect(settings?.client).toEqual({
      region: 'us-east-1',
      forcePathStyle: true,
      endpoint: 'http://localhost:9000/',
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
    })
    expect(publicMediaUrl(settings!, 'pabrik daur ulang.webp', '')).toBe('http://localhost:9000/pantau/media/pabrik%20daur%20ulang.webp')
  })

  it('addresses photos on the bucket host of AWS, or on the CDN named by S3_PUBLIC_URL', () => {
    const aws = bucketSettings({ S3_BUCKET: 'pantau', S3_REGION: 'ap-southeast-3' })
    expect(publicMediaUrl(aws!, 'a.webp', 'media')).toBe('https://pantau.s3.ap-southeast-3.amazonaws.com/media/a.webp')
    const cdn = bucketSettings({ S3_BUCKET: 'pantau', S3_PUBLIC_URL: 'https://foto.pantau.example/' })
    expect(publicMediaUrl(cdn!, 'a.webp', undefined)).toBe('https://foto.pantau.example/media/a.webp')
    expect(mediaOrigin({ S3_BUCKET: 'pantau', S3_PUBLIC_URL: 'https://foto.pantau.example/x' })).toBe('https://foto.pantau.example')
  })

  it("lets the site's and the admin's pages show photos from that origin, and from no other", () => {
    expect(imageSources(siteContentSecurityPolicy('http://localhost:3000', ['https://foto.pantau.example']))).toEqual([
      "'self'",
      'data:',
      'http://localhost:3000',
      'https://foto.pantau.example',
    ])
    expect(imageSources(adminContentSecurityPolicy('n', { imageOrigins: ['https://foto.pantau.example'] }))).toContain('https://foto.pantau.example')
    expect(imageSources(adminContentSecurityPolicy('n'))).toEqual(["'self'", 'data:', 'blob:'])
  })
})
