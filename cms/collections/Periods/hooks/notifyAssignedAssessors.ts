import type { CollectionAfterChangeHook } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'
import { submissionDeadline } from '../../../domain/deadlines.ts'
import { type ID, idOf, idText, type Ref } from '../../../domain/ids.ts'
import { asSystem } from '../../../server/asSystem.ts'
import { notify, people } from '../../../server/notices.ts'

type Assignment = { city?: unknown; assessor?: unknown; lead?: boolean | null }

const rows = (value: unknown): Assignment[] => (Array.isArray(value) ? value : [])
const keyOf = (row: Assignment) => `${idText(row.city as Ref)}:${idText(row.assessor as Ref)}`

/**
 * Tells each assessor newly assigned to a city of a period (as lead or member), with the city's
 * deadline in its own time. Saving the period again tells nobody twice: only rows that were not
 * there before count, and each notice's key names the period, city and assessor.
 */
export const notifyAssignedAssessors: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const before = new Set(operation === 'update' ? rows(previousDoc?.assignments).map(keyOf) : [])
  const added = rows(doc.assignments).filter((row) => !before.has(keyOf(row)))
  if (added.length === 0) return doc
  const cityIds = [...new Set(added.map((row) => idOf(row.city as Ref)).filter((id): id is ID => id !== undefined))]
  const cities = await asSystem(req, 'an assignment notice names the city').find(
    COLLECTIONS.cities,
    { id: { in: cityIds } },
    { select: { name: true, regionCode: true, province: true } },
  )
  for (const row of added) {
    const city = cities.find((candidate) => idText(candidate.id) === idText(row.city as Ref))
    const assessor = idOf(row.assessor as Ref)
    if (!city || assessor === undefined) continue
    await notify(
      req,
      await people(req, [assessor]),
      'assigned',
      { cityName: city.name, periodTitle: String(doc.title ?? ''), at: new Date(), deadline: submissionDeadline(doc, city), lead: Boolean(row.lead) },
      { key: `assigned:${String(doc.id)}:${keyOf(row)}`, link: null },
    )
  }
  return doc
}
