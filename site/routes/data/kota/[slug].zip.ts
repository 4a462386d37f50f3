import type { APIRoute } from 'astro'

import { cityDownload, cityDownloadPaths } from '../../../lib/openDataFiles.ts'

/** One city's open data: its rows of every table as CSV, with names, in one ZIP (`/data/kota/kota-ambon.zip`). */
export const getStaticPaths = () => cityDownloadPaths()

export const GET: APIRoute = ({ params }) => cityDownload(params.slug)
