import path from 'node:path'

import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

export default defineConfig({
  resolve: {
    alias: { '@payload-config': path.join(root, 'cms', 'payload.config.ts') },
  },
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['test/int/**/*.test.ts'],
          setupFiles: ['test/helpers/isolatedDatabase.ts'],
          // The publish job writes its snapshot in the test's own process: a child's start (several
          // seconds) in every test that runs the queue would be slow. test/int/publishProcess.test.ts
          // runs the job's default, the child process, end to end.
          env: { PANTAU_PUBLISH_IN_PROCESS: 'true' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Benchmarks only (`npm run bench`): the other projects match no *.bench.ts, so a bench run
        // neither starts the e2e servers nor runs tests. Each bench file gets its own throw-away
        // database, as an integration test does.
        extends: true,
        test: {
          name: 'bench',
          include: [],
          setupFiles: ['test/helpers/isolatedDatabase.ts'],
          testTimeout: 900_000,
          hookTimeout: 300_000,
          benchmark: { include: ['test/bench/**/*.bench.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 900_000,
        },
      },
    ],
    benchmark: { include: [] },
  },
})
