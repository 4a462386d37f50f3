import {
  Forbidden,
  type PayloadHandler,
  type PayloadRequest,
  type RequiredDataFromCollectionSlug,
  UnauthorizedError,
  ValidationError,
} from 'payload'

import { createEvidence } from '../access.ts'
import { type AccessUser } from '../../../access/predicates.ts'
import { councilMayAttachTo } from '../../EvidenceUses/access.ts'
import { questionKey } from '../../EvidenceUses/hooks/attachToReport.ts'
import { COLLECTIONS } from '../../../constants.ts'
import { idOf, type Ref } from '../../../domain/ids.ts'
import { problem } from '../../../domain/problems.ts'
import { inLanguageOf, type Words } from '../../../endpoints/responses.ts'
import { findSameEvidence } from '../../../server/evidenceDuplicates.ts'
import { ProblemsError } from '../../../server/problemsError.ts'
import type { Evidence, EvidenceUse } from '../../../payload-types.ts'
import { sha256Of } from '../../../infra/fingerprint.ts'
import { discardingUpload, readUploadRequest } from '../../../infra/uploadedBytes.ts'

const STORED: Words = { id: 'Bukti dukung tersimpan', en: 'Evidence stored' }
const REUSED: Words = {
  id: 'Berkas yang sama sudah ada di pustaka bukti kota ini; berkas itu yang dipakai',
  en: "The same file is already in this city's evidence library; that file is used",
}
const ALREADY_HERE: Words = {
  id: 'Berkas yang sama sudah menjadi bukti pertanyaan ini',
  en: 'The same file is already evidence for this question',
}

/**
 * A save refused as invalid (400): a unique key, the duplicate check, or a field rule. By class, not
 * by name: Payload names an error after its constructor, so the duplicate check's ProblemsError is
 * not called "ValidationError" (and an upload that lost the race to it answered 400).
 */
const isRefusedAsInvalid = (error: unknown) => error instanceof ValidationError

/** The use of `file` for `question` of `report`: the one already there, or a new one made as the person. */
async function useFor(req: PayloadRequest, file: Evidence, report: unknown, question: string | null): Promise<{ use: EvidenceUse; linked: boolean }> {
  const reportId = idOf(report as Ref)
  const existing = async () => {
    const { docs } = await req.payload.find({
      collection: COLLECTIONS.evidenceUses,
      where: {
        and: [
          { report: { equals: reportId } },
          { evidence: { equals: file.id } },
          question === null ? { question: { exists: false } } : { question: { equals: question } },
        ],
      },
      depth: 0,
      limit: 1,
      user: req.user,
      overrideAccess: false,
      req,
    })
    return docs[0]
  }
  const found = await existing()
  if (found) return { use: found, linked: false }
  try {
    const use = await req.payload.create({
      collection: COLLECTIONS.evidenceUses,
      data: { report: reportId, evidence: file.id, question } as RequiredDataFromCollectionSlug<typeof COLLECTIONS.evidenceUses>,
      depth: 0,
      user: req.user,
      overrideAccess: false,
      req,
    })
    return { use, linked: true }
  } catch (error) {
    // Uploads of one file at the same moment attach it once: the unique key on (report, file,
    // question) lets one in; the others answer with that use.
    const attached = isRefusedAsInvalid(error) ? await existing() : undefined
    if (attached) return { use: attached, linked: false }
    throw error
  }
}

/**
 * `POST /api/evidence/upload`: puts one file into the city's evidence library, or finds the one the
 * library already holds, and attaches it to a question of a report when `report` (and `question`)
 * are given. Takes the same multipart body as `POST /api/evidence` (`file`, plus `_payload` JSON with
 * `city`, `report`, `question`, `program`, `description`, ...). The file's SHA-256 is computed first:
 * if the city's library holds that fingerprint, nothing is stored and the existing file is used
 * (`200 { doc, use, reused: true, linked }`, `linked` false when it already supported that question);
 * otherwise the file is created as the signed-in person (their access, the type check and
 * fingerprinting of the ordinary create) and attached (`201 { doc, use, reused: false, linked }`).
 * Several files are several requests, as with the admin's bulk upload.
 *
 * A custom endpoint rather than a hook because only an endpoint can answer a create with a document
 * that already exists; the ordinary create route refuses duplicates (`refuseDuplicateEvidence`).
 *
 * Uploads of one file that arrive together all find nothing before they insert; the database's
 * unique key on (city, sha256) lets one of them in and refuses the others (so does the duplicate
 * check or the unique file name of the ordinary create, whichever a late one meets first). A refused
 * upload looks again and, finding the evidence the winner stored, answers with it like any reuse.
 */
export const uploadEvidence: PayloadHandler = discardingUpload(async (req) => {
  await readUploadRequest(req)
  if (!req.user) throw new UnauthorizedError(req.t)
  const { report, question: rawQuestion, ...data } = (req.data ?? {}) as Record<string, unknown>
  const question = questionKey(rawQuestion)
  if (!req.file) throw new ProblemsError(COLLECTIONS.evidence, [problem('upload.fileMissing')], req, () => 'file')
  if (data.city === undefined || data.city === null || data.city === '') {
    throw new ProblemsError(COLLECTIONS.evidence, [problem('upload.cityMissing')], req, () => 'city')
  }
  // Before looking anything up, so that someone who may not file evidence here is refused
  // rather than handed an existing document.
  if (!(await createEvidence({ req, data }))) throw new Forbidden(req.t)
  const attach = report !== undefined && report !== null && report !== ''
  if (attach && !(await councilMayAttachTo(req, req.user as AccessUser, report))) throw new Forbidden(req.t)

  const same = { city: data.city, sha256: await sha256Of(req.file) }
  const reuse = async (existing: Evidence) => {
    const { use, linked } = attach ? await useFor(req, existing, report, question) : { use: null, linked: false }
    const message = attach && !linked ? ALREADY_HERE : REUSED
    return Response.json({ doc: existing, use, reused: true, linked, message: inLanguageOf(req, message) }, { status: 200 })
  }
  const existing = await findSameEvidence(req, same)
  if (existing) return reuse(existing)
  let doc: Evidence
  try {
    doc = await req.payload.create({
      collection: COLLECTIONS.evidence,
      // Field access (with overrideAccess: false) strips what a person may not set, e.g. sha256.
      data: data as RequiredDataFromCollectionSlug<typeof COLLECTIONS.evidence>,
      file: req.file,
      depth: 0,
      user: req.user,
      overrideAccess: false,
      req,
    })
  } catch (error) {
    // Another upload of the same file won the race to the unique key: answer with its evidence.
    const stored = isRefusedAsInvalid(error) ? await findSameEvidence(req, same) : undefined
    if (stored) return reuse(stored)
    throw error
  }
  const { use, linked } = attach ? await useFor(req, doc, report, question) : { use: null, linked: false }
  return Response.json({ doc, use, reused: false, linked, message: inLanguageOf(req, STORED) }, { status: 201 })
})
