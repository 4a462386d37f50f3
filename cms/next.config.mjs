import path from 'node:path'
import { fileURLToPath } from 'node:url'

import nextEnv from '@next/env'
import { withPayload } from '@payloadcms/next/withPayload'

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
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
