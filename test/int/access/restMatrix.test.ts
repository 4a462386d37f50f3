/**
 * The REST access matrix: every route the built Payload config serves (Pantau's collections,
 * Payload's own collections and globals, every `versions` route, every custom endpoint), called over
 * the app's REST route by each person of the access table (test/helpers/access.ts): the anonymous
 * public, the secretariat, city A's council, another city's council, city A's assessor and an
 * assessor assigned nowhere, on documents of their own city and of another, draft and published.
 * The routes are read from the config, not listed here: a collection, global or endpoint added later
 * without an expectation below fails this test until someone writes down who may call it.
 */
import configPromise from '@payload-config'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { COLLECTIONS, REPORT_STATUS } from '../../../cms/constants.ts'
import type { Actor, Verdict } from '../../helpers/access.ts'
import { ACTOR_NAMES } from '../../helpers/access.ts'
import { type ApiResponse, callApi, tokenOf, uploadForm } from '../../helpers/api.ts'
import { pdfFile, pngFile } from '../../helpers/files.ts'
import {
  buildFixture,
  cityData,
  createEvidence,
  createReport,
  dimensionData,
  type Fixture,
  indicatorData,
  instrumentData,
  measurementData,
  periodData,
  programData,
  updateData,
  useOf,
} from '../../helpers/fixture.ts'
import { testPayload } from '../../helpers/payload.ts'
import {
  ACTORS,
  type Body,
  byStatus,
  type Case,
  caller,
  counting,
  describesCaller,
  forEveryActor,
  judged,
  listing,
  NO_ROUTES,
  nobody,
  routeKey,
  routesOf,
  type Tokens,
} from '../../helpers/restMatrix.ts'
import { createUser, TEST_PASSWORD } from '../../helpers/users.ts'

const payload: Payload = await testPayload()
// The app's route adds Payload's `/og` endpoint on its first request, as it does in production.
await callApi('GET', '/access')
const config = await configPromise
const ROUTES = routesOf(config)

let fixture: Fixture
const tokens: Tokens = {}
const call = caller(tokens)

const STAFF: Actor[] = ['secretariat', 'councilA', 'councilB', 'assessorA', 'assessorNone']
const CITY_A_READERS: Actor[] = ['secretariat', 'councilA', 'assessorA']
const CITY_A_WRITERS: Actor[] = ['secretariat', 'councilA']

let serial = 0
const next = () => (serial += 1)

type Doc = { id: number | string; filename?: string | null }

/**
 * A document the cases act on. `make` creates one as the system for every delete that must succeed,
 * so no case depends on another having run; reads and updates act on `shared` (one of the fixture's
 * documents), or on one made by `make` when there is none.
 */
interface Target {
  name: string
  make: () => Promise<Doc>
  shared?: () => Doc
  read: Actor[]
  update?: Actor[]
  delete?: Actor[]
  /** Who changes or deletes it with a query (`PATCH /`, `DELETE /`), when that differs from by its id. */
  byQuery?: Actor[]
  /** Who reads the document's stored versions (versioned collections only). */
  versions?: Actor[]
}

interface CreateVariant {
  what: string
  allowed: Actor[]
  body: (actor: Actor) => Promise<Body> | Body
}

interface CollectionSpec {
  targets: Target[]
  create: CreateVariant[]
  /** Who may duplicate a document it reads. */
  duplicate?: Actor[]
  /**
   * A copy stays in its city: those in `duplicate` copy only the documents they may also change
   * (a council its own city's programmes, not another city's public ones).
   */
  duplicateOwn?: boolean
  /** A change that is harmless to the document, as `actor` would send it. */
  updateBody: (actor: Actor) => Body
  /** Cases of the collection's own routes and of routes with rules of their own, by "METHOD path". */
  routes?: Record<string, () => Case[]>
}

const sharedDocs = new Map<Target, Promise<Doc>>()
const shared = (target: Target) => {
  if (!sharedDocs.has(target)) sharedDocs.set(target, target.shared ? Promise.resolve(target.shared()) : target.make())
  return sharedDocs.get(target) as Promise<Doc>
}

const system = { overrideAccess: true as const, depth: 0 }
const idOfDoc = (doc: { id: number | string }): Doc => ({ id: doc.id })

// The documents ----------------------------------------------------------------------------------

const makeUpdate = async (program: () => Fixture['programs'][keyof Fixture['programs']], status: 'draft' | 'published') =>
  idOfDoc(
    await payload.create({
      collection: COLLECTIONS.updates,
      data: { ...updateData(program()), _status: status },
      draft: status === 'draft',
      ...system,
    }),
  )

const makeSubmittedReportA = async () => createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)

const makeAcceptedReportA = async () => {
  const report = await createReport(payload, fixture, fixture.cityA, REPORT_STATUS.submitted)
  await payload.create({
    collection: COLLECTIONS.reviews,
    data: {
      report: report.id,
      assessor: fixture.users.assessorA.id,
      city: fixture.cityA.id,
      status: 'completed',
      scores: [{ question: 'G1', score: 4, comment: 'Baik' }],
    },
    ...system,
  })
  return payload.update({ collection: COLLECTIONS.reports, id: report.id, data: { status: REPORT_STATUS.accepted }, ...system })
}

const makeEvidence = async (report: () => Promise<{ id: number | string }> | undefined, city: 'A' | 'B', isPublic = false) => {
  const cityDoc = city === 'A' ? fixture.cityA : fixture.cityB
  const parent = report ? await report() : undefined
  const doc = await createEvidence(payload, cityDoc, parent as never, { isPublic })
  return { id: doc.id, filename: doc.filename }
}

