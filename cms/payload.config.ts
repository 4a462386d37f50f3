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
import { EvidenceUses } from './collections/EvidenceUses/index.ts'
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
import { ADMIN_TRANSLATIONS } from './components/adminTranslations.ts'
import { withRoleNavigation } from './components/navigation.ts'
import { DEFAULT_LOCALE, MAX_UPLOAD_BYTES } from './constants.ts'
import { problem, problemMessage } from './domain/problems.ts'
import { jobs } from './jobs/index.ts'
import { strictRoutes } from './endpoints/strictRoutes.ts'
import { bootTasksSkipped, databaseAdapter, resolveDatabase } from './infra/database.ts'
import { emailAdapter } from './infra/email.ts'
import { objectStoragePlugin } from './infra/objectStorage.ts'
import { healthEndpoint } from './endpoints/health.ts'
import { LIST_DATE_FORMAT } from './fields/dates.ts'
import { keepErrorDetails } from './hooks/keepErrorDetails.ts'
import { projectRoot } from './infra/paths.ts'
import { loggerConfig } from './infra/requestLog.ts'
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
    // Pantau's own name, words and icon wherever Payload would put its own.
    meta: {
      titleSuffix: '· Pantau',
      description: 'Pantau: pemantauan dan evaluasi Gerakan Menuju 100 Smart City',
      applicationName: 'Pantau',
      keywords: 'Pantau, smart city, monitoring, evaluasi',
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/pantau.svg' }],
      openGraph: { siteName: 'Pantau', description: 'Pemantauan dan evaluasi Gerakan Menuju 100 Smart City' },
      // The generated preview image carries Payload's logo.
      defaultOGImageType: 'off',
    },
    // Lists show moments as "2 Des 2026 10:15" in the reader's own zone and language (fields/dates.ts).
    dateFormat: LIST_DATE_FORMAT,
    // Gravatar would call an outside service for every avatar; the built-in one needs no network.
    avatar: 'default',
    components: {
      graphics: {
        Logo: '/components/Brand/Logo.tsx#Logo',
        Icon: '/components/Brand/Icon.tsx#Icon',
      },
      afterLogin: ['/components/Brand/LanguageSwitch.tsx#LanguageSwitch'],
      views: {
        // Each role's start page in place of Payload's grid of collections.
        dashboard: { Component: '/components/StartPage/index.tsx#StartPage' },
        periodOverview: {
          Component: '/components/SecretariatDashboard/index.tsx#SecretariatDashboard',
          path: '/ringkasan',
          // Payload titles a custom view "Payload" unless told; a view's title is fixed, so it is Indonesian.
          meta: { title: 'Ringkasan periode' },
        },
      },
      beforeNavLinks: ['/components/StartPage/NavLink.tsx#StartNavLink'],
      afterNavLinks: ['/components/SecretariatDashboard/NavLink.tsx#DashboardNavLink'],
    },
  },
  // Each role's navigation lists only the collections it works with (components/navigation.ts).
  collections: withRoleNavigation([
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
    EvidenceUses,
    Reviews,
    Updates,
    Media,
    Notices,
    AuditLog,
  ]),
  jobs,
  // Evidence and photos in an S3-compatible bucket when S3_BUCKET is set; on disk otherwise.
  plugins: [objectStoragePlugin()],
  endpoints: [healthEndpoint],
  i18n: {
    supportedLanguages: { id, en },
    // Words of Pantau's own admin parts (namespace `pantau`) and a few of Payload's and the editor's.
    translations: ADMIN_TRANSLATIONS,
    fallbackLanguage: DEFAULT_LOCALE,
  },
  localization: {
    // The language of the content being edited, named in the admin's own language (the header's
    // picker, "Bahasa isi" / "Content language", is not the admin's language).
    locales: [
      { code: 'id', label: { id: 'Bahasa Indonesia', en: 'Indonesian' } },
      { code: 'en', label: { id: 'Bahasa Inggris', en: 'English' } },
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
    // One fixed text, in the default language: Payload hands this config to the admin's client
    // components, so a function answering in the person's language (limitHandler) breaks every page.
    responseOnLimit: problemMessage(problem('upload.tooLarge', { params: { megabytes: MAX_UPLOAD_BYTES / 1024 / 1024 } }), DEFAULT_LOCALE),
    useTempFiles: true,
    tempFileDir: path.join(projectRoot, 'data', 'tmp'),
  },
  hooks: { afterError: [keepErrorDetails] },
  // JSON lines carrying each API request's id in production (infra/requestLog.ts).
  logger: loggerConfig(),
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
    // The committed types are SQLite's (number IDs); a start on MongoDB must not rewrite them with text
    // IDs, and the publish job's snapshot process has no reason to write them at every publish.
    autoGenerate: resolveDatabase(process.env.DATABASE_URI).kind === 'sqlite' && !bootTasksSkipped(),
  },
}).then((config) => strictRoutes(withSystemAccess(config)))
