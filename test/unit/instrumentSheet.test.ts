import { describe, expect, it } from 'vitest'

import {
  instrumentToTables,
  type InstrumentTables,
  type PortableInstrument,
  QUESTION_COLUMNS,
  tablesToInstrument,
  toPortable,
} from '../../cms/domain/instrumentSheet.ts'
import { readWorkbook, writeWorkbook } from '../../cms/infra/instrumentWorkbook.ts'
import { rowErrorsIn } from '../../cms/domain/problems.ts'

const pillars = new Set(['governance', 'environment'])

const INSTRUMENT: PortableInstrument = {
  title: { id: 'Instrumen Evaluasi 2024', en: 'Evaluation Instrument 2024' },
  year: 2024,
  version: 2,
  evaluationDimensions: [
    { key: 'output', name: { id: 'Output', en: 'Output' }, weight: 40 },
    { key: 'outcome', name: { id: 'Hasil; capaian', en: 'Outcome' }, weight: 60 },
  ],
  sections: [
    {
      title: { id: 'Tata kelola', en: 'Governance' },
      evaluationDimension: 'output',
      dimension: 'governance',
      subDimension: 'public-services',
      questions: [
        {
          key: 'G1',
          type: 'maturity',
          weight: 2,
          text: { id: 'Tingkat kematangan layanan daring', en: 'Maturity of online services' },
          guidance: { id: 'Lihat SK; lampiran', en: 'See the decree' },
          evidence: 'required_from_level',
          evidenceFromLevel: 3,
          levels: [
            { level: 1, descriptor: { id: 'Ad hoc: tanpa rencana | belum ada', en: 'Ad hoc: no plan' } },
            { level: 5, descriptor: { id: 'Cerdas \\ terukur', en: 'Smart' } },
          ],
        },
        {
          key: 'G2',
          type: 'single_choice',
          weight: 1,
          text: { id: 'Ditetapkan dengan', en: 'Enacted as' },
          evidence: 'optional',
          options: [
            { value: 'perda', label: { id: 'Perda', en: 'Regional regulation' } },
            { value: 'perwali', label: { id: 'Perwali' } },
          ],
          condition: { question: 'G3', equals: 'true' },
        },
        { key: 'G3', type: 'yes_no', weight: 0.5, text: { id: 'Ada masterplan?' }, evidence: 'none' },
      ],
    },
    { title: { id: 'Bagian kosong' }, evaluationDimension: 'outcome', questions: [] },
    {
      title: { id: 'Lingkungan', en: 'Environment' },
      evaluationDimension: 'outcome',
      dimension: 'environment',
      questions: [
        { key: 'E1', type: 'number', weight: 1, text: { id: 'Ton plastik per bulan' }, evidence: 'optional', unit: 'ton', min: 0, max: 250.5 },
        { key: 'E2', type: 'date', weight: 1, text: { id: 'Tanggal mulai' }, evidence: 'required' },
      ],
    },
  ],
}

/** The questions table with `changes` applied to data row `index` (0 = first question). */
function withQuestionRow(tables: InstrumentTables, index: number, changes: Partial<Record<(typeof QUESTION_COLUMNS)[number], string>>) {
  const cells = tables.questions.cells.map((row) => [...row])
  for (const [column, value] of Object.entries(changes)) cells[index + 1][QUESTION_COLUMNS.indexOf(column as never)] = value
  return { ...tables, questions: { ...tables.questions, cells } }
}

describe('instrument tables', () => {
  it('read back exactly the instrument they were written from', () => {
    expect(tablesToInstrument(instrumentToTables(INSTRUMENT), { pillars })).toEqual({ instrument: INSTRUMENT, errors: [] })
  })

  it('write one row per question, a section without questions as a row of its own', () => {
    const { questions, settings } = instrumentToTables(INSTRUMENT)
    expect(questions.cells[0]).toEqual([...QUESTION_COLUMNS])
    expect(questions.cells).toHaveLength(1 + 3 + 1 + 2)
    expect(settings.cells.map((row) => row[0])).toEqual(['setting', 'title', 'year', 'version', 'evaluation_dimension', 'evaluation_dimension'])
  })

  it.each(['xlsx', 'csv'] as const)('survive a round trip through %s', async (format) => {
    const tables = await readWorkbook(await writeWorkbook(instrumentToTables(INSTRUMENT), format), format)
    expect(tablesToInstrument(tables, { pillars })).toEqual({ instrument: INSTRUMENT, errors: [] })
  })

  it('report every bad row with its row number and column, in both languages', () => {
    let tables = instrumentToTables(INSTRUMENT)
    tables = withQuestionRow(tables, 0, { type: 'slider' })
    tables = withQuestionRow(tables, 1, { key: 'G1', options: 'perda' })
    tables = withQuestionRow(tables, 2, { weight: 'banyak', condition_question: 'X9' })
    tables = withQuestionRow(tables, 4, { pillar: 'antariksa', min: '10', max: '5' })
    const result = tablesToInstrument(tables, { pillars })
    expect(result.instrument).toBeNull()
    expect(result.errors.map(({ sheet, row, column }) => `${sheet}:${row}:${column}`)).toEqual([
      'questions:2:type',
      'questions:3:key',
      'questions:3:options',
      'questions:4:weight',
      'questions:4:condition_question',
      'questions:6:pillar',
      'questions:6:max',
    ])
    const [type, key] = rowErrorsIn(result.errors, 'id')
    expect(type).toMatchObject({ code: 'instrument.questionType', message: expect.stringMatching(/^Jenis "slider" tidak dikenal; pilih maturity, /) })
    expect(type.message).not.toMatch(/Unknown/)
    expect(rowErrorsIn(result.errors, 'en')[1].message).toBe(`Question code "${key.message.match(/"(.+?)"/)?.[1]}" is already used in row 2`)
  })

  it('refuse evaluation-dimension weights that do not total 100%, on the settings sheet', () => {
    const tables = instrumentToTables({ ...INSTRUMENT, evaluationDimensions: INSTRUMENT.evaluationDimensions.map((row) => ({ ...row, weight: 30 })) })
    const result = tablesToInstrument(tables, { pillars })
    expect(rowErrorsIn(result.errors, 'en')).toEqual([
      { sheet: 'settings', row: 5, column: 'value', code: 'scoring.weightsTotal', message: 'Evaluation-dimension weights add up to 60%, they must total 100%' },
    ])
  })

  it('name a missing column instead of reading it as empty', () => {
    const tables = instrumentToTables(INSTRUMENT)
    const cells = tables.questions.cells.map((row) => row.filter((_, index) => index !== QUESTION_COLUMNS.indexOf('type')))
    const result = tablesToInstrument({ ...tables, questions: { firstRow: 1, cells } }, { pillars })
    expect(result.errors).toContainEqual(expect.objectContaining({ sheet: 'questions', row: 1, column: 'type' }))
  })

  it('read a JSON instrument with plain strings as Indonesian texts', () => {
    const portable = toPortable({ ...INSTRUMENT, title: 'Instrumen' })
    expect(portable.title).toEqual({ id: 'Instrumen' })
    expect(tablesToInstrument(instrumentToTables(portable), { pillars }).errors).toEqual([])
  })
})
