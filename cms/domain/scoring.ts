/**
 * The scoring engine: from the assessors' scores per question to the scores of sections, pillars,
 * evaluation dimensions and the city's achievement index.
 *
 * The method is described in words, in Indonesian and English, in cms/contract/method.ts: the
 * public site's method page shows that text. Change it together with this code, so the page keeps
 * saying what the code does.
 */
import type { QUESTION_TYPES } from '../constants.ts'
import { SCORE_SCALE } from '../contract/options.ts'
import { evaluationWeightProblem, sectionProblem } from './instrument.ts'
// Unanswered by the same rule as the submit check, so "answered" means one thing everywhere.
import { isBlank, type SubmissionAnswer, visibleQuestions } from './submission.ts'
import { type ID, idOf, idText } from './ids.ts'
import { type Problem, problem, problemMessage } from './problems.ts'

/** The maturity scale every score lives on, shown by the site and the admin alike. */
export { SCORE_SCALE }

/** Assessors this many levels apart or more on one question disagree. */
export const DISAGREEMENT_LEVELS = 1

/** Levels of Baseline gained per level of improvement of the index. */
export const BASELINE_SLOPE = 2

/** The Baseline score of a city whose index did not change. */
export const BASELINE_NEUTRAL = 3

/** Key of the evaluation dimension that measures the improvement, as in the seeded instrument. */
export const BASELINE_DIMENSION = 'baseline'

/** Scores a yes/no answer takes when no assessor scored the question. */
export const YES_NO_SCORES = { yes: 5, no: 1 } as const

// Scores are differences and means of numbers with at most a few decimals: anything closer than
// this to a threshold is on it.
const EPSILON = 1e-9

type IdLike = ID | { id: ID }

export type ScoringQuestion = {
  key: string
  type: (typeof QUESTION_TYPES)[number]
  /** Relative to the other questions of its section. Missing means 1, the instrument's default. */
  weight?: number | null
  condition?: { question?: string | null; equals?: string | null } | null
}

export type ScoringSection = {
  evaluationDimension: string
  /** The pillar: its id, its slug, or the populated document. */
  dimension?: IdLike | null
  subDimension?: string | null
  questions?: ScoringQuestion[] | null
}

export type ScoringInstrument = {
  evaluationDimensions?: { key: string; weight: number }[] | null
  sections?: ScoringSection[] | null
}

/** One assessor's scores for one report, as a review holds them. */
export type AssessorScores = {
  assessor: IdLike
  lead?: boolean | null
  scores?: { question: string; score: number }[] | null
}

/** The lead's explanation of a disagreement; a blank explanation resolves nothing. */
export type DisagreementResolution = { question: string; explanation?: string | null }

export type ScoringInput = {
  instrument: ScoringInstrument
  /** The council's answers: they decide which questions are visible and answered. */
  answers: SubmissionAnswer[]
  /** The reviews that count (for final results, the completed ones). */
  assessments: AssessorScores[]
  resolutions?: DisagreementResolution[] | null
  /** The city's index at its previous accepted evaluation, if it has one. */
  previousIndex?: number | null
  /** Key of the Baseline evaluation dimension; `BASELINE_DIMENSION` unless given. */
  baselineDimension?: string
  /** `BASELINE_SLOPE` unless given. */
  baselineSlope?: number
  /** Whether a question no assessor scored takes its score from the answer. Default true. */
  selfAssessmentFallback?: boolean
}

export type QuestionStatus = 'counted' | 'hidden' | 'unanswered' | 'no_weight' | 'unscored'

/**
 * Where a counted question's score comes from: one assessor, the mean of several, the lead after a
 * resolved disagreement, or the council's own answer.
 */
export type ScoreSource = 'assessor' | 'mean' | 'lead' | 'self_assessment'

export type AssessorScore = { assessor: string; score: number }

