import type { BeforeListTableServerProps } from 'payload'

import { type AccessUser, isAssessor } from '../../access/predicates.ts'
import { loadReviewQueue } from './queue.ts'
import { QueueTable } from './QueueTable.tsx'

/**
 * An assessor's queue above the reports list, the same one its start page shows: the reports
 * assigned to it (its access shows no others), each linking to "Tinjau". Nothing is shown to anyone
 * else, whose list stays Payload's own.
 */
export async function ReviewQueue({ payload, user, i18n }: BeforeListTableServerProps) {
  if (!isAssessor(user as AccessUser) || !user) return null
  const lang = i18n.language === 'en' ? 'en' : 'id'
  const rows = await loadReviewQueue(payload, user, lang)
  return <QueueTable rows={rows} lang={lang} adminRoute={payload.config.routes.admin} />
}
