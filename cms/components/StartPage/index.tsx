import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { type AccessUser, isAssessor, isCouncil, isSecretariat } from '../../access/predicates.ts'
import type { Lang } from '../kit/types.ts'
import { loadReviewQueue } from '../ReviewWorkspace/queue.ts'
import { QueueTable } from '../ReviewWorkspace/QueueTable.tsx'
import { currentPeriod, loadDashboard, loadPeriods } from '../SecretariatDashboard/load.ts'
import { loadCouncilStart } from './council.ts'
import { CouncilStart } from './CouncilStart.tsx'
import { START_LABELS } from './labels.ts'
import { SecretariatStart } from './SecretariatStart.tsx'
import styles from './StartPage.module.css'

/**
 * Pantau's start page in place of Payload's grid of collections: what each role works on next. A
 * council sees its reports and missing programme figures, an assessor its review queue, the
 * secretariat the current period's headline figures. Everything is read with the person's own access.
 */
export async function StartPage({ initPageResult }: AdminViewServerProps) {
  const { req } = initPageResult
  const lang: Lang = req.i18n.language === 'en' ? 'en' : 'id'
  const t = START_LABELS[lang]
  const user = req.user as AccessUser & { name?: string | null; email?: string }
  const { admin: adminRoute, api: apiRoute } = req.payload.config.routes

  let content: React.ReactNode = <p>{t.noRole}</p>
  if (isCouncil(user)) {
    content = <CouncilStart data={await loadCouncilStart(req, lang)} lang={lang} adminRoute={adminRoute} apiRoute={apiRoute} />
  } else if (isAssessor(user) && req.user) {
    content = <QueueTable rows={await loadReviewQueue(req.payload, req.user, lang)} lang={lang} adminRoute={adminRoute} />
  } else if (isSecretariat(user)) {
    const period = currentPeriod(await loadPeriods(req, lang))
    const dashboard = period ? await loadDashboard(req, period, lang) : null
    content = <SecretariatStart period={period} dashboard={dashboard} lang={lang} adminRoute={adminRoute} />
  }
  return (
    <Gutter className={styles.start}>
      <h1 className={styles.title}>{t.home}</h1>
      <p className={styles.welcome} data-testid="start-page" data-role={user?.role ?? ''}>
        {t.welcome(user?.name || user?.email || '')}
      </p>
      {content}
    </Gutter>
  )
}
