import { formatNumber, inLocale, type Locale } from './locale.ts'
import type { SnapshotDimension, SnapshotScore } from './snapshot.ts'

/**
 * Accepted evaluation scores as the pages show them: each city's index over the rounds, its pillar
 * scores in the latest round, and the movement's average per pillar. Scores are on the 1-5 scale of
 * the scoring engine; a pillar score names its pillar by `dimensions.id`.
 */

export type Score = Pick<SnapshotScore, 'id' | 'city' | 'period' | 'overall' | 'pillarScores' | 'periodYear' | 'periodTitle'>
export type Pillar = Pick<SnapshotDimension, 'id' | 'slug' | 'name' | 'order' | 'colour'>

const numericFirst = new Intl.Collator('en', { numeric: true })

/** Rounds in time: by year, and within a year by the round's id, which grows with time. */
export function compareRounds(a: Score, b: Score): number {
  return a.periodYear - b.periodYear || numericFirst.compare(a.period, b.period)
}

/**
 * How the pages name each of a city's rounds: by year, which is short enough for a chart axis; by
 * the round's full name where the city has two rounds in one year, so no two points read the same.
 */
export function roundLabels(rounds: readonly Score[], locale: Locale): string[] {
  const perYear = new Map<number, number>()
  for (const round of rounds) perYear.set(round.periodYear, (perYear.get(round.periodYear) ?? 0) + 1)
  return rounds.map((round) => ((perYear.get(round.periodYear) ?? 0) > 1 ? inLocale(round.periodTitle, locale) : String(round.periodYear)))
}

/**
 * Each city's scores, oldest round first. When a round holds more than one accepted review of a city,
 * the last one in the snapshot stands, so a round is one point of the line.
 */
export function scoresByCity<T extends Score>(scores: readonly T[]): Map<string, T[]> {
  const byCityRound = new Map<string, Map<string, T>>()
  for (const score of scores) {
    const rounds = byCityRound.get(score.city) ?? new Map<string, T>()
    rounds.set(score.period, score)
    byCityRound.set(score.city, rounds)
  }
  return new Map([...byCityRound].map(([city, rounds]) => [city, [...rounds.values()].sort(compareRounds)]))
}

export interface PillarScore {
  slug: string
  name: string
  colour: string
  score: number
}

/** A round's scores of the known pillars, in pillar order; a score of a pillar not in the snapshot is left out. */
export function pillarScores(score: Pick<Score, 'pillarScores'>, pillars: readonly Pillar[], locale: Locale): PillarScore[] {
  const byPillar = new Map(score.pillarScores.map((entry) => [entry.pillar, entry.score]))
  return [...pillars]
    .sort((a, b) => a.order - b.order)
    .flatMap((pillar) => {
      const value = byPillar.get(pillar.id)
      return value === undefined ? [] : [{ slug: pillar.slug, name: inLocale(pillar.name, locale), colour: pillar.colour, score: value }]
    })
}

export interface PillarAverage {
  slug: string
  name: string
  colour: string
  /** Mean of the cities' latest scores of this pillar, rounded to two decimals. */
  average: number
  /** How many cities the mean is over. */
  cities: number
}

/**
 * The movement at a glance: per pillar, the mean of every city's score in its latest accepted round.
 * A city counts once per pillar, however many rounds it has; pillars nobody was scored on are left out.
 */
export function averageByPillar(byCity: ReadonlyMap<string, readonly Score[]>, pillars: readonly Pillar[], locale: Locale): PillarAverage[] {
  const sums = new Map<string, { total: number; cities: number }>()
  for (const rounds of byCity.values()) {
    const latest = rounds.at(-1)
    if (!latest) continue
    for (const { slug, score } of pillarScores(latest, pillars, locale)) {
      const sum = sums.get(slug) ?? { total: 0, cities: 0 }
      sum.total += score
      sum.cities += 1
      sums.set(slug, sum)
    }
  }
  return [...pillars]
    .sort((a, b) => a.order - b.order)
    .flatMap((pillar) => {
      const sum = sums.get(pillar.slug)
      if (!sum) return []
      return [
        {
          slug: pillar.slug,
          name: inLocale(pillar.name, locale),
          colour: pillar.colour,
          average: Math.round((sum.total / sum.cities) * 100) / 100,
          cities: sum.cities,
        },
      ]
    })
}

/** A 1-5 score as text, two decimals at most, the way each language writes numbers. */
export const formatScore = (score: number, locale: Locale) => formatNumber(score, locale)
