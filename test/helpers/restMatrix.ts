import type { SanitizedConfig } from 'payload'

import { type Actor, ACTOR_NAMES, type Verdict } from './access.ts'
import { type ApiResponse, callApi, type Method } from './api.ts'

/**
 * The machinery of the REST access matrix (test/int/access/restMatrix.test.ts): every route the
 * built Payload config serves, and cases that call one route as one person over HTTP semantics
 * (Payload's REST router behind the app's route) and judge the answer as allowed or denied. A judge
 * that meets an answer it does not expect (a 400 or a 500 where only "allowed" or "denied" make
 * sense) throws, so a broken case or a server fault never passes as a denial.
 */

export const ACTORS = Object.keys(ACTOR_NAMES) as Actor[]

/** One route: the collection slug (`globals/<slug>` for a global, '' for the API root), method and path. */
export interface Route {
  scope: string
  method: string
  path: string
}

export const routeKey = (route: Route) => `${route.scope} ${route.method.toUpperCase()} ${route.path}`

/** The key standing for a collection or global that serves no REST route at all (`endpoints: false`). */
export const NO_ROUTES = '* *'

/** Every route of every collection, global and the API root, as Payload will match them, without repeats. */
export function routesOf(config: SanitizedConfig): Route[] {
  const routes = new Map<string, Route>()
  const add = (scope: string, endpoints: false | { method: string; path: string }[] | undefined) => {
    if (endpoints === false) {
      routes.set(`${scope} ${NO_ROUTES}`, { scope, method: '*', path: '*' })
      return
    }
    for (const { method, path } of endpoints ?? []) {
      const route = { scope, method, path }
      routes.set(routeKey(route), route)
    }
  }
  for (const collection of config.collections) add(collection.slug, collection.endpoints)
  for (const global of config.globals) add(`globals/${global.slug}`, global.endpoints)
  add('', config.endpoints)
  return [...routes.values()]
}

/** One call of one route by one person, and what it must come to. */
export interface Case {
  actor: Actor
  expected: Verdict
  /** What the person attempts, as the end of a sentence: "read city A's draft report". */
  what: string
  run: () => Promise<Verdict>
}

export type Body = Record<string, unknown> | FormData | undefined

export type Tokens = Partial<Record<Actor, string>>

/** Calls the API as `actor` (no token for the anonymous public). */
export function caller(tokens: Tokens) {
  return (actor: Actor, method: Method, path: string, body?: Body): Promise<ApiResponse> =>
    callApi(method, path, {
      token: tokens[actor],
      ...(body instanceof FormData ? { form: body } : body !== undefined ? { json: body } : {}),
    })
}

export class UnexpectedAnswer extends Error {}

const unexpected = (response: ApiResponse, what: string) =>
  new UnexpectedAnswer(`${what}: unexpected ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`)

/** 2xx is allowed; the statuses in `denials` (by default 401, 403 and 404) are denied; anything else throws. */
export const byStatus =
  (denials: number[] = [401, 403, 404]) =>
  (response: ApiResponse, what: string): Verdict => {
    if (response.status >= 200 && response.status < 300) return 'allowed'
    if (denials.includes(response.status)) return 'denied'
    throw unexpected(response, what)
  }

/** A listing: allowed when it holds the document, denied when it answers without it or refuses. */
export const listing =
  (id: unknown, field = 'id') =>
  (response: ApiResponse, what: string): Verdict => {
    if (response.status === 401 || response.status === 403) return 'denied'
    if (response.status !== 200 || !Array.isArray(response.body?.docs)) throw unexpected(response, what)
    return response.body.docs.some((doc: Record<string, unknown>) => String(idIn(doc[field])) === String(id)) ? 'allowed' : 'denied'
  }

/** A count: allowed when it counts the one document asked for. */
export const counting = (response: ApiResponse, what: string): Verdict => {
  if (response.status === 401 || response.status === 403) return 'denied'
  if (response.status !== 200 || typeof response.body?.totalDocs !== 'number') throw unexpected(response, what)
  return response.body.totalDocs === 1 ? 'allowed' : 'denied'
}

const idIn = (value: unknown) => (value && typeof value === 'object' ? (value as { id?: unknown }).id : value)

/** What one person's attempt comes to; `sentence` names the attempt in an unexpected answer. */
export type Attempt = (actor: Actor, sentence: string) => Promise<Verdict>

/** One case per actor for one attempt, each expected as `allowed` says. */
export function forEveryActor(allowed: readonly Actor[], what: string, attempt: Attempt): Case[] {
  return ACTORS.map((actor) => ({
    actor,
    expected: allowed.includes(actor) ? 'allowed' : 'denied',
    what,
    run: () => attempt(actor, `${ACTOR_NAMES[actor]} trying to ${what}`),
  }))
}

/** An attempt that is one call, judged by `judge`. */
export const judged =
  (call: (actor: Actor) => Promise<ApiResponse>, judge: (response: ApiResponse, sentence: string) => Verdict): Attempt =>
  async (actor, sentence) =>
    judge(await call(actor), sentence)

/** A route nobody may use, or that is not offered here: every actor denied, with the statuses given. */
export const nobody = (what: string, call: (actor: Actor) => Promise<ApiResponse>, denials?: number[]) =>
  forEveryActor([], what, judged(call, byStatus(denials)))

/** A route that only describes the caller's own permissions, or the service itself: every actor answered. */
export const describesCaller = (what: string, call: (actor: Actor) => Promise<ApiResponse>) =>
  forEveryActor(ACTORS, what, judged(call, byStatus()))
