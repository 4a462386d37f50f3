/**
 * An instrument as a spreadsheet, in the spirit of XLSForm, and back. Pure: tables of strings in,
 * tables of strings out; reading and writing XLSX or CSV files is ./instrumentWorkbook.ts.
 *
 * Layout:
 * - `settings`: columns `setting, key, value, text_id, text_en`; one row each for `title` (texts),
 *   `year` and `version` (value), and one `evaluation_dimension` row per evaluation dimension
 *   (key, weight as value, name as texts).
 * - `questions`: one row per question, columns QUESTION_COLUMNS. A section is a run of consecutive
 *   rows with the same section columns; a row with section columns only is a section without questions.
 *   `options` is `value:label_id|label_en;...`, `levels` is `1:descriptor_id|descriptor_en;...`;
 *   a `;`, `|`, `:` or `\` inside a text is written with a backslash before it.
 *
 * The JSON form (PortableInstrument) mirrors the collection's fields in both languages, with the
 * pillar named by its slug, so a file moves between servers whose database ids differ. A JSON
 * upload is checked by turning it into these tables, so both paths give the same row-level errors.
 */

import { EVIDENCE_REQUIREMENTS, QUESTION_TYPES } from '../constants.ts'
import { evaluationWeightProblem } from './instrument.ts'
import { type Problem, problem } from './problems.ts'
import { parseTypedNumber } from './typedValues.ts'

export type QuestionType = (typeof QUESTION_TYPES)[number]
export type EvidenceRequirement = (typeof EVIDENCE_REQUIREMENTS)[number]

/** A text in both languages; a language left empty is left out. */
export type Texts = { id?: string; en?: string }

export interface PortableQuestion {
  key: string
  type: QuestionType
  weight: number
  text: Texts
  guidance?: Texts
  evidence: EvidenceRequirement
  evidenceFromLevel?: number
  unit?: string
  min?: number
  max?: number
  options?: { value: string; label: Texts }[]
  levels?: { level: number; descriptor: Texts }[]
  condition?: { question?: string; equals?: string }
}

export interface PortableSection {
  title: Texts
  evaluationDimension: string
  /** Slug of the pillar. */
  dimension?: string
  subDimension?: string
  questions: PortableQuestion[]
}

export interface PortableInstrument {
  title: Texts
  year: number
  version: number
  evaluationDimensions: { key: string; name: Texts; weight: number }[]
  sections: PortableSection[]
}

export type SheetName = 'settings' | 'questions'

/** One problem of an upload, where a person finds it: sheet, row number (as shown by a spreadsheet) and column. */
export interface RowError {
  sheet: SheetName
  row: number
  column: string
  /** What is wrong, as data: the endpoint words it in the reader's language (./problems.ts). */
  problem: Problem
}

/** Rows of one sheet; `cells[0]` is the header and `cells[i]` is spreadsheet row `firstRow + i`. */
export interface Table {
  firstRow: number
  cells: string[][]
}

export interface InstrumentTables {
  settings: Table
  questions: Table
}

export const SETTINGS_COLUMNS = ['setting', 'key', 'value', 'text_id', 'text_en'] as const

export const QUESTION_COLUMNS = [
  'section',
  'section_en',
  'evaluation_dimension',
  'pillar',
  'sub_dimension',
  'key',
  'type',
  'weight',
  'text_id',
  'text_en',
  'guidance_id',
  'guidance_en',
  'evidence',
  'evidence_from_level',
  'unit',
  'min',
  'max',
  'options',
  'levels',
  'condition_question',
  'condition_equals',
] as const

type QuestionColumn = (typeof QUESTION_COLUMNS)[number]
type SettingsColumn = (typeof SETTINGS_COLUMNS)[number]

const SECTION_COLUMNS = ['section', 'section_en', 'evaluation_dimension', 'pillar', 'sub_dimension'] as const

const CODE_PATTERN = /^[A-Za-z0-9._-]+$/
const MIN_YEAR = 2017
const MAX_YEAR = 2100

// Writing -----------------------------------------------------------------------------------------

const escapeText = (text: string) => text.replace(/[\\;|:]/g, (char) => `\\${char}`)
const numberText = (value: number | undefined) => (value === undefined ? '' : String(value))
const pairText = (texts: Texts) => (texts.en ? `${escapeText(texts.id ?? '')}|${escapeText(texts.en)}` : escapeText(texts.id ?? ''))

