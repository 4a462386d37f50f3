'use client'

import { useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'

import { ROLES } from '../../constants.ts'
import { DASHBOARD_LABELS } from './labels.ts'

/** The link to the period overview in the admin's navigation, for the secretariat only. */
export function DashboardNavLink() {
  const { user } = useAuth<{ role?: string }>()
  const { i18n } = useTranslation()
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  if (user?.role !== ROLES.secretariat) return null
  return (
    <Link href={`${admin}/ringkasan`} className="nav__link" id="nav-ringkasan">
      <span className="nav__link-label">{DASHBOARD_LABELS[i18n.language === 'en' ? 'en' : 'id'].nav}</span>
    </Link>
  )
}
