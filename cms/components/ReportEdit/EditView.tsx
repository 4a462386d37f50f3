import { DefaultEditView } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { DocumentViewServerProps } from 'payload'

import { type AccessUser, isAssessor } from '../../access/predicates.ts'

/**
 * The report's "Rincian laporan" tab (Payload's edit form): an assessor has nothing to change there,
 * so it goes straight to "Tinjau" wherever the link came from; everyone else gets Payload's form.
 */
export function ReportEditView(props: DocumentViewServerProps) {
  const { initPageResult, doc } = props
  const { req } = initPageResult
  if (isAssessor(req.user as AccessUser) && doc?.id !== undefined) {
    redirect(`${req.payload.config.routes.admin}/collections/reports/${String(doc.id)}/tinjau`)
  }
  // Only what Payload hands its own client-side edit view: the server-only props do not cross over.
  const {
    documentSubViewType,
    formState,
    viewType,
    BeforeDocumentControls,
    Description,
    EditMenuItems,
    LivePreview,
    PreviewButton,
    PublishButton,
    SaveButton,
    SaveDraftButton,
    Status,
    UnpublishButton,
    Upload,
    UploadControls,
  } = props
  return (
    <DefaultEditView
      {...{
        documentSubViewType,
        formState,
        viewType,
        BeforeDocumentControls,
        Description,
        EditMenuItems,
        LivePreview,
        PreviewButton,
        PublishButton,
        SaveButton,
        SaveDraftButton,
        Status,
        UnpublishButton,
        Upload,
        UploadControls,
      }}
    />
  )
}
