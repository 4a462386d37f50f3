import { describe, expect, it } from 'vitest'

import { REPORT_STATUS as S, ROLES as R, type ReportStatus } from '../../cms/constants.ts'
import type { SubmissionInstrument } from '../../cms/domain/submission.ts'
import { type Actor, checkMove, MOVES, movesFor, type WorkflowFacts } from '../../cms/domain/workflow.ts'

const council: Actor = { role: R.council, councilOfCity: true, assigned: false, lead: false }
const otherCouncil: Actor = { role: R.council, councilOfCity: false, assigned: false, lead: false }
const lead: Actor = { role: R.assessor, councilOfCity: false, assigned: true, lead: true }
const member: Actor = { role: R.assessor, councilOfCity: false, assigned: true, lead: false }
const stranger: Actor = { role: R.assessor, councilOfCity: false, assigned: false, lead: false }
const secretariat: Actor = { role: R.secretariat, councilOfCity: false, assigned: false, lead: false }

const instrument: SubmissionInstrument = {
  sections: [
    {
      questions: [
        { key: 'Q1', type: 'maturity', evidence: 'required' },
        { key: 'Q2', type: 'maturity', evidence: 'none' },
        { key: 'Q3', type: 'text', evidence: 'none', condition: { question: 'Q2', equals: '5' } },
      ],
    },
  ],
}

/** A report answered in full, one file accepted, two completed reviews scoring everything, the lead's recommendation written. */
function complete(status: ReportStatus, actor: Actor, overrides: Partial<WorkflowFacts> = {}): WorkflowFacts {
  return {
    status,
    actor,
    now: new Date('2023-07-20T00:00:00.000Z'),
    deadline: { at: new Date('2023-07-31T14:59:59.999Z'), zone: 'WIT', extended: false },
    instrument,
    answers: [
      { question: 'Q1', value: 4 },
      { question: 'Q2', value: 3 },
    ],
    evidence: [{ id: 1, use: 100, filename: 'sk.pdf', question: 'Q1', verdict: 'accepted', leadReason: null }],
    assigned: [
      { assessor: 10, name: 'Ketua', lead: true },
      { assessor: 11, name: 'Anggota', lead: false },
    ],
    reviews: [
      { assessor: 10, assessorName: 'Ketua', lead: true, status: 'completed', scoredQuestions: ['Q1', 'Q2'], hasRecommendation: true },
      { assessor: 11, assessorName: 'Anggota', lead: false, status: 'completed', scoredQuestions: ['Q1'], hasRecommendation: false },
    ],
    disagreements: [],
    scoringProblems: [],
    ...overrides,
  }
}

const codes = (facts: WorkflowFacts, to: ReportStatus, reason?: string) => checkMove(facts, to, reason).problems.map((item) => item.code)

describe('who may make which move', () => {
  it.each([
    ['a council member of the city submits a draft', complete(S.draft, council), S.submitted, 'submit'],
    ['a council member resubmits after revision', complete(S.revisionRequested, council), S.submitted, 'submit'],
    ['an assigned assessor starts the review', complete(S.submitted, member), S.inReview, 'startReview'],
    ['an assigned assessor requests a revision, with a reason', complete(S.inReview, member), S.revisionRequested, 'requestRevision'],
    ['the secretariat requests a revision, with a reason', complete(S.submitted, secretariat), S.revisionRequested, 'requestRevision'],
    ['the lead accepts a complete report', complete(S.inReview, lead), S.accepted, 'accept'],
    ['the secretariat sends an accepted report back, with a reason', complete(S.accepted, secretariat), S.revisionRequested, 'sendBack'],
  ] as const)('allows: %s', (_label, facts, to, move) => {
    expect(checkMove(facts, to, 'Lampirkan SK terbaru')).toEqual({ move, problems: [] })
  })

  it.each([
    ['a council member of another city submitting', complete(S.draft, otherCouncil), S.submitted, 'move.notAllowed'],
    ['a council member accepting its own report', complete(S.inReview, council), S.accepted, 'move.notAllowed'],
    ['a council member taking a submitted report back', complete(S.submitted, council), S.draft, 'move.notAllowed'],
    ['an assessor submitting for the city', complete(S.draft, lead), S.submitted, 'move.notAllowed'],
    ['an unassigned assessor starting a review', complete(S.submitted, stranger), S.inReview, 'move.notAllowed'],
    ['a team member accepting', complete(S.inReview, member), S.accepted, 'move.leadOnly'],
    ['an assessor reopening an accepted report', complete(S.accepted, lead), S.revisionRequested, 'move.notAllowed'],
    ['the secretariat submitting for the city', complete(S.draft, secretariat), S.submitted, 'move.notAllowed'],
    ['anyone jumping from draft to accepted', complete(S.draft, secretariat), S.accepted, 'move.notAllowed'],
  ] as const)('refuses %s, with that problem alone', (_label, facts, to, code) => {
    expect(codes(facts, to, 'alasan')).toEqual([code])
  })

  it('lets system code make any move, checking only a submission', () => {
    expect(checkMove(complete(S.draft, null), S.accepted)).toEqual({ move: null, problems: [] })
    expect(codes(complete(S.draft, null, { answers: [] }), S.submitted)).toEqual(['answer.missing', 'answer.missing'])
  })
})

