import type { NumberFieldSingleValidation } from 'payload'

import { idOf } from '../../../access/predicates.ts'
import { COLLECTIONS } from '../../../constants.ts'

/** An indicator's target year cannot come before the start year of its programme. */
export const validateTargetYear: NumberFieldSingleValidation = async (value, { data, req }) => {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return 'Tahun target wajib diisi sebagai tahun, mis. 2025 / The target year must be a year, e.g. 2025'
  }
  const programId = idOf((data as { program?: number | string | { id: number | string } })?.program)
  if (programId === undefined) return true
  const program = await req.payload.findByID({
    collection: COLLECTIONS.programs,
    id: programId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (program && value < program.startYear) {
    return `Tahun target ${value} sebelum tahun mulai program (${program.startYear}) / Target year ${value} is before the programme's start year (${program.startYear})`
  }
  return true
}
