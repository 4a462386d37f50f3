/**
 * The evaluation results of the synthetic data set: for every year a closed round on the demo
 * instrument, led for every city by one made-up assessor, and for every city and year an accepted
 * report with that assessor's completed, published review. As in the demo's 2022 round
 * (./rounds.ts, `seedRound2022`), the seed writes only what people would: the council's answers
 * and the assessor's score per question. The review's hooks compute the scores per evaluation
 * dimension and per pillar and the index, the Baseline from the city's index of the year before.
 */
import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import { COLLECTIONS, REPORT_STATUS, REVIEW_STATUS, ROLES } from '../../cms/constants.ts'
import { SCORE_SCALE } from '../../cms/contract/options.ts'
import { visibleQuestions } from '../../cms/domain/submission.ts'
import { turnEventLoop } from '../../cms/infra/eventLoop.ts'
import type { Report } from '../../cms/payload-types.ts'
import { reportTitle } from '../data/evaluation.ts'
import { INSTRUMENT, type QuestionSeed } from '../data/instrument.ts'
import { type ID, inTransaction, Seeder, unpublishedRequest } from '../engine.ts'
import { type Bilingual, t } from '../lib/bilingual.ts'
import { paragraphs } from '../lib/richText.ts'
import { roundTo, seededNoise } from '../lib/series.ts'
import { seedInstrument } from './demo.ts'
import { seedPeriod } from './rounds.ts'

export type SyntheticCity = { index: number; id: ID; regionCode: string; name: string }

/** What the rounds read of the data set's options: its seed and its years. */
type RoundOptions = { seed: number; years: number; lastYear: number }

/** What the rounds add to the data set's counts. */
export type ResultCounts = { periods: number; reports: number; reviews: number }

type Round = { id: ID; year: number; title: Bilingual }
type AnswerValue = NonNullable<Report['answers']>[number]['value']

/** Leads every synthetic city; tied to none of them, so no conflict of interest stands in the way. */
export const SYNTHETIC_ASSESSOR_EMAIL = 'asesor@sintetis.pantau.example'

/**
 * Keeps the evaluation's random numbers apart from those of the city's programmes: adding it to the
 * city's seed gives a stream no city's programmes use, and leaves the programme data as it was.
 */
const RESULTS_STREAM = 0x8000_0000

/** A city's level on the 1-5 scale starts between these and rises by up to `LEVEL_GAIN` a year, up to `LEVEL_CEILING`. */
const FIRST_LEVEL = { min: 2.1, max: 2.9 }
const LEVEL_GAIN = { min: 0.1, max: 0.38 }
const LEVEL_CEILING = 4.5
/** Share of years in which a city slips back, by up to `SETBACK_MAX`, instead of improving. */
const SETBACK_CHANCE = 0.15
const SETBACK_MAX = 0.2
/** How far a city's pillars and evaluation dimensions lie above or below its level, at most. */
const PART_SPREAD = 0.6

const pad = (value: number) => String(value).padStart(2, '0')
const between = (noise: () => number, { min, max }: { min: number; max: number }) => min + (max - min) * noise()
const clampLevel = (value: number) => Math.min(SCORE_SCALE.max, Math.max(SCORE_SCALE.min, Math.round(value)))

/** Every question with the part of the evaluation it belongs to: its pillar, or else its evaluation dimension. */
const questionsWithGroup = INSTRUMENT.sections.flatMap((section) =>
  section.questions.map((question) => ({ question, group: section.dimension ?? section.evaluationDimension })),
)
const GROUPS = [...new Set(questionsWithGroup.map(({ group }) => group))]

/** The city's overall level in each of `years` years: mostly rising, now and then slipping back. */
function levelsOver(years: number, noise: () => number): number[] {
  const levels = [between(noise, FIRST_LEVEL)]
  while (levels.length < years) {
    const step = noise() < SETBACK_CHANCE ? -SETBACK_MAX * noise() : between(noise, LEVEL_GAIN)
    levels.push(Math.min(LEVEL_CEILING, levels.at(-1)! + step))
  }
  return levels
}

