/**
 * What this build renders (cms/contract/siteBuild.ts): every page, or a partial build's, as the
 * environment says, or as the publish job's message says once the snapshot is written when the job
 * started the build early (`PANTAU_SITE_SCOPE=message`). Astro's config and the pages' bundle are two
 * copies of this module in one process; the one wait for the message is kept on `globalThis`, where
 * both find it.
 */
import {
  isSiteScopeMessage,
  partialOfMessage,
  type PartialSiteBuild,
  partialSiteBuild,
  SCOPE_BY_MESSAGE,
  SCOPE_WANTED,
  SITE_SCOPE_ENV,
} from '../../cms/contract/index.ts'

const WAITING = Symbol.for('pantau.site-build.scope')

type Registry = { [WAITING]?: Promise<PartialSiteBuild | null> }

/** The scope of this build; with `PANTAU_SITE_SCOPE=message`, once the job has sent it. */
export function siteBuildScope(env: Record<string, string | undefined> = process.env): Promise<PartialSiteBuild | null> {
  if (env[SITE_SCOPE_ENV] !== SCOPE_BY_MESSAGE) return Promise.resolve(partialSiteBuild(env))
  const registry = globalThis as Registry
  registry[WAITING] ??= new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error(`${SITE_SCOPE_ENV}=${SCOPE_BY_MESSAGE}: no channel to the publish job (started by hand?)`))
      return
    }
    const listen = (message: unknown) => {
      if (!isSiteScopeMessage(message)) return
      process.off('message', listen)
      // The one message there is: the channel would otherwise keep the build's process up.
      process.disconnect?.()
      resolve(partialOfMessage(message))
    }
    process.on('message', listen)
    // The job stopped (the CMS with it) before it sent the scope: nothing to build.
    process.once('disconnect', () => reject(new Error('The publish job ended before it sent the scope of this build')))
    process.send(SCOPE_WANTED)
  })
  return registry[WAITING]
}
