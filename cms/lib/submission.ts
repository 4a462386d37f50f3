/**
 * What a report must hold before its council may submit it, checked against the period's
 * instrument. Pure functions: the submit hook, a future "check my report" button and the tests all
 * ask the same question and get the same answer.
 *
 * Which questions are required: every question that is visible. A question is visible when it has
 * no condition, or when the question its condition names is itself visible and answered with the
 * condition's value. A question hidden by an unmet condition is neither required nor checked, and an
 * answer it still carries from an earlier choice is ignored. Answers to codes the instrument does not
 * know are ignored as well: they cannot be scored, and refusing them would block a council over a
 * question the secretariat removed.
 */
import type { EVIDENCE_REQUIREMENTS, QUESTION_TYPES } from '../constants.ts'
import { SCORE_SCALE } from '../contract/options.ts'

export type SubmissionQuestion = {
  key: string
  type: (typeof QUESTION_TYPES)[number]
  evidence?: (typeof EVIDENCE_REQUIREMENTS)[number] | null
  evidenceFromLevel?: number | null
  min?: number | null
  max?: number | null
  options?: { value: string }[] | null
  condition?: { question?: string | null; equals?: string | null } | null
}

export type SubmissionInstrument = {
  sections?: { questions?: SubmissionQuestion[] | null }[] | null
}

export type SubmissionAnswer = { question: string; value?: unknown }

/**
 * A piece of evidence, as far as submission cares: the question it supports, if any. The caller
 * passes only evidence that still counts (the submit hook leaves out what an assessor rejected).
 */
export type SubmissionEvidence = { question?: string | null }

export type SubmissionProblem = { question: string; message: string }

/** A self-assessed maturity level is a whole level of the score scale. */
export const MATURITY_LEVELS = SCORE_SCALE

const questionsOf = (instrument: SubmissionInstrument): SubmissionQuestion[] =>
  (instrument.sections ?? []).flatMap((section) => section.questions ?? [])

/** The first answer given to each question code. */
function answersByQuestion(answers: SubmissionAnswer[]): Map<string, unknown> {
  const byQuestion = new Map<string, unknown>()
  for (const answer of answers) if (!byQuestion.has(answer.question)) byQuestion.set(answer.question, answer.value)
  return byQuestion
}

/**
 * Whether an answer meets a condition's value. The condition is stored as text, so a number or a
 * yes/no answer is compared by its text ("3", "true"); a multiple choice meets it when one of the
 * chosen options does.
 */
export function answerMeets(value: unknown, equals: string): boolean {
  if (Array.isArray(value)) return value.some((item) => answerMeets(item, equals))
  if (value === null || value === undefined) return false
  return String(value).trim() === equals.trim()
}

/**
 * The questions a council sees given its answers so far, in instrument order. A condition naming a
 * question that does not exist, is hidden itself, or leads back to itself is never met.
 */
export function visibleQuestions(instrument: SubmissionInstrument, answers: SubmissionAnswer[]): SubmissionQuestion[] {
  const questions = questionsOf(instrument)
  const byKey = new Map(questions.map((question) => [question.key, question]))
  const given = answersByQuestion(answers)
  const decided = new Map<string, boolean>()

  const isVisible = (question: SubmissionQuestion, trail: Set<string>): boolean => {
    const known = decided.get(question.key)
    if (known !== undefined) return known
    const condition = question.condition
    let visible = true
    if (condition?.question) {
      const parent = byKey.get(condition.question)
      visible =
        parent !== undefined &&
        !trail.has(parent.key) &&
        isVisible(parent, new Set([...trail, question.key])) &&
        answerMeets(given.get(parent.key), condition.equals ?? '')
    }
    decided.set(question.key, visible)
    return visible
  }

  return questions.filter((question) => isVisible(question, new Set([question.key])))
}

export const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0)

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** What is wrong with a given (non-blank) answer for its question's type, or null. */
function answerProblem(question: SubmissionQuestion, value: unknown): string | null {
  const code = question.key
  const allowed = new Set((question.options ?? []).map((option) => option.value))
  switch (question.type) {
    case 'maturity':
      return Number.isInteger(value) && (value as number) >= MATURITY_LEVELS.min && (value as number) <= MATURITY_LEVELS.max
        ? null
        : `Pertanyaan ${code}: tingkat kematangan harus bilangan bulat 1 sampai 5 / Question ${code}: the maturity level must be a whole number from 1 to 5`
    case 'number': {
      if (!isNumber(value)) return `Pertanyaan ${code}: jawaban harus berupa angka / Question ${code}: the answer must be a number`
      const { min, max } = question
      if ((isNumber(min) && value < min) || (isNumber(max) && value > max)) {
        const range = `${isNumber(min) ? min : '…'}–${isNumber(max) ? max : '…'}`
        return `Pertanyaan ${code}: angka ${value} di luar rentang ${range} / Question ${code}: ${value} is outside the range ${range}`
      }
      return null
    }
    case 'yes_no':
      return typeof value === 'boolean' ? null : `Pertanyaan ${code}: jawab Ya atau Tidak / Question ${code}: answer Yes or No`
    case 'single_choice':
      return typeof value === 'string' && allowed.has(value)
        ? null
        : `Pertanyaan ${code}: pilihan "${String(value)}" tidak tersedia / Question ${code}: "${String(value)}" is not one of the options`
    case 'multi_choice': {
      const chosen = Array.isArray(value) ? value : [value]
      const unknown = chosen.filter((item) => typeof item !== 'string' || !allowed.has(item))
      return unknown.length === 0
        ? null
        : `Pertanyaan ${code}: pilihan ${unknown.map((item) => `"${String(item)}"`).join(', ')} tidak tersedia / Question ${code}: ${unknown.map((item) => `"${String(item)}"`).join(', ')} not among the options`
    }
    case 'text':
      return typeof value === 'string' ? null : `Pertanyaan ${code}: jawaban harus berupa teks / Question ${code}: the answer must be text`
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? null
        : `Pertanyaan ${code}: tanggal tidak valid / Question ${code}: not a valid date`
    default:
      return null
  }
}

