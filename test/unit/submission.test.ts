import { describe, expect, it } from 'vitest'

import { problemMessage } from '../../cms/domain/problems.ts'
import {
  reportProgress,
  type SubmissionAnswer,
  type SubmissionEvidence,
  type SubmissionInstrument,
  type SubmissionQuestion,
  submissionProblems,
  visibleQuestions,
} from '../../cms/domain/submission.ts'

const question = (key: string, type: SubmissionQuestion['type'], extra: Partial<SubmissionQuestion> = {}): SubmissionQuestion => ({
  key,
  type,
  evidence: 'optional',
  ...extra,
})

const form = (...questions: SubmissionQuestion[]): SubmissionInstrument => ({ sections: [{ questions }] })

const answer = (question: string, value: unknown): SubmissionAnswer => ({ question, value })

/** Question codes with a problem, one entry per problem. */
const flagged = (instrument: SubmissionInstrument, answers: SubmissionAnswer[], evidence: SubmissionEvidence[] = []) =>
  submissionProblems(instrument, answers, evidence).map((problem) => problem.question)

describe('visibleQuestions', () => {
  const survey = form(
    question('has_plan', 'yes_no'),
    question('plan_year', 'number', { condition: { question: 'has_plan', equals: 'true' } }),
    question('plan_enacted_by', 'single_choice', {
      options: [{ value: 'perda' }, { value: 'perwali' }],
      condition: { question: 'plan_year', equals: '2019' },
    }),
    question('channels', 'multi_choice', { options: [{ value: 'phone' }, { value: 'chat' }] }),
    question('chat_hours', 'text', { condition: { question: 'channels', equals: 'chat' } }),
    question('orphan', 'text', { condition: { question: 'no_such_code', equals: 'x' } }),
    question('loop_a', 'text', { condition: { question: 'loop_b', equals: 'x' } }),
    question('loop_b', 'text', { condition: { question: 'loop_a', equals: 'x' } }),
  )
  const keys = (answers: SubmissionAnswer[]) => visibleQuestions(survey, answers).map((q) => q.key)

  describe.each([
    ['nothing answered', [], ['has_plan', 'channels']],
    ['a yes opens its follow-up', [answer('has_plan', true)], ['has_plan', 'plan_year', 'channels']],
    ['a no keeps it hidden', [answer('has_plan', false)], ['has_plan', 'channels']],
    [
      'a number meets a condition by its text',
      [answer('has_plan', true), answer('plan_year', 2019)],
      ['has_plan', 'plan_year', 'plan_enacted_by', 'channels'],
    ],
    [
      'a stale answer behind a hidden question opens nothing',
      [answer('has_plan', false), answer('plan_year', 2019)],
      ['has_plan', 'channels'],
    ],
    ['one chosen option of several meets a condition', [answer('channels', ['phone', 'chat'])], ['has_plan', 'channels', 'chat_hours']],
  ])('with %s', (_label, answers, expected) => {
    it('shows exactly the questions whose conditions are met, never an orphan or a loop', () => {
      expect(keys(answers as SubmissionAnswer[])).toEqual(expected)
    })
  })
})

