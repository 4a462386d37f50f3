import type { PayloadRequest } from 'payload'

import type { TimeZoneName } from '../domain/deadlines.ts'
import { type MoveOption, movesFor } from '../domain/workflow.ts'
import { loadWorkflowFacts, type ReportState } from './facts.ts'

/** What a person's admin view needs to know of a report's workflow: plain JSON. */
export type WorkflowState = {
  status: string
  /** The server's clock when the state was read. */
  now: string
  deadline: { at: string; zone: TimeZoneName; extended: boolean } | null
  /** The moves the person may make now, each with what still stands in its way. */
  moves: MoveOption[]
}

/**
 * The workflow state of `report` for the person of `req`: the deadline in the city's own time and
 * the checklist of every move open to them, from the same guards that refuse a move on the server.
 */
export async function workflowState(req: PayloadRequest, report: ReportState, now = new Date()): Promise<WorkflowState> {
  const facts = await loadWorkflowFacts(req, report, now)
  return {
    status: facts.status,
    now: now.toISOString(),
    deadline: facts.deadline ? { at: facts.deadline.at.toISOString(), zone: facts.deadline.zone, extended: facts.deadline.extended } : null,
    moves: movesFor(facts),
  }
}
