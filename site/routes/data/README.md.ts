import type { APIRoute } from 'astro'

import { openDataReadme } from '../../lib/openDataFiles.ts'

/** The open-data package's README, for a person opening the files by hand. */
export const GET: APIRoute = () => openDataReadme()