/** A file of `city`'s library attached to question G1 of the report `report` gives; its use. */
const makeUse = async (report: () => Promise<{ id: number | string }>, city: 'A' | 'B') => {
  const parent = await report()
  const file = await createEvidence(payload, city === 'A' ? fixture.cityA : fixture.cityB, parent as never)
  return idOfDoc(await useOf(payload, parent as never, file))
}

const makeLock = async () =>
  idOfDoc(
    await payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: COLLECTIONS.reports, value: fixture.reports.a.id },
        user: { relationTo: COLLECTIONS.users, value: fixture.users.councilA.id },
      },
      ...system,
    }),
  )

// The collection names the signed-in person as the owner of a preference, whatever the data says.
const makePreference = async () =>
  idOfDoc(
    await payload.create({
      collection: 'payload-preferences',
      data: { key: `kolom-${next()}`, value: { columns: [] } } as never,
      user: fixture.users.councilA,
      ...system,
    }),
  )

/** The answer of a preferences `/:key` route: allowed only when it hands over a stored preference. */
function ownPreference(response: ApiResponse, sentence: string): Verdict {
  if (response.status === 401 || response.status === 403) return 'denied'
  if (response.status !== 200) throw new Error(`${sentence}: unexpected ${response.status} ${JSON.stringify(response.body)}`)
  return response.body.value === null || response.body.value === undefined ? 'denied' : 'allowed'
}

const userIdOf = (actor: Actor) => (actor === 'public' ? undefined : fixture.users[actor].id)

// What each collection allows -------------------------------------------------------------------

