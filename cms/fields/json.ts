/**
 * The admin component for a read-only JSON field (cms/components/JsonView): indented text. Payload's
 * own JSON field loads its editor from a public CDN, which an installation without internet access
 * cannot reach.
 */
export const JSON_VIEW = '/components/JsonView/index.tsx#JsonView'
