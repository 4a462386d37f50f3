import fs from 'node:fs/promises'

import {
  addDataAndFileToRequest,
  APIError,
  commitTransaction,
  Forbidden,
  initTransaction,
  killTransaction,
  NotFound,
  type PayloadHandler,
  type PayloadRequest,
  UnauthorizedError,
  type Where,
  ValidationError,
} from 'payload'

import { type AccessUser, mayWriteCity } from '../../../access/predicates.ts'
import { createMeasurement } from '../access.ts'
import { COLLECTIONS, LOCALES } from '../../../constants.ts'
import {
  type ExistingMeasurement,
  indicatorReferences,
  type MeasurementInput,
  readRows,
  type RecordId,
  type RowError,
  type SheetIndicator,
  validateMeasurementRows,
} from '../../../domain/measurementSheet.ts'
import { measurementTemplate, readTable, SpreadsheetFormatError, type TemplateRow } from '../../../infra/spreadsheet.ts'
import { idOf, type ID, type Ref } from '../../../domain/ids.ts'
import { asSystem } from '../../../server/asSystem.ts'

export type ImportOutcome =
  | { ok: true; rows: number; created: number; updated: number; skipped: number }
  | { ok: false; rows: number; errors: RowError[] }

const userOf = (req: PayloadRequest) => req.user as AccessUser
/** Who may write measurements at all: the collection's own create rule, asked without a record. */
const mayImport = async (req: PayloadRequest) => Boolean(await createMeasurement({ req }))

const localisedNames = (name: unknown): string[] =>
  name && typeof name === 'object'
    ? LOCALES.map((locale) => (name as Record<string, unknown>)[locale]).filter((value): value is string => typeof value === 'string')
    : typeof name === 'string'
      ? [name]
      : []

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
    names: localisedNames(doc.name),
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
  return { indicators, existing, previous: new Map(stored.map((doc) => [doc.id, doc])) }
}

/** A refusal from Payload while saving, as an error of the row being saved. */
function rowErrorOf(row: number, error: unknown): RowError | undefined {
  if (error instanceof ValidationError) {
    const [first] = error.data.errors
    const column = (['indicator', 'year', 'month', 'value', 'source', 'note'] as const).find((name) => name === first?.path)
    return { row, column: column ?? 'indicator', message: first?.message ?? error.message }
  }
  if (error instanceof Forbidden || error instanceof NotFound) {
    return {
      row,
      column: 'indicator',
      message: 'Anda tidak berhak mengisi indikator ini / You may not enter values for this indicator',
    }
  }
  return undefined
}

/**
 * Validates a whole measurement sheet and saves every row, or none. Exported for the benchmark.
 *
 * All-or-nothing in two layers. First every rule is checked on the whole sheet before anything is
 * written, so a sheet with errors never touches the database. Then the rows are written inside
 * Payload's transaction helpers with `req` passed to every call: on MongoDB (replica set) or on
 * SQLite with `transactionOptions` that is one database transaction. Our SQLite adapter runs, as
 * Payload recommends, without transactions (`initTransaction` is then a no-op, since an open write
 * transaction would lock every other writer out for the length of the import), so should a row
 * still fail while saving (a value entered meanwhile by someone else), the rows already written
 * are undone: created ones deleted, updated ones restored.
 */