export type QuestionScore = {
  question: string
  /** Position of its section in the instrument. */
  section: number
  evaluationDimension: string
  pillar: string | null
  subDimension: string | null
  weight: number
  status: QuestionStatus
  source: ScoreSource | null
  /** The score that went into the averages, rounded for display; null unless counted. */
  score: number | null
  assessorScores: AssessorScore[]
}

export type Disagreement = {
  question: string
  scores: AssessorScore[]
  /** Highest minus lowest score. */
  spread: number
  resolved: boolean
  explanation: string | null
}

/** `score` is rounded to two decimals for display and storage; `exact` keeps full precision. */
export type Scored = { score: number | null; exact: number | null }

export type SectionScore = Scored & {
  section: number
  evaluationDimension: string
  pillar: string | null
  subDimension: string | null
}

export type SubDimensionScore = Scored & { pillar: string; subDimension: string }
export type PillarScore = Scored & { pillar: string }
export type EvaluationDimensionScore = Scored & { key: string; weight: number }

export type BaselineImprovement = {
  previousIndex: number | null
  /** This year's index without the Baseline dimension. */
  comparedIndex: number | null
  improvement: number | null
  /** The improvement on the 1-5 scale, one part of the Baseline dimension. */
  score: number | null
}

export type ScoreResult = {
  index: Scored
  evaluationDimensions: EvaluationDimensionScore[]
  pillars: PillarScore[]
  subDimensions: SubDimensionScore[]
  sections: SectionScore[]
  /** Null when the instrument has no Baseline dimension. Values rounded to two decimals. */
  baseline: BaselineImprovement | null
  questions: QuestionScore[]
  disagreements: Disagreement[]
}

/** Raised with every problem of the input; `message` joins them in English, for logs. */
export class ScoringError extends Error {
  readonly problems: Problem[]

  constructor(problems: Problem[]) {
    super(problems.map((item) => problemMessage(item, 'en')).join('\n'))
    this.name = 'ScoringError'
    this.problems = problems
  }
}

/**
 * Two decimals, halves up. Binary fractions make a hand-computed 3.225 arrive as 3.2249999…; taking
 * twelve significant digits first removes that noise, so the result matches a calculation by hand.
 */
export function roundScore(value: number): number {
  return Math.round(Number((value * 100).toPrecision(12))) / 100
}

const roundOrNull = (value: number | null): number | null => (value === null ? null : roundScore(value))
const scored = (exact: number | null): Scored => ({ score: roundOrNull(exact), exact })

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

const mean = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length

function weightedMean(rows: { value: number; weight: number }[]): number | null {
  const total = rows.reduce((sum, row) => sum + row.weight, 0)
  if (total <= 0) return null
  return rows.reduce((sum, row) => sum + row.value * row.weight, 0) / total
}

const clampToScale = (value: number): number => Math.min(SCORE_SCALE.max, Math.max(SCORE_SCALE.min, value))

const questionWeight = (question: ScoringQuestion): number => question.weight ?? 1

const onScale = (value: unknown): value is number =>
  isFiniteNumber(value) && value >= SCORE_SCALE.min && value <= SCORE_SCALE.max

/** The score an answer earns by itself, for the types that map onto the maturity scale. */
function selfAssessedScore(question: ScoringQuestion, value: unknown): number | null {
  if (question.type === 'maturity') return Number.isInteger(value) && onScale(value) ? value : null
  if (question.type === 'yes_no' && typeof value === 'boolean') return value ? YES_NO_SCORES.yes : YES_NO_SCORES.no
  return null
}

/**
 * Everything wrong with the input, as problems (see problems.ts); empty when it can be scored.
 * `computeScores` throws these as a `ScoringError`.
 */
