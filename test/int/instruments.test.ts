import ExcelJS from 'exceljs'
import { createLocalReq, type Payload, type PayloadHandler, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { COLLECTIONS } from '../../cms/constants.ts'
import { duplicateInstrument } from '../../cms/collections/Instruments/endpoints/duplicateInstrument.ts'
import { exportInstrument } from '../../cms/collections/Instruments/endpoints/exportInstrument.ts'
import { importInstrument } from '../../cms/collections/Instruments/endpoints/importInstrument.ts'
import { instrumentToTables, QUESTION_COLUMNS, toPortable } from '../../cms/domain/instrumentSheet.ts'
import { writeWorkbook } from '../../cms/infra/instrumentWorkbook.ts'
import type { Instrument, User } from '../../cms/payload-types.ts'
import { buildFixture, type Fixture, instrumentData, periodData } from '../helpers/fixture.ts'
import { testPayload } from '../helpers/payload.ts'

let payload: Payload
let fixture: Fixture

beforeAll(async () => {
  payload = await testPayload()
  fixture = await buildFixture(payload)
})

const asSecretariat = () => ({ user: fixture.users.secretariat, overrideAccess: false as const })

/** An instrument with English texts down to the level descriptors, used by a period in `status`. */
async function instrumentUsedBy(status: 'upcoming' | 'open' | 'closed' | null): Promise<Instrument> {
  const data = instrumentData(fixture.dimension)
  const instrument = await payload.create({ collection: COLLECTIONS.instruments, data, locale: 'id' })
  if (status) {
    await payload.create({ collection: COLLECTIONS.periods, data: { ...periodData({ ...fixture, instrument }), status } })
  }
  return instrument
}

type Caller = User & { collection: 'users' }

/** The response of an endpoint handler called the way Payload's REST router would, as `user`. */
async function respond(handler: PayloadHandler, user: Caller, request: Partial<PayloadRequest> = {}): Promise<Response> {
  const req = await createLocalReq({ user }, payload)
  Object.assign(req, request)
  return handler(req)
}

async function call(handler: PayloadHandler, user: Caller, routeParams: Record<string, string | number> = {}) {
  const response = await respond(handler, user, { routeParams })
  return { status: response.status, body: await response.json() }
}

describe('freezing an instrument', () => {
  it.each(['open', 'closed'] as const)('refuses the secretariat editing an instrument of a %s period, naming it', async (status) => {
    const instrument = await instrumentUsedBy(status)
    const edit = payload.update({ collection: COLLECTIONS.instruments, id: instrument.id, data: { year: 2024 }, ...asSecretariat() })
    await expect(edit).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/^Instrumen ini dipakai periode "Evaluasi Smart City \d+" \((dibuka|ditutup)\) sehingga dibekukan: .*"Duplikat sebagai versi baru"/),
    })
  })

  it.each(['upcoming', null] as const)('lets the secretariat edit an instrument of a period that is %s', async (status) => {
    const instrument = await instrumentUsedBy(status)
    const edited = await payload.update({ collection: COLLECTIONS.instruments, id: instrument.id, data: { year: 2024 }, ...asSecretariat() })
    expect(edited.year).toBe(2024)
  })

  it.each(['open', 'closed', 'upcoming'] as const)('refuses deleting an instrument that a period in status %s uses', async (status) => {
    const instrument = await instrumentUsedBy(status)
    await expect(payload.delete({ collection: COLLECTIONS.instruments, id: instrument.id, ...asSecretariat() })).rejects.toMatchObject({
      status: 409,
    })
    expect((await payload.count({ collection: COLLECTIONS.instruments, where: { id: { equals: instrument.id } } })).totalDocs).toBe(1)
  })

  it('lets the secretariat delete an instrument no period uses', async () => {
    const instrument = await instrumentUsedBy(null)
    await payload.delete({ collection: COLLECTIONS.instruments, id: instrument.id, ...asSecretariat() })
    expect((await payload.count({ collection: COLLECTIONS.instruments, where: { id: { equals: instrument.id } } })).totalDocs).toBe(0)
  })

  it('lets the system (seed) re-apply data to a frozen instrument', async () => {
    const edited = await payload.update({ collection: COLLECTIONS.instruments, id: fixture.instrument.id, data: { year: 2023 } })
    expect(edited.id).toBe(fixture.instrument.id)
  })
})

