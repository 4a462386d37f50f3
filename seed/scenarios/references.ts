/**
 * What the demo's reference data hands on to the scenarios built on it (the evaluation rounds, the
 * synthetic results): the ids it gave records, by their natural keys, and a clear error for a key
 * the seed data names but never created.
 */
import { type ID, lookUp } from '../engine.ts'

export type References = {
  /** By slug. */
  dimensions: Map<string, ID>
  /** By region code (NN.NN). */
  cities: Map<string, ID>
  /** By e-mail; empty on a production server, which gets no demo accounts. */
  users: Map<string, ID>
  instrument: ID
}

export const cityId = (cities: Map<string, ID>, regionCode: string): ID => lookUp(cities, regionCode, 'city (region code)')

export const dimensionId = (dimensions: Map<string, ID>, slug: string): ID => lookUp(dimensions, slug, 'dimension')
