import type { SelectFieldServerProps } from 'payload'

import { REPORT_EDITABLE_BY_COUNCIL, type ReportStatus, STATUS_LABELS } from '../../constants.ts'
import { EDIT_LABELS } from './labels.ts'
import styles from './ReportEdit.module.css'

/**
 * The report's status in words, never a select: it moves only through the workflow's buttons in
 * "Isi laporan" (submit) and "Tinjau" (revision, acceptance, reopening), which check what each move needs.
 */
export function StatusField({ data, i18n }: SelectFieldServerProps) {
  const lang = i18n.language === 'en' ? 'en' : 'id'
  const t = EDIT_LABELS[lang]
  const status = (data?.status ?? 'draft') as ReportStatus
  return (
    <div className={`field-type ${styles.status}`} data-testid="report-status-field">
      <span className="field-label">{t.status}</span>
      <strong className={styles.badge} data-status={status}>
        {STATUS_LABELS[status]?.[lang] ?? status}
      </strong>
      <p className={styles.hint}>{REPORT_EDITABLE_BY_COUNCIL.includes(status) ? t.movesCouncil : t.movesReview}</p>
    </div>
  )
}