describe('duplicating an instrument as a new version', () => {
  /** A frozen instrument whose English texts sit in the title and inside nested arrays. */
  async function bilingualFrozenInstrument(): Promise<Instrument> {
    const instrument = await instrumentUsedBy(null)
    const question = instrument.sections?.[0]?.questions?.[0]
    const withLevels = await payload.update({
      collection: COLLECTIONS.instruments,
      id: instrument.id,
      locale: 'id',
      data: {
        sections: [{ ...instrument.sections![0], questions: [{ ...question!, levels: [{ level: 1, descriptor: 'Ad hoc' }] }] }],
      },
    })
    const section = withLevels.sections![0]
    const q = section.questions![0]
    await payload.update({
      collection: COLLECTIONS.instruments,
      id: instrument.id,
      locale: 'en',
      data: {
        title: `${instrument.title} (EN)`,
        evaluationDimensions: withLevels.evaluationDimensions!.map((row) => ({ ...row, name: `${row.name} EN` })),
        sections: [
          {
            ...section,
            title: 'Governance',
            questions: [{ ...q, text: 'Maturity of online services', levels: [{ ...q.levels![0], descriptor: 'Ad hoc EN' }] }],
          },
        ],
      },
    })
    await payload.create({ collection: COLLECTIONS.periods, data: periodData({ ...fixture, instrument }) })
    return instrument
  }

  it('lets the secretariat duplicate a frozen instrument as the next version, English texts included', async () => {
    const source = await bilingualFrozenInstrument()
    const first = await call(duplicateInstrument, fixture.users.secretariat, { id: source.id })
    const second = await call(duplicateInstrument, fixture.users.secretariat, { id: source.id })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)

    const copy = await payload.findByID({ collection: COLLECTIONS.instruments, id: first.body.id, locale: 'en', depth: 0 })
    expect(copy.version).toBe(2)
    expect(copy.title).toBe(`${source.title} (EN)`)
    expect(copy.evaluationDimensions?.map((row) => row.name)).toEqual(['Output EN', 'Outcome EN'])
    expect(copy.sections?.[0]?.title).toBe('Governance')
    expect(copy.sections?.[0]?.questions?.[0]?.text).toBe('Maturity of online services')
    expect(copy.sections?.[0]?.questions?.[0]?.levels?.[0]?.descriptor).toBe('Ad hoc EN')
    const indonesian = await payload.findByID({ collection: COLLECTIONS.instruments, id: first.body.id, locale: 'id', depth: 0 })
    expect(indonesian.sections?.[0]?.questions?.[0]?.levels?.[0]?.descriptor).toBe('Ad hoc')
    expect((await payload.findByID({ collection: COLLECTIONS.instruments, id: second.body.id, depth: 0 })).version).toBe(3)

    const editedCopy = await payload.update({ collection: COLLECTIONS.instruments, id: first.body.id, data: { year: 2024 }, ...asSecretariat() })
    expect(editedCopy.year).toBe(2024)
  })

  it.each(['councilA', 'assessorA'] as const)('refuses %s duplicating an instrument', async (actor) => {
    const before = await payload.count({ collection: COLLECTIONS.instruments })
    const { status } = await call(duplicateInstrument, fixture.users[actor], { id: fixture.instrument.id })
    expect(status).toBe(403)
    expect((await payload.count({ collection: COLLECTIONS.instruments })).totalDocs).toBe(before.totalDocs)
  })
})

