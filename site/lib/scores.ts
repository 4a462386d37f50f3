import { formatNumber, inLocale, type Locale } from './locale.ts'
import type { SnapshotDimension, SnapshotScore } from './snapshot.ts'

/**
 * Accepted evaluation scores as the pages show them: each city's index over the rounds, its pillar
 * scores in the latest round, and the movement's average per pillar. Scores are on the 1-5 scale of
 * the scoring engine; a pillar score is a `dimensionScores` entry whose key is the pillar's slug.
 */

export type Score = Pick<SnapshotScore, 'id' | 'city' | 'period' | 'overall' | 'dimensionScores' | 'periodYear' | 'periodTitle'>
export type Pillar = Pick<SnapshotDimension, 'id' | 'slug' | 'name' | 'order' | 'colour'>

const numericFirst = new Intl.Collator('en', { numeric: true })

/** Rounds in time: by year when the snapshot names it, else by the round's id, which grows with time. */
export function compareRounds(a: Score, b: Score): number {
  return (a.periodYear ?? -Infinity) - (b.periodYear ?? -Infinity) || numericFirst.compare(a.period, b.period)
}

export function roundLabel(score: Score, locale: Locale): string {
  if (score.periodTitle) return inLocale(score.periodTitle, locale)
  if (score.periodYear !== undefined) return String(score.periodYear)
  return locale === 'id' ? `Periode ${score.period}` : `Round ${score.period}`
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

/** A round's scores of the known pillars, in pillar order; other keys (e.g. Output, Impact) are left out. */
export function pillarScores(score: Pick<Score, 'dimensionScores'>, pillars: readonly Pillar[], locale: Locale): PillarScore[] {
  const bySlug = new Map(score.dimensionScores.map((entry) => [entry.key, entry.score]))
  return [...pillars]
    .sort((a, b) => a.order - b.order)
    .flatMap((pillar) => {
      const value = bySlug.get(pillar.slug)
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

/** Where a score sits on the 1-5 scale, as a share of the bar (0 at 1, 1 at 5). */
export function scaleShare(score: number): number {
  return Math.min(1, Math.max(0, (score - 1) / 4))
}
