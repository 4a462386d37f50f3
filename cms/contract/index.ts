/**
 * The snapshot contract: the one part of cms/ that the public site imports. It describes what the
 * CMS publishes (the snapshot's tables, their schemas and CSV columns, the data package) and the
 * closed lists, scale and labels both halves show. It is pure: it imports only zod and its own
 * modules, never Payload, Astro or the rest of cms/, so the site can be built without the CMS.
 */
export * from './datapackage.ts'
export * from './method.ts'
export * from './options.ts'
export * from './records.ts'
export * from './reportStatus.ts'
export * from './siteBuild.ts'
export * from './tables.ts'
export * from './units.ts'