describe('submissionProblems', () => {
  const maturity = question('M1', 'maturity')
  const tonnes = question('N1', 'number', { min: 0, max: 500 })
  const choice = question('C1', 'single_choice', { options: [{ value: 'apbd' }, { value: 'csr' }] })
  const choices = question('C2', 'multi_choice', { options: [{ value: 'apbd' }, { value: 'csr' }] })

  describe.each([
    ['a missing maturity answer', maturity, undefined],
    ['an empty text', question('T1', 'text'), '   '],
    ['an empty choice of several', choices, []],
    ['a null number', tonnes, null],
  ])('refuses %s as unanswered', (_label, q, value) => {
    it('lists the question as not answered', () => {
      const answers = value === undefined ? [] : [answer(q.key, value)]
      const problems = submissionProblems(form(q), answers, [])
      expect(problems).toEqual([{ code: 'answer.missing', question: q.key }])
    })
  })

  describe.each([
    ['maturity 0', maturity, 0, 'answer.maturityLevel', /1 sampai 5/],
    ['maturity 6', maturity, 6, 'answer.maturityLevel', /1 sampai 5/],
    ['maturity 3.5', maturity, 3.5, 'answer.maturityLevel', /bilangan bulat/],
    ['maturity as text', maturity, '3', 'answer.maturityLevel', /1 sampai 5/],
    ['a number below its minimum', tonnes, -1, 'answer.outOfRange', /-1 di luar rentang 0–500/],
    ['a number above its maximum', tonnes, 501, 'answer.outOfRange', /501 di luar rentang 0–500/],
    ['a number given as text', tonnes, '250', 'answer.notNumber', /harus berupa angka/],
    ['yes/no given as text', question('Y1', 'yes_no'), 'ya', 'answer.yesNo', /Ya atau Tidak/],
    ['an unknown single choice', choice, 'hibah', 'answer.unknownOption', /"hibah" tidak tersedia/],
    ['an unknown option among several', choices, ['apbd', 'hibah'], 'answer.unknownOption', /^[^,]*"hibah" tidak tersedia/],
    ['a date that is not one', question('D1', 'date'), 'kemarin', 'answer.invalidDate', /tanggal tidak valid/],
    ['text given as a number', question('T1', 'text'), 42, 'answer.notText', /harus berupa teks/],
  ])('refuses %s', (_label, q, value, code, pattern) => {
    it('names the question and the problem as data, worded in one language at a time', () => {
      const problems = submissionProblems(form(q), [answer(q.key, value)], [])
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatchObject({ code, question: q.key })
      const indonesian = problemMessage(problems[0], 'id')
      expect(indonesian).toMatch(pattern)
      expect(indonesian).toMatch(new RegExp(`^Pertanyaan ${q.key}`))
      expect(indonesian).not.toMatch(/Question/)
      expect(problemMessage(problems[0], 'en')).toMatch(new RegExp(`^Question ${q.key}`))
    })
  })

  describe.each([
    ['maturity 1', maturity, 1],
    ['maturity 5', maturity, 5],
    ['a number at its minimum', tonnes, 0],
    ['a number at its maximum', tonnes, 500],
    ['a number without bounds', question('N2', 'number'), -12.5],
    ['a "no"', question('Y1', 'yes_no'), false],
    ['a known option', choice, 'csr'],
    ['known options', choices, ['apbd', 'csr']],
    ['a date', question('D1', 'date'), '2023-06-13'],
    ['free text', question('T1', 'text'), 'Rapat konsolidasi tiap bulan'],
  ])('accepts %s', (_label, q, value) => {
    it('finds nothing to complain about', () => {
      expect(submissionProblems(form(q), [answer(q.key, value)], [])).toEqual([])
    })
  })

  describe.each([
    ['required evidence, none attached', { evidence: 'required' }, 2, [], ['E1']],
    ['required evidence, attached', { evidence: 'required' }, 2, [{ question: 'E1' }], []],
    ['required evidence, attached to another question', { evidence: 'required' }, 2, [{ question: 'M1' }, {}], ['E1']],
    ['evidence from level 3, answered 2', { evidence: 'required_from_level', evidenceFromLevel: 3 }, 2, [], []],
    ['evidence from level 3, answered 3', { evidence: 'required_from_level', evidenceFromLevel: 3 }, 3, [], ['E1']],
    ['evidence from level 3, answered 5, attached', { evidence: 'required_from_level', evidenceFromLevel: 3 }, 5, [{ question: 'E1' }], []],
    ['evidence from an unset level', { evidence: 'required_from_level' }, 1, [], ['E1']],
    ['no evidence asked', { evidence: 'none' }, 5, [], []],
    ['optional evidence', { evidence: 'optional' }, 5, [], []],
  ] as const)('with %s', (_label, requirement, level, evidence, expected) => {
    it('asks for evidence exactly when it is due', () => {
      const q = question('E1', 'maturity', requirement as Partial<SubmissionQuestion>)
      expect(flagged(form(q), [answer('E1', level)], [...evidence])).toEqual(expected)
    })
  })

  it('names the level from which evidence is due', () => {
    const q = question('E1', 'maturity', { evidence: 'required_from_level', evidenceFromLevel: 4 })
    const [missing] = submissionProblems(form(q), [answer('E1', 4)], [])
    expect(missing).toEqual({ code: 'evidence.missing', question: 'E1', params: { fromLevel: 4, refused: false } })
    expect(problemMessage(missing, 'id')).toBe('Pertanyaan E1: bukti dukung wajib dilampirkan untuk tingkat 4 ke atas')
    expect(problemMessage(missing, 'en')).toBe('Question E1: evidence must be attached for level 4 and above')
  })

  it('names a question by its words where the screen knows them, a long one cut short', () => {
    const q = question('E1', 'maturity', { evidence: 'required_from_level', evidenceFromLevel: 4 })
    const [missing] = submissionProblems(form(q), [answer('E1', 4)], [])
    const texts: Record<string, string> = { E1: 'Apakah ada peraturan wali kota tentang smart city?' }
    expect(problemMessage(missing, 'id', (key) => texts[key])).toBe(
      'Pertanyaan “Apakah ada peraturan wali kota tentang smart city?”: bukti dukung wajib dilampirkan untuk tingkat 4 ke atas',
    )
    const long = 'Berapa '.repeat(30).trim()
    expect(problemMessage(missing, 'en', () => long)).toMatch(/^Question “(Berapa )+Berapa…”: evidence must be attached/)
    // A question the screen does not know keeps its key.
    expect(problemMessage(missing, 'en', () => undefined)).toBe('Question E1: evidence must be attached for level 4 and above')
  })

  it.each([
    ['needs revision', 'needs_revision'],
    ['rejected', 'rejected'],
  ])('no longer counts evidence an assessor marked %s, and says so', (_label, verdict) => {
    const q = question('E1', 'maturity', { evidence: 'required' })
    const [missing] = submissionProblems(form(q), [answer('E1', 4)], [{ question: 'E1', verdict }])
    expect(missing).toMatchObject({ code: 'evidence.missing', question: 'E1', params: { refused: true } })
    expect(problemMessage(missing, 'id')).toMatch(/ditolak atau perlu revisi tidak dihitung/)
    expect(submissionProblems(form(q), [answer('E1', 4)], [{ question: 'E1', verdict: 'accepted' }])).toEqual([])
  })

  it('neither requires nor checks a question hidden by its condition', () => {
    const instrument = form(
      question('has_plan', 'yes_no'),
      question('plan_year', 'number', { min: 2000, condition: { question: 'has_plan', equals: 'true' }, evidence: 'required' }),
    )
    expect(flagged(instrument, [answer('has_plan', false), answer('plan_year', 1900)])).toEqual([])
    expect(flagged(instrument, [answer('has_plan', true)])).toEqual(['plan_year', 'plan_year'])
  })

  it('ignores answers to questions the instrument does not have', () => {
    expect(flagged(form(maturity), [answer('M1', 3), answer('GONE', 'x')])).toEqual([])
  })

  it('refuses a question answered twice', () => {
    expect(submissionProblems(form(maturity), [answer('M1', 3), answer('M1', 4)], [])[0]).toEqual({ code: 'answer.duplicate', question: 'M1' })
  })

  it('lists every problem of a report in instrument order', () => {
    const instrument = form(maturity, tonnes, question('E1', 'yes_no', { evidence: 'required' }))
    expect(flagged(instrument, [answer('N1', 9999), answer('E1', true)])).toEqual(['M1', 'N1', 'E1'])
  })
})

