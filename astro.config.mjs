import { defineConfig } from 'astro/config'

/**
 * Payload and its database drivers are Node server code with native binaries: the content loader
 * imports them from node_modules at build time. Vite already leaves dependencies of server code
 * unbundled, but a string list in `ssr.external` also wins over any later `ssr.noExternal`, and the
 * dev server must never try to pre-bundle them for the browser.
 */
const payloadServerPackages = [
  'payload',
  '@payloadcms/db-mongodb',
  '@payloadcms/db-sqlite',
  '@payloadcms/richtext-lexical',
  '@payloadcms/translations',
  '@libsql/client',
  'libsql',
  'mongoose',
  'sharp',
  'file-type',
]

export default defineConfig({
  srcDir: './site',
  outDir: './dist/site',
  output: 'static',
  site: process.env.PANTAU_SITE_URL || 'http://localhost:4321',
  // Pages are written as `kota/<slug>/index.html`; the dev server then serves the same URLs.
  trailingSlash: 'always',
  i18n: {
    defaultLocale: 'id',
    locales: ['id', 'en'],
    routing: { prefixDefaultLocale: false },
  },
  vite: {
    ssr: { external: payloadServerPackages },
    optimizeDeps: { exclude: payloadServerPackages },
  },
})
