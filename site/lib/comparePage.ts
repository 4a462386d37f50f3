import { cityPath, groupBy } from './cityPage.ts'
import { EVALUATION_DIMENSION_LABELS } from '../../cms/contract/index.ts'
import { INTL_TAG, type Locale, localePath } from './locale.ts'
import { type Pillar, type Score, formatScore, pillarScores, roundLabels, scoresByCity } from './scores.ts'
import type { City } from '../../cms/contract/index.ts'

/**
 * The comparison of all participating cities: each one's latest index and pillar scores with the
 * change since its previous round, the provinces, and the leaders per pillar and per evaluation
 * dimension. Built once per language from the snapshot; the page is a plain table, which the
 * browser script only sorts and filters.
 */

export const comparePath = (locale: Locale) => localePath(locale, locale === 'id' ? '/bandingkan/' : '/compare/')

/** A province's page address: its name in lower case, words joined by hyphens. */
export function provinceSlug(province: string): string {
  return province
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

export const provincePath = (locale: Locale, province: string) => localePath(locale, `/provinsi/${provinceSlug(province)}/`)

export interface CompareRow {
  city: City
  href: string
  provinceHref: string
  /** The latest accepted index, or null when the city has none yet. */
  index: number | null
  indexText: string
  /** Latest index minus the previous round's, or null without two rounds. */
  change: number | null
  changeText: string
  round: string
  /** Score per pillar slug, and per evaluation dimension key, of the latest round. */
  pillars: Record<string, number>
  dimensions: Record<string, number>
  /** 1 for the highest index; cities without one have no rank. */
  rank: number | null
}

export interface Leader {
  city: string
  href: string
  /** The city's programmes under this pillar (empty for an evaluation dimension). */
  programmes: { title: string; href: string }[]
  score: string
}

export interface LeaderBoard {
  key: string
  name: string
  href: string | null
  leaders: Leader[]
}

export interface CompareView {
  rows: CompareRow[]
  pillars: { slug: string; name: string }[]
  dimensions: { key: string; name: string }[]
  cohorts: string[]
  provinces: { name: string; slug: string; href: string }[]
  /** Every scored city's index, lowest first, for the chart of the distribution. */
  distribution: { locale: string; labels: string[]; values: number[]; label: string; valueAxisTitle: string } | null
  byPillar: LeaderBoard[]
  byDimension: LeaderBoard[]
}

export interface ProgrammeLink {
  id: string
  city: string
  dimension: string
  title: string
  href: string
}

const TOP = 3

function signed(value: number, locale: Locale): string {
  const text = formatScore(Math.abs(value), locale)
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text
}

export function compareView(
  data: { cities: readonly City[]; scores: readonly Score[]; dimensions: readonly (Pillar & { name: { id?: string; en?: string } })[] },
  programmes: readonly ProgrammeLink[],
  labels: { index: string; indexAxis: string },
  locale: Locale,
): CompareView {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
  const byCity = scoresByCity(data.scores)
  const pillars = [...data.dimensions].sort((a, b) => a.order - b.order)
  const dimensionKeys = new Set<string>()
  const rows: CompareRow[] = [...data.cities]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((city) => {
      const rounds = byCity.get(city.id) ?? []
      const latest = rounds.at(-1)
      const previous = rounds.at(-2)
      const index = latest?.overall ?? null
      const change = index !== null && previous?.overall != null ? Math.round((index - previous.overall) * 100) / 100 : null
      const pillarsOf = latest ? pillarScores(latest, pillars, locale) : []
      const dimensions = Object.fromEntries(((latest as { dimensionScores?: { key: string; score: number }[] })?.dimensionScores ?? []).map((entry) => [entry.key, entry.score]))
      for (const key of Object.keys(dimensions)) dimensionKeys.add(key)
      return {
        city,
        href: cityPath(locale, city),
        provinceHref: provincePath(locale, city.province),
        index,
        indexText: index === null ? '–' : formatScore(index, locale),
        change,
        changeText: change === null ? '–' : signed(change, locale),
        round: latest ? (roundLabels(rounds, locale).at(-1) ?? '') : '',
        pillars: Object.fromEntries(pillarsOf.map((pillar) => [pillar.slug, pillar.score])),
        dimensions,
        rank: null,
      }
    })
  const ranked = rows.filter((row) => row.index !== null).sort((a, b) => (b.index as number) - (a.index as number))
  ranked.forEach((row, position) => {
    // Equal indices share a rank, as in a league table.
    row.rank = position > 0 && ranked[position - 1].index === row.index ? ranked[position - 1].rank : position + 1
  })

  const programmesOf = new Map<string, ProgrammeLink[]>()
  for (const programme of programmes) {
    const key = `${programme.city}:${programme.dimension}`
    programmesOf.set(key, [...(programmesOf.get(key) ?? []), programme])
  }
  const top = (score: (row: CompareRow) => number | undefined, programmesFor: (row: CompareRow) => ProgrammeLink[]): Leader[] =>
    rows
      .flatMap((row) => {
        const value = score(row)
        return value === undefined ? [] : [{ row, value }]
      })
      .sort((a, b) => b.value - a.value || collator.compare(a.row.city.name, b.row.city.name))
      .slice(0, TOP)
      .map(({ row, value }) => ({
        city: row.city.name,
        href: row.href,
        programmes: programmesFor(row).map((programme) => ({ title: programme.title, href: programme.href })),
        score: formatScore(value, locale),
      }))

  const provinces = [...new Set(data.cities.map((city) => city.province))]
    .sort(collator.compare)
    .map((name) => ({ name, slug: provinceSlug(name), href: provincePath(locale, name) }))
  const scored = [...ranked].reverse()
  return {
    rows,
    pillars: pillars.map((pillar) => ({ slug: pillar.slug, name: pillar.name[locale] ?? pillar.name.id ?? pillar.slug })),
    dimensions: [...dimensionKeys].map((key) => ({ key, name: EVALUATION_DIMENSION_LABELS[key]?.[locale] ?? key })),
    cohorts: [...new Set(data.cities.map((city) => city.cohort))].sort(),
    provinces,
    distribution:
      scored.length >= 2
        ? {
            locale: INTL_TAG[locale],
            labels: scored.map((row) => row.city.name),
            values: scored.map((row) => row.index as number),
            label: labels.index,
            valueAxisTitle: labels.indexAxis,
          }
        : null,
    byPillar: pillars.map((pillar) => ({
      key: pillar.slug,
      name: pillar.name[locale] ?? pillar.name.id ?? pillar.slug,
      href: localePath(locale, `/pilar/${pillar.slug}/`),
      leaders: top(
        (row) => row.pillars[pillar.slug],
        (row) => programmesOf.get(`${row.city.id}:${pillar.id}`) ?? [],
      ),
    })),
    byDimension: [...dimensionKeys].map((key) => ({
      key,
      name: EVALUATION_DIMENSION_LABELS[key]?.[locale] ?? key,
      href: null,
      leaders: top(
        (row) => row.dimensions[key],
        // The Quick Win rewards a fast-track programme; its leaders' programmes are what to look at.
        (row) => programmes.filter((programme) => programme.city === row.city.id).slice(0, 3),
      ),
    })),
  }
}

/** The cities like one city: of its cohort, and of its province, each by name and without the city itself. */
export type ComparableCities = { sameCohort: { name: string; href: string }[]; sameProvince: { name: string; href: string }[] }

/**
 * Cities like each city, for every city at once: the cities are sorted by name once and grouped by
 * cohort and by province, so 514 cities cost one sort, not one for each city (which took about half
 * a second per language at national size, in every build, partial ones included).
 */
export function comparableCities(cities: readonly City[], locale: Locale): (city: City) => ComparableCities {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
  const sorted = [...cities].sort((a, b) => collator.compare(a.name, b.name))
  const byCohort = groupBy(sorted, (city) => String(city.cohort))
  const byProvince = groupBy(sorted, (city) => city.province)
  const others = (city: City, of: City[] | undefined) =>
    (of ?? []).filter((other) => other.id !== city.id).map((other) => ({ name: other.name, href: cityPath(locale, other) }))
  return (city) => ({ sameCohort: others(city, byCohort.get(String(city.cohort))), sameProvince: others(city, byProvince.get(city.province)) })
}

export interface ProvincePageView {
  name: string
  slug: string
  href: string
  rows: CompareRow[]
}

/** One page per province: its cities with their latest index, from the comparison's rows. */
export function provincePages(view: CompareView): ProvincePageView[] {
  return view.provinces.map((province) => ({
    ...province,
    rows: view.rows.filter((row) => row.city.province === province.name),
  }))
}
