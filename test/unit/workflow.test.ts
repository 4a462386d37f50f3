import { describe, expect, it } from 'vitest'

import { REPORT_STATUS as S, ROLES as R } from '../../cms/constants.ts'
import { canTransition } from '../../cms/domain/workflow.ts'

describe('canTransition', () => {
  it.each([
    [R.council, S.draft, S.submitted],
    [R.council, S.revisionRequested, S.submitted],
    [R.assessor, S.submitted, S.inReview],
    [R.assessor, S.inReview, S.revisionRequested],
    [R.assessor, S.inReview, S.accepted],
    [R.secretariat, S.accepted, S.revisionRequested],
    [R.council, S.draft, S.draft],
  ])('lets a %s move a report from %s to %s', (role, from, to) => {
    expect(canTransition(role, from, to)).toBe(true)
  })

  it.each([
    [R.council, S.draft, S.accepted],
    [R.council, S.submitted, S.draft],
    [R.council, S.inReview, S.revisionRequested],
    [R.assessor, S.draft, S.submitted],
    [R.assessor, S.accepted, S.revisionRequested],
    [R.secretariat, S.draft, S.submitted],
    [null, S.draft, S.submitted],
  ])('refuses a %s moving a report from %s to %s', (role, from, to) => {
    expect(canTransition(role, from, to)).toBe(false)
  })
})