export function instrumentToTables(instrument: PortableInstrument): InstrumentTables {
  const settings: string[][] = [
    [...SETTINGS_COLUMNS],
    ['title', '', '', instrument.title.id ?? '', instrument.title.en ?? ''],
    ['year', '', String(instrument.year), '', ''],
    ['version', '', String(instrument.version), '', ''],
    ...instrument.evaluationDimensions.map((row) => [
      'evaluation_dimension',
      row.key,
      String(row.weight),
      row.name.id ?? '',
      row.name.en ?? '',
    ]),
  ]
  const questions: string[][] = [[...QUESTION_COLUMNS]]
  for (const section of instrument.sections) {
    const sectionCells: Record<(typeof SECTION_COLUMNS)[number], string> = {
      section: section.title.id ?? '',
      section_en: section.title.en ?? '',
      evaluation_dimension: section.evaluationDimension,
      pillar: section.dimension ?? '',
      sub_dimension: section.subDimension ?? '',
    }
    const rows = section.questions.length ? section.questions : [undefined]
    for (const question of rows) {
      const cells: Record<QuestionColumn, string> = {
        ...sectionCells,
        key: question?.key ?? '',
        type: question?.type ?? '',
        weight: numberText(question?.weight),
        text_id: question?.text.id ?? '',
        text_en: question?.text.en ?? '',
        guidance_id: question?.guidance?.id ?? '',
        guidance_en: question?.guidance?.en ?? '',
        evidence: question?.evidence ?? '',
        evidence_from_level: numberText(question?.evidenceFromLevel),
        unit: question?.unit ?? '',
        min: numberText(question?.min),
        max: numberText(question?.max),
        options: (question?.options ?? []).map((option) => `${escapeText(option.value)}:${pairText(option.label)}`).join(';'),
        levels: (question?.levels ?? []).map((level) => `${level.level}:${pairText(level.descriptor)}`).join(';'),
        condition_question: question?.condition?.question ?? '',
        condition_equals: question?.condition?.equals ?? '',
      }
      questions.push(QUESTION_COLUMNS.map((column) => cells[column]))
    }
  }
  return { settings: { firstRow: 1, cells: settings }, questions: { firstRow: 1, cells: questions } }
}

// Reading -----------------------------------------------------------------------------------------

/** Splits `text` at unescaped `separator`s, keeping escapes for a later split. */
function splitEscaped(text: string, separator: string): string[] {
  const parts: string[] = []
  let current = ''
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]
    if (char === '\\' && index + 1 < text.length) {
      current += char + text[index + 1]
      index += 1
    } else if (char === separator) {
      parts.push(current)
      current = ''
    } else {
      current += char
    }
  }
  parts.push(current)
  return parts
}

const unescapeText = (text: string) => text.replace(/\\(.)/g, '$1')

const texts = (id: string, en: string): Texts => ({ ...(id ? { id } : {}), ...(en ? { en } : {}) })

/** `code:text_id|text_en` items separated by `;`, or the problem with them. */
function parsePairs(cell: string): { code: string; texts: Texts }[] | Problem {
  const items: { code: string; texts: Texts }[] = []
  for (const item of splitEscaped(cell, ';')) {
    if (!item.trim()) continue
    const [code, rest, ...extra] = splitEscaped(item, ':')
    if (rest === undefined || extra.length) {
      return problem('instrument.listItem', { params: { item: item.trim() } })
    }
    const [id, en = '', ...more] = splitEscaped(rest, '|')
    if (more.length) return problem('instrument.listItem', { params: { item: item.trim() } })
    items.push({ code: unescapeText(code.trim()), texts: texts(unescapeText(id.trim()), unescapeText(en.trim())) })
  }
  return items
}

/** A number typed as people type it (./typedValues.ts); undefined when empty, null when it is no number. */
const parseNumber = (cell: string): number | undefined | null => (cell.trim() ? (parseTypedNumber(cell) ?? null) : undefined)

type RowReader<C extends string> = { row: number; get: (column: C) => string }

function rowsOf<C extends string>(table: Table, columns: readonly C[], sheet: SheetName, errors: RowError[]): RowReader<C>[] {
  const [header = [], ...body] = table.cells
  const positions = new Map(header.map((name, index) => [name.trim().toLowerCase(), index]))
  const missing = columns.filter((column) => !positions.has(column))
  for (const column of missing) {
    errors.push({
      sheet,
      row: table.firstRow,
      column,
      problem: problem('sheet.columnMissing', { params: { column } }),
    })
  }
  return body
    .map((cells, index) => ({ cells, row: table.firstRow + 1 + index }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''))
    .map(({ cells, row }) => ({
      row,
      get: (column: C) => {
        const position = positions.get(column)
        return position === undefined ? '' : (cells[position] ?? '').trim()
      },
    }))
}

