/**
 * Logs a machine can read: in production every log line is one JSON object (pino's own format,
 * which log collectors take as they are), and every line written while an API request is answered
 * carries that request's id. The id is the caller's `X-Request-Id` when it looks like one (a load
 * balancer or proxy in front sets it, so one id follows a request through every hop), else a new
 * one; the answer carries it back in the same header, so a person reporting an error can quote it.
 *
 * `PANTAU_LOG_FORMAT=json|pretty` chooses the format; the default is JSON in production and
 * Payload's readable lines elsewhere (`npm start` asks for readable lines: a person watches it).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'

import type { Config } from 'payload'

/** Environment variables, as `process.env` holds them. */
type Env = Record<string, string | undefined>

export const REQUEST_ID_HEADER = 'X-Request-Id'

const requests = new AsyncLocalStorage<string>()

/** An id a client or proxy may choose: short, and only characters that are safe in a log line. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,64}$/

/** The id of a request: the one it brings, when acceptable, else a new one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER)?.trim()
  return given && ACCEPTABLE_ID.test(given) ? given : randomUUID()
}

/** Runs `work` as part of request `id`: every log line written meanwhile carries it. */
export const withRequestId = <T>(id: string, work: () => T): T => requests.run(id, work)

/** The id of the request being answered, if any. */
export const currentRequestId = (): string | undefined => requests.getStore()

/** Whether log lines are JSON objects (production, or `PANTAU_LOG_FORMAT=json`). */
export function logsAsJson(env: Env = process.env): boolean {
  if (env.PANTAU_LOG_FORMAT === 'json') return true
  if (env.PANTAU_LOG_FORMAT === 'pretty') return false
  return env.NODE_ENV === 'production'
}

/** Payload's `logger` setting: JSON lines with the request id in production, Payload's default otherwise. */
export function loggerConfig(env: Env = process.env): Config['logger'] {
  if (!logsAsJson(env)) return undefined
  return {
    options: {
      level: env.PANTAU_LOG_LEVEL || 'info',
      // Seconds since the epoch are hard to read beside other systems' logs.
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      mixin: () => {
        const requestId = currentRequestId()
        return requestId ? { requestId } : {}
      },
    },
  }
}
