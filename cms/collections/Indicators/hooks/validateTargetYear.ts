import type { NumberFieldSingleValidation } from 'payload'

import { COLLECTIONS } from '../../../constants.ts'
import { idOf, type Ref } from '../../../domain/ids.ts'
import { asSystem } from '../../../server/asSystem.ts'

/** An indicator's target year cannot come before the start year of its programme. */
export const validateTargetYear: NumberFieldSingleValidation = async (value, { data, req }) => {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return 'Tahun target wajib diisi sebagai tahun, mis. 2025 / The target year must be a year, e.g. 2025'
  }
  const programId = idOf((data as { program?: Ref })?.program)
  if (programId === undefined) return true
  const program = await asSystem(req, "the programme's start year bounds its indicators' targets").findByID(COLLECTIONS.programs, programId)
  if (program && value < program.startYear) {
    return `Tahun target ${value} sebelum tahun mulai program (${program.startYear}) / Target year ${value} is before the programme's start year (${program.startYear})`
  }
  return true
}
