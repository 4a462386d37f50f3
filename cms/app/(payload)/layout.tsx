/* Route files of the Payload admin, in the shape Payload generates for a Next.js app. */
import config from '@payload-config'
import '@payloadcms/next/css'
import { handleServerFunctions, RootLayout } from '@payloadcms/next/layouts'
import { buildFormStateHandler } from '@payloadcms/ui/utilities/buildFormState'
import type { ServerFunction, ServerFunctionClient } from 'payload'
import type React from 'react'

import { type FormStateLocking, lockOnlyWhatTheyMayChange } from '../../server/formStateLocks.ts'
import { importMap } from './admin/importMap.js'
import './custom.scss'

type Args = {
  children: React.ReactNode
}

/** Payload's form state, locking a document only for someone who may change it (cms/server/formStateLocks.ts). */
const formState: ServerFunction = async (args) =>
  buildFormStateHandler((await lockOnlyWhatTheyMayChange(args as unknown as FormStateLocking)) as unknown as Parameters<typeof buildFormStateHandler>[0])

const serverFunction: ServerFunctionClient = async function (args) {
  'use server'
  return handleServerFunctions({
    ...args,
    config,
    importMap,
    serverFunctions: { 'form-state': formState },
  })
}

const Layout = ({ children }: Args) => (
  <RootLayout config={config} importMap={importMap} serverFunction={serverFunction}>
    {children}
  </RootLayout>
)

export default Layout
