import { getCollection } from 'astro:content'

import type { PublicData } from './cityPage.ts'

const entriesData = <T>(entries: { data: T }[]): T[] => entries.map((entry) => entry.data)

/** Everything the public may see, as the pages join it: shared by both languages' pages. */
export async function loadPublicData(): Promise<PublicData> {
  const [cities, programs, indicators, measurements, dimensions] = await Promise.all([
    getCollection('cities'),
    getCollection('programs'),
    getCollection('indicators'),
    getCollection('measurements'),
    getCollection('dimensions'),
  ])
  return {
    cities: entriesData(cities),
    programs: entriesData(programs),
    indicators: entriesData(indicators),
    measurements: entriesData(measurements),
    dimensions: entriesData(dimensions),
  }
}
