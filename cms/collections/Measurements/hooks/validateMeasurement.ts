import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { idOf } from '../../../access/predicates.ts'
import { COLLECTIONS } from '../../../constants.ts'

type Ref = number | string | { id: number | string }

/**
 * Checks a measurement against its indicator: no negative value where the indicator forbids it,
 * a month exactly when the indicator is reported monthly, and one value per indicator and period.
 */
export const validateMeasurement: CollectionBeforeValidateHook = async ({ data, originalDoc, req, operation }) => {
  if (!data) return data
  const merged = { ...(originalDoc ?? {}), ...data }
  const indicatorId = idOf(merged.indicator as Ref | undefined)
  if (indicatorId === undefined) return data
  const indicator = await req.payload.findByID({
    collection: COLLECTIONS.indicators,
    id: indicatorId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!indicator) return data

  const errors: { path: string; message: string }[] = []
  const value = merged.value
  if (typeof value === 'number' && value < 0 && !indicator.allowNegative) {
    errors.push({
      path: 'value',
      message: `Nilai tidak boleh negatif untuk indikator "${indicator.name}" / The value cannot be negative for indicator "${indicator.name}"`,
    })
  }
  const month = merged.month ?? null
  if (indicator.frequency === 'monthly' && !month) {
    errors.push({
      path: 'month',
      message: 'Indikator ini dilaporkan bulanan: isi bulannya / This indicator is reported monthly: fill in the month',
    })
  }
  if (indicator.frequency === 'yearly' && month) {
    errors.push({
      path: 'month',
      message: 'Indikator ini dilaporkan tahunan: kosongkan bulan / This indicator is reported yearly: leave the month empty',
    })
  }
  if (typeof merged.year === 'number' && errors.length === 0) {
    const clash = await req.payload.find({
      collection: COLLECTIONS.measurements,
      where: {
        and: [
          { indicator: { equals: indicatorId } },
          { year: { equals: merged.year } },
          month ? { month: { equals: month } } : { month: { exists: false } },
          ...(operation === 'update' && originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
        ],
      },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
    })
    if (clash.totalDocs > 0) {
      const when = month ? `${String(month).padStart(2, '0')}/${merged.year}` : String(merged.year)
      errors.push({
        path: month ? 'month' : 'year',
        message: `Sudah ada nilai untuk periode ${when}; ubah nilai yang ada / A value for ${when} already exists; edit that one instead`,
      })
    }
  }
  if (errors.length) throw new ValidationError({ collection: COLLECTIONS.measurements, errors })
  return data
}
