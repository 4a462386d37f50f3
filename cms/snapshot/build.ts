import type { CollectionSlug, Payload, Where } from 'payload'

import { COLLECTIONS, REPORT_STATUS } from '../constants.ts'
import {
  type CityKind,
  type Cohort,
  type FundingSource,
  type ImageSize,
  type IndicatorAggregation,
  type IndicatorDirection,
  type IndicatorFrequency,
  type MasterplanBook,
  type PartnerKind,
  type ProgrammeStatus,
  SNAPSHOT_TABLES,
  type SnapshotInput,
  type TableName,
  type WrittenText,
} from '../contract/index.ts'
import type { ID } from '../domain/ids.ts'
import { turnEventLoop } from '../infra/eventLoop.ts'

/**
 * What the public may see, read through the Local API as the anonymous public (`overrideAccess:
 * false`, no user): the same rule the REST API and the site apply. Every field is picked by name, so
 * a field added to a collection later reaches the open data only when it is added to the snapshot
 * contract (cms/contract/records.ts) and mapped here, and user references (uploader, assessor) never do.
 */

type Doc = Record<string, unknown> & { id: ID }

/** The snapshot as the CMS writes it; its shape is the contract's (cms/contract/tables.ts). */
export type Snapshot = SnapshotInput

const idOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return idOf((value as { id?: unknown }).id)
  return String(value)
}
const requiredId = (value: unknown, what: string): string => {
  const id = idOf(value)
  if (id === null) throw new Error(`Snapshot: ${what} has no id / tidak punya id`)
  return id
}
const text = (value: unknown): WrittenText => {
  const byLocale = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>
  const pick = (locale: string) => (typeof byLocale[locale] === 'string' && byLocale[locale] ? (byLocale[locale] as string) : null)
  return { id: pick('id'), en: pick('en') }
}
const richText = (value: unknown): { id: unknown; en: unknown } => {
  const byLocale = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>
  return { id: byLocale.id ?? null, en: byLocale.en ?? null }
}
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)
/**
 * A select field's stored value. The collections take their options from the contract's lists, so
 * Payload stores only those values; the snapshot's tests parse the result with the contract.
 */
const option = <Value extends string>(value: unknown): Value => String(value) as Value
/**
 * A table's published fields as a Payload `select`. Where a collection's fields carry the contract's
 * names, what is read is exactly what is published: a field reaches the open data only once the
 * contract has it.
 */
const fieldsOf = (table: TableName): Record<string, true> =>
  Object.fromEntries(Object.keys(SNAPSHOT_TABLES[table].record.shape).flatMap((field) => (field === 'id' ? [] : [[field, true]])))
const rows = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value : [])

/**
 * Records per read. Each page is one bounded query: where the public rule needs a join (a
 * measurement is public when its programme is), Payload selects the page's ids with the join and
 * then reads those rows, so a page must stay far below SQLite's 32,766 variables per statement.
 */
export const SNAPSHOT_PAGE_SIZE = 5_000

/**
 * Reads one collection exactly as the anonymous public may, page by page in id order (each page
 * starts after the last id of the one before, so no page re-reads what came before). No request is
 * passed on purpose: the Local API keeps the user of a request it is given, so a job run by a
 * signed-in person would otherwise read with that person's access.
 */
async function readPublic(
  payload: Payload,
  collection: CollectionSlug,
  select: Record<string, true>,
  where?: Where,
): Promise<Doc[]> {
  const docs: Doc[] = []
  let after: ID | undefined
  for (;;) {
    const page = await payload.find({
      collection,
      select,
      where: { and: [...(where ? [where] : []), ...(after === undefined ? [] : [{ id: { greater_than: after } }])] },
      overrideAccess: false,
      user: null,
      depth: 0,
      locale: 'all',
      limit: SNAPSHOT_PAGE_SIZE,
      pagination: false,
      sort: 'id',
    })
    for (const doc of page.docs as unknown as Doc[]) docs.push(doc)
    if (page.docs.length < SNAPSHOT_PAGE_SIZE) return docs
    await turnEventLoop()
    after = (page.docs.at(-1) as unknown as Doc).id
  }
}

/**
 * What to read: everything, or only the records of some cities (a partial republish; none: only the
 * tables of no city, after a pillar or a photo was saved). The tables of no city are read whole.
 */
export type SnapshotScope = { cities: ID[] } | undefined

/**
 * Builds the snapshot in memory, whole or for the cities of `scope`. Beyond the access rules, it
 * only ever narrows: updates of a programme that is not public and reviews whose report is not
 * accepted are left out.
 */
