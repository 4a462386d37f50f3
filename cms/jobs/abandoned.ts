/**
 * Jobs a stopped CMS left half-done. Payload marks a job `processing` while an instance runs it and
 * clears the mark when it ends; an instance stopped in between (a deploy, a crash) leaves the mark,
 * and since publishes never run side by side (their concurrency key), no later publish would start
 * again: the public site would stop following accepted results until someone cleared it by hand.
 *
 * An instance that runs the queue therefore releases, when it starts its queue, every job marked `processing`
 * whose record has not changed for longer than any job takes (`PANTAU_JOB_ABANDONED_MINUTES`, 30 by
 * default; a national publish takes about a minute). The job is then run again, as after a failure.
 * A job another live instance is running is younger than that, and left alone.
 */
import type { Payload } from 'payload'

export const DEFAULT_ABANDONED_MINUTES = 30

/** Releases jobs left `processing` longer than the bound; returns their ids. */
export async function releaseAbandonedJobs(payload: Payload, now = new Date()): Promise<(string | number)[]> {
  const minutes = Number(process.env.PANTAU_JOB_ABANDONED_MINUTES) || DEFAULT_ABANDONED_MINUTES
  const before = new Date(now.getTime() - minutes * 60_000).toISOString()
  const { docs } = await payload.update({
    collection: 'payload-jobs',
    where: { and: [{ processing: { equals: true } }, { updatedAt: { less_than: before } }] },
    data: { processing: false },
    overrideAccess: true,
    depth: 0,
  })
  for (const job of docs) {
    payload.logger.warn(
      { job: job.id, task: job.taskSlug, since: job.updatedAt },
      'Pekerjaan yang ditinggalkan dilepas untuk dijalankan lagi / Released an abandoned job to run again',
    )
  }
  return docs.map((job) => job.id)
}

/** When an instance starts running the queue: releases what a stopped one left, never failing the start. */
export async function releaseAbandonedJobsAtStart(payload: Payload): Promise<void> {
  if (process.env.PANTAU_JOBS_AUTORUN === 'false') return
  try {
    await releaseAbandonedJobs(payload)
  } catch (error) {
    payload.logger.error({ err: error }, 'Pekerjaan yang ditinggalkan tidak dapat diperiksa / Could not check for abandoned jobs')
  }
}