const SPECS: Record<string, CollectionSpec> = {
  [COLLECTIONS.users]: {
    targets: [
      {
        name: "the account of city A's council member",
        make: async () => idOfDoc(await createUser(payload, 'council', [fixture.cityA.id])),
        shared: () => idOfDoc(fixture.users.councilA),
        read: ['secretariat', 'councilA'],
        update: ['secretariat', 'councilA'],
        delete: ['secretariat'],
      },
    ],
    create: [
      {
        what: 'create an account',
        allowed: ['secretariat'],
        body: () => ({ email: `baru-${next()}@example.test`, password: TEST_PASSWORD, name: 'Akun baru', role: 'council', cities: [fixture.cityA.id] }),
      },
    ],
    updateBody: () => ({ organisation: 'Bappeda' }),
    routes: {
      'POST /login': () =>
        forEveryActor(
          STAFF,
          'sign in with its own password',
          judged(
            (actor) =>
              call(actor, 'POST', '/users/login', {
                email: actor === 'public' ? 'tidak-ada@example.test' : fixture.users[actor].email,
                password: TEST_PASSWORD,
              }),
            byStatus([401]),
          ),
        ),
      // On a session of its own: signing out ends the session the other cases use.
      'POST /logout': () =>
        forEveryActor(
          STAFF,
          'sign out',
          judged(async (actor) => {
            const token = actor === 'public' ? undefined : await tokenOf(payload, fixture.users[actor])
            return callApi('POST', '/users/logout', { token })
          }, byStatus([400, 401])),
        ),
      'GET /me': () =>
        forEveryActor(STAFF, 'read its own account', async (actor) => {
          const response = await call(actor, 'GET', '/users/me')
          if (response.status !== 200) throw new Error(`GET /users/me answered ${response.status}`)
          return response.body.user && response.body.user.id === userIdOf(actor) ? 'allowed' : 'denied'
        }),
      'POST /refresh-token': () =>
        forEveryActor(STAFF, 'refresh its session', judged((actor) => call(actor, 'POST', '/users/refresh-token'), byStatus([401, 403]))),
      'GET /init': () => describesCaller('ask whether a first account must be registered', (actor) => call(actor, 'GET', '/users/init')),
      'POST /first-register': () =>
        nobody('register a first administrator', (actor) =>
          call(actor, 'POST', '/users/first-register', { email: `pertama-${next()}@example.test`, password: TEST_PASSWORD, name: 'X', role: 'secretariat' }),
        ),
      'POST /forgot-password': () =>
        describesCaller('ask for a password reset (answered alike whether or not the address exists)', (actor) =>
          call(actor, 'POST', '/users/forgot-password', { email: actor === 'public' ? 'tidak-ada@example.test' : fixture.users[actor].email }),
        ),
      'POST /reset-password': () =>
        nobody('reset a password with a made-up token', (actor) => call(actor, 'POST', '/users/reset-password', { token: 'palsu', password: 'kata-sandi-baru-123' }), [400, 403]),
      'POST /unlock': () =>
        forEveryActor(
          ['secretariat'],
          "unlock the account of city A's council member",
          judged((actor) => call(actor, 'POST', '/users/unlock', { email: fixture.users.councilA.email }), byStatus([401, 403])),
        ),
      'POST /verify/:id': () => nobody('verify an e-mail address (not used here)', (actor) => call(actor, 'POST', '/users/verify/token-palsu'), [404]),
    },
  },

  [COLLECTIONS.cities]: {
    targets: [
      {
        name: 'city A',
        make: async () => idOfDoc(await payload.create({ collection: COLLECTIONS.cities, data: cityData(), ...system })),
        shared: () => idOfDoc(fixture.cityA),
        read: [...CITY_A_READERS, 'public'],
        update: CITY_A_WRITERS,
        delete: ['secretariat'],
      },
    ],
    create: [{ what: 'create a city', allowed: ['secretariat'], body: () => cityData() }],
    updateBody: () => ({ masterplan: [] }),
  },

  [COLLECTIONS.dimensions]: {
    duplicate: ['secretariat'],
    targets: [
      {
        name: 'a pillar',
        make: async () => idOfDoc(await payload.create({ collection: COLLECTIONS.dimensions, data: dimensionData(), ...system })),
        read: ACTORS,
        update: ['secretariat'],
        delete: ['secretariat'],
      },
    ],
    create: [{ what: 'create a pillar', allowed: ['secretariat'], body: () => dimensionData() }],
    updateBody: () => ({ colour: '#1F7A5C' }),
  },

  [COLLECTIONS.programs]: {
    duplicate: ['secretariat', 'councilA', 'councilB'],
    duplicateOwn: true,
    targets: [
      {
        name: "city A's public programme",
        make: async () => idOfDoc(await payload.create({ collection: COLLECTIONS.programs, data: programData(fixture.cityA, fixture.dimension, true), ...system })),
        read: [...CITY_A_READERS, 'public'],
        update: CITY_A_WRITERS,
        delete: CITY_A_WRITERS,
      },
      {
        name: "city A's private programme",
        make: async () => idOfDoc(await payload.create({ collection: COLLECTIONS.programs, data: programData(fixture.cityA, fixture.dimension), ...system })),
        read: CITY_A_READERS,
        update: CITY_A_WRITERS,
        delete: CITY_A_WRITERS,
      },
      {
        name: "city B's private programme",
        make: async () => idOfDoc(await payload.create({ collection: COLLECTIONS.programs, data: programData(fixture.cityB, fixture.dimension), ...system })),
        read: ['secretariat', 'councilB'],
        update: ['secretariat', 'councilB'],
        delete: ['secretariat', 'councilB'],
      },
    ],
    create: [{ what: 'create a programme of city A', allowed: CITY_A_WRITERS, body: () => programData(fixture.cityA, fixture.dimension) }],
    updateBody: () => ({ agency: 'Bappeda' }),
  },

  [COLLECTIONS.indicators]: {
    duplicate: ['secretariat', 'councilA', 'councilB'],
    duplicateOwn: true,
    targets: [
      {
        name: "an indicator of city A's public programme",
        make: async () => idOfDoc(await payload.create({ collection: COLLECTIONS.indicators, data: indicatorData(fixture.programs.publicA), ...system })),
        read: [...CITY_A_READERS, 'public'],
        update: CITY_A_WRITERS,
        delete: CITY_A_WRITERS,
      },
      {
        name: "an indicator of city A's private programme",
        make: async () => idOfDoc(await payload.create({ collection: COLLECTIONS.indicators, data: indicatorData(fixture.programs.privateA), ...system })),
        read: CITY_A_READERS,
        update: CITY_A_WRITERS,
        delete: CITY_A_WRITERS,
      },
    ],
    create: [{ what: "create an indicator of city A's programme", allowed: CITY_A_WRITERS, body: () => indicatorData(fixture.programs.publicA) }],
    updateBody: () => ({ unit: 'ton' }),
  },

  [COLLECTIONS.measurements]: {
    targets: [
      {
        name: "a measurement of city A's public programme",
        make: async () => idOfDoc(await payload.create({ collection: COLLECTIONS.measurements, data: measurementData(fixture.indicators.publicA), ...system })),
        read: [...CITY_A_READERS, 'public'],
        update: CITY_A_WRITERS,
        delete: CITY_A_WRITERS,
      },
      {
        name: "a measurement of city A's private programme",
        make: async () => idOfDoc(await payload.create({ collection: COLLECTIONS.measurements, data: measurementData(fixture.indicators.privateA), ...system })),
        read: CITY_A_READERS,
        update: CITY_A_WRITERS,
        delete: CITY_A_WRITERS,
      },
    ],
    create: [{ what: "record a measurement of city A's indicator", allowed: CITY_A_WRITERS, body: () => measurementData(fixture.indicators.publicA) }],
    updateBody: () => ({ source: 'BPS Kota' }),
    routes: {
      'POST /import': () =>
        forEveryActor(
          CITY_A_WRITERS,
          "import measurements of city A's indicator from a spreadsheet",
          // Another city's council passes the door, but every row naming city A's indicator is refused (400) and nothing is saved.
          judged(async (actor) => {
            const indicator = await payload.create({ collection: COLLECTIONS.indicators, data: indicatorData(fixture.programs.publicA), ...system })
            const sheet = `indicator,year,value\r\n${indicator.id},2023,5\r\n`
            const form = new FormData()
            form.append('file', new Blob([sheet], { type: 'text/csv' }), 'capaian.csv')
            return call(actor, 'POST', '/measurements/import', form)
          }, byStatus([400, 401, 403])),
        ),
      'GET /template': () =>
        forEveryActor(
          CITY_A_WRITERS,
          "download the measurement template of city A's programme",
          judged((actor) => call(actor, 'GET', `/measurements/template?program=${fixture.programs.publicA.id}&year=2023`), byStatus()),
        ),
    },
  },

  [COLLECTIONS.instruments]: {
    targets: [
      {
        name: 'an instrument no period uses',
        make: async () => idOfDoc(await payload.create({ collection: COLLECTIONS.instruments, data: instrumentData(fixture.dimension), ...system })),
        read: STAFF,
        update: ['secretariat'],
        delete: ['secretariat'],
      },
    ],
    create: [{ what: 'create an instrument', allowed: ['secretariat'], body: () => instrumentData(fixture.dimension) }],
    updateBody: () => ({ stage: 'I' }),
    routes: {
      'POST /import': () =>
        forEveryActor(
          ['secretariat'],
          'import an instrument',
          judged(async (actor) => {
            const exported = await callApi('GET', `/instruments/${fixture.instrument.id}/export?format=json`, { token: tokens.secretariat })
            const instrument = { ...exported.body, title: { id: `Instrumen impor ${next()}` } }
            const form = new FormData()
            form.append('file', new Blob([JSON.stringify(instrument)], { type: 'application/json' }), 'instrumen.json')
            return call(actor, 'POST', '/instruments/import', form)
          }, byStatus()),
        ),
      'POST /:id/duplicate': () =>
        forEveryActor(
          ['secretariat'],
          'make the next version of an instrument',
          judged(async (actor) => call(actor, 'POST', `/instruments/${fixture.instrument.id}/duplicate`), byStatus()),
        ),
      'GET /:id/export': () =>
        forEveryActor(
          STAFF,
          'export an instrument',
          judged(async (actor) => call(actor, 'GET', `/instruments/${fixture.instrument.id}/export?format=csv`), byStatus()),
        ),
    },
  },

  [COLLECTIONS.periods]: {
    duplicate: ['secretariat'],
    targets: [
      {
        name: 'an upcoming evaluation period',
        make: async () => idOfDoc(await payload.create({ collection: COLLECTIONS.periods, data: { ...periodData(fixture), status: 'upcoming' }, ...system })),
        read: STAFF,
        update: ['secretariat'],
        delete: ['secretariat'],
      },
    ],
    create: [{ what: 'open an evaluation period', allowed: ['secretariat'], body: () => ({ ...periodData(fixture), status: 'upcoming' }) }],
    updateBody: () => ({ stage: 'II' }),
  },

  [COLLECTIONS.reports]: {
    targets: [
      {
        name: "city A's draft report",
        make: async () => idOfDoc(await createReport(payload, fixture, fixture.cityA)),
        read: CITY_A_READERS,
        update: CITY_A_WRITERS,
        delete: ['secretariat'],
      },
      {
        name: "city A's submitted report",
        make: async () => idOfDoc(await makeSubmittedReportA()),
        read: CITY_A_READERS,
        update: ['secretariat', 'assessorA'],
      },
      {
        name: "city A's accepted report",
        make: async () => idOfDoc(await makeAcceptedReportA()),
        read: CITY_A_READERS,
        update: ['secretariat'],
      },
      {
        name: "city B's draft report",
        make: async () => idOfDoc(await createReport(payload, fixture, fixture.cityB)),
        read: ['secretariat', 'councilB'],
        update: ['secretariat', 'councilB'],
        delete: ['secretariat'],
      },
    ],
    create: [
      {
        what: 'create a report of city A',
        allowed: ['secretariat'],
        body: async () => {
          const period = await payload.create({ collection: COLLECTIONS.periods, data: periodData(fixture), ...system })
          return { title: `Laporan ${next()}`, city: fixture.cityA.id, period: period.id, status: REPORT_STATUS.draft }
        },
      },
    ],
    updateBody: () => ({}),
    routes: {
      'GET /:id/changes': () =>
        forEveryActor(CITY_A_READERS, "list what changed in city A's report", judged((actor) => call(actor, 'GET', `/reports/${fixture.reports.a.id}/changes`), byStatus())),
      'GET /:id/workflow': () =>
        forEveryActor(CITY_A_READERS, "read the workflow state of city A's report", judged((actor) => call(actor, 'GET', `/reports/${fixture.reports.a.id}/workflow`), byStatus())),
      'GET /:id/results.pdf': () => [
        // Before acceptance there is no result: its readers hear 409, everyone else 404.
        ...nobody("download the results of city A's draft report", (actor) => call(actor, 'GET', `/reports/${fixture.reports.a.id}/results.pdf`), [404, 409]),
        ...describesCaller("download the published results of city A's accepted report", async (actor) => {
          const accepted = await shared(SPECS[COLLECTIONS.reports].targets[2])
          return call(actor, 'GET', `/reports/${accepted.id}/results.pdf`)
        }),
      ],
    },
  },

  [COLLECTIONS.evidence]: {
    targets: [
      {
        name: "evidence of city A's draft report",
        make: () => makeEvidence(() => Promise.resolve(fixture.reports.a), 'A'),
        read: CITY_A_READERS,
        // Assessors judge a file's uses (evidence-uses), not the file itself.
        update: ['councilA'],
        delete: ['councilA'],
      },
      {
        name: "city A's evidence marked public",
        make: () => makeEvidence(() => Promise.resolve(fixture.reports.a), 'A', true),
        read: [...CITY_A_READERS, 'public'],
        update: ['councilA'],
        delete: ['councilA'],
      },
      {
        name: "evidence of city A's submitted report",
        make: () => makeEvidence(makeSubmittedReportA, 'A'),
        read: CITY_A_READERS,
        // A file a submitted report uses is fixed until the report comes back.
        update: [],
      },
      {
        name: "evidence of city B's draft report",
        make: () => makeEvidence(() => Promise.resolve(fixture.reports.b), 'B'),
        read: ['secretariat', 'councilB'],
        update: ['councilB'],
        delete: ['councilB'],
      },
    ],
    create: [
      {
        what: "upload evidence for city A's draft report",
        allowed: ['councilA'],
        body: () => uploadForm(pdfFile('bukti.pdf', `Bukti matriks ${next()}`), { city: fixture.cityA.id, report: fixture.reports.a.id }),
      },
    ],
    updateBody: () => ({ description: 'Keterangan diperbarui' }),
    routes: {
      'POST /upload': () =>
        forEveryActor(
          ['councilA'],
          "upload evidence for city A's draft report through /upload",
          judged(
            (actor) =>
              call(actor, 'POST', '/evidence/upload', uploadForm(pdfFile('unggah.pdf', `Unggah ${next()}`), { city: fixture.cityA.id, report: fixture.reports.a.id })),
            byStatus(),
          ),
        ),
    },
  },

  [COLLECTIONS.evidenceUses]: {
    targets: [
      {
        name: "a file's use in city A's draft report",
        make: () => makeUse(() => Promise.resolve(fixture.reports.a), 'A'),
        read: CITY_A_READERS,
        update: ['assessorA'],
        delete: ['councilA'],
      },
      {
        name: "a file's use in city A's submitted report",
        make: () => makeUse(makeSubmittedReportA, 'A'),
        read: CITY_A_READERS,
        update: ['assessorA'],
      },
      {
        name: "a file's use in city B's draft report",
        make: () => makeUse(() => Promise.resolve(fixture.reports.b), 'B'),
        read: ['secretariat', 'councilB'],
        delete: ['councilB'],
      },
    ],
    create: [
      {
        what: "attach a file of city A's library to a question of city A's draft report",
        allowed: ['councilA'],
        body: async () => ({ report: fixture.reports.a.id, evidence: (await createEvidence(payload, fixture.cityA)).id, question: 'G1' }),
      },
    ],
    updateBody: () => ({ verdict: 'accepted' }),
  },

  [COLLECTIONS.reviews]: {
    targets: [
      {
        name: "the assessor's published review of city A's draft report",
        make: async () =>
          idOfDoc(
            await payload.create({
              collection: COLLECTIONS.reviews,
              data: { report: (await createReport(payload, fixture, fixture.cityA)).id, assessor: fixture.users.assessorA.id, city: fixture.cityA.id, status: 'in_progress', published: true },
              ...system,
            }),
          ),
        read: ['secretariat', 'assessorA', 'public'],
        update: ['assessorA'],
      },
      {
        name: "the assessor's unpublished review of city A's submitted report",
        make: async () =>
          idOfDoc(
            await payload.create({
              collection: COLLECTIONS.reviews,
              data: { report: (await makeSubmittedReportA()).id, assessor: fixture.users.assessorA.id, city: fixture.cityA.id, status: 'in_progress' },
              ...system,
            }),
          ),
        read: ['secretariat', 'assessorA'],
        update: ['assessorA'],
        delete: ['assessorA'],
      },
      {
        name: "the review of city A's accepted report",
        make: async () => {
          const report = await shared(SPECS[COLLECTIONS.reports].targets[2])
          const { docs } = await payload.find({ collection: COLLECTIONS.reviews, where: { report: { equals: report.id } }, ...system })
          return idOfDoc(docs[0])
        },
        read: [...CITY_A_READERS, 'public'],
      },
    ],
    create: [
      {
        what: "review city A's submitted report",
        allowed: ['assessorA'],
        body: async () => ({ report: (await makeSubmittedReportA()).id, scores: [{ question: 'G1', score: 3 }] }),
      },
      {
        what: "review city A's accepted report",
        allowed: [],
        body: async () => ({ report: (await makeAcceptedReportA()).id, scores: [{ question: 'G1', score: 3 }] }),
      },
    ],
    updateBody: () => ({}),
  },

  [COLLECTIONS.updates]: {
    duplicate: ['secretariat', 'councilA', 'councilB'],
    duplicateOwn: true,
    targets: [
      {
        name: "a published update of city A's public programme",
        make: () => makeUpdate(() => fixture.programs.publicA, 'published'),
        read: [...CITY_A_READERS, 'public'],
        update: CITY_A_WRITERS,
        delete: CITY_A_WRITERS,
        versions: CITY_A_WRITERS,
      },
      {
        name: "a draft update of city A's public programme",
        make: () => makeUpdate(() => fixture.programs.publicA, 'draft'),
        read: CITY_A_READERS,
        update: CITY_A_WRITERS,
        delete: CITY_A_WRITERS,
        versions: CITY_A_WRITERS,
      },
      {
        name: "a draft update of city B's programme",
        make: () => makeUpdate(() => fixture.programs.publicB, 'draft'),
        read: ['secretariat', 'councilB'],
        update: ['secretariat', 'councilB'],
        delete: ['secretariat', 'councilB'],
        versions: ['secretariat', 'councilB'],
      },
    ],
    create: [{ what: "publish an update of city A's programme", allowed: CITY_A_WRITERS, body: () => updateData(fixture.programs.publicA) }],
    updateBody: () => ({ title: `Kabar diperbarui ${next()}` }),
  },

  [COLLECTIONS.media]: {
    duplicate: ['secretariat', 'councilA', 'councilB'],
    targets: [
      {
        name: "a photo uploaded by city A's council",
        make: async () => {
          const doc = await payload.create({ collection: COLLECTIONS.media, data: { alt: 'Foto', uploadedBy: fixture.users.councilA.id }, file: await pngFile(`foto-${next()}.png`), ...system })
          return { id: doc.id, filename: doc.filename }
        },
        read: ACTORS,
        update: CITY_A_WRITERS,
        delete: CITY_A_WRITERS,
      },
    ],
    create: [{ what: 'upload a photo', allowed: ['secretariat', 'councilA', 'councilB'], body: async () => uploadForm(await pngFile(`foto-${next()}.png`), { alt: 'Foto baru' }) }],
    updateBody: () => ({ credit: 'Dinas Kominfo' }),
  },

  [COLLECTIONS.notices]: {
    targets: [
      {
        name: "a notice to city A's council member",
        make: async () =>
          idOfDoc(
            await payload.create({
              collection: COLLECTIONS.notices,
              data: { recipient: fixture.users.councilA.id, kind: 'submitted', title: 'Laporan diajukan', key: `matriks-${next()}` },
              ...system,
            }),
          ),
        read: ['councilA'],
        update: ['councilA'],
      },
    ],
    create: [{ what: 'write a notice', allowed: [], body: () => ({ recipient: fixture.users.councilA.id, kind: 'submitted', title: 'Palsu', key: `palsu-${next()}` }) }],
    updateBody: () => ({ readAt: new Date().toISOString() }),
  },

  [COLLECTIONS.auditLog]: {
    targets: [
      {
        name: 'an entry of the audit log',
        make: async () => {
          const { docs } = await payload.find({ collection: COLLECTIONS.auditLog, limit: 1, ...system })
          if (!docs[0]) throw new Error('the fixture wrote no audit entry')
          return idOfDoc(docs[0])
        },
        read: ['secretariat'],
      },
    ],
    create: [{ what: 'write an audit entry', allowed: [], body: () => ({ sequence: 999_999, at: 'x', action: 'report.status', actorId: '1', actorRole: 'x', targetCollection: 'x', targetId: '1', previousHash: 'x', hash: 'x' }) }],
    updateBody: () => ({ targetId: 'diubah' }),
  },

  // Payload's own collections ------------------------------------------------------------------

  'payload-locked-documents': {
    targets: [
      {
        name: "city A's council's lock on its draft report",
        make: makeLock,
        read: STAFF,
        // The holder, or someone who may change the locked report, takes the lock over or releases it;
        // by a query, a person reaches only the locks it holds.
        update: CITY_A_WRITERS,
        delete: CITY_A_WRITERS,
        byQuery: ['councilA'],
      },
    ],
    create: [
      {
        what: "lock city A's draft report",
        allowed: [],
        body: (actor) => ({ document: { relationTo: COLLECTIONS.reports, value: fixture.reports.a.id }, user: { relationTo: COLLECTIONS.users, value: userIdOf(actor) ?? 1 } }),
      },
    ],
    updateBody: (actor) => ({ user: { relationTo: COLLECTIONS.users, value: userIdOf(actor) ?? 1 } }),
  },

  'payload-preferences': {
    duplicate: STAFF,
    targets: [{ name: "city A's council's admin preference", make: makePreference, read: ['councilA'], update: ['councilA'], delete: ['councilA'] }],
    create: [{ what: 'save an admin preference', allowed: STAFF, body: () => ({ key: `pilihan-${next()}`, value: { columns: [] } }) }],
    updateBody: () => ({ value: { columns: ['title'] } }),
    routes: {
      // Payload's `/:key` routes come first and answer `/<id>`, `/count`, `/versions` as keys of the caller's own preferences.
      'GET /:id': () =>
        forEveryActor([], "read city A's council's preference by its number", async (actor, sentence) =>
          ownPreference(await call(actor, 'GET', `/payload-preferences/${(await shared(SPECS['payload-preferences'].targets[0])).id}`), sentence),
        ),
      'GET /count': () => forEveryActor([], 'count preferences', async (actor, sentence) => ownPreference(await call(actor, 'GET', '/payload-preferences/count'), sentence)),
      'GET /versions': () =>
        forEveryActor([], 'list versions of preferences', async (actor, sentence) => ownPreference(await call(actor, 'GET', '/payload-preferences/versions'), sentence)),
      'DELETE /:id': () =>
        nobody("delete city A's council's preference by its number", async (actor) =>
          call(actor, 'DELETE', `/payload-preferences/${(await shared(SPECS['payload-preferences'].targets[0])).id}`),
        ),
      'GET /:key': () =>
        forEveryActor(STAFF, 'read back its own preference by key', async (actor, sentence) => {
          await call(actor, 'POST', '/payload-preferences/baca', { value: { open: true } })
          return ownPreference(await call(actor, 'GET', '/payload-preferences/baca'), sentence)
        }),
      'POST /:key': () =>
        forEveryActor(STAFF, 'save its own preference by key', judged((actor) => call(actor, 'POST', '/payload-preferences/nav', { value: { open: true } }), byStatus([401, 403]))),
      'DELETE /:key': () => [
        ...forEveryActor(
          STAFF,
          'delete its own preference by key',
          judged(async (actor) => {
            await call(actor, 'POST', '/payload-preferences/hapus', { value: 1 })
            return call(actor, 'DELETE', '/payload-preferences/hapus')
          }, byStatus([401, 403])),
        ),
        ...nobody('delete a preference it never saved', (actor) => call(actor, 'DELETE', '/payload-preferences/tidak-pernah-ada'), [401, 404]),
      ],
    },
  },

  'payload-jobs': {
    targets: [
      {
        name: 'a queued job',
        make: async () => idOfDoc(await payload.jobs.queue({ task: 'deliver-notices' as never, input: {} as never })),
        read: [],
      },
    ],
    create: [{ what: 'queue a job', allowed: [], body: () => ({ taskSlug: 'deliver-notices', input: {} }) }],
    updateBody: () => ({ processing: false }),
    routes: {
      'GET /run': () => forEveryActor(['secretariat'], 'run the queued jobs', judged((actor) => call(actor, 'GET', '/payload-jobs/run?limit=1'), byStatus())),
      'GET /handle-schedules': () =>
        forEveryActor(['secretariat'], 'queue the scheduled jobs', judged((actor) => call(actor, 'GET', '/payload-jobs/handle-schedules'), byStatus())),
    },
  },

  'payload-kv': {
    targets: [
      {
        name: 'an entry of the key-value store',
        make: async () => idOfDoc(await payload.create({ collection: 'payload-kv' as never, data: { key: `kunci-${next()}`, data: { a: 1 } } as never, ...system })),
        read: [],
      },
    ],
    create: [{ what: 'write into the key-value store', allowed: [], body: () => ({ key: `kunci-${next()}`, data: {} }) }],
    updateBody: () => ({ data: { a: 2 } }),
  },
}

