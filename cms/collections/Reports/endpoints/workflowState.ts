import { headersWithCors, type PayloadHandler } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'
import type { ID } from '../../../domain/ids.ts'
import { refusal } from '../../../endpoints/responses.ts'
import { workflowState } from '../../../workflow/state.ts'

/**
 * `GET /api/reports/:id/workflow`: for the person asking, the report's state, its city's deadline
 * in local time, and every move they may make now with what still stands in its way: the
 * checklist the admin views show before a button acts. The same guards refuse the move on the
 * server, so the list and the refusal cannot disagree. 404 for anyone who may not read the report.
 */
export const workflowStateHandler: PayloadHandler = async (req) => {
  const report = await req.payload.findByID({
    collection: COLLECTIONS.reports,
    id: req.routeParams?.id as ID,
    depth: 0,
    overrideAccess: false,
    disableErrors: true,
    user: req.user,
    req,
  })
  if (!report) return refusal(req, 404, { id: 'Laporan tidak ditemukan', en: 'Report not found' })
  return Response.json(await workflowState(req, report), { headers: headersWithCors({ headers: new Headers(), req }) })
}