/**
 * Whether the question needs evidence given its answer. "From a level" compares the answer with the
 * level; without a level set, the requirement holds whatever the answer, since the secretariat asked
 * for evidence and only forgot from where. An unanswered question asks for no level-based evidence:
 * its missing answer is reported already.
 */
export function needsEvidence(question: SubmissionQuestion, value: unknown): boolean {
  if (question.evidence === 'required') return true
  if (question.evidence !== 'required_from_level') return false
  if (!isNumber(question.evidenceFromLevel)) return true
  return isNumber(value) && value >= question.evidenceFromLevel
}

/**
 * Everything that keeps a report from being submitted, one entry per problem and in instrument
 * order, each naming its question code in Indonesian and English. Empty when the report may go.
 */
export function submissionProblems(
  instrument: SubmissionInstrument,
  answers: SubmissionAnswer[],
  evidence: SubmissionEvidence[],
): SubmissionProblem[] {
  const given = answersByQuestion(answers)
  const supported = new Set(evidence.map((item) => item.question).filter(Boolean))
  const problems: SubmissionProblem[] = []
  const add = (question: string, message: string) => problems.push({ question, message })

  for (const question of visibleQuestions(instrument, answers)) {
    const code = question.key
    const value = given.get(code)
    if (isBlank(value)) {
      add(code, `Pertanyaan ${code} belum dijawab / Question ${code} is not answered`)
    } else {
      if (answers.filter((answer) => answer.question === code).length > 1) {
        add(code, `Pertanyaan ${code} dijawab lebih dari sekali / Question ${code} is answered more than once`)
      }
      const problem = answerProblem(question, value)
      if (problem) add(code, problem)
    }
    if (needsEvidence(question, value) && !supported.has(code)) {
      const why =
        question.evidence === 'required_from_level' && isNumber(question.evidenceFromLevel)
          ? {
              id: ` untuk tingkat ${question.evidenceFromLevel} ke atas`,
              en: ` for level ${question.evidenceFromLevel} and above`,
            }
          : { id: '', en: '' }
      add(
        code,
        `Pertanyaan ${code}: bukti dukung wajib dilampirkan${why.id} / Question ${code}: evidence must be attached${why.en}`,
      )
    }
  }
  return problems
}

export type ReportProgress = {
  /** Visible questions with a (non-blank) answer. */
  answered: number
  /** Questions the council sees given its answers so far. */
  total: number
  /** Visible questions that need evidence and have none. */
  evidenceMissing: number
}

/**
 * The figures of "23 of 41 answered, 5 evidence missing": counted over the questions a council
 * sees, by the same rules as `submissionProblems`, so the count reaches "all answered, none missing"
 * exactly when the answers and evidence would pass the submit check.
 */
export function reportProgress(
  instrument: SubmissionInstrument,
  answers: SubmissionAnswer[],
  evidence: SubmissionEvidence[],
): ReportProgress {
  const given = answersByQuestion(answers)
  const supported = new Set(evidence.map((item) => item.question).filter(Boolean))
  const visible = visibleQuestions(instrument, answers)
  return {
    answered: visible.filter((question) => !isBlank(given.get(question.key))).length,
    total: visible.length,
    evidenceMissing: visible.filter(
      (question) => needsEvidence(question, given.get(question.key)) && !supported.has(question.key),
    ).length,
  }
}

export type DeadlinePeriod = {
  closesAt?: string | null
  extensions?: { city?: unknown; until?: string | null }[] | null
}

const idText = (value: unknown): string =>
  String(value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/**
 * The last moment `city` may submit in `period`: the closing date, or the city's extension when it
 * runs later. Null when the period sets no closing date.
 */
export function submissionDeadline(period: DeadlinePeriod, city: unknown): Date | null {
  const candidates = [
    period.closesAt,
    ...(period.extensions ?? []).filter((row) => idText(row.city) === idText(city)).map((row) => row.until),
  ]
    .filter((value): value is string => Boolean(value))
    .map((value) => new Date(value))
    .filter((date) => !Number.isNaN(date.getTime()))
  if (candidates.length === 0) return null
  return new Date(Math.max(...candidates.map((date) => date.getTime())))
}

const longDate = (date: Date, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Jakarta' }).format(date)

/** Why `city` may no longer submit at `now`, naming the deadline it missed, or null if it still may. */
export function deadlineProblem(period: DeadlinePeriod, city: unknown, now: Date): string | null {
  const deadline = submissionDeadline(period, city)
  if (!deadline || now.getTime() <= deadline.getTime()) return null
  return (
    `Batas waktu pengajuan telah lewat pada ${longDate(deadline, 'id-ID')}; minta perpanjangan kepada sekretariat. / ` +
    `The submission deadline passed on ${longDate(deadline, 'en-GB')}; ask the secretariat for an extension.`
  )
}