export function scoringProblems(input: ScoringInput): Problem[] {
  const problems: Problem[] = []
  const { instrument } = input
  const dimensions = instrument.evaluationDimensions ?? []

  if (dimensions.length === 0) {
    problems.push(problem('scoring.noDimensions'))
  }
  const dimensionKeys = new Set<string>()
  for (const dimension of dimensions) {
    if (dimensionKeys.has(dimension.key)) {
      problems.push(problem('scoring.dimensionTwice', { params: { key: dimension.key } }))
    }
    dimensionKeys.add(dimension.key)
    if (!isFiniteNumber(dimension.weight) || dimension.weight < 0) {
      problems.push(problem('scoring.dimensionWeight', { params: { key: dimension.key } }))
    }
  }
  if (dimensions.every((dimension) => isFiniteNumber(dimension.weight))) {
    const weightProblem = evaluationWeightProblem(instrument)
    if (weightProblem) problems.push(weightProblem)
  }
  const structureProblem = sectionProblem(instrument)
  if (structureProblem) problems.push(structureProblem)

  const questionKeys = new Set<string>()
  for (const section of instrument.sections ?? []) {
    for (const question of section.questions ?? []) {
      questionKeys.add(question.key)
      const weight = questionWeight(question)
      if (!isFiniteNumber(weight) || weight < 0) {
        problems.push(problem('scoring.questionWeight', { question: question.key }))
      }
    }
  }

  const assessors = new Set<string>()
  let leads = 0
  for (const assessment of input.assessments) {
    const assessor = String(idOf(assessment.assessor))
    if (assessors.has(assessor)) {
      problems.push(problem('scoring.assessorTwice', { params: { assessor } }))
    }
    assessors.add(assessor)
    if (assessment.lead) leads += 1
    const scoredQuestions = new Set<string>()
    for (const { question, score } of assessment.scores ?? []) {
      if (!questionKeys.has(question)) {
        problems.push(problem('scoring.unknownQuestion', { question, params: { assessor } }))
      } else if (scoredQuestions.has(question)) {
        problems.push(problem('scoring.scoredTwice', { question, params: { assessor } }))
      }
      scoredQuestions.add(question)
      if (!onScale(score)) {
        problems.push(problem('scoring.scoreRange', { question, params: { assessor, score: String(score) } }))
      }
    }
  }
  if (leads > 1) {
    problems.push(problem('scoring.leads', { params: { count: leads } }))
  }

  const { previousIndex, baselineSlope } = input
  if (previousIndex !== undefined && previousIndex !== null && !onScale(previousIndex)) {
    problems.push(problem('scoring.previousIndex', { params: { value: String(previousIndex) } }))
  }
  if (baselineSlope !== undefined && (!isFiniteNumber(baselineSlope) || baselineSlope < 0)) {
    problems.push(problem('scoring.baselineSlope'))
  }
  return problems
}

type Rated = AssessorScore & { lead: boolean }

/** How the assessors' scores of one question combine; see "A question's score" above. */
function combineAssessorScores(
  scores: Rated[],
  explanation: string | null,
): { score: number; source: ScoreSource; disagreement: Omit<Disagreement, 'question'> | null } {
  const values = scores.map((row) => row.score)
  const spread = Math.max(...values) - Math.min(...values)
  const average = mean(values) as number
  if (scores.length === 1) return { score: average, source: 'assessor', disagreement: null }
  if (spread < DISAGREEMENT_LEVELS - EPSILON) return { score: average, source: 'mean', disagreement: null }

  const resolved = explanation !== null
  const disagreement = {
    scores: scores.map(({ assessor, score }) => ({ assessor, score })),
    spread,
    resolved,
    explanation,
  }
  const lead = scores.find((row) => row.lead)
  if (resolved && lead) return { score: lead.score, source: 'lead', disagreement }
  return { score: average, source: 'mean', disagreement }
}

/** Means of groups, keyed in order of first appearance. */
class Groups<T> {
  readonly order: string[] = []
  readonly values = new Map<string, { info: T; scores: number[] }>()

