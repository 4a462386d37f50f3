'use client'

import { type Lang, type Problem, problemMessage } from '../../domain/problems.ts'
import styles from './kit.module.css'

interface Props {
  problems: Problem[]
  lang: Lang
  /** The id of the element showing a question, so each problem links to its place. */
  anchorOf?: (question: string) => string
  /** A question's text by its key, in `lang`: the message names the question by its words. */
  questionText?: (question: string) => string | undefined
  testId?: string
}

/**
 * Problems as a list, each in the reader's language from the one catalogue; a problem about a
 * question links to that question. Every item carries its code, so tests and styles never read text.
 */
export function ProblemList({ problems, lang, anchorOf, questionText, testId }: Props) {
  if (problems.length === 0) return null
  return (
    <ul className={styles.problems} data-testid={testId}>
      {problems.map((item, index) => {
        const message = problemMessage(item, lang, questionText)
        return (
          <li key={`${item.code}-${item.question ?? ''}-${item.evidence ?? ''}-${index}`} data-problem={item.code}>
            {item.question && anchorOf ? <a href={`#${anchorOf(item.question)}`}>{message}</a> : message}
          </li>
        )
      })}
    </ul>
  )
}
