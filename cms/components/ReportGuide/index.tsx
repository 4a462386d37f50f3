import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'

import type { ID } from '../../domain/ids.ts'
import { loadGuideData } from './loadGuideData.ts'
import { ReportGuideClient } from './ReportGuideClient.tsx'

/**
 * "Isi laporan": the guided view of a report. Loads everything as the signed-in person (their own
 * access decides what they see) and hands plain data to the client part, which does the filling in.
 */
export async function ReportGuide({ doc, initPageResult }: DocumentViewServerProps) {
  const data = await loadGuideData(initPageResult.req, doc.id as ID)
  return (
    <Gutter>
      <ReportGuideClient data={data} />
    </Gutter>
  )
}
