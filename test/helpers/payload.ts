import config from '@payload-config'
import { getPayload, type Migration, type Payload } from 'payload'

import { migrations } from '../../cms/migrations/index.ts'

let instance: Promise<Payload> | undefined

/**
 * The Payload instance of this test file, on its throw-away database (see isolatedDatabase.ts),
 * with the committed migrations applied, so tests also prove the migrations match the config.
 */
export function testPayload(): Promise<Payload> {
  instance ??= getPayload({ config }).then(async (payload) => {
    if (payload.db.name === 'sqlite') await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
    return payload
  })
  return instance
}
