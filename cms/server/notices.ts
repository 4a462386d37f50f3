import type { PayloadRequest } from 'payload'

import { COLLECTIONS, CONTEXT_FLAGS, ROLES } from '../constants.ts'
import { type ID, idOf, type Ref } from '../domain/ids.ts'
import { composeNotice, type NoticeFacts, type NoticeKind } from '../domain/notices.ts'
import { langOf } from '../domain/problems.ts'
import { asSystem } from './asSystem.ts'

/** The task that e-mails stored notices (cms/jobs/notices.ts). */
export const DELIVER_NOTICES_TASK = 'deliver-notices'

export type Recipient = { id: ID; email?: string | null; name?: string | null; language?: string | null }

/**
 * Stores one notice per recipient, in the recipient's own language, and queues their e-mails. A
 * notice whose key (`key` plus the recipient) was written before is not written again, so an event
 * replayed, or a reminder job run twice, tells nobody twice. Written with `req`, inside the
 * change's own transaction: a move that is rolled back notifies nobody. Skipped with
 * `req.context.skipNotices`, as the seed does.
 */
export async function notify(
  req: PayloadRequest,
  recipients: Recipient[],
  kind: NoticeKind,
  facts: NoticeFacts,
  options: { key: string; link?: string | null; report?: ID | null },
): Promise<number> {
  if (req.context?.[CONTEXT_FLAGS.skipNotices]) return 0
  const unique = [...new Map(recipients.map((person) => [String(person.id), person])).values()]
  if (unique.length === 0) return 0
  const keys = unique.map((person) => `${options.key}:${person.id}`)
  const system = asSystem(req, 'notices are system records, written whoever acts')
  const known = new Set((await system.find(COLLECTIONS.notices, { key: { in: keys } }, { select: { key: true } })).map((notice) => notice.key))
  let written = 0
  for (const person of unique) {
    const key = `${options.key}:${person.id}`
    if (known.has(key)) continue
    const { title, body } = composeNotice(kind, facts, langOf(person.language))
    await req.payload.create({
      collection: COLLECTIONS.notices,
      // Ids are numbers on SQLite and text on MongoDB; the generated types know only the first.
      data: { recipient: person.id as number, kind, title, body, link: options.link ?? null, report: (options.report ?? null) as number | null, key },
      depth: 0,
      overrideAccess: true,
      req,
    })
    written += 1
  }
  if (written > 0) await queueNoticeDelivery(req)
  return written
}

/** Queues one `deliver-notices` job, unless one is already waiting to run. */
export async function queueNoticeDelivery(req: PayloadRequest): Promise<void> {
  const waiting = await asSystem(req, 'the job queue is system data').count('payload-jobs', {
    and: [
      { taskSlug: { equals: DELIVER_NOTICES_TASK } },
      { processing: { equals: false } },
      { completedAt: { exists: false } },
      { hasError: { not_equals: true } },
    ],
  })
  if (waiting === 0) await req.payload.jobs.queue({ task: DELIVER_NOTICES_TASK, input: {}, req })
}

const PEOPLE = { name: true, email: true, language: true } as const

/** The council members of `city`. */
export async function councilOf(req: PayloadRequest, city: Ref): Promise<Recipient[]> {
  const cityId = idOf(city)
  if (cityId === undefined) return []
  return asSystem(req, "a city's council is told of its report, whoever acts").find(
    COLLECTIONS.users,
    { and: [{ role: { equals: ROLES.council } }, { cities: { in: [cityId] } }] },
    { select: PEOPLE },
  )
}

/** Every secretariat account. */
export async function secretariat(req: PayloadRequest): Promise<Recipient[]> {
  return asSystem(req, 'the secretariat is told of every report').find(COLLECTIONS.users, { role: { equals: ROLES.secretariat } }, { select: PEOPLE })
}

/** The people with these ids (e.g. the assessors of an assignment). */
export async function people(req: PayloadRequest, ids: ID[]): Promise<Recipient[]> {
  if (ids.length === 0) return []
  return asSystem(req, 'assessors are told of their assignments').find(COLLECTIONS.users, { id: { in: ids } }, { select: PEOPLE })
}

/** Where a report opens in the admin, on the tab its reader works in. */
export function reportLink(req: PayloadRequest, report: ID, tab: 'isi' | 'tinjau' | null = null): string | null {
  const server = req.payload.config.serverURL
  if (!server) return null
  return `${server}${req.payload.config.routes.admin}/collections/${COLLECTIONS.reports}/${report}${tab ? `/${tab}` : ''}`
}
