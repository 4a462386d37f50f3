'use client'

import type { GuideLabels } from './labels.ts'
import styles from '../kit/kit.module.css'
import type { GuideQuestion } from '../kit/types.ts'

interface Props {
  question: GuideQuestion
  value: unknown
  onChange: (value: unknown) => void
  disabled: boolean
  t: GuideLabels
  describedBy: string
}

/** The input for one question, by its type; `undefined` clears the answer. */
export function QuestionInput({ question, value, onChange, disabled, t, describedBy }: Props) {
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
          <input
            type="number"
            name={name}
            aria-describedby={describedBy}
            disabled={disabled}
            min={question.min ?? undefined}
            max={question.max ?? undefined}
            step="any"
            value={typeof value === 'number' ? value : ''}
            onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
          />
          {question.unit ? <span>{question.unit}</span> : null}
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
        <input
          type="date"
          name={name}
          aria-describedby={describedBy}
          disabled={disabled}
          value={typeof value === 'string' ? value.slice(0, 10) : ''}
          onChange={(event) => onChange(event.target.value || undefined)}
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

/** An answer in words, for the previous year's reference and for read-only reports. */
export function describeAnswer(question: GuideQuestion, value: unknown, t: GuideLabels): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t.noPrevious
  switch (question.type) {
    case 'maturity': {
      const descriptor = question.levels.find((level) => level.level === value)?.descriptor
      return `${t.level} ${String(value)}${descriptor ? `: ${descriptor}` : ''}`
    }
    case 'yes_no':
      return value === true ? t.yes : value === false ? t.no : String(value)
    case 'number':
      return `${String(value)}${question.unit ? ` ${question.unit}` : ''}`
    case 'single_choice':
    case 'multi_choice':
      return (Array.isArray(value) ? value : [value])
        .map((item) => question.options.find((option) => option.value === item)?.label ?? String(item))
        .join(', ')
    default:
      return String(value)
  }
}
