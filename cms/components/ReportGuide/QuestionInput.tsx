'use client'

import { useEffect, useState } from 'react'

import { unitIn } from '../../contract/units.ts'
import { problem, problemMessage } from '../../domain/problems.ts'
import { parseTypedNumber, typedNumber } from '../../domain/typedValues.ts'
import { parseTypedDay, typedDay } from '../../fields/dates.ts'
import type { Lang } from '../kit/types.ts'
import type { GuideLabels } from './labels.ts'
import styles from '../kit/kit.module.css'
import type { GuideQuestion } from '../kit/types.ts'

interface Props {
  question: GuideQuestion
  value: unknown
  onChange: (value: unknown) => void
  disabled: boolean
  t: GuideLabels
  lang: Lang
  describedBy: string
}

interface TypedProps {
  name: string
  /** The saved answer as it is typed back (`2,7`, `31/12/2026`); empty when there is none. */
  shown: string
  /** The answer a text gives, or undefined when it gives none (the text is then refused). */
  read: (typed: string) => unknown
  onChange: (value: unknown) => void
  /** What a text that gives no answer is told (the catalogue's words, with what was typed). */
  refusal: 'typed.notANumber' | 'typed.notADay'
  lang: Lang
  disabled: boolean
  describedBy: string
  inputMode: 'decimal' | 'numeric'
  placeholder?: string
}

/**
 * A number or a date typed as text, read as people type it (../../domain/typedValues.ts,
 * ../../fields/dates.ts) whatever the browser's language: a browser's own number and date inputs
 * follow its locale, so an English one read the Indonesian "2,7" as 27 and wrote dates month first.
 * A text that gives no answer stays in the box, with the reason beside it once the person leaves
 * the box, and the saved answer is left as it was.
 */
function TypedInput({ name, shown, read, onChange, refusal, lang, disabled, describedBy, inputMode, placeholder }: TypedProps) {
  const [typed, setTyped] = useState(shown)
  const [refused, setRefused] = useState(false)
  // An answer that changes from elsewhere (a restored draft, a reload) is shown as it is typed.
  useEffect(() => {
    setTyped((current) => (read(current) === read(shown) && current.trim() !== '' ? current : shown))
    setRefused(false)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `read` is the same rule on every render
  }, [shown])
  const errorId = `${name}-refused`
  return (
    <>
      <input
        type="text"
        inputMode={inputMode}
        name={name}
        aria-describedby={refused ? `${describedBy} ${errorId}` : describedBy}
        aria-invalid={refused || undefined}
        disabled={disabled}
        placeholder={placeholder}
        value={typed}
        onChange={(event) => {
          const text = event.target.value
          setTyped(text)
          const value = text.trim() === '' ? undefined : read(text)
          // Half typed ("2,", "3/7") is no answer yet: it is judged when the person leaves the box.
          if (text.trim() !== '' && value === undefined) return
          setRefused(false)
          onChange(value)
        }}
        onBlur={() => setRefused(typed.trim() !== '' && read(typed) === undefined)}
      />
      {refused ? (
        <span id={errorId} className={styles.error} role="alert" data-problem={refusal}>
          {problemMessage(problem(refusal, { params: { typed } }), lang)}
        </span>
      ) : null}
    </>
  )
}

