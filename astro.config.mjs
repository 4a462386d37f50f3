import fs from 'node:fs'
import path from 'node:path'

import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'
import { loadEnv } from 'vite'

import { headerObject, headersFile, siteHeaders } from './cms/infra/securityHeaders.ts'
import { searchIndex } from './site/integrations/searchIndex.ts'

const root = import.meta.dirname

/**
 * The pages read the publish snapshot from `SNAPSHOT_DIR` at build time (site/lib/siteData.ts).
 * A value in the root `.env` counts as it does for the CMS that writes the snapshot, and a relative
 * folder is resolved against the project root, whatever directory the build was started from.
 */
const fileEnv = loadEnv(process.env.NODE_ENV === 'production' ? 'production' : 'development', root, '')
process.env.SNAPSHOT_DIR = path.resolve(root, process.env.SNAPSHOT_DIR || fileEnv.SNAPSHOT_DIR || path.join('data', 'snapshot'))
process.env.PAYLOAD_PUBLIC_SERVER_URL ||= fileEnv.PAYLOAD_PUBLIC_SERVER_URL || ''
const cmsOrigin = process.env.PAYLOAD_PUBLIC_SERVER_URL || 'http://localhost:3000'

/**
 * The site's security headers (cms/infra/securityHeaders.ts): sent by `astro preview`, which
 * `npm start` serves the built site with (not by `astro dev`, whose own inline scripts the policy
 * would refuse), and written into the built site as `_headers` for a static host or CDN, which
 * serves it over HTTPS (so with HSTS).
 */
const securityHeaders = {
  name: 'pantau-security-headers',
  hooks: {
    'astro:config:setup': ({ command, updateConfig }) => {
      if (command === 'preview') updateConfig({ server: { headers: headerObject(siteHeaders({ cmsOrigin, https: false })) } })
    },
    'astro:build:done': ({ dir }) => {
      fs.writeFileSync(new URL('_headers', dir), headersFile(siteHeaders({ cmsOrigin, https: true })))
    },
  },
}

export default defineConfig({
  srcDir: './site',
  outDir: './dist/site',
  output: 'static',
  site: process.env.PANTAU_SITE_URL || fileEnv.PANTAU_SITE_URL || 'http://localhost:4321',
  // Pages are written as `kota/<slug>/index.html`; the dev server then serves the same URLs.
  trailingSlash: 'always',
  build: {
    // Stylesheets as files, never inline: the Content-Security-Policy allows the site's own files only.
    inlineStylesheets: 'never',
    // Writing a page to disk leaves the renderer waiting on the file system; with several pages in
    // flight the next one renders meanwhile. On 2 cores with 1,000 pages this renders about a third
    // faster than one page at a time; more than 8 gained nothing. Pages share only read-once data.
    concurrency: 8,
  },
  i18n: {
    defaultLocale: 'id',
    locales: ['id', 'en'],
    routing: { prefixDefaultLocale: false },
  },
  vite: {
    // Every script stays a file of the site, never inlined into a page, so a Content Security
    // Policy of `script-src 'self'` needs no hash or nonce.
    build: { assetsInlineLimit: 0 },
  },
  integrations: [
    securityHeaders,
    sitemap({
      // Each page is listed with its other-language twin; the 404 page is no page to find.
      i18n: { defaultLocale: 'id', locales: { id: 'id-ID', en: 'en-GB' } },
      filter: (page) => !page.endsWith('/404/'),
    }),
    searchIndex(),
  ],
})
