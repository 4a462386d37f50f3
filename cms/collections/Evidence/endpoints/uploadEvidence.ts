import fs from 'node:fs/promises'

import {
  addDataAndFileToRequest,
  Forbidden,
  type PayloadHandler,
  type PayloadRequest,
  type RequiredDataFromCollectionSlug,
  UnauthorizedError,
  ValidationError,
} from 'payload'

import { createEvidence } from '../access.ts'
import { COLLECTIONS } from '../../../constants.ts'
import type { Evidence } from '../../../payload-types.ts'
import { findSameEvidence } from '../../../server/evidenceDuplicates.ts'
import { sha256Of } from '../../../infra/fingerprint.ts'

const REUSED = 'Berkas yang sama sudah ada untuk kota ini; bukti itu dipakai ulang / The same file was already uploaded for this city; that evidence is reused'
const STORED = 'Bukti dukung tersimpan / Evidence stored'

/** A save refused as invalid (400): a unique key, the duplicate check, or a field rule. */
const isRefusedAsInvalid = (error: unknown) => (error as { name?: unknown } | null)?.name === 'ValidationError'

const missing = (path: string, message: string) =>
  new ValidationError({ collection: COLLECTIONS.evidence, errors: [{ path, message }] })

/** With `useTempFiles` Payload leaves the upload on disk; a reused upload never reaches the operation that would remove it. */
async function discardUpload(req: PayloadRequest): Promise<void> {
  if (req.file?.tempFilePath) await fs.rm(req.file.tempFilePath, { force: true })
}

/**
 * `POST /api/evidence/upload`: uploads one piece of evidence, or finds the one the city already has.
 * Takes the same multipart body as `POST /api/evidence` (`file`, plus `_payload` JSON with `city`,
 * `report`, `question`, `program`, `description`, ...). The file's SHA-256 is computed first; if
 * evidence of the same city with that fingerprint exists, the answer is `200 { doc, reused: true }`
 * and nothing is stored, otherwise the evidence is created as the signed-in person (their access,
 * the type check and fingerprinting of the ordinary create) and the answer is
 * `201 { doc, reused: false }`. Several files are several requests, as with the admin's bulk upload.
 *
 * A custom endpoint rather than a hook because only an endpoint can answer a create with a document
 * that already exists; the ordinary create route refuses duplicates (`refuseDuplicateEvidence`).
 *
 * Uploads of one file that arrive together all find nothing before they insert; the database's
 * unique key on (city, sha256) lets one of them in and refuses the others (so does the duplicate
 * check or the unique file name of the ordinary create, whichever a late one meets first). A refused
 * upload looks again and, finding the evidence the winner stored, answers with it like any reuse.
 */
export const uploadEvidence: PayloadHandler = async (req) => {
  await addDataAndFileToRequest(req)
  try {
    if (!req.user) throw new UnauthorizedError(req.t)
    const data = (req.data ?? {}) as Record<string, unknown>
    if (!req.file) throw missing('file', 'Pilih berkas yang akan diunggah / Choose a file to upload')
    if (data.city === undefined || data.city === null || data.city === '') {
      throw missing('city', 'Pilih kota pemilik bukti ini / Choose the city this evidence belongs to')
    }
    // Before looking anything up, so that someone who may not file evidence here is refused
    // rather than handed an existing document.
    if (!(await createEvidence({ req, data }))) throw new Forbidden(req.t)

    const same = { city: data.city, sha256: await sha256Of(req.file) }
    const reuse = (doc: Evidence) => Response.json({ doc, reused: true, message: REUSED }, { status: 200 })
    const existing = await findSameEvidence(req, same)
    if (existing) {
      await discardUpload(req)
      return reuse(existing)
    }
    try {
      const doc = await req.payload.create({
        collection: COLLECTIONS.evidence,
        // Field access (with overrideAccess: false) strips what a person may not set, e.g. sha256.
        data: data as RequiredDataFromCollectionSlug<typeof COLLECTIONS.evidence>,
        file: req.file,
        depth: 0,
        user: req.user,
        overrideAccess: false,
        req,
      })
      return Response.json({ doc, reused: false, message: STORED }, { status: 201 })
    } catch (error) {
      const stored = isRefusedAsInvalid(error) ? await findSameEvidence(req, same) : undefined
      if (stored) return reuse(stored)
      throw error
    }
  } catch (error) {
    await discardUpload(req)
    throw error
  }
}
