/**
 * # Metode penilaian / Scoring method
 *
 * ## Bahasa Indonesia
 *
 * **Skala.** Semua nilai memakai skala tingkat kematangan 1 sampai 5. Nilai dihitung dengan
 * ketelitian penuh di setiap tahap dan baru dibulatkan ke dua angka desimal pada akhir perhitungan,
 * sehingga pembulatan di satu tahap tidak terbawa ke tahap berikutnya. Pembulatan ke atas dimulai
 * dari setengah (3,125 menjadi 3,13; 3,124 menjadi 3,12).
 *
 * **Nilai sebuah pertanyaan.** Asesor memberi nilai 1-5 untuk setiap pertanyaan, apa pun jenisnya.
 * - Satu asesor: nilainya dipakai apa adanya.
 * - Beberapa asesor yang selisih nilainya kurang dari satu tingkat: rata-rata nilai mereka.
 * - Beberapa asesor yang berselisih satu tingkat atau lebih: selisih ini ditandai dan harus
 *   diselesaikan sebelum laporan diterima. Bila asesor menyamakan nilai, selisihnya hilang. Bila
 *   ketua tim asesor menuliskan penjelasan, nilai ketua yang berlaku (ketua memutuskan setelah
 *   mendengar anggota tim; bila ketua sendiri tidak menilai pertanyaan itu, rata-rata yang berlaku).
 *   Selama belum diselesaikan, rata-rata dipakai sebagai nilai sementara.
 * - Tanpa nilai asesor: pertanyaan tingkat kematangan memakai tingkat yang dipilih daerah
 *   (penilaian mandiri), pertanyaan Ya/Tidak bernilai 5 untuk Ya dan 1 untuk Tidak. Angka, pilihan,
 *   teks dan tanggal tidak punya padanan tingkat, jadi hanya dihitung bila asesor menilainya.
 *   Nilai dari penilaian mandiri selalu ditandai sumbernya; perhitungan akhir dapat mewajibkan
 *   nilai asesor untuk semua pertanyaan (opsi `selfAssessmentFallback: false`).
 *
 * **Pertanyaan yang tidak dihitung.** Pertanyaan yang tersembunyi (syaratnya tidak terpenuhi), yang
 * belum dijawab daerah, yang berbobot 0, atau yang tidak punya nilai sama sekali tidak ikut dalam
 * rata-rata. Pertanyaan itu tidak dihitung sebagai nol: rata-rata dibagi hanya dengan bobot
 * pertanyaan yang dihitung. Daftar setiap pertanyaan beserta statusnya ikut dikembalikan, sehingga
 * halaman hasil dapat menjelaskan dari mana nilai berasal.
 *
 * **Bagian.** Nilai sebuah bagian instrumen adalah rata-rata tertimbang nilai pertanyaannya, dengan
 * bobot pertanyaan dari instrumen. Bobot pertanyaan hanya dibandingkan dengan pertanyaan lain di
 * bagian yang sama.
 *
 * **Sub-dimensi dan pilar.** Nilai sub-dimensi adalah rata-rata bagian-bagian yang menyebut
 * sub-dimensi itu. Nilai pilar (Governance, Branding, Economy, Society, Living, Environment) adalah
 * rata-rata sub-dimensinya, masing-masing berbobot sama; bagian pilar yang tidak menyebut
 * sub-dimensi dihitung sebagai satu unsur tersendiri.
 *
 * **Dimensi evaluasi.** Nilai dimensi evaluasi (Baseline, Output, Outcome, Impact, Quick Win) adalah
 * rata-rata bagian-bagiannya, masing-masing berbobot sama.
 *
 * **Baseline.** Dimensi Baseline mengukur peningkatan sejak evaluasi yang lalu. Peningkatan adalah
 * indeks tahun ini tanpa Baseline (rata-rata tertimbang dimensi lainnya) dikurangi indeks yang
 * diterima pada evaluasi sebelumnya. Nilainya 3 + 2 × peningkatan, dibatasi 1 sampai 5: tetap sama
 * bernilai 3, naik setengah tingkat bernilai 4, naik satu tingkat atau lebih bernilai 5, turun satu
 * tingkat atau lebih bernilai 1. Baseline tidak dapat mengukur dirinya sendiri, karena itu dimensi
 * ini tidak ikut dalam indeks pembanding. Nilai peningkatan ini dihitung sebagai satu bagian
 * tambahan dari dimensi Baseline, di samping pertanyaan Baseline bila instrumen memilikinya. Daerah
 * yang baru pertama kali dievaluasi tidak punya indeks sebelumnya: Baseline-nya hanya dari
 * pertanyaannya, atau kosong bila tidak ada.
 *
 * **Indeks capaian.** Indeks adalah rata-rata tertimbang dimensi evaluasi dengan bobot dari
 * instrumen (berjumlah 100%, misalnya Baseline 10, Output 20, Outcome 30, Impact 30, Quick Win 10).
 * Dengan bobot yang sama (20 masing-masing), indeks adalah rata-rata biasa dimensi evaluasi. Dimensi
 * yang tidak punya nilai tidak dihitung dan bobot dimensi lainnya disesuaikan, sehingga daerah tidak
 * dirugikan oleh dimensi yang tidak berlaku baginya.
 *
 * **Masukan yang ditolak.** Bobot dimensi evaluasi yang tidak berjumlah 100, bobot negatif, nilai
 * asesor di luar 1-5, nilai untuk pertanyaan yang tidak ada, nilai ganda dari satu asesor, lebih
 * dari satu ketua tim, dan indeks sebelumnya di luar 1-5 menghentikan perhitungan dengan pesan yang
 * menjelaskan masalahnya.
 *
 * ## English
 *
 * **Scale.** Every score is on the 1 to 5 maturity scale. Scores are computed at full precision at
 * every step and rounded to two decimals only at the end, so that rounding at one level does not
 * carry into the next. Halves round up (3.125 becomes 3.13; 3.124 becomes 3.12).
 *
 * **A question's score.** Assessors score every question 1-5, whatever its type.
 * - One assessor: that score.
 * - Several assessors less than one level apart: the mean of their scores.
 * - Several assessors one level or more apart: the disagreement is flagged and must be resolved
 *   before the report is accepted. When the assessors bring their scores together the disagreement
 *   is gone. When the lead assessor writes an explanation, the lead's score stands (the lead decides,
 *   having heard the team; when the lead did not score that question, the mean stands). Until it is
 *   resolved, the mean serves as a provisional score.
 * - No assessor's score: a maturity question takes the level the city chose (its self-assessment); a
 *   yes/no question scores 5 for yes and 1 for no. Numbers, choices, texts and dates have no
 *   equivalent level, so they count only when an assessor scores them. A score taken from the
 *   self-assessment always says so; a final computation can require assessors' scores for every
 *   question (option `selfAssessmentFallback: false`).
 *
 * **Questions that do not count.** A question that is hidden (its condition is not met), that the
 * city left unanswered, that weighs 0, or that has no score at all is left out of the averages. It
 * is not counted as zero: an average divides only by the weights of the questions that count. The
 * result lists every question with its status, so a results page can explain where a score comes from.
 *
 * **Sections.** A section of the instrument scores the weighted mean of its questions, with the
 * question weights of the instrument. Question weights compare only with the other questions of the
 * same section.
 *
 * **Sub-dimensions and pillars.** A sub-dimension scores the mean of the sections that name it. A
 * pillar (Governance, Branding, Economy, Society, Living, Environment) scores the mean of its
 * sub-dimensions, each counting equally; a pillar's section that names no sub-dimension counts as one
 * part of its own.
 *
 * **Evaluation dimensions.** An evaluation dimension (Baseline, Output, Outcome, Impact, Quick Win)
 * scores the mean of its sections, each counting equally.
 *
 * **Baseline.** The Baseline dimension measures the improvement since the last evaluation. The
 * improvement is this year's index without the Baseline (the weighted mean of the other dimensions)
 * minus the index accepted at the previous evaluation. It scores 3 + 2 × improvement, kept within 1
 * to 5: no change scores 3, half a level up scores 4, a level or more up scores 5, a level or more
 * down scores 1. The Baseline cannot measure itself, which is why it stays out of the index it is
 * compared with. The improvement counts as one more section of the Baseline dimension, beside the
 * Baseline questions when the instrument has any. A city evaluated for the first time has no
 * previous index: its Baseline comes from its questions only, or is empty when there are none.
 *
 * **Achievement index.** The index is the weighted mean of the evaluation dimensions with the
 * instrument's weights (totalling 100%, e.g. Baseline 10, Output 20, Outcome 30, Impact 30, Quick
 * Win 10). With equal weights (20 each) the index is the plain average of the evaluation dimensions.
 * A dimension without a score is left out and the other weights are scaled up, so that a city is not
 * penalised for a dimension that does not apply to it.
 *
 * **Refused input.** Evaluation-dimension weights that do not total 100, negative weights, assessor
 * scores outside 1-5, scores for questions that do not exist, a question scored twice by one
 * assessor, more than one lead, and a previous index outside 1-5 stop the computation with a message
 * that says what is wrong.
 */