  add(key: string, info: T, score: number | null) {
    let group = this.values.get(key)
    if (!group) {
      group = { info, scores: [] }
      this.values.set(key, group)
      this.order.push(key)
    }
    if (score !== null) group.scores.push(score)
  }

  means(): { key: string; info: T; exact: number | null }[] {
    return this.order.map((key) => {
      const group = this.values.get(key)!
      return { key, info: group.info, exact: mean(group.scores) }
    })
  }
}

/**
 * Scores per question, section, sub-dimension, pillar and evaluation dimension, and the overall
 * index, as the method above describes. Throws a `ScoringError` listing every problem of the input.
 */
export function computeScores(input: ScoringInput): ScoreResult {
  const problems = scoringProblems(input)
  if (problems.length > 0) throw new ScoringError(problems)

  const { instrument } = input
  const baselineKey = input.baselineDimension ?? BASELINE_DIMENSION
  const slope = input.baselineSlope ?? BASELINE_SLOPE
  const fallback = input.selfAssessmentFallback ?? true
  const sections = instrument.sections ?? []
  const dimensions = instrument.evaluationDimensions ?? []

  const visible = new Set(visibleQuestions(instrument, input.answers).map((question) => question.key))
  const given = new Map<string, unknown>()
  for (const answer of input.answers) if (!given.has(answer.question)) given.set(answer.question, answer.value)

  const ratings = new Map<string, Rated[]>()
  for (const assessment of input.assessments) {
    const assessor = String(idOf(assessment.assessor))
    for (const { question, score } of assessment.scores ?? []) {
      const rows = ratings.get(question) ?? []
      rows.push({ assessor, score, lead: Boolean(assessment.lead) })
      ratings.set(question, rows)
    }
  }
  const explanations = new Map<string, string>()
  for (const resolution of input.resolutions ?? []) {
    const text = resolution.explanation?.trim()
    if (text) explanations.set(resolution.question, text)
  }

  const questions: QuestionScore[] = []
  const disagreements: Disagreement[] = []
  const sectionScores: SectionScore[] = sections.map((section, sectionIndex) => {
    const pillar = idText(section.dimension)
    const subDimension = section.subDimension?.trim() || null
    const counted: { value: number; weight: number }[] = []

    for (const question of section.questions ?? []) {
      const weight = questionWeight(question)
      const assessorRows = ratings.get(question.key) ?? []
      const row: QuestionScore = {
        question: question.key,
        section: sectionIndex,
        evaluationDimension: section.evaluationDimension,
        pillar,
        subDimension,
        weight,
        status: 'unscored',
        source: null,
        score: null,
        assessorScores: assessorRows.map(({ assessor, score }) => ({ assessor, score })),
      }
      questions.push(row)
      const value = given.get(question.key)
      if (!visible.has(question.key)) row.status = 'hidden'
      else if (isBlank(value)) row.status = 'unanswered'
      else if (weight === 0) row.status = 'no_weight'
      if (row.status !== 'unscored') continue

      let exact: number | null = null
      if (assessorRows.length > 0) {
        const combined = combineAssessorScores(assessorRows, explanations.get(question.key) ?? null)
        exact = combined.score
        row.source = combined.source
        if (combined.disagreement) disagreements.push({ question: question.key, ...combined.disagreement })
      } else if (fallback) {
        exact = selfAssessedScore(question, value)
        if (exact !== null) row.source = 'self_assessment'
      }
      if (exact === null) continue
      row.status = 'counted'
      row.score = roundScore(exact)
      counted.push({ value: exact, weight })
    }

    return {
      section: sectionIndex,
      evaluationDimension: section.evaluationDimension,
      pillar,
      subDimension,
      ...scored(weightedMean(counted)),
    }
  })

  const subDimensionGroups = new Groups<{ pillar: string; subDimension: string }>()
  // A pillar's parts: its sub-dimensions, and each of its sections that names none.
  const pillarParts = new Map<string, Groups<null>>()
  const pillarOrder: string[] = []
  for (const section of sectionScores) {
    if (section.pillar === null) continue
    let parts = pillarParts.get(section.pillar)
    if (!parts) {
      parts = new Groups<null>()
      pillarParts.set(section.pillar, parts)
      pillarOrder.push(section.pillar)
    }
    const partKey = section.subDimension === null ? `section ${section.section}` : `sub ${section.subDimension}`
    parts.add(partKey, null, section.exact)
    if (section.subDimension !== null) {
      subDimensionGroups.add(
        JSON.stringify([section.pillar, section.subDimension]),
        { pillar: section.pillar, subDimension: section.subDimension },
        section.exact,
      )
    }
  }
  const subDimensions: SubDimensionScore[] = subDimensionGroups
    .means()
    .map(({ info, exact }) => ({ ...info, ...scored(exact) }))
  const pillars: PillarScore[] = pillarOrder.map((pillar) => {
    const partScores = pillarParts
      .get(pillar)!
      .means()
      .map((part) => part.exact)
      .filter((exact): exact is number => exact !== null)
    return { pillar, ...scored(mean(partScores)) }
  })

  const sectionExactsOf = (key: string) =>
    sectionScores
      .filter((section) => section.evaluationDimension === key && section.exact !== null)
      .map((section) => section.exact as number)

  const dimensionExact = new Map<string, number | null>()
  for (const dimension of dimensions) {
    if (dimension.key !== baselineKey) dimensionExact.set(dimension.key, mean(sectionExactsOf(dimension.key)))
  }
  const weightedOver = (keys: string[]) =>
    weightedMean(
      dimensions
        .filter((dimension) => keys.includes(dimension.key))
        .flatMap((dimension) => {
          const value = dimensionExact.get(dimension.key)
          return value === null || value === undefined ? [] : [{ value, weight: dimension.weight }]
        }),
    )

  let baseline: BaselineImprovement | null = null
  if (dimensions.some((dimension) => dimension.key === baselineKey)) {
    const previousIndex = input.previousIndex ?? null
    const comparedIndex = weightedOver(dimensions.map((dimension) => dimension.key).filter((key) => key !== baselineKey))
    const improvement = previousIndex !== null && comparedIndex !== null ? comparedIndex - previousIndex : null
    const improvementScore = improvement === null ? null : clampToScale(BASELINE_NEUTRAL + slope * improvement)
    const parts = sectionExactsOf(baselineKey)
    if (improvementScore !== null) parts.push(improvementScore)
    dimensionExact.set(baselineKey, mean(parts))
    baseline = {
      previousIndex,
      comparedIndex: roundOrNull(comparedIndex),
      improvement: roundOrNull(improvement),
      score: roundOrNull(improvementScore),
    }
  }

  const evaluationDimensions: EvaluationDimensionScore[] = dimensions.map((dimension) => ({
    key: dimension.key,
    weight: dimension.weight,
    ...scored(dimensionExact.get(dimension.key) ?? null),
  }))

  return {
    index: scored(weightedOver(dimensions.map((dimension) => dimension.key))),
    evaluationDimensions,
    pillars,
    subDimensions,
    sections: sectionScores,
    baseline,
    questions,
    disagreements,
  }
}

/**
 * Questions on which the assessors are a full maturity level or more apart, among the questions
 * that count (visible, answered, weighted), each saying whether the lead has explained it. A report
 * may be accepted only when every entry is resolved.
 */
export function findDisagreements(input: ScoringInput): Disagreement[] {
  return computeScores(input).disagreements
}

/** Whether the disagreements still keep a report from being accepted. */
export const hasUnresolvedDisagreements = (input: ScoringInput): boolean =>
  findDisagreements(input).some((disagreement) => !disagreement.resolved)

/** A score with two decimals in the reader's language: 3,42 in Indonesian, 3.42 in English. */
export const scoreInWords = (score: number, lang: 'id' | 'en'): string =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score)
