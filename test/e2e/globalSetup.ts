/**
 * Brings the whole system up exactly as `npm start` does (test/helpers/system.ts) on the ports
 * E2E_PORT / E2E_SITE_PORT, hands its addresses to the browser tests and stops it afterwards.
 */
import type { TestProject } from 'vitest/node'

import { startSystem } from '../helpers/system.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    adminURL: string
    siteURL: string
  }
}

export default async function setup(project: TestProject) {
  const system = await startSystem({
    port: Number(process.env.E2E_PORT || 3210),
    sitePort: Number(process.env.E2E_SITE_PORT || 4510),
    databaseURI: process.env.E2E_DATABASE_URI,
  })
  project.provide('adminURL', system.adminURL)
  project.provide('siteURL', system.siteURL)
  return system.stop
}
