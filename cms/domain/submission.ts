/**
 * What a report must hold before its council may submit it, checked against the period's
 * instrument. Pure functions: the submit check, the council's live checklist and the tests all
 * ask the same question and get the same answer.
 *
 * Which questions are required: every question that is visible. A question is visible when it has
 * no condition, or when the question its condition names is itself visible and answered with the
 * condition's value. A question hidden by an unmet condition is neither required nor checked, and an
 * answer it still carries from an earlier choice is ignored. Answers to codes the instrument does not
 * know are ignored as well: they cannot be scored, and refusing them would block a council over a
 * question the secretariat removed.
 */
import { EVIDENCE_VERDICT, type EVIDENCE_REQUIREMENTS, type QUESTION_TYPES } from '../constants.ts'
import { type Problem, problem } from './problems.ts'
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

/** A piece of evidence, as far as submission cares: the question it supports and its verdict. */
export type SubmissionEvidence = { question?: string | null; verdict?: string | null }

const REFUSED_VERDICTS = new Set<string>([EVIDENCE_VERDICT.needsRevision, EVIDENCE_VERDICT.rejected])

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

const optionList = (values: unknown[]) => values.map((item) => `"${String(item)}"`).join(', ')

/** What is wrong with a given (non-blank) answer for its question's type, or null. */
function answerProblem(question: SubmissionQuestion, value: unknown): Problem | null {
  const about = { question: question.key }
  const allowed = new Set((question.options ?? []).map((option) => option.value))
  switch (question.type) {
    case 'maturity':
      return Number.isInteger(value) && (value as number) >= MATURITY_LEVELS.min && (value as number) <= MATURITY_LEVELS.max
        ? null
        : problem('answer.maturityLevel', about)
    case 'number': {
      if (!isNumber(value)) return problem('answer.notNumber', about)
      const { min, max } = question
      if ((isNumber(min) && value < min) || (isNumber(max) && value > max)) {
        return problem('answer.outOfRange', { ...about, params: { value, min: isNumber(min) ? min : null, max: isNumber(max) ? max : null } })
      }
      return null
    }
    case 'yes_no':
      return typeof value === 'boolean' ? null : problem('answer.yesNo', about)
    case 'single_choice':
      return typeof value === 'string' && allowed.has(value)
        ? null
        : problem('answer.unknownOption', { ...about, params: { options: optionList([value]) } })
    case 'multi_choice': {
      const chosen = Array.isArray(value) ? value : [value]
      const unknown = chosen.filter((item) => typeof item !== 'string' || !allowed.has(item))
      return unknown.length === 0 ? null : problem('answer.unknownOption', { ...about, params: { options: optionList(unknown) } })
    }
    case 'text':
      return typeof value === 'string' ? null : problem('answer.notText', about)
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : problem('answer.invalidDate', about)
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
 * Evidence an assessor rejected or sent back for revision no longer supports its question: a
 * resubmission needs a new file. The one rule for what counts, used by the submit check and by the
 * live count of the council's view alike.
 */
export const stillCounts = (item: SubmissionEvidence): boolean => !REFUSED_VERDICTS.has(item.verdict ?? '')

const supportedQuestions = (evidence: SubmissionEvidence[]) =>
  new Set(evidence.filter(stillCounts).map((item) => item.question).filter(Boolean))

/**
 * Everything that keeps a report from being submitted, one entry per problem and in instrument
 * order, each naming its question. Empty when the report may go.
 */
export function submissionProblems(
  instrument: SubmissionInstrument,
  answers: SubmissionAnswer[],
  evidence: SubmissionEvidence[],
): Problem[] {
  const given = answersByQuestion(answers)
  const supported = supportedQuestions(evidence)
  const problems: Problem[] = []

  for (const question of visibleQuestions(instrument, answers)) {
    const about = { question: question.key }
    const value = given.get(question.key)
    if (isBlank(value)) {
      problems.push(problem('answer.missing', about))
    } else {
      if (answers.filter((answer) => answer.question === question.key).length > 1) problems.push(problem('answer.duplicate', about))
      const wrong = answerProblem(question, value)
      if (wrong) problems.push(wrong)
    }
    if (needsEvidence(question, value) && !supported.has(question.key)) {
      const fromLevel = question.evidence === 'required_from_level' && isNumber(question.evidenceFromLevel) ? question.evidenceFromLevel : null
      const refused = evidence.some((item) => item.question === question.key && !stillCounts(item))
      problems.push(problem('evidence.missing', { ...about, params: { fromLevel, refused } }))
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
  const supported = supportedQuestions(evidence)
  const visible = visibleQuestions(instrument, answers)
  return {
    answered: visible.filter((question) => !isBlank(given.get(question.key))).length,
    total: visible.length,
    evidenceMissing: visible.filter(
      (question) => needsEvidence(question, given.get(question.key)) && !supported.has(question.key),
    ).length,
  }
}
