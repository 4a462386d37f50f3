import type { ServerProps } from 'payload'

import { Mark } from './Mark.tsx'
import styles from './Brand.module.css'

const TAGLINE = {
  id: 'Pemantauan dan evaluasi Gerakan Menuju 100 Smart City',
  en: 'Monitoring and evaluation of the 100 Smart City Movement',
}

/** The login page's logo in place of Payload's: Pantau's mark, its name and what it is for, in the reader's language. */
export function Logo({ i18n }: ServerProps) {
  const lang = i18n?.language === 'en' ? 'en' : 'id'
  return (
    <div className={styles.logo} data-testid="pantau-logo">
      <Mark size={56} />
      <div>
        <span className={styles.name}>Pantau</span>
        <span className={styles.tagline}>{TAGLINE[lang]}</span>
      </div>
    </div>
  )
}