type Settings = Pick<PortableInstrument, 'title' | 'year' | 'version' | 'evaluationDimensions'>

function readSettings(table: Table, errors: RowError[]): Settings {
  const settings: Settings = { title: {}, year: NaN, version: NaN, evaluationDimensions: [] }
  const seen = new Set<string>()
  const fail = (row: number, column: SettingsColumn, found: Problem) => errors.push({ sheet: 'settings', row, column, problem: found })
  const integer = (reader: RowReader<SettingsColumn>, min: number, max: number, name: { id: string; en: string }) => {
    const value = parseNumber(reader.get('value'))
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(reader.row, 'value', problem('instrument.settingRange', { params: { name_id: name.id, name_en: name.en, min, max } }))
      return NaN
    }
    return value
  }
  const dimensionRows: number[] = []
  for (const reader of rowsOf(table, SETTINGS_COLUMNS, 'settings', errors)) {
    const setting = reader.get('setting')
    seen.add(setting)
    if (setting === 'title') {
      settings.title = texts(reader.get('text_id'), reader.get('text_en'))
      if (!settings.title.id) fail(reader.row, 'text_id', problem('instrument.titleMissing'))
    } else if (setting === 'year') {
      settings.year = integer(reader, MIN_YEAR, MAX_YEAR, { id: 'Tahun', en: 'The year' })
    } else if (setting === 'version') {
      settings.version = integer(reader, 1, Number.MAX_SAFE_INTEGER, { id: 'Versi', en: 'The version' })
    } else if (setting === 'evaluation_dimension') {
      const key = reader.get('key')
      const weight = parseNumber(reader.get('value'))
      const name = texts(reader.get('text_id'), reader.get('text_en'))
      if (!CODE_PATTERN.test(key)) {
        fail(reader.row, 'key', problem('instrument.dimensionCode', { params: { key } }))
      } else if (settings.evaluationDimensions.some((row) => row.key === key)) {
        fail(reader.row, 'key', problem('instrument.dimensionTwice', { params: { key } }))
      }
      if (typeof weight !== 'number' || weight < 0 || weight > 100) {
        fail(reader.row, 'value', problem('instrument.dimensionWeight'))
      }
      if (!name.id) fail(reader.row, 'text_id', problem('instrument.dimensionName'))
      settings.evaluationDimensions.push({ key, name, weight: typeof weight === 'number' ? weight : NaN })
      dimensionRows.push(reader.row)
    } else {
      fail(reader.row, 'setting', problem('instrument.unknownSetting', { params: { setting } }))
    }
  }
  for (const setting of ['title', 'year', 'version'] as const) {
    if (!seen.has(setting)) {
      fail(table.firstRow, 'setting', problem('instrument.settingMissing', { params: { setting } }))
    }
  }
  const weights = settings.evaluationDimensions.every((row) => Number.isFinite(row.weight))
  const weightProblem = weights ? evaluationWeightProblem(settings) : null
  if (weightProblem) {
    fail(dimensionRows[0] ?? table.firstRow, 'value', weightProblem)
  }
  return settings
}

export interface ReadOptions {
  /** Slugs of the pillars that exist; a question naming another pillar is an error. */
  pillars: ReadonlySet<string>
}

/**
 * Reads both tables into an instrument, checking every row before giving up, so the person sees
 * every problem at once. The instrument is returned only when there is no error at all.
 */
