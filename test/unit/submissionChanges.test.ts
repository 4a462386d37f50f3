import { describe, expect, it } from 'vitest'

import { diffSubmissions, type SubmissionSnapshot } from '../../cms/domain/submissionChanges.ts'

const first: SubmissionSnapshot = {
  answers: [
    { question: 'G1', value: 3, comment: 'Omnichannel berjalan' },
    { question: 'G2', value: ['phone', 'chat'] },
    { question: 'G3', value: { a: 1, b: 2 } },
    { question: 'G4', value: true },
  ],
  evidence: [
    { id: 1, question: 'G1', filename: 'sk.pdf', sha256: 'aa' },
    { id: 2, question: 'G4', filename: 'foto.jpg', sha256: 'bb' },
  ],
}

describe('diffSubmissions', () => {
  it('finds nothing to compare for a first submission', () => {
    expect(diffSubmissions(null, first)).toEqual([])
  })

  it('finds nothing when only key order, spacing of comments or file names differ', () => {
    const same: SubmissionSnapshot = {
      answers: [
        { question: 'G1', value: 3, comment: '  Omnichannel berjalan ' },
        { question: 'G2', value: ['phone', 'chat'] },
        { question: 'G3', value: { b: 2, a: 1 } },
        { question: 'G4', value: true, comment: '' },
      ],
      evidence: [
        { id: 1, question: 'G1', filename: 'sk.pdf', sha256: 'aa' },
        { id: 7, question: 'G4', filename: 'foto-lagi.jpg', sha256: 'bb' },
      ],
    }
    expect(diffSubmissions(first, same)).toEqual([])
  })

  it('lists changed, added and removed answers, comments and files per question', () => {
    const second: SubmissionSnapshot = {
      answers: [
        { question: 'G1', value: 4, comment: 'Terintegrasi' },
        { question: 'G2', value: ['phone', 'chat'] },
        { question: 'G4', value: true },
        { question: 'G5', value: 12 },
      ],
      evidence: [
        { id: 1, question: 'G1', filename: 'sk.pdf', sha256: 'aa' },
        { id: 3, question: 'G4', filename: 'foto-baru.jpg', sha256: 'cc' },
      ],
    }
    expect(diffSubmissions(first, second)).toEqual([
      {
        question: 'G1',
        kind: 'changed',
        answer: { before: 3, after: 4 },
        comment: { before: 'Omnichannel berjalan', after: 'Terintegrasi' },
        evidence: null,
      },
      {
        question: 'G4',
        kind: 'changed',
        answer: null,
        comment: null,
        evidence: { added: [second.evidence![1]], removed: [first.evidence![1]] },
      },
      { question: 'G5', kind: 'added', answer: { before: null, after: 12 }, comment: null, evidence: null },
      { question: 'G3', kind: 'removed', answer: { before: { a: 1, b: 2 }, after: null }, comment: null, evidence: null },
    ])
  })
})
