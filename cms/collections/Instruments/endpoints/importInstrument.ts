import path from 'node:path'

import {
  commitTransaction,
  initTransaction,
  killTransaction,
  type PayloadHandler,
  type PayloadRequest,
  ValidationError,
} from 'payload'

import { type AccessUser, isSecretariat } from '../../../access/predicates.ts'
import { COLLECTIONS } from '../../../constants.ts'
import {
  hasEnglish,
  type InstrumentTables,
  instrumentToTables,
  type PortableInstrument,
  type RowError,
  tablesToInstrument,
  toPortable,
  toStoredData,
  withRowIdsOf,
} from '../../../domain/instrumentSheet.ts'
import { readWorkbook, WorkbookError } from '../../../infra/instrumentWorkbook.ts'
import { discardingUpload, readUploadRequest, uploadedBytes } from '../../../infra/uploadedBytes.ts'
import { instrumentPillars } from './instrumentPillars.ts'
import { inLanguageOf, refusal } from '../../../endpoints/responses.ts'
import { langOf, type Problem, problem, rowErrorsIn } from '../../../domain/problems.ts'

/** An upload that cannot be read at all, with the problem to tell the person. */
class UploadError extends Error {
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.code)
    this.problem = problem
  }
}

/** The uploaded tables: a file field `file` (.xlsx, .csv or .json), or the instrument as a JSON body. */
async function uploadedTables(req: PayloadRequest): Promise<InstrumentTables> {
  if (!req.file && req.data === undefined) await readUploadRequest(req)
  const file = req.file
  if (!file) {
    if (req.data && Object.keys(req.data).length) return instrumentToTables(toPortable(req.data))
    throw new UploadError(problem('upload.instrumentFileMissing'))
  }
  const data = (await uploadedBytes(req)) ?? Buffer.alloc(0)
  const extension = path.extname(file.name ?? '').toLowerCase()
  if (extension === '.json' || file.mimetype === 'application/json') {
    try {
      return instrumentToTables(toPortable(JSON.parse(data.toString('utf8'))))
    } catch (error) {
      if (error instanceof SyntaxError) throw new UploadError(problem('upload.invalidJson', { params: { detail: error.message } }))
      throw error
    }
  }
  if (extension === '.xlsx' || extension === '.csv') return readWorkbook(data, extension.slice(1) as 'xlsx' | 'csv')
  throw new UploadError(problem('upload.unsupportedType', { params: { type: extension || file.mimetype } }))
}

type AnswerRow = { sheet: RowError['sheet']; row: number; column: string; code?: string; message: string }

/** Every row error at once, each in the reader's language, as the admin lists them; nothing was saved. */
const problemAnswer = (req: PayloadRequest, errors: AnswerRow[]) =>
  refusal(req, 400, problem('import.cancelled', { params: { count: errors.length } }), { errors })

/**
 * Stores the instrument in Indonesian and then its English texts (Payload writes one language per
 * call), in one transaction so that a failure of either leaves nothing behind. Where the database
 * runs without transactions, the half-made instrument is deleted instead.
 */
async function storeInstrument(req: PayloadRequest, instrument: PortableInstrument, pillarId: (slug: string) => number | undefined) {
  const ownsTransaction = await initTransaction(req)
  // An adapter without transactions (SQLite as configured here, standalone MongoDB) leaves a promise of null.
  const transactional = Boolean(req.transactionID) && !(req.transactionID instanceof Promise)
  let createdId: number | undefined
  try {
    const created = await req.payload.create({
      collection: COLLECTIONS.instruments,
      data: toStoredData(instrument, 'id', pillarId),
      locale: 'id',
      depth: 0,
      user: req.user,
      overrideAccess: false,
      req,
    })
    createdId = created.id
    if (hasEnglish(instrument)) {
      await req.payload.update({
        collection: COLLECTIONS.instruments,
        id: created.id,
        data: withRowIdsOf(toStoredData(instrument, 'en', pillarId), created),
        locale: 'en',
        depth: 0,
        user: req.user,
        overrideAccess: false,
        req,
      })
    }
    if (ownsTransaction) await commitTransaction(req)
    return created.id
  } catch (error) {
    await killTransaction(req)
    if (!transactional && createdId !== undefined) {
      await req.payload.delete({ collection: COLLECTIONS.instruments, id: createdId, overrideAccess: true, req }).catch(() => undefined)
    }
    throw error
  }
}

/**
 * `POST /api/instruments/import`: creates an instrument from a spreadsheet or JSON file, secretariat
 * only. Every row is checked first; with any problem the answer is 400 with all of them, row by row,
 * and nothing is saved.
 */
export const importInstrument: PayloadHandler = discardingUpload(async (req) => {
  if (!isSecretariat(req.user as AccessUser)) {
    return refusal(req, 403, problem('instrument.secretariatOnly'))
  }
  let tables: InstrumentTables
  try {
    tables = await uploadedTables(req)
  } catch (error) {
    if (error instanceof UploadError || error instanceof WorkbookError) return refusal(req, 400, error.problem)
    throw error
  }
  const { idOf } = await instrumentPillars(req)
  const result = tablesToInstrument(tables, { pillars: new Set(idOf.keys()) })
  if (!result.instrument) return problemAnswer(req, rowErrorsIn(result.errors, langOf(req.i18n?.language)))
  try {
    const id = await storeInstrument(req, result.instrument, (slug) => idOf.get(slug))
    return Response.json(
      { id, message: inLanguageOf(req, { id: 'Instrumen diimpor', en: 'Instrument imported' }) },
      { status: 201 },
    )
  } catch (error) {
    // The rows passed, yet a collection rule refused the whole: report it against the settings sheet,
    // in the words of the field check, which speaks the person's language already.
    if (error instanceof ValidationError) {
      return problemAnswer(
        req,
        error.data.errors.map(({ path: field, message }) => ({ sheet: 'settings', row: 1, column: field, message })),
      )
    }
    throw error
  }
})