import type { QUESTION_TYPES } from '../constants.ts'
import { SCORE_SCALE } from '../contract/options.ts'
import { evaluationWeightProblem, sectionProblem } from './instrument.ts'
// Unanswered by the same rule as the submit check, so "answered" means one thing everywhere.
import { isBlank, type SubmissionAnswer, visibleQuestions } from './submission.ts'

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

type IdLike = string | number | { id: string | number }

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

/** Raised with every problem of the input; `message` joins them, each "Indonesian / English". */
export class ScoringError extends Error {
  readonly problems: string[]

  constructor(problems: string[]) {
    super(problems.join('\n'))
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

const idText = (value: IdLike): string => String(typeof value === 'object' && value !== null ? value.id : value)

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
 * Everything wrong with the input, each message "Indonesian / English"; empty when it can be scored.
 * `computeScores` throws these as a `ScoringError`; a form can show them directly.
 */
export function scoringProblems(input: ScoringInput): string[] {
  const problems: string[] = []
  const { instrument } = input
  const dimensions = instrument.evaluationDimensions ?? []

  if (dimensions.length === 0) {
    problems.push('Instrumen belum memiliki dimensi evaluasi / The instrument has no evaluation dimensions')
  }
  const dimensionKeys = new Set<string>()
  for (const dimension of dimensions) {
    if (dimensionKeys.has(dimension.key)) {
      problems.push(
        `Dimensi evaluasi "${dimension.key}" tercantum dua kali / Evaluation dimension "${dimension.key}" is listed twice`,
      )
    }
    dimensionKeys.add(dimension.key)
    if (!isFiniteNumber(dimension.weight) || dimension.weight < 0) {
      problems.push(
        `Bobot dimensi evaluasi "${dimension.key}" harus angka 0 atau lebih / The weight of evaluation dimension "${dimension.key}" must be a number of 0 or more`,
      )
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
        problems.push(
          `Bobot pertanyaan ${question.key} harus angka 0 atau lebih / The weight of question ${question.key} must be a number of 0 or more`,
        )
      }
    }
  }

  const assessors = new Set<string>()
  let leads = 0
  for (const assessment of input.assessments) {
    const assessor = idText(assessment.assessor)
    if (assessors.has(assessor)) {
      problems.push(`Asesor ${assessor} tercantum dua kali / Assessor ${assessor} is listed twice`)
    }
    assessors.add(assessor)
    if (assessment.lead) leads += 1
    const scoredQuestions = new Set<string>()
    for (const { question, score } of assessment.scores ?? []) {
      if (!questionKeys.has(question)) {
        problems.push(
          `Asesor ${assessor} menilai pertanyaan ${question} yang tidak ada di instrumen / Assessor ${assessor} scored question ${question}, which is not in the instrument`,
        )
      } else if (scoredQuestions.has(question)) {
        problems.push(
          `Asesor ${assessor} menilai pertanyaan ${question} lebih dari sekali / Assessor ${assessor} scored question ${question} more than once`,
        )
      }
      scoredQuestions.add(question)
      if (!onScale(score)) {
        problems.push(
          `Nilai asesor ${assessor} untuk pertanyaan ${question} adalah ${String(score)}, harus 1 sampai 5 / Assessor ${assessor}'s score for question ${question} is ${String(score)}, it must be 1 to 5`,
        )
      }
    }
  }
  if (leads > 1) {
    problems.push(`Ada ${leads} ketua tim asesor, seharusnya satu / There are ${leads} lead assessors, there must be one`)
  }

  const { previousIndex, baselineSlope } = input
  if (previousIndex !== undefined && previousIndex !== null && !onScale(previousIndex)) {
    problems.push(
      `Indeks sebelumnya ${String(previousIndex)} harus 1 sampai 5 / The previous index ${String(previousIndex)} must be 1 to 5`,
    )
  }
  if (baselineSlope !== undefined && (!isFiniteNumber(baselineSlope) || baselineSlope < 0)) {
    problems.push(
      `Kemiringan Baseline harus angka 0 atau lebih / The Baseline slope must be a number of 0 or more`,
    )
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
    const assessor = idText(assessment.assessor)
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
    const pillar = section.dimension === undefined || section.dimension === null ? null : idText(section.dimension)
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