describe('submitting', () => {
  it.each([
    ['an unanswered question', { answers: [{ question: 'Q2', value: 3 }] }, ['answer.missing']],
    ['required evidence missing', { evidence: [] }, ['evidence.missing']],
    ['required evidence rejected by an assessor', { evidence: [{ id: 1, use: 100, filename: 'sk.pdf', question: 'Q1', verdict: 'rejected' }] }, ['evidence.missing']],
    ['a passed deadline', { now: new Date('2023-07-31T15:00:00.000Z') }, ['deadline.passed']],
    ['a shown follow-up left unanswered', { answers: [{ question: 'Q1', value: 4 }, { question: 'Q2', value: 5 }] }, ['answer.missing']],
  ] as const)('refuses %s', (_label, overrides, expected) => {
    expect(codes(complete(S.draft, council, overrides as unknown as Partial<WorkflowFacts>), S.submitted)).toEqual(expected)
  })

  it('names the deadline it missed, in the city’s own zone', () => {
    const [late] = checkMove(complete(S.draft, council, { now: new Date('2023-08-01T00:00:00.000Z') }), S.submitted).problems
    expect(late).toEqual({ code: 'deadline.passed', params: { at: '2023-07-31T14:59:59.999Z', zone: 'WIT' } })
  })
})

