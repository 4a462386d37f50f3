import type { Program } from '../../cms/payload-types.ts'
import { type Bilingual, t } from './bilingual.ts'

export type RichText = NonNullable<Program['description']>

const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr' as const,
  format: '' as const,
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children: [{ type: 'text', version: 1, text, detail: 0, format: 0, mode: 'normal', style: '' }],
})

/** The smallest Lexical document the editor accepts: a root holding plain paragraphs. */
export function paragraphs(...texts: string[]): RichText {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: texts.map(paragraph),
    },
  }
}

/** One Lexical document per language from paragraphs written in both. */
export function richText(...texts: Bilingual[]): Bilingual<RichText> {
  return t(paragraphs(...texts.map((text) => text.id)), paragraphs(...texts.map((text) => text.en)))
}
