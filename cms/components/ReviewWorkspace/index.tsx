import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'

import type { ID } from '../../domain/ids.ts'
import { loadWorkspaceData } from './loadWorkspaceData.ts'
import { ReviewWorkspaceClient } from './ReviewWorkspaceClient.tsx'

/**
 * "Tinjau": an assessor's review of one report, beside the council's answers and evidence. Loads
 * everything as the signed-in person (their access decides what they see); the client part saves
 * through the REST API, where every rule of the review round is enforced.
 */
export async function ReviewWorkspace({ doc, initPageResult }: DocumentViewServerProps) {
  const data = await loadWorkspaceData(initPageResult.req, doc.id as ID)
  return (
    <Gutter>
      <ReviewWorkspaceClient data={data} />
    </Gutter>
  )
}
