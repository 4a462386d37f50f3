import {
  commitTransaction,
  Forbidden,
  initTransaction,
  killTransaction,
  type PayloadHandler,
  type PayloadRequest,
  UnauthorizedError,
  type Where,
} from 'payload'

import { type AccessUser, mayWriteCity } from '../../../access/predicates.ts'
import { createMeasurement } from '../access.ts'
import { COLLECTIONS } from '../../../constants.ts'
import {
  type ExistingMeasurement,
  indicatorReferences,
  readRows,
  type RecordId,
  type RowError,
  type SheetIndicator,
  validateMeasurementRows,
} from '../../../domain/measurementSheet.ts'
import { measurementTemplate, readTable, SpreadsheetFormatError, type TemplateRow } from '../../../infra/spreadsheet.ts'
import { discardingUpload, readUploadRequest, uploadedBytes } from '../../../infra/uploadedBytes.ts'
import { idOf, type ID, type Ref } from '../../../domain/ids.ts'
import { asSystem } from '../../../server/asSystem.ts'
import { type RowChange, writeRows } from '../../../server/bulkRows.ts'
import { queuePublishSite } from '../../../hooks/enqueuePublishSite.ts'
import { inLanguageOf, refusal } from '../../../endpoints/responses.ts'
import { langOf, problem, rowErrorsIn } from '../../../domain/problems.ts'

export type ImportOutcome =
  | { ok: true; rows: number; created: number; updated: number; skipped: number }
  | { ok: false; rows: number; errors: RowError[] }

const userOf = (req: PayloadRequest) => req.user as AccessUser
/** Who may write measurements at all: the collection's own create rule, asked without a record. */
const mayImport = async (req: PayloadRequest) => Boolean(await createMeasurement({ req }))

/** The indicators the sheet names (by ID, or by name within a programme slug), looked up once. */
async function loadContext(req: PayloadRequest, rows: Parameters<typeof indicatorReferences>[0]) {
  const { ids, programSlugs } = indicatorReferences(rows)
  // Every indicator the sheet names is found, so a row for another city's indicator is refused as
  // such (row by row, by the city rule) rather than reported as unknown.
  const system = asSystem(req, "a sheet's rows are matched to every indicator, then judged city by city")
  const programs = programSlugs.length
    ? await system.find(COLLECTIONS.programs, { slug: { in: programSlugs } }, { select: { slug: true } })
    : []
  const slugOf = new Map(programs.map((program) => [String(program.id), program.slug as string]))
  const or: Where[] = [
    ...(ids.length ? [{ id: { in: ids } }] : []),
    ...(programs.length ? [{ program: { in: programs.map((program) => program.id) } }] : []),
  ]
  const found = or.length ? await system.find(COLLECTIONS.indicators, { or }, { locale: 'all' }) : []
  const indicators: SheetIndicator[] = found.map((doc) => ({
    id: doc.id,
    city: idOf(doc.city as Ref) as RecordId,
    programSlug: slugOf.get(String(idOf(doc.program as Ref))) ?? '',
    name: (doc.name ?? {}) as unknown as SheetIndicator['name'],
    frequency: doc.frequency,
    allowNegative: Boolean(doc.allowNegative),
  }))
  const stored = indicators.length
    ? await system.find(
        COLLECTIONS.measurements,
        { indicator: { in: indicators.map((indicator) => indicator.id) } },
        { select: { indicator: true, year: true, month: true, value: true, source: true, note: true } },
      )
    : []
  const existing: ExistingMeasurement[] = stored.map((doc) => ({
    id: doc.id,
    indicator: idOf(doc.indicator as Ref) as RecordId,
    year: doc.year,
    month: doc.month ?? null,
  }))
  // What the collection's hook would copy from the indicator onto each new value.
  const parents = new Map(found.map((doc) => [String(doc.id), { city: idOf(doc.city as Ref) as ID, program: idOf(doc.program as Ref) as ID }]))
  return { indicators, parents, existing, previous: new Map(stored.map((doc) => [String(doc.id), doc])) }
}

/**
 * Validates a whole measurement sheet and saves every row, or none. Exported for the benchmark.
 *
 * Every rule is checked on the whole sheet before anything is written, so a sheet with errors never
 * touches the database: the same checks the collection's hooks and access rules make on a single
 * value (the indicator's frequency and sign, one value per period, the council's own cities), made
 * once for the sheet against every value already stored. The rows are then written at once
 * (../../../server/bulkRows.ts: one SQLite transaction, or row by row in the request's transaction
 * on a MongoDB replica set, undone on failure without one), with the city and programme the hooks
 * would copy from the indicator, and one publish is queued for the cities the sheet touched.
 */