// Cases of the routes every collection has ---------------------------------------------------------

const collectionOf = (slug: string) => config.collections.find((collection) => collection.slug === slug)

/** The latest stored version of `doc`, as the system reads it. */
async function versionOf(slug: string, doc: Doc) {
  const { docs } = await payload.findVersions({ collection: slug as never, where: { parent: { equals: doc.id } }, sort: '-updatedAt', limit: 1, ...system })
  if (!docs[0]) throw new Error(`no stored version of ${slug} ${doc.id}`)
  return docs[0].id
}

/** The target's document for an attempt that destroys it when it succeeds: a fresh one when it must. */
const docFor = (target: Target, allowed: Actor[] | undefined, actor: Actor) =>
  (allowed ?? []).includes(actor) ? target.make() : shared(target)

const perTarget = (spec: CollectionSpec, build: (target: Target) => Case[]) => spec.targets.flatMap(build)

function standardRoutes(slug: string, spec: CollectionSpec): Record<string, () => Case[]> {
  const collection = collectionOf(slug)
  const versioned = Boolean(collection?.versions)
  const noVersions = (what: string, method: 'GET' | 'POST', path: string) => () => nobody(what, (actor) => call(actor, method, `/${slug}${path}`), [404])
  const byId = (target: Target, path = '') => async () => `/${slug}/${(await shared(target)).id}${path}`

  return {
    'GET /': () =>
      perTarget(spec, (target) =>
        forEveryActor(target.read, `find ${target.name} in a listing`, async (actor, sentence) => {
          const { id } = await shared(target)
          return listing(id)(await call(actor, 'GET', `/${slug}?where[id][equals]=${id}&depth=0&limit=100`), sentence)
        }),
      ),
    'GET /:id': () =>
      perTarget(spec, (target) => forEveryActor(target.read, `read ${target.name}`, judged(async (actor) => call(actor, 'GET', `${await byId(target)()}?depth=0`), byStatus()))),
    'GET /count': () =>
      perTarget(spec, (target) =>
        forEveryActor(target.read, `count ${target.name}`, async (actor, sentence) =>
          counting(await call(actor, 'GET', `/${slug}/count?where[id][equals]=${(await shared(target)).id}`), sentence),
        ),
      ),
    'POST /': () =>
      spec.create.flatMap((variant) =>
        forEveryActor(variant.allowed, variant.what, judged(async (actor) => call(actor, 'POST', `/${slug}`, await variant.body(actor)), byStatus([401, 403]))),
      ),
    'PATCH /:id': () =>
      perTarget(spec, (target) =>
        forEveryActor(target.update ?? [], `change ${target.name}`, judged(async (actor) => call(actor, 'PATCH', await byId(target)(), spec.updateBody(actor)), byStatus())),
      ),
    'PATCH /': () =>
      perTarget(spec, (target) =>
        forEveryActor(target.byQuery ?? target.update ?? [], `change ${target.name} by a query`, async (actor, sentence) => {
          const { id } = await shared(target)
          return listing(id)(await call(actor, 'PATCH', `/${slug}?where[id][equals]=${id}&depth=0`, spec.updateBody(actor)), sentence)
        }),
      ),
    'DELETE /:id': () =>
      perTarget(spec, (target) =>
        forEveryActor(target.delete ?? [], `delete ${target.name}`, judged(async (actor) => call(actor, 'DELETE', `/${slug}/${(await docFor(target, target.delete, actor)).id}`), byStatus())),
      ),
    'DELETE /': () =>
      perTarget(spec, (target) =>
        forEveryActor(target.byQuery ?? target.delete ?? [], `delete ${target.name} by a query`, async (actor, sentence) => {
          const { id } = await docFor(target, target.byQuery ?? target.delete, actor)
          return listing(id)(await call(actor, 'DELETE', `/${slug}?where[id][equals]=${id}&depth=0`), sentence)
        }),
      ),
    'POST /access/:id?': () =>
      describesCaller(`ask what it may do with ${spec.targets[0].name}`, async (actor) => call(actor, 'POST', `/${slug}/access/${(await shared(spec.targets[0])).id}`)),
    'POST /:id/duplicate': () =>
      perTarget(spec, (target) =>
        forEveryActor(
          target.read.filter((actor) => (spec.duplicate ?? []).includes(actor) && (!spec.duplicateOwn || (target.update ?? []).includes(actor))),
          `duplicate ${target.name}`,
          judged(async (actor) => call(actor, 'POST', await byId(target, '/duplicate')()), byStatus()),
        ),
      ),
    'GET /versions': versioned
      ? () =>
          perTarget(spec, (target) =>
            forEveryActor(target.versions ?? [], `list the versions of ${target.name}`, async (actor, sentence) => {
              const { id } = await shared(target)
              return listing(id, 'parent')(await call(actor, 'GET', `/${slug}/versions?where[parent][equals]=${id}&depth=0&limit=1000`), sentence)
            }),
          )
      : noVersions('list versions of a collection that keeps none', 'GET', '/versions'),
    'GET /versions/:id': versioned
      ? () =>
          perTarget(spec, (target) =>
            forEveryActor(target.versions ?? [], `read a stored version of ${target.name}`, judged(async (actor) => call(actor, 'GET', `/${slug}/versions/${await versionOf(slug, await shared(target))}?depth=0`), byStatus())),
          )
      : noVersions('read a version of a collection that keeps none', 'GET', '/versions/1'),
    'POST /versions/:id': versioned
      ? () =>
          perTarget(spec, (target) =>
            forEveryActor(
              (target.update ?? []).filter((actor) => (target.versions ?? []).includes(actor)),
              `restore a stored version of ${target.name}`,
              judged(async (actor) => call(actor, 'POST', `/${slug}/versions/${await versionOf(slug, await shared(target))}`), byStatus()),
            ),
          )
      : noVersions('restore a version of a collection that keeps none', 'POST', '/versions/1'),
    'GET /file/:filename': () =>
      perTarget(spec, (target) =>
        forEveryActor(target.read, `download the file of ${target.name}`, judged(async (actor) => call(actor, 'GET', `/${slug}/file/${encodeURIComponent((await shared(target)).filename ?? '')}`), byStatus())),
      ),
    // Pasting from a web address is switched off for every upload collection.
    'GET /paste-url/:id?': () => nobody('upload a file from a web address', (actor) => call(actor, 'GET', `/${slug}/paste-url?src=${encodeURIComponent('http://example.com/a.png')}`), [404]),
  }
}

