import config from '@payload-config'
import { getPayload, type Migration, type Payload } from 'payload'

import { migrations as mongoMigrations } from '../../cms/migrations-mongodb/index.ts'
import { migrations as sqliteMigrations } from '../../cms/migrations/index.ts'

let instance: Promise<Payload> | undefined

/**
 * The Payload instance of this test file, on its throw-away database (see isolatedDatabase.ts),
 * with the committed migrations of its engine applied, as a production start applies them, so
 * tests also prove the migrations match the config.
 */
export function testPayload(): Promise<Payload> {
  instance ??= getPayload({ config }).then(async (payload) => {
    const migrations = payload.db.name === 'sqlite' ? sqliteMigrations : mongoMigrations
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
    return payload
  })
  return instance
}

/** This file's Payload instance if a test started one, without starting it. */
export function startedTestPayload(): Promise<Payload> | undefined {
  return instance
}
