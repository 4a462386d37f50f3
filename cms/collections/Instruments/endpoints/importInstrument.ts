import { readFile } from 'node:fs/promises'
import path from 'node:path'

import {
  addDataAndFileToRequest,
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
import { instrumentPillars } from './instrumentPillars.ts'
import { refusal } from '../../../endpoints/responses.ts'

class UploadError extends Error {}

/** The uploaded tables: a file field `file` (.xlsx, .csv or .json), or the instrument as a JSON body. */
async function uploadedTables(req: PayloadRequest): Promise<InstrumentTables> {
  if (!req.file && req.data === undefined) await addDataAndFileToRequest(req)
  const file = req.file
  if (!file) {
    if (req.data && Object.keys(req.data).length) return instrumentToTables(toPortable(req.data))
    throw new UploadError('Kirim berkas .xlsx, .csv atau .json di kolom "file" / Send an .xlsx, .csv or .json file in the "file" field')
  }
  // With `useTempFiles` Payload leaves the upload on disk and the buffer empty.
  const data = file.data?.length ? file.data : file.tempFilePath ? await readFile(file.tempFilePath) : Buffer.alloc(0)
  const extension = path.extname(file.name ?? '').toLowerCase()
  if (extension === '.json' || file.mimetype === 'application/json') {
    try {
      return instrumentToTables(toPortable(JSON.parse(data.toString('utf8'))))
    } catch (error) {
      if (error instanceof SyntaxError) throw new UploadError(`Berkas JSON tidak sah / The JSON file is not valid: ${error.message}`)
      throw error
    }
  }
  if (extension === '.xlsx' || extension === '.csv') return readWorkbook(data, extension.slice(1) as 'xlsx' | 'csv')
  throw new UploadError(`Jenis berkas "${extension || file.mimetype}" tidak didukung; pakai .xlsx, .csv atau .json / File type "${extension || file.mimetype}" is not supported; use .xlsx, .csv or .json`)
}

const problemAnswer = (req: PayloadRequest, errors: RowError[]) =>
  refusal(
    req,
    400,
    `Impor dibatalkan, tidak ada yang disimpan: ${errors.length} masalah / Import cancelled, nothing was saved: ${errors.length} problem(s)`,
    { errors },
  )

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
export const importInstrument: PayloadHandler = async (req) => {
  if (!isSecretariat(req.user as AccessUser)) {
    return refusal(req, 403, 'Hanya sekretariat yang dapat mengimpor instrumen / Only the secretariat can import an instrument')
  }
  let tables: InstrumentTables
  try {
    tables = await uploadedTables(req)
  } catch (error) {
    if (error instanceof UploadError || error instanceof WorkbookError) return refusal(req, 400, error.message)
    throw error
  }
  const { idOf } = await instrumentPillars(req)
  const result = tablesToInstrument(tables, { pillars: new Set(idOf.keys()) })
  if (!result.instrument) return problemAnswer(req, result.errors)
  try {
    const id = await storeInstrument(req, result.instrument, (slug) => idOf.get(slug))
    return Response.json(
      { id, message: 'Instrumen diimpor / Instrument imported' },
      { status: 201 },
    )
  } catch (error) {
    // The rows passed, yet a collection rule refused the whole: report it against the settings sheet.
    if (error instanceof ValidationError) {
      return problemAnswer(
        req,
        error.data.errors.map(({ path: field, message }) => ({ sheet: 'settings', row: 1, column: field, message })),
      )
    }
    throw error
  }
}
