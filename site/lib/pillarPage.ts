import { cityPath, type ProgrammeView } from './cityPage.ts'
import { inLocale, type Locale, localePath } from './locale.ts'
import type { City, Dimension, LocalizedText } from '../../cms/contract/index.ts'

export interface PillarProgrammeView extends ProgrammeView {
  city: { name: string; href: string }
}

export interface PillarPageView {
  slug: string
  href: string
  name: string
  description: string
  colour: string
  programmes: PillarProgrammeView[]
  /** How many cities have a public programme in this pillar. */
  cityCount: number
}

export const pillarPath = (locale: Locale, pillar: Pick<Dimension, 'slug'>) => localePath(locale, `/pilar/${pillar.slug}/`)

const byName = (locale: Locale) => new Intl.Collator(locale, { sensitivity: 'base', numeric: true }).compare

/**
 * One page per pillar: the public programmes of every city under it, by city name then as the city
 * page orders them. Reuses the city pages' programme views, so a programme reads the same on both.
 */
export function pillarPages(
  dimensions: readonly (Dimension & { description?: LocalizedText })[],
  cities: readonly City[],
  programmesByCity: ReadonlyMap<string, readonly ProgrammeView[]>,
  dimensionOfProgramme: ReadonlyMap<string, string>,
  locale: Locale,
): PillarPageView[] {
  const compare = byName(locale)
  const sortedCities = [...cities].sort((a, b) => compare(a.name, b.name))
  const byPillar = new Map<string, PillarProgrammeView[]>()
  for (const city of sortedCities) {
    for (const programme of programmesByCity.get(city.id) ?? []) {
      const pillar = dimensionOfProgramme.get(programme.id)
      if (pillar === undefined) continue
      const list = byPillar.get(pillar) ?? []
      list.push({ ...programme, city: { name: city.name, href: cityPath(locale, city) } })
      byPillar.set(pillar, list)
    }
  }
  return [...dimensions]
    .sort((a, b) => a.order - b.order)
    .map((dimension) => {
      const programmes = byPillar.get(dimension.id) ?? []
      return {
        slug: dimension.slug,
        href: pillarPath(locale, dimension),
        name: inLocale(dimension.name, locale),
        description: dimension.description ? inLocale(dimension.description, locale) : '',
        colour: dimension.colour,
        programmes,
        cityCount: new Set(programmes.map((programme) => programme.city.href)).size,
      }
    })
}