/** What a city at `level` on this question answers: a higher level, a fuller answer. */
function answerAt(question: QuestionSeed, level: number, year: number, noise: () => number): AnswerValue {
  const share = (level - SCORE_SCALE.min) / (SCORE_SCALE.max - SCORE_SCALE.min)
  const options = (question.options ?? []).map((option) => option.value)
  switch (question.type) {
    case 'maturity':
      // Councils rate themselves a level higher than the assessor now and then.
      return Math.min(SCORE_SCALE.max, level + (noise() < 0.3 ? 1 : 0))
    case 'yes_no':
      // Yes from the middle of the scale up, so that the assessor's score agrees with the answer.
      return level >= 3
    case 'number': {
      const min = question.min ?? 0
      const max = question.max ?? min + 100
      // Wide ranges are counts (people, households): whole numbers.
      return roundTo(min + (max - min) * share * (0.8 + 0.2 * noise()), max - min > 100 ? 0 : 1)
    }
    case 'single_choice':
      return options[Math.min(options.length - 1, Math.floor(share * options.length))]
    case 'multi_choice':
      return options.slice(0, Math.max(1, Math.round(share * options.length)))
    case 'date':
      return `${year}-${pad(1 + Math.floor(noise() * 5))}-${pad(1 + Math.floor(noise() * 28))}`
    default:
      return `Jawaban sintetis untuk uji kinerja (${question.key}, ${year}).`
  }
}

/**
 * One report's answers and the assessor's scores: the assessor scores every visible question with
 * a weight at its level, the city's level of the year moved by its pillar's (or evaluation
 * dimension's) standing and a little per question.
 */
function evaluationAt(level: number, standing: Map<string, number>, year: number, noise: () => number) {
  const levels = new Map(
    questionsWithGroup.map(({ question, group }) => [question.key, clampLevel(level + (standing.get(group) ?? 0) + noise() - 0.5)]),
  )
  const all = questionsWithGroup.map(({ question }) => ({ question: question.key, value: answerAt(question, levels.get(question.key)!, year, noise) }))
  const visible = visibleQuestions(INSTRUMENT, all)
  const shown = new Set(visible.map((question) => question.key))
  return {
    answers: all.filter((answer) => shown.has(answer.question)),
    scores: questionsWithGroup
      .filter(({ question }) => shown.has(question.key) && (question.weight ?? 1) > 0)
      .map(({ question }) => ({ question: question.key, score: levels.get(question.key)! })),
  }
}

/** A moment in `year`, in `month`, on a day the noise picks, at office hours in Indonesia. */
const momentIn = (year: number, month: number, noise: () => number) =>
  `${year}-${pad(month)}-${pad(1 + Math.floor(noise() * 28))}T03:00:00.000Z`

/**
 * A city's accepted reports and published reviews of every round, oldest first so that each year's
 * Baseline finds the index of the year before, in one transaction.
 */
