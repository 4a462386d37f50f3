/**
 * What changed in a report between two submissions, so an assessor re-reading a revised report sees
 * only what the council touched. Every submission stores what was submitted (answers and the
 * evidence attached); this compares two of them question by question. Answers compare by value in
 * canonical JSON (key order and number notation do not count as a change); comments by their text
 * without surrounding spaces; evidence by file content (SHA-256), so a file uploaded again under
 * another name is not news, and a replaced file is.
 */
import { canonicalJson } from './auditChain.ts'

export type SubmittedAnswer = { question: string; value?: unknown; comment?: string | null }
export type SubmittedEvidence = { id: number | string; question?: string | null; filename?: string | null; sha256?: string | null }

/** One stored submission. */
export type SubmissionSnapshot = { answers?: SubmittedAnswer[] | null; evidence?: SubmittedEvidence[] | null }

export type ChangeKind = 'added' | 'removed' | 'changed'

export type QuestionChange = {
  /** The question code; evidence attached to no question is listed under ''. */
  question: string
  kind: ChangeKind
  answer: { before: unknown; after: unknown } | null
  comment: { before: string | null; after: string | null } | null
  evidence: { added: SubmittedEvidence[]; removed: SubmittedEvidence[] } | null
}

const blankToNull = (comment: string | null | undefined): string | null => comment?.trim() || null
const sameValue = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null)
const fileKey = (file: SubmittedEvidence): string => file.sha256 ?? `id:${file.id}`

/**
 * The questions whose answer, comment or evidence differ between `previous` and `current`, in the
 * order of the current answers, then those only the previous submission had. Against no previous
 * submission (the first one) nothing counts as changed: there is nothing to compare with.
 */
export function diffSubmissions(previous: SubmissionSnapshot | null, current: SubmissionSnapshot): QuestionChange[] {
  if (!previous) return []
  const answersOf = (snapshot: SubmissionSnapshot) => {
    const map = new Map<string, SubmittedAnswer>()
    for (const answer of snapshot.answers ?? []) if (!map.has(answer.question)) map.set(answer.question, answer)
    return map
  }
  const evidenceOf = (snapshot: SubmissionSnapshot) => {
    const map = new Map<string, SubmittedEvidence[]>()
    for (const file of snapshot.evidence ?? []) {
      const key = file.question ?? ''
      map.set(key, [...(map.get(key) ?? []), file])
    }
    return map
  }
  const before = answersOf(previous)
  const after = answersOf(current)
  const filesBefore = evidenceOf(previous)
  const filesAfter = evidenceOf(current)

  const order: string[] = []
  for (const key of [...after.keys(), ...filesAfter.keys(), ...before.keys(), ...filesBefore.keys()]) {
    if (!order.includes(key)) order.push(key)
  }

  const changes: QuestionChange[] = []
  for (const question of order) {
    const old = before.get(question)
    const now = after.get(question)
    const answerChanged = (old === undefined) !== (now === undefined) || !sameValue(old?.value, now?.value)
    const commentBefore = blankToNull(old?.comment)
    const commentAfter = blankToNull(now?.comment)
    const oldFiles = filesBefore.get(question) ?? []
    const newFiles = filesAfter.get(question) ?? []
    const oldKeys = new Set(oldFiles.map(fileKey))
    const newKeys = new Set(newFiles.map(fileKey))
    const added = newFiles.filter((file) => !oldKeys.has(fileKey(file)))
    const removed = oldFiles.filter((file) => !newKeys.has(fileKey(file)))

    const change: QuestionChange = {
      question,
      kind: old === undefined && now !== undefined ? 'added' : now === undefined && old !== undefined ? 'removed' : 'changed',
      answer: answerChanged ? { before: old?.value ?? null, after: now?.value ?? null } : null,
      comment: commentBefore !== commentAfter ? { before: commentBefore, after: commentAfter } : null,
      evidence: added.length || removed.length ? { added, removed } : null,
    }
    if (change.answer || change.comment || change.evidence) changes.push(change)
  }
  return changes
}
