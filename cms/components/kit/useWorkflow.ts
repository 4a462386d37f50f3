'use client'

import { useCallback, useState } from 'react'

import type { WorkflowState } from '../../workflow/state.ts'
import { callApi } from './api.ts'

/**
 * The report's workflow state for the signed-in person, as the server judges it: the deadline and
 * each move's checklist. Starts from what the page was rendered with; `refresh` asks again after a
 * save changed what the guards see.
 */
export function useWorkflow(apiRoute: string, reportId: unknown, initial: WorkflowState) {
  const [state, setState] = useState(initial)
  const refresh = useCallback(async () => {
    const result = await callApi<WorkflowState>(`${apiRoute}/reports/${String(reportId)}/workflow`, { method: 'GET' })
    if (result.ok) setState(result.body)
  }, [apiRoute, reportId])
  const moveTo = (move: string) => state.moves.find((option) => option.move === move) ?? null
  return { state, refresh, moveTo }
}