/** The input for one question, by its type; `undefined` clears the answer. */
export function QuestionInput({ question, value, onChange, disabled, t, lang, describedBy }: Props) {
  const name = `q-${question.key}`
  switch (question.type) {
    case 'maturity': {
      const levels = [1, 2, 3, 4, 5].map(
        (level) => question.levels.find((item) => item.level === level) ?? { level, descriptor: '' },
      )
      return (
        <fieldset className={styles.choices} aria-describedby={describedBy} disabled={disabled}>
          <legend className={styles.srOnly}>{t.level}</legend>
          {levels.map(({ level, descriptor }) => (
            <label key={level} className={styles.level}>
              <input type="radio" name={name} value={level} checked={value === level} onChange={() => onChange(level)} />
              <strong>
                {t.level} {level}
              </strong>
              {descriptor ? <span> {descriptor}</span> : null}
            </label>
          ))}
        </fieldset>
      )
    }
    case 'yes_no':
      return (
        <fieldset className={styles.inline} aria-describedby={describedBy} disabled={disabled}>
          <legend className={styles.srOnly}>{question.text}</legend>
          <label>
            <input type="radio" name={name} checked={value === true} onChange={() => onChange(true)} /> {t.yes}
          </label>
          <label>
            <input type="radio" name={name} checked={value === false} onChange={() => onChange(false)} /> {t.no}
          </label>
        </fieldset>
      )
    case 'number':
      return (
        <span className={styles.inline}>
          <TypedInput
            name={name}
            shown={typeof value === 'number' ? typedNumber(value, lang) : ''}
            read={parseTypedNumber}
            onChange={onChange}
            refusal="typed.notANumber"
            lang={lang}
            disabled={disabled}
            describedBy={describedBy}
            inputMode="decimal"
          />
          {question.unit ? <span>{unitIn(question.unit, lang)}</span> : null}
        </span>
      )
    case 'single_choice':
      return (
        <fieldset className={styles.choices} aria-describedby={describedBy} disabled={disabled}>
          <legend className={styles.srOnly}>{question.text}</legend>
          {question.options.map((option) => (
            <label key={option.value}>
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />{' '}
              {option.label}
            </label>
          ))}
        </fieldset>
      )
    case 'multi_choice': {
      const chosen = Array.isArray(value) ? (value as string[]) : []
      const toggle = (option: string) => {
        const next = chosen.includes(option) ? chosen.filter((item) => item !== option) : [...chosen, option]
        onChange(next.length > 0 ? next : undefined)
      }
      return (
        <fieldset className={styles.choices} aria-describedby={describedBy} disabled={disabled}>
          <legend className={styles.srOnly}>{question.text}</legend>
          {question.options.map((option) => (
            <label key={option.value}>
              <input
                type="checkbox"
                name={name}
                value={option.value}
                checked={chosen.includes(option.value)}
                onChange={() => toggle(option.value)}
              />{' '}
              {option.label}
            </label>
          ))}
        </fieldset>
      )
    }
    case 'date':
      return (
        <TypedInput
          name={name}
          shown={typeof value === 'string' ? typedDay(value) : ''}
          read={parseTypedDay}
          onChange={onChange}
          refusal="typed.notADay"
          lang={lang}
          disabled={disabled}
          describedBy={describedBy}
          inputMode="numeric"
          placeholder={t.datePlaceholder}
        />
      )
    default:
      return (
        <textarea
          name={name}
          rows={3}
          aria-describedby={describedBy}
          disabled={disabled}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        />
      )
  }
}

/** A calendar day `yyyy-MM-dd` as the admin shows dates: "3 Jul 2023". */
const shownDay = (value: string, lang: Lang) => {
  const day = new Date(`${value.slice(0, 10)}T00:00:00Z`)
  return Number.isNaN(day.getTime())
    ? value
    : new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeZone: 'UTC' }).format(day)
}

/**
 * An answer in words, with the reader's decimal mark and month names, for the previous year's
 * reference, read-only reports and the assessor's view.
 */
export function describeAnswer(question: GuideQuestion, value: unknown, t: GuideLabels, lang: Lang): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t.noPrevious
  switch (question.type) {
    case 'maturity': {
      const descriptor = question.levels.find((level) => level.level === value)?.descriptor
      return `${t.level} ${String(value)}${descriptor ? `: ${descriptor}` : ''}`
    }
    case 'yes_no':
      return value === true ? t.yes : value === false ? t.no : String(value)
    case 'number':
      return `${typeof value === 'number' ? typedNumber(value, lang) : String(value)}${question.unit ? ` ${unitIn(question.unit, lang)}` : ''}`
    case 'date':
      return typeof value === 'string' ? shownDay(value, lang) : String(value)
    case 'single_choice':
    case 'multi_choice':
      return (Array.isArray(value) ? value : [value])
        .map((item) => question.options.find((option) => option.value === item)?.label ?? String(item))
        .join(', ')
    default:
      return String(value)
  }
}
