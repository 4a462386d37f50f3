import type { PayloadRequest } from 'payload'

/**
 * Runs `work` with extra `req.context` flags and puts the context back afterwards. The Local API
 * merges a call's `context` into the request it is given and keeps it there, so a flag meant for
 * one nested call would otherwise stay set for the rest of the outer operation.
 */
export async function withContext<T>(req: PayloadRequest, extra: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
  const saved = req.context
  req.context = { ...saved, ...extra }
  try {
    return await work()
  } finally {
    req.context = saved
  }
}