/** A fully bilingual instrument (title, names, sections, questions, guidance, options, levels). */
const bilingual = () => ({
  title: { id: `Instrumen Dwibahasa ${Math.random().toString(36).slice(2, 8)}`, en: 'Bilingual instrument' },
  year: 2024,
  version: 1,
  evaluationDimensions: [
    { key: 'output', name: { id: 'Keluaran', en: 'Output' }, weight: 40 },
    { key: 'outcome', name: { id: 'Hasil', en: 'Outcome' }, weight: 60 },
  ],
  sections: [
    {
      title: { id: 'Tata kelola', en: 'Governance' },
      evaluationDimension: 'output',
      dimension: fixture.dimension.slug,
      subDimension: 'public-services',
      questions: [
        {
          key: 'G1',
          type: 'maturity',
          weight: 2,
          text: { id: 'Kematangan layanan daring', en: 'Maturity of online services' },
          guidance: { id: 'Lihat SK', en: 'See the decree' },
          evidence: 'required_from_level',
          evidenceFromLevel: 3,
          levels: [
            { level: 1, descriptor: { id: 'Ad hoc; tanpa rencana', en: 'Ad hoc; no plan' } },
            { level: 2, descriptor: { id: 'Awal', en: 'Initial' } },
          ],
        },
        {
          key: 'G2',
          type: 'multi_choice',
          weight: 1,
          text: { id: 'Saluran layanan', en: 'Service channels' },
          evidence: 'optional',
          options: [
            { value: 'web', label: { id: 'Situs web', en: 'Website' } },
            { value: 'app', label: { id: 'Aplikasi', en: 'App' } },
          ],
          condition: { question: 'G1', equals: '3' },
        },
      ],
    },
    {
      title: { id: 'Lingkungan', en: 'Environment' },
      evaluationDimension: 'outcome',
      questions: [
        { key: 'E1', type: 'number', weight: 1, text: { id: 'Ton plastik', en: 'Tonnes of plastic' }, evidence: 'none', unit: 'ton', min: 0, max: 250 },
      ],
    },
  ],
})

const importAs = (user: Caller, request: Partial<PayloadRequest>) => respond(importInstrument, user, request)
const exportAs = async (user: Caller, id: number, format?: string) =>
  respond(exportInstrument, user, { routeParams: { id }, query: format ? { format } : {} })
const countInstruments = async () => (await payload.count({ collection: COLLECTIONS.instruments })).totalDocs

describe('importing an instrument', () => {
  it('lets the secretariat import a JSON instrument with both languages', async () => {
    const response = await importAs(fixture.users.secretariat, { data: bilingual() })
    expect(response.status).toBe(201)
    const { id } = await response.json()
    const english = await payload.findByID({ collection: COLLECTIONS.instruments, id, locale: 'en', depth: 0 })
    expect(english.title).toBe('Bilingual instrument')
    expect(english.sections?.[0]?.questions?.[0]?.levels?.[0]?.descriptor).toBe('Ad hoc; no plan')
    expect(english.sections?.[0]?.dimension).toBe(fixture.dimension.id)
    const indonesian = await payload.findByID({ collection: COLLECTIONS.instruments, id, locale: 'id', depth: 0 })
    expect(indonesian.sections?.[0]?.questions?.[1]?.options?.map((option) => option.label)).toEqual(['Situs web', 'Aplikasi'])
  })

  it('refuses a file with several bad rows, listing every one, and saves nothing', async () => {
    const tables = instrumentToTables(toPortable(bilingual()))
    const set = (row: number, column: (typeof QUESTION_COLUMNS)[number], value: string) => {
      tables.questions.cells[row][QUESTION_COLUMNS.indexOf(column)] = value
    }
    set(1, 'type', 'slider')
    set(2, 'evaluation_dimension', 'impact')
    set(3, 'text_id', '')
    const file = { data: await writeWorkbook(tables, 'csv'), mimetype: 'text/csv', name: 'instrumen.csv', size: 0 }
    const before = await countInstruments()
    const response = await importAs(fixture.users.secretariat, { file })
    expect(response.status).toBe(400)
    const { errors } = await response.json()
    // The CSV holds 6 settings lines and an empty one before the questions' header on line 8.
    expect(errors.map((error: { row: number; column: string }) => `${error.row}:${error.column}`)).toEqual([
      '9:type',
      '10:evaluation_dimension',
      '11:text_id',
    ])
    expect(errors[1]).toMatchObject({ code: 'instrument.sectionDimension', message: 'Dimensi evaluasi "impact" tidak ada di pengaturan' })
    expect(await countInstruments()).toBe(before)
  })

  it('refuses evaluation-dimension weights that do not total 100% and saves nothing', async () => {
    const data = { ...bilingual(), evaluationDimensions: [{ key: 'output', name: 'Output', weight: 40 }, { key: 'outcome', name: 'Hasil', weight: 50 }] }
    const before = await countInstruments()
    const response = await importAs(fixture.users.secretariat, { data })
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0]).toMatchObject({ sheet: 'settings', column: 'value', message: 'Bobot dimensi evaluasi berjumlah 90%, harus 100%' })
    expect(await countInstruments()).toBe(before)
  })

  it('leaves nothing behind when writing the English texts fails', async () => {
    const before = await countInstruments()
    const failure = vi.spyOn(payload, 'update').mockRejectedValueOnce(new Error('disk full'))
    try {
      await expect(importAs(fixture.users.secretariat, { data: bilingual() })).rejects.toThrow('disk full')
    } finally {
      failure.mockRestore()
    }
    expect(await countInstruments()).toBe(before)
  })

  it.each(['councilA', 'assessorA'] as const)('refuses %s importing an instrument', async (actor) => {
    const before = await countInstruments()
    expect((await importAs(fixture.users[actor], { data: bilingual() })).status).toBe(403)
    expect(await countInstruments()).toBe(before)
  })
})