async function seedCityResults(
  payload: Payload,
  city: SyntheticCity,
  rounds: Round[],
  assessor: ID,
  options: RoundOptions,
  counts: ResultCounts,
): Promise<void> {
  const noise = seededNoise(options.seed * 1000 + city.index + RESULTS_STREAM)
  const levels = levelsOver(rounds.length, noise)
  const standing = new Map(GROUPS.map((group) => [group, (noise() * 2 - 1) * PART_SPREAD]))

  // An accepted report is public: without the flag every one would queue a site build.
  const req = await unpublishedRequest(payload)
  await inTransaction(req, async () => {
    const write = { depth: 0, req, context: req.context }
    for (const [n, round] of rounds.entries()) {
      const { answers, scores } = evaluationAt(levels[n], standing, round.year, noise)
      // Synthetic cities have no council accounts: the submission is nobody's, as an import's would be.
      const history: Report['history'] = [
        { from: REPORT_STATUS.draft, to: REPORT_STATUS.submitted, by: null, at: momentIn(round.year, 7, noise) },
        { from: REPORT_STATUS.submitted, to: REPORT_STATUS.inReview, by: assessor, at: momentIn(round.year, 8, noise) },
        { from: REPORT_STATUS.inReview, to: REPORT_STATUS.accepted, by: assessor, at: momentIn(round.year, 9, noise) },
      ]
      // Only system code may create a report already accepted; the demo's 2022 round does the same.
      const report = await payload.create({
        collection: COLLECTIONS.reports,
        data: { title: reportTitle(city.name, round.title.id), city: city.id, period: round.id, status: REPORT_STATUS.accepted, answers, history },
        ...write,
      })
      counts.reports += 1
      const review = await payload.create({
        collection: COLLECTIONS.reviews,
        locale: 'id',
        data: {
          report: report.id,
          assessor,
          status: REVIEW_STATUS.completed,
          scores,
          recommendations: paragraphs(
            `Rekomendasi sintetis untuk ${city.name}, ${round.year}.`,
            'Lanjutkan program yang berjalan baik dan perkuat pilar dengan skor terendah (data buatan).',
          ),
          published: true,
        },
        ...write,
      })
      await payload.update({
        collection: COLLECTIONS.reviews,
        id: review.id,
        locale: 'en',
        data: {
          recommendations: paragraphs(
            `Synthetic recommendations for ${city.name}, ${round.year}.`,
            'Keep up the programmes that work and strengthen the pillar with the lowest score (made-up data).',
          ),
        },
        ...write,
      })
      counts.reviews += 1
    }
  })
}

/**
 * The demo instrument (created when missing, as the demo seed does), the synthetic assessor, one
 * closed round per year with every city in it and the assessor as each city's lead, and every
 * city's accepted results. The rounds are created once all cities exist, since they list them.
 */
export async function seedSyntheticRounds(
  payload: Payload,
  cities: SyntheticCity[],
  dimensions: Map<string, ID>,
  options: RoundOptions,
  counts: ResultCounts,
  log: (line: string) => void,
): Promise<void> {
  const seeder = new Seeder(payload, [COLLECTIONS.instruments, COLLECTIONS.users, COLLECTIONS.periods])
  const instrument = await seedInstrument(seeder, dimensions)
  const { doc: assessor } = await seeder.insertOnce(COLLECTIONS.users, { email: { equals: SYNTHETIC_ASSESSOR_EMAIL } }, {
    email: SYNTHETIC_ASSESSOR_EMAIL,
    // Nobody signs in as this assessor: the password is thrown away.
    password: randomBytes(24).toString('base64url'),
    name: 'Asesor sintetis',
    role: ROLES.assessor,
    // Tied to no city, so it may lead every city's review. Written out: MongoDB stores no list left unset.
    cities: [],
    organisation: 'Data sintetis untuk uji kinerja',
    // A made-up account: a production server refuses it, should this data ever reach one.
    isDemo: true,
  })

  const cityIds = new Map(cities.map((city) => [city.regionCode, city.id]))
  const cityCodes = [...cityIds.keys()]
  const firstYear = options.lastYear - options.years + 1
  const rounds: Round[] = []
  for (let year = firstYear; year <= options.lastYear; year += 1) {
    const title = t(`Evaluasi Smart City ${year} (sintetis)`, `Smart City Evaluation ${year} (synthetic)`)
    const period = { title, year, status: 'closed' as const, opensAt: `${year}-05-02T00:00:00.000Z`, closesAt: `${year}-07-31T00:00:00.000Z`, cityCodes }
    rounds.push({ id: await seedPeriod(seeder, instrument, cityIds, period, assessor.id, cityCodes), year, title })
    counts.periods += 1
  }

  for (const [n, city] of cities.entries()) {
    await seedCityResults(payload, city, rounds, assessor.id, options, counts)
    await turnEventLoop()
    if ((n + 1) % 10 === 0) log(`  ${n + 1}/${cities.length} kota / cities, ${counts.reviews} hasil evaluasi / evaluation results`)
  }
}