// The expectation of every route ------------------------------------------------------------------

const EXPECTATIONS = new Map<string, () => Case[]>()
/** Routes this file names for a collection that the collection does not serve: a stale expectation. */
const UNSERVED: string[] = []
for (const [slug, spec] of Object.entries(SPECS)) {
  const routes = { ...standardRoutes(slug, spec), ...spec.routes }
  for (const route of ROUTES.filter((each) => each.scope === slug)) {
    const cases = routes[`${route.method.toUpperCase()} ${route.path}`]
    if (cases) EXPECTATIONS.set(routeKey(route), cases)
  }
  for (const key of Object.keys(spec.routes ?? {})) if (!EXPECTATIONS.has(`${slug} ${key}`)) UNSERVED.push(`${slug} ${key}`)
}
// The migrations log serves no route at all.
EXPECTATIONS.set(`payload-migrations ${NO_ROUTES}`, () => nobody('read the migrations log', (actor) => call(actor, 'GET', '/payload-migrations'), [501]))
// The job statistics: kept by the jobs runner, read and written by nobody, and not versioned.
const STATS = '/globals/payload-jobs-stats'
EXPECTATIONS.set('globals/payload-jobs-stats GET /', () => nobody('read the job statistics', (actor) => call(actor, 'GET', STATS)))
EXPECTATIONS.set('globals/payload-jobs-stats POST /', () => nobody('rewrite the job statistics', (actor) => call(actor, 'POST', STATS, { stats: {} })))
EXPECTATIONS.set('globals/payload-jobs-stats POST /access', () => describesCaller('ask what it may do with the job statistics', (actor) => call(actor, 'POST', `${STATS}/access`)))
EXPECTATIONS.set('globals/payload-jobs-stats GET /versions', () => nobody('list versions of the job statistics', (actor) => call(actor, 'GET', `${STATS}/versions`), [404]))
EXPECTATIONS.set('globals/payload-jobs-stats GET /versions/:id', () => nobody('read a version of the job statistics', (actor) => call(actor, 'GET', `${STATS}/versions/1`), [404]))
EXPECTATIONS.set('globals/payload-jobs-stats POST /versions/:id', () => nobody('restore a version of the job statistics', (actor) => call(actor, 'POST', `${STATS}/versions/1`), [404]))
// The API root: everyone's own permissions; the admin's generated preview image is switched off
// (`defaultOGImageType: 'off'`, it carried Payload's logo), and Payload answers 400 to all.
EXPECTATIONS.set(' GET /access', () => describesCaller('read its own permissions', (actor) => call(actor, 'GET', '/access')))
// The load balancer's probe: answered without signing in, and naming no record (test/int/health.test.ts).
EXPECTATIONS.set(' GET /health', () => describesCaller("probe the service's health", (actor) => call(actor, 'GET', '/health')))
EXPECTATIONS.set(' GET /og', () => nobody('draw the preview image of an admin page', (actor) => call(actor, 'GET', '/og?title=Pantau'), [400]))

