import { type CollectionSlug, type PayloadRequest, ValidationError } from 'payload'

import { langOf, type Problem, problemMessage } from '../domain/problems.ts'

/**
 * A refusal carrying its problems as data. It is Payload's own ValidationError, so the admin's
 * default form marks the fields it names and the REST answer keeps its usual shape; beside the
 * field messages (in the person's admin language) the answer's `data.problems` holds each problem's
 * code, question, evidence and figures, which Pantau's own views render from one catalogue.
 */
export class ProblemsError extends ValidationError {
  readonly problems: Problem[]

  constructor(collection: CollectionSlug, problems: Problem[], req: PayloadRequest, pathOf: (problem: Problem) => string) {
    const lang = langOf(req.i18n?.language)
    super({ collection, errors: problems.map((item) => ({ path: pathOf(item), message: problemMessage(item, lang) })), req })
    this.problems = problems
    ;(this.data as typeof this.data & { problems: Problem[] }).problems = problems
  }
}
