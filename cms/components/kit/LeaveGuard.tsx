'use client'

import { Form, LeaveWithoutSaving, useForm } from '@payloadcms/ui'
import { useEffect } from 'react'

/** Tells Payload's form state whether there is something unsaved; it renders nothing. */
function Modified({ unsaved }: { unsaved: boolean }) {
  const { setModified } = useForm()
  useEffect(() => {
    setModified(unsaved)
  }, [setModified, unsaved])
  return null
}

/**
 * Asks before a screen with changes not yet saved is left: Payload's own "leave without saving"
 * dialog for its links, tabs and menu, the browser's for a reload or a closed tab. For screens that
 * keep their state themselves (not in a Payload form); the form here holds only the modified flag
 * the dialog reads.
 */
export function LeaveGuard({ unsaved }: { unsaved: boolean }) {
  return (
    <Form el="div">
      <Modified unsaved={unsaved} />
      <LeaveWithoutSaving />
    </Form>
  )
}