// The test ---------------------------------------------------------------------------------------

let checked = 0
const checkedRoutes = new Set<string>()

beforeAll(async () => {
  fixture = await buildFixture(payload)
  for (const actor of ACTORS) if (actor !== 'public') tokens[actor] = await tokenOf(payload, fixture.users[actor])
})

afterAll(() => {
  const collections = new Set(ROUTES.map((route) => route.scope)).size
  console.log(
    `REST access matrix: ${checked} cases (person × route × operation) checked over ${checkedRoutes.size} of ${ROUTES.length} routes ` +
      `of ${collections} collections, globals and the API root, for ${ACTORS.length} people`,
  )
})

describe('the REST access matrix', () => {
  it('knows who may call every route Payload serves, and no route it does not', () => {
    expect(ROUTES.length).toBeGreaterThan(250)
    expect(ROUTES.filter((route) => !EXPECTATIONS.has(routeKey(route))).map(routeKey)).toEqual([])
    const served = new Set(ROUTES.map(routeKey))
    expect([...EXPECTATIONS.keys()].filter((key) => !served.has(key))).toEqual([])
    expect(UNSERVED).toEqual([])
  })

  it.each(ROUTES.map((route) => ({ key: routeKey(route) })))('$key', async ({ key }) => {
    const build = EXPECTATIONS.get(key)
    if (!build) throw new Error(`No expectation for ${key}: write down who may call it in this file`)
    const cases = build()
    expect(cases.length).toBeGreaterThan(0)
    const wrong: string[] = []
    for (const each of cases) {
      let verdict: Verdict
      try {
        verdict = await each.run()
      } catch (error) {
        wrong.push(`${ACTOR_NAMES[each.actor]} trying to ${each.what}: ${(error as Error).message}`)
        continue
      }
      if (verdict !== each.expected) {
        wrong.push(`${ACTOR_NAMES[each.actor]} ${each.expected === 'allowed' ? 'should' : 'should not'} be able to ${each.what}`)
      }
    }
    checked += cases.length
    checkedRoutes.add(key)
    expect(wrong).toEqual([])
  })
})