describe('accepting', () => {
  it.each([
    [
      'a review not completed',
      { reviews: [complete(S.inReview, lead).reviews[0], { ...complete(S.inReview, lead).reviews[1], status: 'in_progress' }] },
      ['accept.reviewIncomplete'],
    ],
    ['an assigned assessor without a review', { reviews: complete(S.inReview, lead).reviews.slice(0, 1) }, ['accept.reviewIncomplete']],
    ['no review at all', { reviews: [] }, ['accept.noReviews', 'accept.reviewIncomplete', 'accept.reviewIncomplete', 'accept.unscored', 'accept.unscored', 'accept.noRecommendation']],
    [
      'a shown question no assessor scored',
      { reviews: complete(S.inReview, lead).reviews.map((review) => ({ ...review, scoredQuestions: ['Q1'] })) },
      ['accept.unscored'],
    ],
    ['a file still pending', { evidence: [{ id: 1, use: 100, filename: 'sk.pdf', question: 'Q1', verdict: 'pending' }] }, ['accept.verdictPending']],
    ['a file never judged', { evidence: [{ id: 1, use: 100, filename: 'sk.pdf', question: 'Q1', verdict: null }] }, ['accept.verdictPending']],
    ['a file needing revision without the lead’s reason', { evidence: [{ id: 1, use: 100, filename: 'sk.pdf', question: 'Q1', verdict: 'needs_revision' }] }, ['accept.verdictUnexplained']],
    ['a rejected file without the lead’s reason', { evidence: [{ id: 1, use: 100, filename: 'sk.pdf', question: 'Q1', verdict: 'rejected', leadReason: '  ' }] }, ['accept.verdictUnexplained']],
    ['an unexplained disagreement', { disagreements: [{ question: 'Q2', spread: 2, resolved: false }] }, ['accept.disagreement']],
    [
      'no general recommendation',
      { reviews: complete(S.inReview, lead).reviews.map((review) => ({ ...review, hasRecommendation: false })) },
      ['accept.noRecommendation'],
    ],
  ] as const)('refuses the lead with %s', (_label, overrides, expected) => {
    expect(codes(complete(S.inReview, lead, overrides as unknown as Partial<WorkflowFacts>), S.accepted)).toEqual(expected)
  })

  it.each([
    ['a rejected file the lead accepts anyway, saying why', { evidence: [{ id: 1, use: 100, filename: 'sk.pdf', question: 'Q1', verdict: 'rejected', leadReason: 'SK lama masih berlaku' }] }],
    ['an explained disagreement', { disagreements: [{ question: 'Q2', spread: 2, resolved: true }] }],
    ['a hidden question nobody scored', { answers: [{ question: 'Q1', value: 4 }, { question: 'Q2', value: 3 }, { question: 'Q3', value: 'lama' }] }],
  ] as const)('allows the lead with %s', (_label, overrides) => {
    expect(codes(complete(S.inReview, lead, overrides as unknown as Partial<WorkflowFacts>), S.accepted)).toEqual([])
  })

  it('judges a file supporting two questions once per question', () => {
    const survey = { id: 7, filename: 'survei.pdf' }
    const facts = complete(S.inReview, lead, {
      instrument: { sections: [{ questions: [{ key: 'Q1', type: 'maturity', evidence: 'required' }, { key: 'Q2', type: 'maturity', evidence: 'required' }] }] },
      evidence: [
        { ...survey, use: 71, question: 'Q1', verdict: 'accepted' },
        { ...survey, use: 72, question: 'Q2', verdict: 'pending' },
      ],
    })
    expect(checkMove(facts, S.accepted).problems).toEqual([
      { code: 'accept.verdictPending', question: 'Q2', evidence: '7', params: { filename: 'survei.pdf' } },
    ])
  })

  it('points each problem at its question and file', () => {
    const facts = complete(S.submitted, lead, { evidence: [{ id: 5, use: 500, filename: 'foto.jpg', question: 'Q1', verdict: 'pending' }] })
    expect(checkMove(facts, S.accepted).problems).toEqual([
      { code: 'accept.verdictPending', question: 'Q1', evidence: '5', params: { filename: 'foto.jpg' } },
    ])
  })
})

describe('reasons', () => {
  it.each([
    ['a revision request', complete(S.inReview, member), S.revisionRequested],
    ['a send-back', complete(S.accepted, secretariat), S.revisionRequested],
  ] as const)('refuses %s without a reason', (_label, facts, to) => {
    expect(codes(facts, to)).toEqual(['move.reasonRequired'])
    expect(codes(facts, to, '   ')).toEqual(['move.reasonRequired'])
    expect(codes(facts, to, 'Data tahun 2022 belum dilampirkan')).toEqual([])
  })
})

describe('movesFor', () => {
  it('offers the lead review moves, each with its own checklist', () => {
    const options = movesFor(complete(S.inReview, lead, { reviews: [] }))
    expect(options.map((option) => option.move)).toEqual(['requestRevision', 'accept'])
    expect(options.find((option) => option.move === 'accept')?.problems.map((item) => item.code)).toContain('accept.noReviews')
    expect(options.find((option) => option.move === 'requestRevision')).toMatchObject({ reasonRequired: true, problems: [] })
  })

  it('tells a team member who may accept', () => {
    expect(movesFor(complete(S.submitted, member)).map((option) => [option.move, option.problems.map((item) => item.code)])).toEqual([
      ['startReview', []],
      ['requestRevision', []],
      ['accept', ['move.leadOnly']],
    ])
  })

  it('offers a council its submission with the same problems the server gives', () => {
    const facts = complete(S.draft, council, { evidence: [] })
    expect(movesFor(facts)[0].problems).toEqual(checkMove(facts, S.submitted).problems)
  })

  it('offers nothing to system code or to someone with no move from here', () => {
    expect(movesFor(complete(S.inReview, null))).toEqual([])
    expect(movesFor(complete(S.accepted, council))).toEqual([])
  })

  it('covers every state of a report with at least one way out but acceptance by the lead', () => {
    const leaving = new Set(MOVES.flatMap((rule) => rule.from))
    expect([...leaving].sort()).toEqual([S.accepted, S.draft, S.inReview, S.revisionRequested, S.submitted].sort())
  })
})
