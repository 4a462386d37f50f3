import { describe, expect, it } from 'vitest'

import { latestReviewPerAssessor, reviewProgress, scoringInputFor, storedResults } from '../../cms/domain/reviewScores.ts'
import { computeScores } from '../../cms/domain/scoring.ts'
import { RESULTS_2022 } from '../../seed/data/evaluation2022.ts'
import { INSTRUMENT } from '../../seed/data/instrument.ts'

const instrument = {
  evaluationDimensions: [
    { key: 'output', weight: 40 },
    { key: 'outcome', weight: 60 },
  ],
  sections: [
    { evaluationDimension: 'output', dimension: 7, questions: [{ key: 'Q1', type: 'maturity' as const }] },
    { evaluationDimension: 'outcome', dimension: 8, questions: [{ key: 'Q2', type: 'maturity' as const }] },
  ],
}
const answers = [
  { question: 'Q1', value: 3 },
  { question: 'Q2', value: 3 },
]

describe('latestReviewPerAssessor', () => {
  it('keeps the review saved last of each assessor', () => {
    const reviews = [
      { id: 1, assessor: 5, updatedAt: '2023-08-01T00:00:00.000Z' },
      { id: 2, assessor: { id: 5 }, updatedAt: '2023-08-02T00:00:00.000Z' },
      { id: 3, assessor: 6, updatedAt: '2023-08-01T00:00:00.000Z' },
      { id: 4, assessor: null },
    ]
    expect(latestReviewPerAssessor(reviews).map((review) => review.id)).toEqual([2, 3])
  })
})

describe('scoringInputFor', () => {
  const reviews = [
    { assessor: 5, scores: [{ question: 'Q1', score: 4 }, { question: 'Q2', score: 2 }], resolutions: [{ question: 'Q2', explanation: 'Ketua memutuskan' }] },
    { assessor: 6, scores: [{ question: 'Q1', score: 4 }, { question: 'Q2', score: 4 }], resolutions: [{ question: 'Q1', explanation: 'Bukan ketua' }] },
  ]

  it("counts only the lead's explanations, and the lead's score then stands", () => {
    const input = scoringInputFor({ instrument, answers, reviews, lead: 5, previousIndex: null })
    expect(input.resolutions).toEqual([{ question: 'Q2', explanation: 'Ketua memutuskan' }])
    const result = computeScores(input)
    // Q2: 2 and 4 disagree; the lead (2) explained it, so 2 stands. Index = 0.4 × 4 + 0.6 × 2 = 2.8.
    expect(result.index.score).toBe(2.8)
    expect(storedResults(result)).toEqual({
      dimensionScores: [
        { key: 'output', score: 4 },
        { key: 'outcome', score: 2 },
      ],
      pillarScores: [
        { pillar: 7, score: 4 },
        { pillar: 8, score: 2 },
      ],
      overall: 2.8,
      disagreements: [
        { question: 'Q2', scores: [{ assessor: '5', score: 2 }, { assessor: '6', score: 4 }], spread: 2, resolved: true, explanation: 'Ketua memutuskan' },
      ],
    })
  })

  it('leaves a disagreement open when the lead has not explained it: the mean serves meanwhile', () => {
    const result = computeScores(scoringInputFor({ instrument, answers, reviews, lead: 6, previousIndex: null }))
    // Q2 = mean(2, 4) = 3: index = 0.4 × 4 + 0.6 × 3 = 3.4.
    expect(result.index.score).toBe(3.4)
    expect(result.disagreements).toEqual([expect.objectContaining({ question: 'Q2', resolved: false })])
  })
})

describe('storedResults', () => {
  it("keeps MongoDB's pillar IDs as text, even an ObjectId whose 24 hex digits are all decimal ones", () => {
    const mongoInstrument = {
      ...instrument,
      sections: [
        { ...instrument.sections[0], dimension: '690000000000000000000001' },
        { ...instrument.sections[1], dimension: '6b0f72220ed633b35595aa28' },
      ],
    }
    const reviews = [{ assessor: 'a1', scores: [{ question: 'Q1', score: 4 }, { question: 'Q2', score: 2 }], resolutions: [] }]
    const result = computeScores(scoringInputFor({ instrument: mongoInstrument, answers, reviews, lead: 'a1', previousIndex: null }))
    expect(storedResults(result).pillarScores).toEqual([
      { pillar: '690000000000000000000001', score: 4 },
      { pillar: '6b0f72220ed633b35595aa28', score: 2 },
    ])
  })
})

describe('reviewProgress', () => {
  const instrument = {
    sections: [
      {
        questions: [
          { key: 'a', type: 'yes_no' as const },
          { key: 'b', type: 'maturity' as const, condition: { question: 'a', equals: 'true' } },
          { key: 'c', type: 'text' as const },
        ],
      },
    ],
  }

  it('counts the scored questions among those the council sees', () => {
    expect(reviewProgress(instrument, [{ question: 'a', value: true }], [{ question: 'a' }, { question: 'b' }])).toEqual({ scored: 2, total: 3 })
  })

  it('leaves out a score of a question its condition hides', () => {
    expect(reviewProgress(instrument, [{ question: 'a', value: false }], [{ question: 'a' }, { question: 'b' }])).toEqual({ scored: 1, total: 2 })
  })
})

describe("the demo's accepted 2022 results", () => {
  it.each(RESULTS_2022.map((result) => [result.cityCode, result] as const))(
    'score every question the report shows, as the acceptance rule asks (%s)',
    (_code, result) => {
      const progress = reviewProgress(INSTRUMENT, result.report.answers ?? [], Object.keys(result.scores).map((question) => ({ question })))
      expect(progress.total).toBeGreaterThan(0)
      expect(progress.scored).toBe(progress.total)
    },
  )
})