export async function importMeasurementSheet(req: PayloadRequest, file: Buffer): Promise<ImportOutcome> {
  const user = userOf(req)
  const read = readRows(await readTable(file))
  if (read.errors.length) return { ok: false, rows: 0, errors: read.errors }
  const { indicators, existing, previous } = await loadContext(req, read.rows)
  const { inputs, errors, skipped } = validateMeasurementRows(read.rows, {
    indicators,
    existing,
    mayWrite: (city) => mayWriteCity(user, city),
  })
  const rows = read.rows.length
  if (errors.length) return { ok: false, rows, errors }

  const shouldCommit = await initTransaction(req)
  // Without database transactions `req.transactionID` is left as a promise of null.
  const transactional = Boolean(await req.transactionID)
  const done: { input: MeasurementInput; id: ID }[] = []
  let current: MeasurementInput | undefined
  try {
    for (const input of inputs) {
      current = input
      const values = { value: input.value, source: input.source, note: input.note }
      const saved =
        input.existingId !== undefined
          ? await req.payload.update({
              collection: COLLECTIONS.measurements,
              id: input.existingId,
              data: values,
              depth: 0,
              user: req.user,
              overrideAccess: false,
              req,
            })
          : await req.payload.create({
              collection: COLLECTIONS.measurements,
              // The generated types know SQLite's number IDs; on MongoDB this is the ObjectId's text.
              data: { indicator: input.indicator as number, year: input.year, month: input.month, ...values },
              depth: 0,
              user: req.user,
              overrideAccess: false,
              req,
            })
      done.push({ input, id: saved.id })
    }
    if (shouldCommit) await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    if (!transactional) await undo(req, done, previous)
    const rowError = current && rowErrorOf(current.row, error)
    if (!rowError) throw error
    return { ok: false, rows, errors: [rowError] }
  }
  const updated = inputs.filter((input) => input.existingId !== undefined).length
  return { ok: true, rows, created: inputs.length - updated, updated, skipped }
}

/** Reverses the rows written before a failure, newest first, as the system: it only restores what this import changed. */
async function undo(
  req: PayloadRequest,
  done: { input: MeasurementInput; id: ID }[],
  previous: Map<ID, { value: number; source?: string | null; note?: string | null }>,
) {
  for (const { input, id } of [...done].reverse()) {
    const before = input.existingId !== undefined ? previous.get(input.existingId) : undefined
    if (before) {
      await req.payload.update({
        collection: COLLECTIONS.measurements,
        id,
        data: { value: before.value, source: before.source ?? null, note: before.note ?? null },
        depth: 0,
        req,
      })
    } else {
      await req.payload.delete({ collection: COLLECTIONS.measurements, id, req })
    }
  }
}

async function uploadedBytes(req: PayloadRequest): Promise<Buffer | undefined> {
  const file = req.file
  if (!file) return undefined
  if (file.data && file.data.length > 0) return file.data
  if (!file.tempFilePath) return undefined
  try {
    return await fs.readFile(file.tempFilePath)
  } finally {
    await fs.rm(file.tempFilePath, { force: true })
  }
}

/**
 * `POST /api/measurements/import`: multipart with the spreadsheet (.xlsx or .csv) in `file`.
 * 201 `{ message, rows, created, updated, skipped }` when every row was saved;
 * 400 `{ message, rows, errors: [{ row, column, message }] }` with nothing saved otherwise.
 * A row for an indicator and period that already has a value updates it (see measurementSheet.ts).
 */
export const importMeasurements: PayloadHandler = async (req) => {
  await addDataAndFileToRequest(req)
  if (!req.user) throw new UnauthorizedError(req.t)
  if (!(await mayImport(req))) throw new Forbidden(req.t)
  const data = await uploadedBytes(req)
  if (!data) {
    throw new APIError('Pilih berkas .xlsx atau .csv untuk diunggah / Choose an .xlsx or .csv file to upload', 400)
  }
  let outcome: ImportOutcome
  try {
    outcome = await importMeasurementSheet(req, data)
  } catch (error) {
    if (error instanceof SpreadsheetFormatError) throw new APIError(error.message, 400)
    throw error
  }
  if (!outcome.ok) {
    const count = outcome.errors.length
    return Response.json(
      {
        message: `Tidak ada yang disimpan: perbaiki ${count} kesalahan lalu unggah lagi / Nothing was saved: fix the ${count} problem(s) and upload again`,
        rows: outcome.rows,
        errors: outcome.errors,
      },
      { status: 400 },
    )
  }
  const { ok: _ok, ...counts } = outcome
  return Response.json(
    {
      message: `${counts.created} nilai baru, ${counts.updated} diperbarui / ${counts.created} new values, ${counts.updated} updated`,
      ...counts,
    },
    { status: 201 },
  )
}

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
  if (!programId) throw new APIError('Sebutkan programnya: ?program=<id> / Name the programme: ?program=<id>', 400)
  const yearParam = Number(req.searchParams.get('year') ?? new Date().getFullYear())
  if (!Number.isInteger(yearParam) || yearParam < 2000 || yearParam > 2100) {
    throw new APIError('Tahun harus 2000-2100 / The year must be from 2000 to 2100', 400)
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
