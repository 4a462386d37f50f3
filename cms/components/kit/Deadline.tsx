'use client'

import { useEffect, useState } from 'react'

import { countdown, formatDeadline, type TimeZoneName } from '../../domain/deadlines.ts'
import type { Lang } from '../../domain/problems.ts'
import styles from './kit.module.css'
import { KIT_WORDS } from './words.ts'

const MINUTE_MS = 60_000

interface Props {
  deadline: { at: string; zone: TimeZoneName; extended: boolean }
  lang: Lang
  /** Without the "Batas pengajuan:" prefix, where a column heading already says it. */
  bare?: boolean
  /** Whether to count the days; a deadline the council has met needs no countdown. */
  countdown?: boolean
}

/**
 * The city's deadline in its own time zone with a live countdown ("3 hari lagi", "sudah lewat 2
 * hari"), shown from the moment the report opens, so nobody learns of it at the end.
 */
export function Deadline({ deadline, lang, bare = false, countdown: counting = true }: Props) {
  const t = KIT_WORDS[lang]
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), MINUTE_MS)
    return () => window.clearInterval(timer)
  }, [])
  const due = { at: new Date(deadline.at), zone: deadline.zone, extended: deadline.extended }
  const left = countdown(due, now)
  return (
    <span data-testid="deadline" data-passed={left.passed}>
      {bare ? null : `${t.deadline}: `}
      {formatDeadline(due, lang)}
      {deadline.extended ? ` (${t.extended})` : ''}
      {counting ? (
        <>
          {' '}
          · <strong className={left.passed ? styles.late : undefined}>{t.countdown(left)}</strong>
        </>
      ) : null}
    </span>
  )
}
