import { type CollectionSlug, type PayloadRequest, ValidationError } from 'payload'

import { langOf, type Problem, problemMessage } from '../domain/problems.ts'
import { fieldLabel } from './fieldLabel.ts'

/** A problem in the words of the person making the request (their admin language). */
export const messageFor = (req: PayloadRequest, item: Problem): string => problemMessage(item, langOf(req?.i18n?.language))

/**
 * A refusal carrying its problems as data. It is Payload's own ValidationError, so the admin's
 * default form marks the fields it names and the REST answer keeps its usual shape; its summary
 * ("Isian berikut tidak valid: Penugasan asesor 2 > Asesor") and each field's message are in the
 * person's admin language, naming fields in words. Beside them the answer's `data.problems` holds
 * each problem's code, question, evidence and figures, which Pantau's own views render from one
 * catalogue.
 */
export class ProblemsError extends ValidationError {
  readonly problems: Problem[]

  constructor(collection: CollectionSlug, problems: Problem[], req: PayloadRequest, pathOf: (problem: Problem) => string) {
    super(
      {
        collection,
        errors: problems.map((item) => ({ path: pathOf(item), label: fieldLabel(req, collection, pathOf(item)), message: messageFor(req, item) })),
        req,
      },
      req?.t,
    )
    this.problems = problems
    ;(this.data as typeof this.data & { problems: Problem[] }).problems = problems
  }
}

/** A refusal of fields, each with its own problem: `[path, problem]` pairs. */
export const fieldProblems = (collection: CollectionSlug, req: PayloadRequest, entries: [string, Problem][]): ProblemsError => {
  const paths = new Map(entries.map(([path, item]) => [item, path]))
  return new ProblemsError(collection, entries.map(([, item]) => item), req, (item) => paths.get(item) ?? '')
}
