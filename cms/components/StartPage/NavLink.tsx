'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'
import { usePathname } from 'next/navigation'

import { START_LABELS } from './labels.ts'

/** The start page first in the navigation, for every role: on a phone the menu is the way back to it. */
export function StartNavLink() {
  const { i18n } = useTranslation()
  const pathname = usePathname()
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  const active = pathname === admin || pathname === `${admin}/`
  return (
    <Link href={admin} className="nav__link" id="nav-beranda" aria-current={active ? 'page' : undefined}>
      {active ? <div className="nav__link-indicator" /> : null}
      <span className="nav__link-label">{START_LABELS[i18n.language === 'en' ? 'en' : 'id'].home}</span>
    </Link>
  )
}
