import { APIError, type CollectionBeforeValidateHook, type PayloadRequest } from 'payload'

import { problem } from '../../../domain/problems.ts'
import { messageFor } from '../../../server/problemsError.ts'

/** HTTP 409 Conflict: the save was based on a version of the report that is no longer current. */
const CONFLICT = 409

/**
 * Its own name so the config can log it at `info` (`loggingLevels: { StaleReportError: 'info' }`):
 * a refused stale save is expected traffic, not a server fault worth an error with a stack trace.
 */
export class StaleReportError extends APIError<{ basedOn: unknown; current: unknown }> {
  constructor(req: PayloadRequest, basedOn: unknown, current: unknown) {
    super(messageFor(req, problem('report.stale')), CONFLICT, { basedOn, current }, true)
    this.name = 'StaleReportError'
  }
}

const instant = (value: unknown): number | undefined => {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined
  const time = new Date(value).getTime()
  return Number.isNaN(time) ? undefined : time
}

/**
 * Optimistic concurrency for reports. A save that carries `updatedAt` says which version its author
 * edited; if the stored report has moved on since, someone else saved in between and writing now
 * would silently undo their work, so the save is refused with 409 instead. The admin edit form
 * always sends the `updatedAt` it loaded (and refreshes it after each of its own saves), and REST
 * clients opt in by sending it; the seed, hooks and jobs send none and are not affected.
 *
 * Document locking (on by default in Payload 3) already keeps two people out of one report in the
 * admin, but the REST and Local APIs ignore locks unless asked; this check covers them too.
 *
 * A `beforeValidate` hook rather than `beforeOperation`: it runs after the update access check, so
 * a 409 cannot reveal anything about a report the caller may not edit, and it gets the stored
 * document read inside the save's own transaction without a second query. Payload stamps the new
 * `updatedAt` only later, just before writing, so the incoming value is still the client's here.
 */
export const refuseStaleReportSave: CollectionBeforeValidateHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !data || !originalDoc) return data
  const basedOn = instant(data.updatedAt)
  const stored = instant(originalDoc.updatedAt)
  if (basedOn !== undefined && stored !== undefined && basedOn !== stored) {
    throw new StaleReportError(req, data.updatedAt, originalDoc.updatedAt)
  }
  return data
}
