import type { Access, PayloadRequest, Where } from 'payload'

import { assignedRounds, inCities, movesToForeignCity, readCityRecords, userOf } from '../../access/rules.ts'
import { cityIdsOf, isAssessor, isCouncil, isCouncilOfCity } from '../../access/predicates.ts'
import { COLLECTIONS, REPORT_EDITABLE_BY_COUNCIL } from '../../constants.ts'
import { type ID, idOf, type Ref } from '../../domain/ids.ts'
import { asSystem } from '../../server/asSystem.ts'

/**
 * Who may read, upload, change and delete the files of the evidence library (bukti dukung). A file
 * belongs to a city; which questions of which reports it supports is said by its uses
 * (`evidence-uses`, see ../EvidenceUses/), so what an assessor may read and what a council may no
 * longer change both follow from the uses.
 */

const assessorFiles = new WeakMap<PayloadRequest, Promise<Where | false>>()

/**
 * The files an assessor may open: those used in a report of a city and period it is assigned to,
 * looked up once per request.
 */
function filesOfAssignedRounds(req: PayloadRequest): Promise<Where | false> {
  let pending = assessorFiles.get(req)
  if (!pending) {
    pending = assignedRounds(req, 'city', 'period').then(async (rounds) => {
      if (!rounds) return false
      const uses = await asSystem(req, 'an assessor reads the files its assigned reports use, not the uses of other rounds').find(
        COLLECTIONS.evidenceUses,
        rounds,
        { select: { evidence: true } },
      )
      const ids = [...new Map(uses.map((use) => [String(idOf(use.evidence as Ref)), idOf(use.evidence as Ref) as ID])).values()]
      return ids.length > 0 ? { id: { in: ids } } : false
    })
    assessorFiles.set(req, pending)
  }
  return pending
}

const lockedFiles = new WeakMap<PayloadRequest, Promise<ID[]>>()

/**
 * The files of a council's cities that a submitted, reviewed or accepted report uses: they are what
 * the assessors judge (or judged), so they stay as they were. Looked up once per request.
 */
function filesOfLockedReports(req: PayloadRequest, cities: ID[]): Promise<ID[]> {
  let pending = lockedFiles.get(req)
  if (!pending) {
    const system = asSystem(req, 'a file stays locked by every report using it, whoever may read those reports')
    pending = system
      .find(COLLECTIONS.reports, { and: [{ city: { in: cities } }, { status: { not_in: REPORT_EDITABLE_BY_COUNCIL } }] }, { select: { status: true } })
      .then(async (reports) => {
        if (reports.length === 0) return []
        const uses = await system.find(COLLECTIONS.evidenceUses, { report: { in: reports.map((report) => report.id) } }, { select: { evidence: true } })
        return [...new Map(uses.map((use) => [String(idOf(use.evidence as Ref)), idOf(use.evidence as Ref) as ID])).values()]
      })
    lockedFiles.set(req, pending)
  }
  return pending
}

/** A council's own files that no locked report uses: the ones it may still change or delete. */
async function councilMayChange(req: PayloadRequest): Promise<Where | false> {
  const cities = cityIdsOf(userOf(req))
  const mine = inCities('city', cities)
  if (!mine) return false
  const locked = await filesOfLockedReports(req, cities)
  return locked.length === 0 ? mine : { and: [mine, { id: { not_in: locked } }] }
}

/**
 * The secretariat reads every file, a council its cities' library, an assessor the files used by the
 * reports it is assigned to (city and period), the public only files marked public.
 */
const readCityEvidence = readCityRecords('city', { isPublic: { equals: true } })
export const readEvidence: Access = async (args) => {
  if (isAssessor(userOf(args.req))) return filesOfAssignedRounds(args.req)
  return readCityEvidence(args)
}

/** A council uploads files for its own cities; which report a file supports is a use of it. */
export const createEvidence: Access = ({ req, data }) => {
  const user = userOf(req)
  if (!isCouncil(user)) return false
  // The admin asks before a city is chosen (an empty form); the city is required, so a save without
  // one is refused by validation, and a save with one is checked here.
  if (data?.city === undefined || data.city === null) return true
  return isCouncilOfCity(user, data.city as Ref)
}

/**
 * A council changes (describes, replaces) its own files while no submitted report uses them, and
 * never hands one to another city. Assessors judge uses, never files; nobody else changes them.
 */
export const updateEvidence: Access = async ({ req, data }) => {
  const user = userOf(req)
  if (!isCouncil(user)) return false
  if (movesToForeignCity(user, 'city', data)) return false
  return councilMayChange(req)
}

/** A council deletes its own files while no submitted report uses them; their uses go with them. */
export const deleteEvidence: Access = async ({ req }) => {
  if (!isCouncil(userOf(req))) return false
  return councilMayChange(req)
}
