import { describe, expect, it } from 'vitest'

import {
  type Cell,
  type ImportContext,
  indicatorReferences,
  mapHeader,
  MAX_SHEET_ROWS,
  parseNumber,
  readRows,
  type SheetIndicator,
  type SheetRow,
  validateMeasurementRows,
} from '../../cms/domain/measurementSheet.ts'
import { rowErrorsIn } from '../../cms/domain/problems.ts'

const yearly: SheetIndicator = {
  id: 1,
  city: 10,
  programSlug: 'bank-sampah',
  name: { id: 'Sampah plastik didaur ulang', en: 'Plastic waste recycled' },
  frequency: 'yearly',
  allowNegative: false,
}
const monthly: SheetIndicator = { ...yearly, id: 2, name: { id: 'Nasabah aktif', en: 'Active members' }, frequency: 'monthly' }
const change: SheetIndicator = { ...yearly, id: 3, name: { id: 'Perubahan timbulan' }, allowNegative: true }
const foreign: SheetIndicator = { ...yearly, id: 4, city: 20, programSlug: 'kota-lain', name: { id: 'Indikator kota lain' } }

const context = (overrides: Partial<ImportContext> = {}): ImportContext => ({
  indicators: [yearly, monthly, change, foreign],
  existing: [],
  mayWrite: (city) => city === 10,
  ...overrides,
})

let rowNumber = 1
const row = (cells: SheetRow['cells']): SheetRow => ({ row: (rowNumber += 1), cells })

describe('mapHeader', () => {
  it.each<[Cell, string | undefined]>([
    ['indikator', 'indicator'],
    ['Indicator', 'indicator'],
    ['indikator / indicator', 'indicator'],
    ['  TAHUN ', 'year'],
    ['bulan / month', 'month'],
    ['Nilai', 'value'],
    ['sumber data', 'source'],
    ['catatan / note', 'note'],
    ['program / programme', 'program'],
    ['nama indikator / indicator name (info)', undefined],
    ['satuan / unit (info)', undefined],
    [42, undefined],
  ])('reads %j as %j', (label, column) => {
    expect(mapHeader(label)).toBe(column)
  })
})

describe('parseNumber', () => {
  it.each<[Cell, number | undefined]>([
    [12, 12],
    ['12.5', 12.5],
    ['12,5', 12.5],
    [' -3 ', -3],
    ['1.234,5', undefined],
    ['dua belas', undefined],
    ['', undefined],
    [null, undefined],
    [Number.NaN, undefined],
  ])('reads %j as %j', (cell, number) => {
    expect(parseNumber(cell)).toBe(number)
  })
})

describe('readRows', () => {
  it('keys cells by column and ignores unknown columns', () => {
    const { rows, errors } = readRows([
      { row: 1, cells: ['indikator / indicator', 'satuan / unit (info)', 'tahun / year', 'nilai / value'] },
      { row: 2, cells: [1, 'ton', 2024, 7] },
    ])
    expect(errors).toEqual([])
    expect(rows).toEqual([{ row: 2, cells: { indicator: 1, year: 2024, value: 7 } }])
  })

  it("names every missing required column, in the reader's language", () => {
    const { errors } = readRows([{ row: 1, cells: ['bulan', 'catatan'] }])
    expect(errors.map((error) => error.column)).toEqual(['indicator', 'year', 'value'])
    expect(rowErrorsIn(errors, 'id')[0]?.message).toBe('Kolom "indikator / indicator" tidak ada di baris judul')
    expect(rowErrorsIn(errors, 'en')[0]?.message).toBe('The header row has no "indikator / indicator" column')
  })

  it('refuses a column given twice', () => {
    const { errors } = readRows([{ row: 1, cells: ['indikator', 'tahun', 'nilai', 'value'] }])
    expect(rowErrorsIn(errors, 'id')).toMatchObject([{ row: 1, column: 'value', message: expect.stringMatching(/muncul 2 kali$/) }])
  })

  it('refuses an empty file and an oversized one', () => {
    expect(rowErrorsIn(readRows([]).errors, 'id')).toMatchObject([{ column: 'file', message: 'Berkas kosong' }])
    const header = { row: 1, cells: ['indikator', 'tahun', 'nilai'] as Cell[] }
    const body = Array.from({ length: MAX_SHEET_ROWS + 1 }, (_, index) => ({ row: index + 2, cells: [1, 2024, 1] as Cell[] }))
    expect(rowErrorsIn(readRows([header, ...body]).errors, 'en')).toMatchObject([{ column: 'file', message: expect.stringMatching(new RegExp(`at most ${MAX_SHEET_ROWS} per upload$`)) }])
  })
})

