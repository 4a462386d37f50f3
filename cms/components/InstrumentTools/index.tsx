import type { UIFieldServerComponent } from 'payload'

import { type AccessUser, isSecretariat } from '../../access/predicates.ts'
import { frozenBy } from '../../collections/Instruments/hooks/freezeInstrumentInUse.ts'
import type { ID } from '../../domain/ids.ts'
import { InstrumentToolsClient } from './InstrumentToolsClient.tsx'

/**
 * Above an instrument's form: downloads as XLSX, CSV and JSON, and for an instrument an open or
 * closed period uses, a banner saying why the form is read-only with the button that makes the next
 * version. Whether it is frozen is decided on the server, by the same rule that refuses the save.
 */
export const InstrumentTools: UIFieldServerComponent = async ({ id, req }) => {
  if (id === undefined || id === null) return null
  const holding = await frozenBy(req, id as ID)
  const lang = req.i18n?.language === 'en' ? 'en' : 'id'
  return (
    <InstrumentToolsClient
      id={id}
      lang={lang}
      mayDuplicate={isSecretariat(req.user as AccessUser)}
      frozen={holding ? { period: holding.title[lang], status: holding.status } : null}
    />
  )
}