export async function importMeasurementSheet(req: PayloadRequest, file: Buffer): Promise<ImportOutcome> {
  const user = userOf(req)
  const read = readRows(await readTable(file))
  if (read.errors.length) return { ok: false, rows: 0, errors: read.errors }
  const { indicators, parents, existing, previous } = await loadContext(req, read.rows)
  const { inputs, errors, skipped } = validateMeasurementRows(read.rows, {
    indicators,
    existing,
    mayWrite: (city) => mayWriteCity(user, city),
  })
  const rows = read.rows.length
  if (errors.length) return { ok: false, rows, errors }

  const create: Record<string, unknown>[] = []
  const update: RowChange[] = []
  const cities = new Map<string, ID>()
  for (const input of inputs) {
    const values = { value: input.value, source: input.source, note: input.note }
    const parent = parents.get(String(input.indicator))!
    cities.set(String(parent.city), parent.city)
    const before = input.existingId !== undefined ? previous.get(String(input.existingId)) : undefined
    if (before) {
      update.push({ id: before.id, data: values, before: { value: before.value, source: before.source ?? null, note: before.note ?? null } })
    } else {
      create.push({ indicator: input.indicator, year: input.year, month: input.month, ...values, city: parent.city, program: parent.program })
    }
  }

  const shouldCommit = await initTransaction(req)
  try {
    await writeRows(req, COLLECTIONS.measurements, { create, update })
    await queuePublishSite(req, { cities: [...cities.values()] })
    if (shouldCommit) await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
  return { ok: true, rows, created: create.length, updated: update.length, skipped }
}

/**
 * `POST /api/measurements/import`: multipart with the spreadsheet (.xlsx or .csv) in `file`.
 * 201 `{ message, rows, created, updated, skipped }` when every row was saved;
 * 400 `{ message, rows, errors: [{ row, column, code, message }] }` with nothing saved otherwise, every
 * message in the person's admin language.
 * A row for an indicator and period that already has a value updates it (see measurementSheet.ts).
 */
export const importMeasurements: PayloadHandler = discardingUpload(async (req) => {
  await readUploadRequest(req)
  if (!req.user) throw new UnauthorizedError(req.t)
  if (!(await mayImport(req))) throw new Forbidden(req.t)
  const data = await uploadedBytes(req)
  if (!data) return refusal(req, 400, problem('upload.spreadsheetMissing'))
  let outcome: ImportOutcome
  try {
    outcome = await importMeasurementSheet(req, data)
  } catch (error) {
    if (error instanceof SpreadsheetFormatError) return refusal(req, 400, error.problem)
    throw error
  }
  if (!outcome.ok) {
    return Response.json(
      {
        message: inLanguageOf(req, problem('import.nothingSaved', { params: { count: outcome.errors.length } })),
        rows: outcome.rows,
        errors: rowErrorsIn(outcome.errors, langOf(req.i18n?.language)),
      },
      { status: 400 },
    )
  }
  const { ok: _ok, ...counts } = outcome
  return Response.json(
    {
      message: inLanguageOf(req, {
        id: `${counts.created} nilai baru, ${counts.updated} diperbarui`,
        en: `${counts.created} new values, ${counts.updated} updated`,
      }),
      ...counts,
    },
    { status: 201 },
  )
})

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * `GET /api/measurements/template?program=<id>&year=<yyyy>`: an .xlsx with the programme's
 * indicators filled in, one row per period of `year` (this year if left out), for the council to
 * add values to and send back to the import.
 */
export const measurementTemplateHandler: PayloadHandler = async (req) => {
  const user = userOf(req)
  if (!req.user) throw new UnauthorizedError(req.t)
  if (!(await mayImport(req))) throw new Forbidden(req.t)
  const programId = req.searchParams.get('program')
  if (!programId) return refusal(req, 400, problem('template.programmeMissing'))
  const yearParam = Number(req.searchParams.get('year') ?? new Date().getFullYear())
  if (!Number.isInteger(yearParam) || yearParam < 2000 || yearParam > 2100) {
    return refusal(req, 400, problem('measurement.yearRange'))
  }
  const program = await req.payload.findByID({
    collection: COLLECTIONS.programs,
    id: programId,
    depth: 0,
    user: req.user,
    overrideAccess: false,
    req,
  })
  if (!mayWriteCity(user, program.city as Ref)) throw new Forbidden(req.t)
  const { docs } = await req.payload.find({
    collection: COLLECTIONS.indicators,
    where: { program: { equals: program.id } },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
    user: req.user,
    overrideAccess: false,
    req,
  })
  const rows = docs.flatMap((indicator): TemplateRow[] => {
    const base = {
      indicator: indicator.id,
      program: program.slug as string,
      name: indicator.name,
      unit: indicator.unit,
      target: indicator.target,
      year: yearParam,
    }
    return indicator.frequency === 'monthly'
      ? Array.from({ length: 12 }, (_, index) => ({ ...base, month: index + 1 }))
      : [{ ...base, month: null }]
  })
  const body = await measurementTemplate(rows)
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="capaian-${program.slug}-${yearParam}.xlsx"`,
    },
  })
}
