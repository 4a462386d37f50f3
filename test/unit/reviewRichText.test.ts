import { describe, expect, it } from 'vitest'

import { isRicherThanPlain, plainToRichText, richTextToPlain } from '../../cms/domain/richText.ts'

describe('recommendations edited as plain text in the review workspace', () => {
  it('keeps paragraphs and line breaks through a round trip', () => {
    const text = 'Jajaki dana CSR untuk CCTV.\nMulai dari pasar.\n\nLatih operator ruang kendali.'
    const state = plainToRichText(text)
    expect(state?.root.children).toHaveLength(2)
    expect(richTextToPlain(state)).toBe(text)
    expect(isRicherThanPlain(state)).toBe(false)
  })

  it('stores blank text as no rich text at all', () => {
    expect(plainToRichText('  \n\n ')).toBeNull()
    expect(richTextToPlain(null)).toBe('')
  })

  it('notices formatting that plain editing would lose', () => {
    const bold = { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Penting', format: 1 }] }] } }
    const list = { root: { type: 'root', children: [{ type: 'list', children: [{ type: 'listitem', children: [] }] }] } }
    expect(isRicherThanPlain(bold)).toBe(true)
    expect(isRicherThanPlain(list)).toBe(true)
  })
})
