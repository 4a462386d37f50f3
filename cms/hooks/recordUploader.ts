import type { CollectionBeforeChangeHook } from 'payload'

/** Remembers who uploaded a file, so a council member can later manage only their own uploads. */
export const recordUploader: CollectionBeforeChangeHook = ({ data, req, operation }) => {
  if (operation === 'create' && req.user && !data.uploadedBy) data.uploadedBy = req.user.id
  return data
}
