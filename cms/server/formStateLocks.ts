import type { PayloadRequest } from 'payload'

import { mayUpdateDocument, mayUpdateGlobal } from '../access/rules.ts'

/** The part of the admin's `form-state` server function arguments that decides about locks. */
export interface FormStateLocking {
  collectionSlug?: string
  globalSlug?: string
  id?: number | string
  req: PayloadRequest
  returnLockStatus?: boolean
  updateLastEdited?: boolean
}

/**
 * The admin locks a document when a person's form asks for its state (Payload's `form-state` server
 * function), and Payload creates that lock without asking whether the person may change the document,
 * or even read it: a council member viewing its submitted report would lock it against the assessor
 * (423 on the assessor's save), and a crafted call could lock another city's report. A person takes a
 * lock only on what they may change; otherwise the form gets its state without locking anything.
 */
export async function lockOnlyWhatTheyMayChange<A extends FormStateLocking>(args: A): Promise<A> {
  if (!args.returnLockStatus && !args.updateLastEdited) return args
  const { collectionSlug, globalSlug, id, req } = args
  const mayChange =
    collectionSlug && id !== undefined && id !== null
      ? await mayUpdateDocument(req, collectionSlug, id)
      : globalSlug
        ? await mayUpdateGlobal(req, globalSlug)
        : true
  return mayChange ? args : { ...args, returnLockStatus: false, updateLastEdited: false }
}
