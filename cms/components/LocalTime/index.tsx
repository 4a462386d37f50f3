'use client'

import { FieldLabel, useField, useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps, TextFieldClientComponent } from 'payload'
import { useEffect, useState } from 'react'

/** "2 Des 2026, 10.15.22 WIB": the moment in the reader's own time zone and language. */
const inLocalTime = (iso: string, language: string) =>
  // `timeStyle: 'long'` carries the zone's name; `timeZoneName` beside a style is refused (a TypeError
  // that took the whole page down).
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(iso))

/**
 * A moment stored as ISO text (the audit log keeps the exact text its hash covers) shown in the
 * reader's own time zone. Worded in the browser, after the page has loaded, since only the browser
 * knows the reader's zone; the stored text stays as the tooltip.
 */
function LocalTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation()
  const [text, setText] = useState<string | null>(null)
  useEffect(() => {
    const parsed = Date.parse(iso)
    setText(Number.isNaN(parsed) ? iso : inLocalTime(iso, i18n.language))
  }, [iso, i18n.language])
  return (
    <time dateTime={iso} title={iso}>
      {text ?? iso}
    </time>
  )
}

/** A list cell of an ISO moment kept as text. */
export function LocalTimeCell({ cellData }: DefaultCellComponentProps) {
  return typeof cellData === 'string' && cellData ? <LocalTime iso={cellData} /> : null
}

/** The read-only field of an ISO moment kept as text, on the document's page. */
export const LocalTimeField: TextFieldClientComponent = ({ field, path }) => {
  const { value } = useField<string>({ path: path ?? field.name })
  return (
    <div className="field-type text read-only">
      <FieldLabel label={field.label} path={path} />
      <p>{typeof value === 'string' && value ? <LocalTime iso={value} /> : '–'}</p>
    </div>
  )
}
