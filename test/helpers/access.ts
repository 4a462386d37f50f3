import { type CollectionSlug, Forbidden, NotFound, type Payload } from 'payload'

import type { Fixture } from './fixture.ts'

/**
 * The six rows of the access table, seen from city A, and small tools to act as each of them
 * through the Local API with access enforced. A call counts as denied only when Payload refuses it
 * (Forbidden, or NotFound for a document hidden by a query rule); any other error is re-thrown, so a
 * broken fixture fails the test instead of passing as a denial.
 */

export type Actor = 'secretariat' | 'councilA' | 'councilB' | 'assessorA' | 'assessorNone' | 'public'
export type Verdict = 'allowed' | 'denied'

/** The verdicts of an operation only the secretariat may perform. */
export const ONLY_THE_SECRETARIAT: Record<Actor, Verdict> = {
  secretariat: 'allowed',
  councilA: 'denied',
  councilB: 'denied',
  assessorA: 'denied',
  assessorNone: 'denied',
  public: 'denied',
}

export const ACTOR_NAMES: Record<Actor, string> = {
  secretariat: 'the secretariat',
  councilA: "city A's council",
  councilB: "another city's council",
  assessorA: "city A's assessor",
  assessorNone: 'an unassigned assessor',
  public: 'the anonymous public',
}

/** The Local API options that make a call on behalf of `actor`, never bypassing access control. */
export function as(fixture: Fixture, actor: Actor) {
  return {
    overrideAccess: false as const,
    user: actor === 'public' ? undefined : fixture.users[actor],
  }
}

export interface AccessCase {
  actor: Actor
  expected: Verdict
  name: string
}

/**
 * One test case per role for one action, named as a sentence ("city A's council may not delete ...").
 * The table must name every role, so no row of the access table is skipped by accident.
 */
export function everyRole(action: string, table: Record<Actor, Verdict>): AccessCase[] {
  return (Object.keys(ACTOR_NAMES) as Actor[]).map((actor) => ({
    actor,
    expected: table[actor],
    name: `${ACTOR_NAMES[actor]} ${table[actor] === 'allowed' ? 'may' : 'may not'} ${action}`,
  }))
}

export const isDenial = (error: unknown): boolean => error instanceof Forbidden || error instanceof NotFound

/** Runs a create, update or delete; 'allowed' only when it returns the document. */
export async function attempt(call: () => Promise<unknown>): Promise<Verdict> {
  try {
    const result = (await call()) as { id?: unknown } | null
    if (!result || result.id === undefined) throw new Error('The call returned no document')
    return 'allowed'
  } catch (error) {
    if (isDenial(error)) return 'denied'
    throw error
  }
}

/** Whether `actor` finds the document in a listing (the way the admin and the REST API read). */
export async function reading(
  payload: Payload,
  fixture: Fixture,
  actor: Actor,
  collection: CollectionSlug,
  id: number | string,
): Promise<Verdict> {
  try {
    const { docs } = await payload.find({
      collection,
      where: { id: { equals: id } },
      depth: 0,
      ...as(fixture, actor),
    })
    return docs.some((doc) => doc.id === id) ? 'allowed' : 'denied'
  } catch (error) {
    if (isDenial(error)) return 'denied'
    throw error
  }
}