export function tablesToInstrument(
  tables: InstrumentTables,
  { pillars }: ReadOptions,
): { instrument: PortableInstrument; errors: [] } | { instrument: null; errors: RowError[] } {
  const errors: RowError[] = []
  const settings = readSettings(tables.settings, errors)
  const dimensionKeys = new Set(settings.evaluationDimensions.map((row) => row.key))
  const sections: PortableSection[] = []
  const keyRows = new Map<string, number>()
  const conditions: { row: number; question: string }[] = []
  let previousSection = ''
  for (const reader of rowsOf(tables.questions, QUESTION_COLUMNS, 'questions', errors)) {
    const fail = (column: QuestionColumn, found: Problem) => errors.push({ sheet: 'questions', row: reader.row, column, problem: found })
    const sectionKey = JSON.stringify(SECTION_COLUMNS.map((column) => reader.get(column)))
    if (sectionKey !== previousSection || sections.length === 0) {
      const evaluationDimension = reader.get('evaluation_dimension')
      const pillar = reader.get('pillar')
      const title = texts(reader.get('section'), reader.get('section_en'))
      if (!title.id) fail('section', problem('instrument.sectionTitle'))
      if (!dimensionKeys.has(evaluationDimension)) {
        fail('evaluation_dimension', problem('instrument.sectionDimension', { params: { key: evaluationDimension } }))
      }
      if (pillar && !pillars.has(pillar)) fail('pillar', problem('instrument.unknownPillar', { params: { pillar } }))
      sections.push({
        title,
        evaluationDimension,
        ...(pillar ? { dimension: pillar } : {}),
        ...(reader.get('sub_dimension') ? { subDimension: reader.get('sub_dimension') } : {}),
        questions: [],
      })
      previousSection = sectionKey
    }
    const section = sections[sections.length - 1]
    const questionColumns = QUESTION_COLUMNS.filter((column) => !(SECTION_COLUMNS as readonly string[]).includes(column))
    if (questionColumns.every((column) => reader.get(column) === '')) continue

    const key = reader.get('key')
    if (!CODE_PATTERN.test(key)) {
      fail('key', problem('instrument.questionCode', { params: { key } }))
    } else if (keyRows.has(key)) {
      fail('key', problem('instrument.questionTwice', { params: { key, row: keyRows.get(key) ?? null } }))
    } else {
      keyRows.set(key, reader.row)
    }
    const type = reader.get('type') as QuestionType
    if (!QUESTION_TYPES.includes(type)) {
      fail('type', problem('instrument.questionType', { params: { type, allowed: QUESTION_TYPES.join(', ') } }))
    }
    const weight = parseNumber(reader.get('weight'))
    if (weight === null || (weight !== undefined && weight < 0)) fail('weight', problem('instrument.questionWeight'))
    const text = texts(reader.get('text_id'), reader.get('text_en'))
    if (!text.id) fail('text_id', problem('instrument.questionText'))
    const evidence = (reader.get('evidence') || 'optional') as EvidenceRequirement
    if (!EVIDENCE_REQUIREMENTS.includes(evidence)) {
      fail('evidence', problem('instrument.evidenceRule', { params: { value: evidence, allowed: EVIDENCE_REQUIREMENTS.join(', ') } }))
    }
    const fromLevel = parseNumber(reader.get('evidence_from_level'))
    if (fromLevel === null || (fromLevel !== undefined && (!Number.isInteger(fromLevel) || fromLevel < 1 || fromLevel > 5))) {
      fail('evidence_from_level', problem('instrument.levelRange'))
    } else if (evidence === 'required_from_level' && fromLevel === undefined) {
      fail('evidence_from_level', problem('instrument.evidenceLevelMissing'))
    }
    const min = parseNumber(reader.get('min'))
    const max = parseNumber(reader.get('max'))
    if (min === null) fail('min', problem('instrument.minNotNumber'))
    if (max === null) fail('max', problem('instrument.maxNotNumber'))
    if (typeof min === 'number' && typeof max === 'number' && min > max) fail('max', problem('instrument.maxBelowMin'))

    const options = parsePairs(reader.get('options'))
    if (!Array.isArray(options)) {
      fail('options', options)
    } else {
      const values = new Set<string>()
      for (const option of options) {
        if (!CODE_PATTERN.test(option.code)) fail('options', problem('instrument.optionValue', { params: { code: option.code } }))
        else if (values.has(option.code)) fail('options', problem('instrument.optionTwice', { params: { code: option.code } }))
        if (!option.texts.id) fail('options', problem('instrument.optionLabel', { params: { code: option.code } }))
        values.add(option.code)
      }
      if ((type === 'single_choice' || type === 'multi_choice') && options.length < 2) {
        fail('options', problem('instrument.tooFewOptions'))
      }
    }
    const levels = parsePairs(reader.get('levels'))
    if (!Array.isArray(levels)) {
      fail('levels', levels)
    } else {
      const numbers = new Set<string>()
      for (const level of levels) {
        if (!/^[1-5]$/.test(level.code)) fail('levels', problem('instrument.levelCode', { params: { code: level.code } }))
        else if (numbers.has(level.code)) fail('levels', problem('instrument.levelTwice', { params: { code: level.code } }))
        if (!level.texts.id) fail('levels', problem('instrument.levelDescriptor', { params: { code: level.code } }))
        numbers.add(level.code)
      }
    }
    const conditionQuestion = reader.get('condition_question')
    const conditionEquals = reader.get('condition_equals')
    if (conditionQuestion) conditions.push({ row: reader.row, question: conditionQuestion })
    else if (conditionEquals) fail('condition_question', problem('instrument.conditionQuestionMissing'))

    section.questions.push({
      key,
      type,
      weight: weight ?? 1,
      text,
      ...(reader.get('guidance_id') || reader.get('guidance_en')
        ? { guidance: texts(reader.get('guidance_id'), reader.get('guidance_en')) }
        : {}),
      evidence,
      ...(typeof fromLevel === 'number' ? { evidenceFromLevel: fromLevel } : {}),
      ...(reader.get('unit') ? { unit: reader.get('unit') } : {}),
      ...(typeof min === 'number' ? { min } : {}),
      ...(typeof max === 'number' ? { max } : {}),
      ...(Array.isArray(options) && options.length
        ? { options: options.map((option) => ({ value: option.code, label: option.texts })) }
        : {}),
      ...(Array.isArray(levels) && levels.length
        ? { levels: levels.map((level) => ({ level: Number(level.code), descriptor: level.texts })) }
        : {}),
      ...(conditionQuestion || conditionEquals
        ? { condition: { ...(conditionQuestion ? { question: conditionQuestion } : {}), ...(conditionEquals ? { equals: conditionEquals } : {}) } }
        : {}),
    })
  }
  // Checked last: a condition may name a question further down the sheet.
  for (const { row, question } of conditions) {
    if (!keyRows.has(question)) {
      errors.push({
        sheet: 'questions',
        row,
        column: 'condition_question',
        problem: problem('instrument.conditionUnknown', { question }),
      })
    }
  }
  if (errors.length) return { instrument: null, errors: errors.sort((a, b) => sheetOrder(a) - sheetOrder(b) || a.row - b.row) }
  return { instrument: { ...settings, sections }, errors: [] }
}