describe('reportProgress', () => {
  const survey = form(
    question('has_plan', 'yes_no', { evidence: 'required' }),
    question('plan_year', 'number', { condition: { question: 'has_plan', equals: 'true' } }),
    question('maturity', 'maturity', { evidence: 'required_from_level', evidenceFromLevel: 3 }),
    question('notes', 'text', { evidence: 'none' }),
  )

  it.each([
    ['nothing answered', [], [], { answered: 0, total: 3, evidenceMissing: 1 }],
    ['a yes reveals the follow-up question', [answer('has_plan', true)], [], { answered: 1, total: 4, evidenceMissing: 1 }],
    ['blank text does not count as answered', [answer('notes', '  ')], [], { answered: 0, total: 3, evidenceMissing: 1 }],
    ['a level below the threshold asks no evidence', [answer('maturity', 2)], [], { answered: 1, total: 3, evidenceMissing: 1 }],
    ['a level at the threshold asks evidence', [answer('maturity', 3)], [], { answered: 1, total: 3, evidenceMissing: 2 }],
    [
      'attached evidence no longer counts as missing',
      [answer('has_plan', false), answer('maturity', 4), answer('notes', 'ok')],
      [{ question: 'has_plan' }, { question: 'maturity' }],
      { answered: 3, total: 3, evidenceMissing: 0 },
    ],
    [
      'an answer to a hidden question is not counted',
      [answer('has_plan', false), answer('plan_year', 2020)],
      [],
      { answered: 1, total: 3, evidenceMissing: 1 },
    ],
  ] as const)('%s', (_name, answers, evidence, expected) => {
    expect(reportProgress(survey, [...answers], [...evidence])).toEqual(expected)
  })

  it('counts evidence as the submit check does: refused files do not count', () => {
    const answers = [answer('has_plan', false), answer('maturity', 2)]
    const refused = [{ question: 'has_plan', verdict: 'needs_revision' }]
    expect(reportProgress(survey, answers, refused).evidenceMissing).toBe(1)
    expect(submissionProblems(survey, answers, refused).map((item) => item.code)).toEqual(['evidence.missing', 'answer.missing'])
  })

  it('is complete exactly when submissionProblems has nothing to say', () => {
    const answers = [answer('has_plan', true), answer('plan_year', 2021), answer('maturity', 3), answer('notes', 'ok')]
    const evidence = [{ question: 'has_plan' }, { question: 'maturity' }]
    expect(reportProgress(survey, answers, evidence)).toEqual({ answered: 4, total: 4, evidenceMissing: 0 })
    expect(submissionProblems(survey, answers, evidence)).toEqual([])
    expect(reportProgress(survey, answers, evidence.slice(1)).evidenceMissing).toBe(1)
    expect(submissionProblems(survey, answers, evidence.slice(1))).not.toEqual([])
  })
})
