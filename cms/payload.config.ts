import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { id } from '@payloadcms/translations/languages/id'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { withSystemAccess } from './access/systemCollections.ts'
import { AuditLog } from './collections/AuditLog.ts'
import { Cities } from './collections/Cities.ts'
import { Dimensions } from './collections/Dimensions.ts'
import { Evidence } from './collections/Evidence/index.ts'
import { Indicators } from './collections/Indicators/index.ts'
import { Instruments } from './collections/Instruments/index.ts'
import { Measurements } from './collections/Measurements/index.ts'
import { Media } from './collections/Media.ts'
import { Notices } from './collections/Notices.ts'
import { Periods } from './collections/Periods/index.ts'
import { Programs } from './collections/Programs.ts'
import { Reports } from './collections/Reports/index.ts'
import { Reviews } from './collections/Reviews/index.ts'
import { Updates } from './collections/Updates.ts'
import { Users } from './collections/Users/index.ts'
import { DEFAULT_LOCALE, MAX_UPLOAD_BYTES } from './constants.ts'
import { jobs } from './jobs/index.ts'
import { strictRoutes } from './endpoints/strictRoutes.ts'
import { databaseAdapter } from './infra/database.ts'
import { emailAdapter } from './infra/email.ts'
import { keepErrorDetails } from './hooks/keepErrorDetails.ts'
import { projectRoot } from './infra/paths.ts'
import { resolveSecret } from './infra/secret.ts'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const serverURL = process.env.PAYLOAD_PUBLIC_SERVER_URL || 'http://localhost:3000'
/** Origins allowed to send cookie-authenticated requests (CSRF) and cross-origin calls (CORS). */
const trustedOrigins = [
  serverURL,
  ...(process.env.PANTAU_TRUSTED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
]

// Payload adds collections, globals and routes of its own while it builds the config: their access
// rules and the strict reading of every route are applied to the built config.
export default buildConfig({
  serverURL,
  secret: resolveSecret(),
  db: databaseAdapter(),
  editor: lexicalEditor(),
  // SMTP when SMTP_HOST is set; otherwise each message is written to data/mail/ (MAIL_DIR) and nothing is sent.
  email: emailAdapter(),
  sharp,
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname, importMapFile: path.join(dirname, 'app', '(payload)', 'admin', 'importMap.js') },
    meta: { titleSuffix: ' · Pantau' },
    // Gravatar would call an outside service for every avatar; the built-in one needs no network.
    avatar: 'default',
    components: {
      views: {
        periodOverview: { Component: '/components/SecretariatDashboard/index.tsx#SecretariatDashboard', path: '/ringkasan' },
      },
      afterNavLinks: ['/components/SecretariatDashboard/NavLink.tsx#DashboardNavLink'],
    },
  },
  collections: [
    Users,
    Cities,
    Dimensions,
    Programs,
    Indicators,
    Measurements,
    Instruments,
    Periods,
    Reports,
    Evidence,
    Reviews,
    Updates,
    Media,
    Notices,
    AuditLog,
  ],
  jobs,
  i18n: {
    supportedLanguages: { id, en },
    // Words of Pantau's own admin parts, under their own namespace.
    translations: {
      id: { pantau: { fillInReport: 'Isi laporan', review: 'Tinjau' } },
      en: { pantau: { fillInReport: 'Fill in the report', review: 'Review' } },
    },
    fallbackLanguage: DEFAULT_LOCALE,
  },
  localization: {
    locales: [
      { code: 'id', label: 'Bahasa Indonesia' },
      { code: 'en', label: 'English' },
    ],
    defaultLocale: DEFAULT_LOCALE,
    fallback: true,
  },
  defaultDepth: 1,
  maxDepth: 3,
  graphQL: { disable: true },
  csrf: trustedOrigins,
  cors: trustedOrigins,
  upload: {
    limits: { fileSize: MAX_UPLOAD_BYTES },
    abortOnLimit: true,
    responseOnLimit: `Berkas melebihi batas ${MAX_UPLOAD_BYTES / 1024 / 1024} MB / The file exceeds the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit`,
    useTempFiles: true,
    tempFileDir: path.join(projectRoot, 'data', 'tmp'),
  },
  hooks: { afterError: [keepErrorDetails] },
  // A refused stale save (409), a refusal naming its problems (400), a request without a session (401)
  // and a wrong password are expected traffic, not faults: log them without a stack trace. Payload's
  // type names only its own errors; the runtime looks any error name up.
  loggingLevels: {
    StaleReportError: 'info',
    ProblemsError: 'info',
    UnauthorizedError: 'info',
    AuthenticationError: 'info',
  } as Partial<Record<string, 'info'>>,
  typescript: {
    outputFile: path.join(dirname, 'payload-types.ts'),
  },
}).then((config) => strictRoutes(withSystemAccess(config)))
