'use client'

import { FieldDescription, FieldLabel, useField } from '@payloadcms/ui'
import { mergeFieldStyles } from '@payloadcms/ui/shared'
import type { JSONFieldClientComponent } from 'payload'

/**
 * A read-only JSON field shown as indented text. Payload's JSON field is an editor it loads from a
 * public CDN, which an installation without internet access (or with a strict Content-Security-
 * Policy) cannot reach: the field stayed an empty grey box. What is only read needs no editor.
 */
export const JsonView: JSONFieldClientComponent = ({ field, path }) => {
  const fieldPath = path ?? field.name
  const { value } = useField<unknown>({ path: fieldPath })
  const empty = value === undefined || value === null || (Array.isArray(value) && value.length === 0)
  return (
    <div className="field-type json-field read-only" style={mergeFieldStyles(field)} data-json-view={fieldPath}>
      <FieldLabel label={field.label} path={fieldPath} />
      <pre
        style={{
          margin: 0,
          padding: 'calc(var(--base) * 0.5)',
          maxHeight: '24rem',
          overflow: 'auto',
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          background: 'var(--theme-elevation-50)',
          border: '1px solid var(--theme-elevation-150)',
          borderRadius: 'var(--style-radius-s)',
          fontSize: '0.85rem',
        }}
      >
        {empty ? '—' : JSON.stringify(value, null, 2)}
      </pre>
      <FieldDescription description={field.admin?.description} path={fieldPath} />
    </div>
  )
}
