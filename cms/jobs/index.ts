import type { JobsConfig } from 'payload'

import { type AccessUser, isSecretariat } from '../access/predicates.ts'
import { releaseAbandonedJobsAtStart } from './abandoned.ts'
import { deadlineRemindersTask, deliverNoticesTask } from './notices.ts'
import { publishSiteTask } from './publishSite.ts'

const secretariat = ({ req }: { req: { user?: unknown } }) => isSecretariat(req.user as AccessUser)

/**
 * Payload's jobs queue. Only the secretariat may queue, run or cancel jobs through the API; hooks
 * queue as the system. The CMS server runs the queue every second (`PANTAU_JOBS_CRON`), unless
 * `PANTAU_JOBS_AUTORUN=false` (e.g. on all but one of several instances). Crons start only in the
 * Next.js server (`getPayload({ cron: true })`), never in scripts, the site build or tests.
 */
export const jobs: JobsConfig = {
  tasks: [publishSiteTask, deliverNoticesTask, deadlineRemindersTask],
  access: { queue: secretariat, run: secretariat, cancel: secretariat },
  deleteJobOnComplete: true,
  // Tasks name a concurrency key: a job never runs beside another of its kind, on any instance.
  enableConcurrencyControl: true,
  // Every second: a change waits half a second on average for its publish to start (a publish of one
  // city takes about 10 s at national size); an idle check is one small query.
  // Asked once, by the process that starts the crons (the Next.js server): first it releases the jobs
  // a stopped instance left marked as running (./abandoned.ts).
  autoRun: async (payload) => {
    await releaseAbandonedJobsAtStart(payload)
    return [{ cron: process.env.PANTAU_JOBS_CRON || '* * * * * *', queue: 'default', limit: 10 }]
  },
  shouldAutoRun: () => process.env.PANTAU_JOBS_AUTORUN !== 'false',
}