export async function collectSnapshot(payload: Payload, scope?: SnapshotScope): Promise<Snapshot> {
  const ofCities = (field: string): Where | undefined => (scope ? { [field]: { in: scope.cities } } : undefined)
  const noCity = scope?.cities.length === 0
  const read = async (collection: CollectionSlug, select: Record<string, true>, where?: Where) =>
    // A city table read for no city is empty: no query with an empty `in` list is sent.
    where && noCity ? [] : readPublic(payload, collection, select, where)
  // One read after the other: they share one database connection, and in parallel they would only
  // hold every table's pages in memory at once.
  const cityDocs = await read(COLLECTIONS.cities, fieldsOf('cities'), ofCities('id'))
  const dimensionDocs = await read(COLLECTIONS.dimensions, fieldsOf('dimensions'))
  const programDocs = await read(COLLECTIONS.programs, fieldsOf('programs'), ofCities('city'))
  const indicatorDocs = await read(COLLECTIONS.indicators, fieldsOf('indicators'), ofCities('city'))
  const measurementDocs = await read(COLLECTIONS.measurements, fieldsOf('measurements'), ofCities('city'))
  const updateDocs = await read(COLLECTIONS.updates, fieldsOf('updates'), ofCities('city'))
  // Payload makes an upload's address from its file name.
  const mediaDocs = await read(COLLECTIONS.media, { ...fieldsOf('media'), filename: true })
  // A score's round year and name come from the round (periodLabels), not from the review.
  const reviewDocs = await read(
      COLLECTIONS.reviews,
      {
        report: true,
        city: true,
        period: true,
        overall: true,
        dimensionScores: true,
        pillarScores: true,
        recommendations: true,
      },
      ofCities('city'),
    )

  const publicProgramIds = new Set(programDocs.map((doc) => String(doc.id)))
  const masterplanUrls = await publicDocumentUrls(
    payload,
    cityDocs.flatMap((city) => rows(city.masterplan).map((book) => idOf(book.document))),
  )
  const acceptedReports = await acceptedReportIds(
    payload,
    reviewDocs.map((review) => idOf(review.report)),
  )
  const acceptedReviews = reviewDocs.filter((doc) => acceptedReports.has(idOf(doc.report) ?? ''))
  const periods = await periodLabels(
    payload,
    acceptedReviews.map((doc) => requiredId(doc.period, `review ${doc.id} period`)),
  )

  return {
    cities: cityDocs.map((doc) => ({
      id: String(doc.id),
      slug: String(doc.slug),
      name: String(doc.name),
      kind: option<CityKind>(doc.kind),
      province: String(doc.province),
      regionCode: String(doc.regionCode),
      cohort: option<Cohort>(doc.cohort),
      profile: richText(doc.profile),
      masterplan: rows(doc.masterplan).map((book) => ({
        book: option<MasterplanBook>(book.book),
        year: num(book.year),
        url: masterplanUrls.get(idOf(book.document) ?? '') ?? null,
      })),
      updatedAt: String(doc.updatedAt),
    })),
    dimensions: dimensionDocs.map((doc) => ({
      id: String(doc.id),
      slug: String(doc.slug),
      name: text(doc.name),
      description: text(doc.description),
      order: Number(doc.order),
      colour: String(doc.colour),
      subDimensions: rows(doc.subDimensions).map((row) => ({ key: String(row.key), name: text(row.name) })),
    })),
    programs: programDocs.map((doc) => ({
      id: String(doc.id),
      slug: String(doc.slug),
      city: requiredId(doc.city, `program ${doc.id} city`),
      dimension: requiredId(doc.dimension, `program ${doc.id} dimension`),
      subDimension: str(doc.subDimension),
      title: text(doc.title),
      summary: text(doc.summary),
      description: richText(doc.description),
      agency: String(doc.agency),
      partners: rows(doc.partners).map((row) => ({ name: String(row.name), kind: str(row.kind) as PartnerKind | null })),
      fundingSources: Array.isArray(doc.fundingSources) ? doc.fundingSources.map((source) => option<FundingSource>(source)) : [],
      startYear: Number(doc.startYear),
      status: option<ProgrammeStatus>(doc.status),
      updatedAt: String(doc.updatedAt),
    })),
    indicators: indicatorDocs.map((doc) => ({
      id: String(doc.id),
      program: requiredId(doc.program, `indicator ${doc.id} program`),
      city: requiredId(doc.city, `indicator ${doc.id} city`),
      name: text(doc.name),
      unit: String(doc.unit),
      baseline: num(doc.baseline),
      target: Number(doc.target),
      targetYear: Number(doc.targetYear),
      direction: option<IndicatorDirection>(doc.direction),
      frequency: option<IndicatorFrequency>(doc.frequency),
      aggregation: option<IndicatorAggregation>(doc.aggregation),
      createdAt: String(doc.createdAt),
    })),
    measurements: measurementDocs.map((doc) => ({
      id: String(doc.id),
      indicator: requiredId(doc.indicator, `measurement ${doc.id} indicator`),
      program: requiredId(doc.program, `measurement ${doc.id} program`),
      city: requiredId(doc.city, `measurement ${doc.id} city`),
      year: Number(doc.year),
      month: num(doc.month),
      value: Number(doc.value),
      source: str(doc.source),
    })),
    updates: updateDocs
      .filter((doc) => {
        const program = idOf(doc.program)
        return program === null || publicProgramIds.has(program)
      })
      .map((doc) => ({
        id: String(doc.id),
        program: idOf(doc.program),
        city: requiredId(doc.city, `update ${doc.id} city`),
        date: String(doc.date),
        title: text(doc.title),
        body: richText(doc.body),
        photos: (Array.isArray(doc.photos) ? doc.photos : []).map(idOf).filter((id): id is string => id !== null),
      })),
    media: mediaDocs
      .filter((doc) => typeof doc.url === 'string')
      .map((doc) => ({
        id: String(doc.id),
        alt: text(doc.alt),
        credit: str(doc.credit),
        url: String(doc.url),
        mimeType: str(doc.mimeType),
        width: num(doc.width),
        height: num(doc.height),
        sizes: imageSizes(doc.sizes),
      })),
    scores: acceptedReviews.map((doc) => {
      const periodId = requiredId(doc.period, `review ${doc.id} period`)
      const period = periods.get(periodId)
      if (!period) throw new Error(`Snapshot: review ${doc.id} period ${periodId} not found / periode tidak ditemukan`)
      return {
        id: String(doc.id),
        report: requiredId(doc.report, `review ${doc.id} report`),
        city: requiredId(doc.city, `review ${doc.id} city`),
        period: periodId,
        periodYear: period.year,
        periodTitle: period.title,
        overall: num(doc.overall),
        dimensionScores: rows(doc.dimensionScores).map((row) => ({ key: String(row.key), score: Number(row.score) })),
        pillarScores: rows(doc.pillarScores).map((row) => ({
          pillar: requiredId(row.pillar, `review ${doc.id} pillar score`),
          score: Number(row.score),
        })),
        recommendations: richText(doc.recommendations),
      }
    }),
  }
}

