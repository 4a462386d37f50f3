import type { CollectionAfterChangeHook } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'
import { canonicalJson } from '../../../domain/auditChain.ts'
import { withContext } from '../../../server/requestContext.ts'
import { idOf, type ID, type Ref } from '../../../domain/ids.ts'
import { asSystem } from '../../../server/asSystem.ts'

/** `req.context` key set while the reviews of one report are being rescored, so they do not rescore each other again. */
export const RESCORING = 'pantauRescoringReport'

const inputsOf = (doc: Record<string, unknown> | undefined) =>
  canonicalJson({ scores: doc?.scores ?? [], resolutions: doc?.resolutions ?? [], assessor: idOf(doc?.assessor as Ref) ?? null })

/**
 * Every review stores the report's combined scores, so a change to one assessor's scores (or to the
 * lead's explanations) changes the others' stored results too: they are saved again and recompute.
 */
export const refreshReportScores: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (req.context?.[RESCORING]) return doc
  if (operation === 'update' && inputsOf(doc) === inputsOf(previousDoc)) return doc
  await rescoreReport(req, idOf(doc.report as Ref), doc.id)
  return doc
}

/** Saves every review of `reportId` (but `except`) again, which recomputes their stored results. */
export async function rescoreReport(
  req: Parameters<CollectionAfterChangeHook>[0]['req'],
  reportId: ID | undefined,
  except?: ID,
  data: (review: { id: ID; assessor?: unknown }) => Record<string, unknown> = () => ({}),
): Promise<void> {
  if (reportId === undefined) return
  const docs = await asSystem(req, "every assessor's review holds the report's combined scores").find(
    COLLECTIONS.reviews,
    { report: { equals: reportId } },
    { select: { assessor: true } },
  )
  await withContext(req, { [RESCORING]: true }, async () => {
    for (const review of docs) {
      if (except !== undefined && String(review.id) === String(except)) continue
      await req.payload.update({
        collection: COLLECTIONS.reviews,
        id: review.id,
        data: data(review),
        depth: 0,
        overrideAccess: true,
        req,
      })
    }
  })
}
