'use client'

import { DateTimeField, useField, useTranslation } from '@payloadcms/ui'
import { mergeFieldStyles } from '@payloadcms/ui/shared'
import type { DateFieldClientComponent } from 'payload'
import { useEffect, useRef, useState } from 'react'

import { langOf, problem, problemMessage } from '../../domain/problems.ts'
import { parseTypedDay } from '../../fields/dates.ts'
import styles from '../kit/kit.module.css'

/**
 * Payload's date field for a calendar day (cms/fields/dates.ts), saying so when what was typed is
 * no day: the picker drops text it cannot read (31/02/2026) when the field loses focus, and the
 * person was left with an empty field or the previous day and no word why.
 */
export const DayField: DateFieldClientComponent = (props) => {
  const { i18n } = useTranslation()
  const { value } = useField<string>({ path: props.path ?? props.field.name })
  const [refused, setRefused] = useState<string | null>(null)
  // What the person typed last: by the time the field loses focus, the picker has put its own text back.
  const typed = useRef('')
  // A day chosen in the calendar, or read from the typing, answers the refusal.
  useEffect(() => {
    if (value) setRefused(null)
  }, [value])
  return (
    // In a row of fields this is what the row lays out: it takes the field's width as the field would.
    <div
      style={mergeFieldStyles(props.field)}
      onFocusCapture={() => {
        typed.current = ''
        setRefused(null)
      }}
      onInputCapture={(event) => {
        if (event.target instanceof HTMLInputElement) typed.current = event.target.value
      }}
      onBlurCapture={() => {
        const text = typed.current.trim()
        typed.current = ''
        setRefused(text && parseTypedDay(text) === undefined ? text : null)
      }}
    >
      <DateTimeField {...props} />
      {refused ? (
        <p className={styles.error} role="alert" data-problem="typed.notADay">
          {problemMessage(problem('typed.notADay', { params: { typed: refused } }), langOf(i18n.language))}
        </p>
      ) : null}
    </div>
  )
}
