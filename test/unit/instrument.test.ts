import { describe, expect, it } from 'vitest'

import { evaluationWeightProblem, sectionProblem } from '../../cms/domain/instrument.ts'
import { problemMessage } from '../../cms/domain/problems.ts'
import { slugify } from '../../cms/domain/slugify.ts'

const dimensions = (...weights: number[]) => weights.map((weight, index) => ({ key: `d${index}`, weight }))

describe('evaluationWeightProblem', () => {
  it.each([
    [[10, 20, 30, 30, 10]],
    [[33.333, 33.333, 33.334]],
    [[100]],
    [[]],
  ])('accepts weights %j', (weights) => {
    expect(evaluationWeightProblem({ evaluationDimensions: dimensions(...weights) })).toBeNull()
  })

  it.each([
    [[10, 20, 30, 30], '90'],
    [[50, 60], '110'],
    [[33, 33, 33], '99'],
  ])('refuses weights %j that add up to %s%%', (weights, total) => {
    const problem = evaluationWeightProblem({ evaluationDimensions: dimensions(...weights) })
    expect(problem).toEqual({ code: 'scoring.weightsTotal', params: { total: Number(total) } })
    expect(problemMessage(problem!, 'en')).toBe(`Evaluation-dimension weights add up to ${total}%, they must total 100%`)
    expect(problemMessage(problem!, 'id')).toBe(`Bobot dimensi evaluasi berjumlah ${total}%, harus 100%`)
  })
})

describe('sectionProblem', () => {
  const base = { evaluationDimensions: [{ key: 'output', weight: 100 }] }

  it('accepts sections naming known evaluation dimensions with unique question codes', () => {
    expect(
      sectionProblem({ ...base, sections: [{ evaluationDimension: 'output', questions: [{ key: 'G1' }, { key: 'G2' }] }] }),
    ).toBeNull()
  })

  it('refuses a question code used twice across sections', () => {
    const sections = [
      { evaluationDimension: 'output', questions: [{ key: 'G1' }] },
      { evaluationDimension: 'output', questions: [{ key: 'G1' }] },
    ]
    expect(sectionProblem({ ...base, sections })).toEqual({ code: 'scoring.questionTwice', question: 'G1' })
    expect(problemMessage(sectionProblem({ ...base, sections })!, 'en')).toBe('Question code "G1" is used twice')
  })

  it('refuses a section naming an unknown evaluation dimension', () => {
    expect(sectionProblem({ ...base, sections: [{ evaluationDimension: 'impact', questions: [] }] })).toEqual({
      code: 'scoring.unknownDimension',
      params: { key: 'impact' },
    })
  })
})

describe('slugify', () => {
  it.each([
    ['Kota Ambon', 'kota-ambon'],
    ['  Harmoni Sudut Kota! ', 'harmoni-sudut-kota'],
    ['Pabrik Daur Ulang Plastik (250 t/bulan)', 'pabrik-daur-ulang-plastik-250-t-bulan'],
    ['Café Élan', 'cafe-elan'],
  ])('turns %j into %j', (text, slug) => {
    expect(slugify(text)).toBe(slug)
  })
})
