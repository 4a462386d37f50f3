import type { APIRoute } from 'astro'

import { openDataFile, openDataPaths } from '../../lib/openDataFiles.ts'

/** Each JSON file of the snapshot, byte for byte, at a stable address (`/data/programs.json`). */
export const getStaticPaths = () => openDataPaths('json')

export const GET: APIRoute = ({ params }) => openDataFile(`${params.file}.json`)
