import type { PayloadHandler } from 'payload'

import { type AccessUser, hasRole } from '../../../access/predicates.ts'
import { COLLECTIONS } from '../../../constants.ts'
import { instrumentToTables, toPortable } from '../../../domain/instrumentSheet.ts'
import { CONTENT_TYPES, writeWorkbook } from '../../../infra/instrumentWorkbook.ts'
import { slugify } from '../../../domain/slugify.ts'
import { instrumentPillars } from './instrumentPillars.ts'
import { refusal } from '../../../endpoints/responses.ts'
import { problem } from '../../../domain/problems.ts'
import { idOf } from '../../../domain/ids.ts'

const FORMATS = ['xlsx', 'csv', 'json'] as const
type ExportFormat = (typeof FORMATS)[number]

/**
 * `GET /api/instruments/:id/export?format=xlsx|csv|json` (xlsx when left out): the instrument in
 * both languages as a download, for any signed-in member of the programme who may read it.
 */
export const exportInstrument: PayloadHandler = async (req) => {
  if (!hasRole(req.user as AccessUser)) {
    return refusal(req, 403, problem('auth.staffOnly'))
  }
  const format = String(req.query?.format ?? 'xlsx').toLowerCase() as ExportFormat
  if (!FORMATS.includes(format)) {
    return refusal(req, 400, problem('instrument.exportFormat', { params: { format } }))
  }
  const doc = await req.payload.findByID({
    collection: COLLECTIONS.instruments,
    id: req.routeParams?.id as number | string,
    depth: 0,
    locale: 'all',
    user: req.user,
    overrideAccess: false,
    req,
  })
  const { slugOf } = await instrumentPillars(req)
  const instrument = toPortable(doc, (value) => slugOf.get(String(idOf(value as number))))
  const body =
    format === 'json'
      ? Buffer.from(`${JSON.stringify(instrument, null, 2)}\n`)
      : await writeWorkbook(instrumentToTables(instrument), format)
  const filename = `${slugify(instrument.title.id ?? '') || 'instrumen'}-v${instrument.version}.${format}`
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="${filename}"`,
    },
  })
}