const sheetOrder = (error: RowError) => (error.sheet === 'settings' ? 0 : 1)

// JSON --------------------------------------------------------------------------------------------

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const scalar = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
const number = (value: unknown): number | undefined => {
  const text = scalar(value)
  return text === '' ? undefined : (Number(text) as number)
}

/** Both languages of a stored or uploaded text: a plain string is Indonesian, `{ id, en }` both. */
export function textsOf(value: unknown): Texts {
  if (isRecord(value)) return texts(scalar(value.id).trim(), scalar(value.en).trim())
  return texts(scalar(value).trim(), '')
}

/**
 * Shapes anything that looks like an instrument, an uploaded JSON file or a document read with
 * `locale: 'all'`, into a PortableInstrument without judging it; `pillarSlug` maps a stored pillar
 * (id or populated document) to its slug. Unusable values become empty or NaN, for the tables to report.
 */
export function toPortable(input: unknown, pillarSlug: (value: unknown) => string | undefined = (value) => scalar(value) || undefined): PortableInstrument {
  const source = isRecord(input) ? input : {}
  return {
    title: textsOf(source.title),
    year: number(source.year) ?? NaN,
    version: number(source.version) ?? NaN,
    evaluationDimensions: listOf(source.evaluationDimensions).filter(isRecord).map((row) => ({
      key: scalar(row.key),
      name: textsOf(row.name),
      weight: number(row.weight) ?? NaN,
    })),
    sections: listOf(source.sections).filter(isRecord).map((section) => {
      const dimension = section.dimension === null || section.dimension === undefined ? undefined : pillarSlug(section.dimension)
      return {
        title: textsOf(section.title),
        evaluationDimension: scalar(section.evaluationDimension),
        ...(dimension ? { dimension } : {}),
        ...(scalar(section.subDimension) ? { subDimension: scalar(section.subDimension) } : {}),
        questions: listOf(section.questions).filter(isRecord).map((question) => portableQuestion(question)),
      }
    }),
  }
}

