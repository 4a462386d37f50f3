import { Writable } from 'node:stream'

import { pino } from 'pino'
import { describe, expect, it } from 'vitest'

import { loggerConfig, logsAsJson, requestIdOf, withRequestId } from '../../cms/infra/requestLog.ts'

describe('the id of a request', () => {
  it("is the caller's X-Request-Id when it looks like one, else a new one", () => {
    expect(requestIdOf(new Headers({ 'X-Request-Id': 'lb-7f3a9c21-0001' }))).toBe('lb-7f3a9c21-0001')
    const fresh = requestIdOf(new Headers())
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/)
    expect(requestIdOf(new Headers())).not.toBe(fresh)
    for (const unsafe of ['short', 'with space inside it', 'x'.repeat(65), 'line\nbreak-injected', '{"json":1}']) {
      expect(requestIdOf(new Headers({ 'X-Request-Id': unsafe.replace('\n', ' ') }))).not.toBe(unsafe)
    }
  })
})

describe('log lines', () => {
  it('are JSON in production unless asked otherwise', () => {
    expect(logsAsJson({ NODE_ENV: 'production' })).toBe(true)
    expect(logsAsJson({ NODE_ENV: 'production', PANTAU_LOG_FORMAT: 'pretty' })).toBe(false)
    expect(logsAsJson({ NODE_ENV: 'development' })).toBe(false)
    expect(logsAsJson({ PANTAU_LOG_FORMAT: 'json' })).toBe(true)
    expect(loggerConfig({ NODE_ENV: 'development' })).toBeUndefined()
  })

  it('carry the id of the request they were written for, and none outside a request', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().trim().split('\n'))
        done()
      },
    })
    const config = loggerConfig({ NODE_ENV: 'production' }) as { options: Parameters<typeof pino>[0] }
    const logger = pino(config.options, sink)
    await Promise.all([
      withRequestId('request-aaaa-0001', async () => {
        await new Promise((resolve) => setTimeout(resolve, 5))
        logger.info({ step: 2 }, 'first request')
      }),
      withRequestId('request-bbbb-0002', async () => logger.info('second request')),
    ])
    logger.info('outside')
    const parsed = lines.map((line) => JSON.parse(line))
    expect(parsed.map(({ msg, requestId }) => [msg, requestId])).toEqual([
      ['second request', 'request-bbbb-0002'],
      ['first request', 'request-aaaa-0001'],
      ['outside', undefined],
    ])
    expect(parsed[1]).toMatchObject({ level: 30, step: 2 })
    expect(new Date(parsed[0].time).toISOString()).toBe(parsed[0].time)
  })
})
