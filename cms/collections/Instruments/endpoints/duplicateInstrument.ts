import type { PayloadHandler, PayloadRequest } from 'payload'

import { type AccessUser, isSecretariat } from '../../../access/predicates.ts'
import { COLLECTIONS, DEFAULT_LOCALE } from '../../../constants.ts'
import { inLanguageOf, refusal } from '../../../endpoints/responses.ts'
import { problem } from '../../../domain/problems.ts'
import { type ID } from '../../../domain/ids.ts'
import { asSystem } from '../../../server/asSystem.ts'

/** One more than the highest version among instruments with this (Indonesian) title. */
async function nextVersion(req: PayloadRequest, title: string): Promise<number> {
  const docs = await asSystem(req, 'every version counts, also one the person could not read, or two copies would share a number').find(
    COLLECTIONS.instruments,
    { title: { equals: title } },
    { sort: '-version', limit: 1, locale: DEFAULT_LOCALE },
  )
  return (docs[0]?.version ?? 0) + 1
}

/**
 * `POST /api/instruments/:id/duplicate`: copies an instrument, both languages, as the next version
 * of its title; the way to change an instrument that a period has frozen. It takes the place of
 * Payload's own duplicate route, so the admin's "Duplicate" menu item makes a new version too, and
 * answers in the same shape (`doc`, `message`) plus the new `id`.
 */
export const duplicateInstrument: PayloadHandler = async (req) => {
  const user = req.user as AccessUser
  if (!isSecretariat(user)) {
    return refusal(req, 403, problem('instrument.secretariatOnly'))
  }
  const id = req.routeParams?.id as ID
  const source = await req.payload.findByID({
    collection: COLLECTIONS.instruments,
    id,
    depth: 0,
    locale: DEFAULT_LOCALE,
    user: req.user,
    overrideAccess: false,
    req,
  })
  const version = await nextVersion(req, source.title)
  // Payload's duplicate copies every locale and gives array rows fresh ids, so no text is lost.
  const copy = await req.payload.duplicate({
    collection: COLLECTIONS.instruments,
    id,
    data: { version },
    depth: 0,
    user: req.user,
    overrideAccess: false,
    req,
  })
  return Response.json(
    {
      id: copy.id,
      doc: copy,
      message: inLanguageOf(req, { id: `Instrumen diduplikasi sebagai versi ${version}`, en: `Instrument duplicated as version ${version}` }),
    },
    { status: 201 },
  )
}