function portableQuestion(question: Record<string, unknown>): PortableQuestion {
  const guidance = textsOf(question.guidance)
  const condition = isRecord(question.condition) ? question.condition : {}
  const options = listOf(question.options).filter(isRecord)
  const levels = listOf(question.levels).filter(isRecord)
  const optional = (name: string, value: number | string | undefined) =>
    value === undefined || value === '' ? {} : { [name]: value }
  return {
    key: scalar(question.key),
    type: scalar(question.type) as QuestionType,
    weight: number(question.weight) ?? 1,
    text: textsOf(question.text),
    ...(guidance.id || guidance.en ? { guidance } : {}),
    evidence: (scalar(question.evidence) || 'optional') as EvidenceRequirement,
    ...optional('evidenceFromLevel', number(question.evidenceFromLevel)),
    ...optional('unit', scalar(question.unit)),
    ...optional('min', number(question.min)),
    ...optional('max', number(question.max)),
    ...(options.length ? { options: options.map((option) => ({ value: scalar(option.value), label: textsOf(option.label) })) } : {}),
    ...(levels.length ? { levels: levels.map((level) => ({ level: number(level.level) ?? NaN, descriptor: textsOf(level.descriptor) })) } : {}),
    ...(scalar(condition.question) || scalar(condition.equals)
      ? {
          condition: {
            ...(scalar(condition.question) ? { question: scalar(condition.question) } : {}),
            ...(scalar(condition.equals) ? { equals: scalar(condition.equals) } : {}),
          },
        }
      : {}),
  }
}

/** Whether any text of the instrument has an English version, i.e. whether an English pass is needed. */
export function hasEnglish(instrument: PortableInstrument): boolean {
  return JSON.stringify(instrument).includes('"en":')
}

/**
 * The instrument as Payload data in one language, with pillar slugs turned into ids. In English a
 * text without an English version falls back to the Indonesian one, which is what a reader of the
 * English site sees anyway; required fields may not be left empty in any language.
 */
export function toStoredData(
  instrument: PortableInstrument,
  locale: 'id' | 'en',
  pillarId: (slug: string) => number | undefined,
) {
  const text = (value: Texts | undefined) => (locale === 'en' ? (value?.en ?? value?.id) : value?.id)
  return {
    title: text(instrument.title) ?? '',
    year: instrument.year,
    version: instrument.version,
    evaluationDimensions: instrument.evaluationDimensions.map((row) => ({ key: row.key, name: text(row.name) ?? '', weight: row.weight })),
    sections: instrument.sections.map((section) => ({
      title: text(section.title) ?? '',
      evaluationDimension: section.evaluationDimension,
      dimension: section.dimension ? (pillarId(section.dimension) ?? null) : null,
      subDimension: section.subDimension ?? null,
      questions: section.questions.map((question) => ({
        key: question.key,
        type: question.type,
        weight: question.weight,
        text: text(question.text) ?? '',
        guidance: text(question.guidance) ?? null,
        evidence: question.evidence,
        evidenceFromLevel: question.evidenceFromLevel ?? null,
        unit: question.unit ?? null,
        min: question.min ?? null,
        max: question.max ?? null,
        options: (question.options ?? []).map((option) => ({ value: option.value, label: text(option.label) ?? '' })),
        levels: (question.levels ?? []).map((level) => ({ level: level.level, descriptor: text(level.descriptor) ?? '' })),
        condition: { question: question.condition?.question ?? null, equals: question.condition?.equals ?? null },
      })),
    })),
  }
}

/**
 * Gives each array row of `data` the id of the row at the same place in `doc`. Payload keeps the
 * other language's texts of a row only when the row keeps its id, so the English pass over a new
 * instrument must name the rows the Indonesian pass created.
 */
export function withRowIdsOf<T>(data: T, doc: unknown): T {
  if (!isRecord(data) || !isRecord(doc)) return data
  const result: Record<string, unknown> = { ...data }
  for (const [key, value] of Object.entries(data)) {
    const existing = doc[key]
    if (Array.isArray(value) && Array.isArray(existing)) {
      result[key] = value.map((row: unknown, index) => {
        const before: unknown = existing[index]
        if (!isRecord(row) || !isRecord(before)) return row
        const carried = withRowIdsOf(row, before) as Record<string, unknown>
        return before.id !== undefined && carried.id === undefined ? { ...carried, id: before.id } : carried
      })
    } else if (isRecord(value) && isRecord(existing)) {
      result[key] = withRowIdsOf(value, existing)
    }
  }
  return result as T
}

