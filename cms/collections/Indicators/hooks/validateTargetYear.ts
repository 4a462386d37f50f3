import type { NumberFieldSingleValidation } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'
import { idOf, type Ref } from '../../../domain/ids.ts'
import { problem } from '../../../domain/problems.ts'
import { asSystem } from '../../../server/asSystem.ts'
import { messageFor } from '../../../server/problemsError.ts'

/** An indicator's target year cannot come before the start year of its programme. */
export const validateTargetYear: NumberFieldSingleValidation = async (value, { data, req }) => {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return messageFor(req, problem('indicator.targetYearMissing'))
  }
  const programId = idOf((data as { program?: Ref })?.program)
  if (programId === undefined) return true
  const program = await asSystem(req, "the programme's start year bounds its indicators' targets").findByID(COLLECTIONS.programs, programId)
  if (program && value < program.startYear) {
    return messageFor(req, problem('indicator.targetBeforeStart', { params: { year: value, start: program.startYear } }))
  }
  return true
}
