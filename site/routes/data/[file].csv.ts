import type { APIRoute } from 'astro'

import { openDataFile, openDataPaths } from '../../lib/openDataFiles.ts'

/** Each CSV table of the snapshot, byte for byte, at a stable address (`/data/programs.csv`). */
export const getStaticPaths = () => openDataPaths('csv')

export const GET: APIRoute = ({ params }) => openDataFile(`${params.file}.csv`)
