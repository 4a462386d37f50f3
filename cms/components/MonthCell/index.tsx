'use client'

import { useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'

import { LABELS as GUIDE_LABELS } from '../ReportGuide/labels.ts'

/**
 * A measurement's month in the list of values: its name in the admin's language with the number the
 * field takes ("Agustus (8)"), and "Setahun" / "Whole year" for a yearly value, where Payload wrote
 * "<Tidak ada Bulan (1-12)>" as if a month were missing.
 */
export function MonthCell({ cellData }: DefaultCellComponentProps) {
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'id'
  // A value with no month is an indicator's yearly value (a monthly one must name its month): named
  // as the report guide names it.
  if (typeof cellData !== 'number') return <span data-month="year">{GUIDE_LABELS[lang].yearValue}</span>
  const name = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, cellData - 1, 1))
  return <span data-month={cellData}>{`${name} (${cellData})`}</span>
}
