import { getTranslation } from '@payloadcms/translations'
import type { CollectionSlug, FlattenedField, PayloadRequest } from 'payload'

/**
 * The words a person reads for the field at `path` of `collection`, in their admin language, the way
 * Payload names its own invalid fields: "Penugasan asesor 2 > Asesor" for `assignments.1.assessor`.
 * A refusal then names the field in words, never by its path. Unknown segments stay as they are.
 */
export function fieldLabel(req: PayloadRequest, collection: CollectionSlug, path: string): string {
  let fields: FlattenedField[] | undefined = req.payload.collections[collection]?.config.flattenedFields
  const parts: string[] = []
  for (const segment of path.split('.')) {
    if (/^\d+$/.test(segment) && parts.length > 0) {
      parts[parts.length - 1] = `${parts[parts.length - 1]} ${Number(segment) + 1}`
      continue
    }
    const field: FlattenedField | undefined = fields?.find((candidate) => candidate.name === segment)
    if (!field) {
      parts.push(segment)
      fields = undefined
      continue
    }
    const label = 'label' in field && field.label ? field.label : field.name
    const words = typeof label === 'string' || (typeof label === 'object' && label !== null) ? getTranslation(label as Record<string, string> | string, req.i18n) : field.name
    parts.push(String(words))
    fields = 'flattenedFields' in field ? (field.flattenedFields as FlattenedField[]) : undefined
  }
  return parts.join(' > ')
}