/**
 * The year and name of each evaluation round that has accepted scores. Rounds are staff-only
 * documents; these two fields are what the public pages need to label a score, nothing else is read.
 */
async function periodLabels(payload: Payload, ids: string[]) {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return new Map<string, { year: number; title: WrittenText }>()
  const { docs } = await payload.find({
    collection: COLLECTIONS.periods,
    where: { id: { in: wanted } },
    select: { year: true, title: true },
    depth: 0,
    locale: 'all',
    pagination: false,
    overrideAccess: true,
  })
  return new Map(docs.map((doc) => [String(doc.id), { year: Number(doc.year), title: text(doc.title) }]))
}

function imageSizes(value: unknown): Record<string, ImageSize> {
  const sizes: Record<string, ImageSize> = {}
  for (const [name, size] of Object.entries((value && typeof value === 'object' ? value : {}) as Record<string, unknown>)) {
    const entry = (size ?? {}) as Record<string, unknown>
    if (typeof entry.url === 'string') sizes[name] = { url: entry.url, width: num(entry.width), height: num(entry.height) }
  }
  return sizes
}

/** Download addresses of the documents among `ids` that the public may read (evidence marked public). */
async function publicDocumentUrls(payload: Payload, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map<string, string>()
  const docs = await readPublic(payload, COLLECTIONS.evidence, { url: true, filename: true }, {
    id: { in: wanted },
  })
  return new Map(docs.filter((doc) => typeof doc.url === 'string').map((doc) => [String(doc.id), String(doc.url)]))
}

/**
 * The public may read published reviews but not reports, so whether a review's report was accepted
 * is looked up by the system; it can only remove reviews from what the public reading returned.
 */
async function acceptedReportIds(payload: Payload, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Set<string>()
  const { docs } = await payload.find({
    collection: COLLECTIONS.reports,
    where: { and: [{ id: { in: wanted } }, { status: { equals: REPORT_STATUS.accepted } }] },
    select: { status: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return new Set(docs.map((doc) => String(doc.id)))
}
