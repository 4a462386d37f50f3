import fs from 'node:fs'
import path from 'node:path'

import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'
import { loadEnv } from 'vite'

import { photoOrigins } from './cms/infra/bucket.ts'
import { siteOutDir } from './cms/infra/paths.ts'
import { headerObject, headersFile, siteHeaders } from './cms/infra/securityHeaders.ts'
import { cacheHeadersFile } from './cms/infra/siteCaching.ts'
import { openData } from './site/integrations/openData.ts'
import { partialBuild } from './site/integrations/partialBuild.ts'
import { searchIndex } from './site/integrations/searchIndex.ts'
import { shareCards } from './site/integrations/shareCards.ts'
import { siteBuildScope } from './site/lib/buildScope.ts'

const root = import.meta.dirname

/**
 * The pages read the publish snapshot from `SNAPSHOT_DIR` at build time (site/lib/siteData.ts).
 * A value in the root `.env` counts as it does for the CMS that writes the snapshot, and a relative
 * folder is resolved against the project root, whatever directory the build was started from.
 */
const fileEnv = loadEnv(process.env.NODE_ENV === 'production' ? 'production' : 'development', root, '')
process.env.SNAPSHOT_DIR = path.resolve(root, process.env.SNAPSHOT_DIR || fileEnv.SNAPSHOT_DIR || path.join('data', 'snapshot'))
process.env.PAYLOAD_PUBLIC_SERVER_URL ||= fileEnv.PAYLOAD_PUBLIC_SERVER_URL || ''
process.env.PANTAU_SITE_TARGET ||= fileEnv.PANTAU_SITE_TARGET || ''
const cmsOrigin = process.env.PAYLOAD_PUBLIC_SERVER_URL || 'http://localhost:3000'
// Photos in an S3 bucket (S3_BUCKET, cms/infra/bucket.ts) are shown from its address.
const imageOrigins = photoOrigins({ ...fileEnv, ...process.env })

/**
 * The site's security headers (cms/infra/securityHeaders.ts): written into the built site as
 * `_headers` for a static host or CDN, which serves it over HTTPS (so with HSTS), followed by its
 * cache rules (cms/infra/siteCaching.ts). `npm start`'s static server (scripts/serveSite.ts) sends
 * the same lists itself; `astro preview`, run by hand, sends the security headers (not `astro dev`,
 * whose own inline scripts the policy would refuse).
 */
const securityHeaders = {
  name: 'pantau-security-headers',
  hooks: {
    'astro:config:setup': ({ command, updateConfig }) => {
      if (command === 'preview') updateConfig({ server: { headers: headerObject(siteHeaders({ cmsOrigin, https: false, imageOrigins })) } })
    },
    'astro:build:done': ({ dir }) => {
      fs.writeFileSync(new URL('_headers', dir), [headersFile(siteHeaders({ cmsOrigin, https: true, imageOrigins })), cacheHeadersFile()].join('\n'))
    },
  },
}

const site = process.env.PANTAU_SITE_URL || fileEnv.PANTAU_SITE_URL || 'http://localhost:4321'
/**
 * A partial build (cms/contract/siteBuild.ts), asked for by the publish job after a change to some
 * cities: their pages and the pages about all cities rendered, every other file taken from the
 * published site, and listed in the sitemap as the whole build lists them (`previousPages`, added
 * once the scope is known: the job may start the build before the snapshot is written).
 */
const scope = siteBuildScope(process.env)
const previousPages = []

export default defineConfig({
  srcDir: './site',
  // Files served as they are (the site's icon) live beside the pages' sources.
  publicDir: './site/public',
  // `dist/site`, or `PANTAU_SITE_TARGET`: where the publish job and the static server find the site.
  outDir: siteOutDir(),
  output: 'static',
  site,
  // Pages are written as `kota/<slug>/index.html`; the dev server then serves the same URLs.
  trailingSlash: 'always',
  // The site's Markdown (the scoring method) has no code to colour: Shiki is not loaded.
  markdown: { syntaxHighlight: false },
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
      customPages: previousPages,
    }),
    // Files the pages do not render, linked into the site once they are written: the share cards
    // from their cache, the open data package from the snapshot, and in a partial build every file of
    // the published site this build did not write. Before the search index, which reads the whole site.
    shareCards(),
    openData(),
    partialBuild(scope, previousPages, site),
    searchIndex(),
  ],
})
