import { feedResponse } from '../../lib/feed.ts'

export const GET = () => feedResponse('en')
