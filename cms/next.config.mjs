import path from 'node:path'
import { fileURLToPath } from 'node:url'

import nextEnv from '@next/env'
import { withPayload } from '@payloadcms/next/withPayload'

import { API_CONTENT_SECURITY_POLICY, BASE_HEADERS, HSTS } from './infra/securityHeaders.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// `next start cms` reads only cms/.env; the project keeps one .env at the root.
nextEnv.loadEnvConfig(root, process.env.NODE_ENV !== 'production', console, true)

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Type errors fail `npm run typecheck` in CI; the build does not check the tests and scripts again.
  typescript: { tsconfigPath: '../tsconfig.json', ignoreBuildErrors: true },
  turbopack: { root },
  outputFileTracingRoot: root,
  poweredByHeader: false,
  // The official list of regions reads its CSV files beside its own module at run time.
  serverExternalPackages: ['idn-area-data'],
  // Security headers (cms/infra/securityHeaders.ts). The admin's Content-Security-Policy carries a
  // nonce per page, so cms/proxy.ts sets it; HSTS goes out when a TLS proxy in front says the
  // request came over HTTPS.
  async headers() {
    return [
      { source: '/:path*', headers: BASE_HEADERS },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
      { source: '/:path*', has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: [HSTS] },
    ]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
