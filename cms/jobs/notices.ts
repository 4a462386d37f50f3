import type { PayloadRequest, TaskConfig } from 'payload'

import { COLLECTIONS, REPORT_STATUS } from '../constants.ts'
import { submissionDeadline } from '../domain/deadlines.ts'
import { type ID, idOf, type Ref } from '../domain/ids.ts'
import { dueReminders } from '../domain/notices.ts'
import { asSystem } from '../server/asSystem.ts'
import { councilOf, DELIVER_NOTICES_TASK, notify, reportLink } from '../server/notices.ts'

export const DEADLINE_REMINDERS_TASK = 'deadline-reminders'

/** Notices e-mailed per run; a longer backlog is left to the next run, which the last one queues. */
const BATCH = 200

/** The one run of notice delivery at a time in this process. */
let delivering: Promise<unknown> = Promise.resolve()

/**
 * E-mails the notices not yet e-mailed, each to its recipient, and stamps `emailedAt`. A notice
 * whose mail is refused keeps no stamp and is tried again by the next run; one refused address does
 * not hold back the others. Without SMTP each mail is written as an .eml file (MAIL_DIR).
 */
async function deliverNotices(req: PayloadRequest): Promise<{ output: { sent: number; failed: number } }> {
  const system = asSystem(req, 'the mail job sends every notice')
  const pending = await system.find(COLLECTIONS.notices, { emailedAt: { exists: false } }, { sort: 'createdAt', limit: BATCH })
  const recipients = await system.find(
    COLLECTIONS.users,
    { id: { in: [...new Set(pending.map((notice) => idOf(notice.recipient as Ref)).filter((id): id is ID => id !== undefined))] } },
    { select: { email: true } },
  )
  const emailOf = new Map(recipients.map((user) => [String(user.id), user.email]))
  let sent = 0
  let failed = 0
  for (const notice of pending) {
    const to = emailOf.get(String(idOf(notice.recipient as Ref)))
    try {
      if (to) {
        await req.payload.sendEmail({ to, subject: notice.title, text: [notice.body, notice.link].filter(Boolean).join('\n\n') })
      }
      await req.payload.update({
        collection: COLLECTIONS.notices,
        id: notice.id,
        data: { emailedAt: new Date().toISOString() },
        depth: 0,
        overrideAccess: true,
        req,
      })
      sent += 1
    } catch (error) {
      failed += 1
      req.payload.logger.error({ err: error, msg: `Notice ${notice.id} could not be e-mailed` })
    }
  }
  return { output: { sent, failed } }
}

export const deliverNoticesTask: TaskConfig<{ input: object; output: { sent: number; failed: number } }> = {
  slug: DELIVER_NOTICES_TASK,
  label: 'Kirim pemberitahuan lewat e-mail / E-mail notices',
  // Two runs at once would both find the same unsent notices and mail them twice.
  concurrency: () => DELIVER_NOTICES_TASK,
  outputSchema: [
    { name: 'sent', type: 'number', required: true },
    { name: 'failed', type: 'number', required: true },
  ],
  // Payload runs the jobs it claims at once in parallel, so two runs in one process would each mail
  // the same unsent notices: here they wait for each other. (Across instances the concurrency key
  // keeps a second run from being claimed at all.)
  handler: ({ req }) => {
    const run = delivering.then(() => deliverNotices(req))
    delivering = run.catch(() => undefined)
    return run
  },
}

/**
 * Reminds the councils whose report is still a draft, 7 days and 1 day before their city's
 * deadline (in the city's own time zone, extensions included). Scheduled every hour; the notices'
 * keys keep a reminder from going out twice, however often it runs.
 */
export async function sendDeadlineReminders(req: PayloadRequest, now = new Date()): Promise<number> {
  const system = asSystem(req, 'reminders go to every council with a draft in an open period')
  const periods = await system.find(COLLECTIONS.periods, { status: { equals: 'open' } })
  let written = 0
  for (const period of periods) {
    const reports = await system.find(
      COLLECTIONS.reports,
      { and: [{ period: { equals: period.id } }, { status: { equals: REPORT_STATUS.draft } }] },
      { select: { city: true, status: true } },
    )
    const cityIds = reports.map((report) => idOf(report.city as Ref)).filter((id): id is ID => id !== undefined)
    const cities = cityIds.length
      ? await system.find(COLLECTIONS.cities, { id: { in: cityIds } }, { select: { name: true, regionCode: true, province: true } })
      : []
    const cityOf = new Map(cities.map((city) => [String(city.id), city]))
    const candidates = reports.flatMap((report) => {
      const city = cityOf.get(String(idOf(report.city as Ref)))
      const deadline = city ? submissionDeadline(period, city) : null
      return deadline ? [{ report: String(report.id), status: report.status, deadline }] : []
    })
    for (const due of dueReminders(candidates, now)) {
      const report = reports.find((row) => String(row.id) === due.report)
      const city = cityOf.get(String(idOf(report?.city as Ref)))
      const candidate = candidates.find((row) => row.report === due.report)
      if (!report || !city || !candidate) continue
      written += await notify(
        req,
        await councilOf(req, report.city as Ref),
        'reminder',
        { cityName: city.name, periodTitle: period.title, at: now, deadline: candidate.deadline, daysLeft: due.days },
        { key: due.key, link: reportLink(req, report.id, 'isi'), report: report.id },
      )
    }
  }
  return written
}

export const deadlineRemindersTask: TaskConfig<{ input: object; output: { written: number } }> = {
  slug: DEADLINE_REMINDERS_TASK,
  label: 'Pengingat tenggat laporan / Report deadline reminders',
  concurrency: () => DEADLINE_REMINDERS_TASK,
  schedule: [{ cron: '0 0 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'written', type: 'number', required: true }],
  handler: async ({ req }) => ({ output: { written: await sendDeadlineReminders(req) } }),
}