describe('exporting an instrument', () => {
  let instrumentId: number
  beforeAll(async () => {
    instrumentId = (await (await importAs(fixture.users.secretariat, { data: bilingual() })).json()).id
  })

  it('gives a council member the workbook with a questions and a settings sheet', async () => {
    const response = await exportAs(fixture.users.councilA, instrumentId, 'xlsx')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="instrumen-dwibahasa-[a-z0-9-]+-v1\.xlsx"$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const questions = workbook.getWorksheet('questions')!
    expect(questions.getRow(1).values).toEqual([undefined, ...QUESTION_COLUMNS])
    expect(questions.rowCount).toBe(4)
    const g1 = questions.getRow(2)
    expect(g1.getCell(QUESTION_COLUMNS.indexOf('key') + 1).value).toBe('G1')
    expect(g1.getCell(QUESTION_COLUMNS.indexOf('text_en') + 1).value).toBe('Maturity of online services')
    expect(g1.getCell(QUESTION_COLUMNS.indexOf('levels') + 1).value).toBe('1:Ad hoc\\; tanpa rencana|Ad hoc\\; no plan;2:Awal|Initial')
    expect(workbook.getWorksheet('settings')!.getRow(2).values).toEqual([undefined, 'title', '', '', expect.stringMatching(/^Instrumen Dwibahasa/), 'Bilingual instrument'])
  })

  it('gives CSV and JSON with their content types', async () => {
    const csv = await exportAs(fixture.users.assessorA, instrumentId, 'csv')
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('Content-Disposition')).toMatch(/\.csv"$/)
    expect((await csv.text()).split('\n')[7]).toBe(QUESTION_COLUMNS.join(','))
    const json = await exportAs(fixture.users.secretariat, instrumentId, 'json')
    expect(json.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect((await json.json()).sections[0].dimension).toBe(fixture.dimension.slug)
  })

  it('refuses an unknown format', async () => {
    expect((await exportAs(fixture.users.secretariat, instrumentId, 'pdf')).status).toBe(400)
  })

  it.each(['xlsx', 'csv', 'json'] as const)('round-trips through %s: export then import gives an equal instrument', async (format) => {
    const exported = await exportAs(fixture.users.secretariat, instrumentId, format)
    const file = { data: Buffer.from(await exported.arrayBuffer()), mimetype: exported.headers.get('Content-Type')!, name: `instrumen.${format}`, size: 0 }
    const imported = await importAs(fixture.users.secretariat, { file })
    expect(imported.status).toBe(201)
    const { id } = await imported.json()
    const asJson = async (instrument: number) => (await exportAs(fixture.users.secretariat, instrument, 'json')).json()
    expect(await asJson(id)).toEqual(await asJson(instrumentId))
  })

  it('round-trips an instrument written in Indonesian only, without inventing English', async () => {
    const exported = await exportAs(fixture.users.secretariat, fixture.instrument.id, 'xlsx')
    const file = { data: Buffer.from(await exported.arrayBuffer()), mimetype: 'application/octet-stream', name: 'instrumen.xlsx', size: 0 }
    const { id } = await (await importAs(fixture.users.secretariat, { file })).json()
    const asJson = async (instrument: number) => (await exportAs(fixture.users.secretariat, instrument, 'json')).json()
    const copy = await asJson(id)
    expect(copy).toEqual(await asJson(fixture.instrument.id))
    expect(copy.title.en).toBeUndefined()
  })
})
