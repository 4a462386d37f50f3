/**
 * The few tests that depend on the database engine ask here. `npm run test:mongo` runs the suite on
 * CongoDB, an emulator of MongoDB's wire protocol, and sets PANTAU_TEST_MONGO_EMULATOR; a test that
 * needs MongoDB behaviour the emulator lacks is skipped there, saying why, and still runs on SQLite
 * and on a real MongoDB (`DATABASE_URI=mongodb://... npm run test:int`).
 */
import type { TestContext } from 'vitest'

export const onMongoEmulator = Boolean(process.env.PANTAU_TEST_MONGO_EMULATOR)

/** Whether this run's database is MongoDB (emulated or real), whose ids are 24 hexadecimal digits. */
export const onMongo = /^mongodb(\+srv)?:\/\//.test(process.env.DATABASE_URI ?? '')

/** A well-formed id of this run's engine that names no document. */
export const MISSING_ID = onMongo ? '0000000000000000000000ff' : '999999'

/** What the emulator does not do that a real MongoDB does (listed in the README). */
export const EMULATOR_GAPS = {
  uniqueIndexes: 'does not enforce unique indexes',
} as const

/** Skips the running test on the emulator, with the missing behaviour as the skip note. */
export function needsRealMongo(context: TestContext, gap: (typeof EMULATOR_GAPS)[keyof typeof EMULATOR_GAPS]): void {
  context.skip(onMongoEmulator, `needs a real MongoDB: the emulator ${gap}`)
}