describe('validateMeasurementRows', () => {
  it('turns good rows into measurement inputs', () => {
    const rows = [
      row({ indicator: 1, year: 2024, value: '12,5', source: ' BPS ', note: '' }),
      row({ indicator: '2', year: '2024', month: 3, value: 40 }),
      row({ indicator: 3, year: 2024, value: -2 }),
    ]
    const { inputs, errors } = validateMeasurementRows(rows, context())
    expect(errors).toEqual([])
    expect(inputs).toMatchObject([
      { indicator: 1, year: 2024, month: null, value: 12.5, source: 'BPS', note: null },
      { indicator: 2, year: 2024, month: 3, value: 40 },
      { indicator: 3, value: -2 },
    ])
  })

  it('finds an indicator by name, in either language, within the programme given by slug', () => {
    const rows = [
      row({ indicator: 'plastic waste RECYCLED', program: 'bank-sampah', year: 2024, value: 1 }),
      row({ indicator: 'Sampah plastik didaur ulang', year: 2023, value: 1 }),
    ]
    const { inputs, errors } = validateMeasurementRows(rows, context())
    expect(inputs).toMatchObject([{ indicator: 1, year: 2024 }])
    expect(rowErrorsIn(errors, 'id')).toMatchObject([{ row: rows[1]?.row, column: 'indicator', message: expect.stringMatching(/isi kolom program dengan slug programnya$/) }])
  })

  it("answers another city's indicator exactly as an unknown one", () => {
    const rows = [row({ indicator: 4, year: 2024, value: 1 }), row({ indicator: 99, year: 2024, value: 1 })]
    const { errors } = validateMeasurementRows(rows, context())
    expect(rowErrorsIn(errors, 'id').map((error) => error.message.replace(/"\d+"/g, '"?"'))).toEqual([
      'Indikator "?" tidak ditemukan atau bukan milik kota Anda',
      'Indikator "?" tidak ditemukan atau bukan milik kota Anda',
    ])
  })

  describe.each<[string, SheetRow['cells'], string, 'id' | 'en', RegExp]>([
    ['a missing year', { indicator: 1, value: 1 }, 'year', 'en', /2000 to 2100$/],
    ['a year out of range', { indicator: 1, year: 1999, value: 1 }, 'year', 'id', /^Tahun harus/],
    ['a month on a yearly indicator', { indicator: 1, year: 2024, month: 5, value: 1 }, 'month', 'en', /leave the month empty$/],
    ['no month on a monthly indicator', { indicator: 2, year: 2024, value: 1 }, 'month', 'en', /fill in the month$/],
    ['month 13', { indicator: 2, year: 2024, month: 13, value: 1 }, 'month', 'en', /1 to 12$/],
    ['a value that is not a number', { indicator: 1, year: 2024, value: 'banyak' }, 'value', 'en', /must be a number, e\.g\. 12\.5$/],
    ['a negative value the indicator forbids', { indicator: 1, year: 2024, value: -1 }, 'value', 'id', /^Nilai tidak boleh negatif untuk indikator "Sampah plastik/],
    ['no indicator', { year: 2024, value: 1 }, 'indicator', 'id', /^Isi indikatornya$/],
  ])('refuses %s', (_label, cells, column, lang, message) => {
    it(`in column ${column}, in the reader's language`, () => {
      const only = row(cells)
      const { inputs, errors } = validateMeasurementRows([only], context())
      expect(inputs).toEqual([])
      expect(rowErrorsIn(errors, lang)).toContainEqual(expect.objectContaining({ row: only.row, column, message: expect.stringMatching(message) }))
    })
  })

  it('lists every bad row, not just the first', () => {
    const rows = Array.from({ length: 20 }, (_, index) => row({ indicator: 1, year: 2001 + index, value: index }))
    rows[3]!.cells.value = 'x'
    rows[9]!.cells.indicator = 99
    rows[15]!.cells.month = 2
    const { errors } = validateMeasurementRows(rows, context())
    expect(errors.map((error) => error.row)).toEqual([rows[3]!.row, rows[9]!.row, rows[15]!.row])
  })

  it('refuses the same indicator and period twice in one sheet, naming the first row', () => {
    const first = row({ indicator: 2, year: 2024, month: 1, value: 1 })
    const again = row({ indicator: 'Nasabah aktif', program: 'bank-sampah', year: 2024, month: '1', value: 2 })
    const { errors } = validateMeasurementRows([first, again], context())
    expect(rowErrorsIn(errors, 'id')).toEqual([
      { row: again.row, column: 'month', code: 'sheet.rowRepeated', message: `Baris ${first.row} sudah mengisi indikator ini untuk 01/2024` },
    ])
  })

  it('marks a row for a period already stored as an update of that measurement', () => {
    const rows = [row({ indicator: 1, year: 2024, value: 5 }), row({ indicator: 2, year: 2024, month: 2, value: 5 })]
    const { inputs } = validateMeasurementRows(
      rows,
      context({ existing: [{ id: 77, indicator: 1, year: 2024, month: null }, { id: 78, indicator: 2, year: 2024, month: 1 }] }),
    )
    expect(inputs.map((input) => input.existingId)).toEqual([77, undefined])
  })

  it('skips rows left without a value, source or note', () => {
    const { inputs, errors, skipped } = validateMeasurementRows(
      [row({ indicator: 2, year: 2024, month: 1 }), row({ indicator: 2, year: 2024, month: 2, value: 3 })],
      context(),
    )
    expect([inputs.length, errors.length, skipped]).toEqual([1, 0, 1])
  })

  it('lists what to look up: indicator IDs and programme slugs', () => {
    const rows = [row({ indicator: 1 }), row({ indicator: 'Nasabah', program: ' bank-sampah ' }), row({ indicator: '7' })]
    expect(indicatorReferences(rows)).toEqual({ ids: [1, 7], programSlugs: ['bank-sampah'] })
  })

  describe('on MongoDB, where an ID is an ObjectId of 24 hex digits', () => {
    const objectId = '6b0f72220ed633b35595aa28'
    const mongoYearly: SheetIndicator = { ...yearly, id: objectId, city: '6b0f72220ed633b35595aa10' }
    const mongoContext = context({
      indicators: [mongoYearly],
      existing: [{ id: '6b0f72220ed633b35595aa77', indicator: objectId, year: 2024, month: null }],
      mayWrite: (city) => city === mongoYearly.city,
    })

    it('lists an ObjectId, in any letter case, as an ID to look up, not a name', () => {
      const rows = [row({ indicator: ` ${objectId.toUpperCase()} ` }), row({ indicator: '6b0f72220ed633b35595aa2' })]
      expect(indicatorReferences(rows)).toEqual({ ids: [objectId], programSlugs: [] })
    })

    it('finds the indicator by its ObjectId and the stored value of the same period', () => {
      const { inputs, errors } = validateMeasurementRows([row({ indicator: objectId, year: 2024, value: 5 })], mongoContext)
      expect(errors).toEqual([])
      expect(inputs).toMatchObject([{ indicator: objectId, year: 2024, value: 5, existingId: '6b0f72220ed633b35595aa77' }])
    })

    it('answers an unknown ObjectId as not found', () => {
      const { errors } = validateMeasurementRows([row({ indicator: '6b0f72220ed633b35595aa99', year: 2024, value: 5 })], mongoContext)
      expect(rowErrorsIn(errors, 'id')).toMatchObject([
        { column: 'indicator', code: 'sheet.indicatorUnknown', message: expect.stringMatching(/^Indikator "6b0f72220ed633b35595aa99" tidak ditemukan/) },
      ])
    })
  })
})
