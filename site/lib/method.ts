import type { Locale } from './locale.ts'

/**
 * The scoring method as Markdown, taken from the documentation block at the top of the scoring
 * engine, so the method page says what the code does. The block holds one section per language
 * ("## Bahasa Indonesia", "## English"); each becomes its page's text with its headings kept.
 */
export function scoringMethodMarkdown(source: string): Record<Locale, string> {
  const block = /^\s*\/\*\*([\s\S]*?)\*\//.exec(source)
  if (!block) throw new Error('Dokumentasi metode penilaian tidak ditemukan / The scoring method documentation block is missing')
  const text = block[1]
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
  const indonesian = /^## Bahasa Indonesia\s*$/m.exec(text)
  const english = /^## English\s*$/m.exec(text)
  if (!indonesian || !english || english.index < indonesian.index) {
    throw new Error('Dokumentasi metode penilaian harus punya bagian "## Bahasa Indonesia" lalu "## English" / needs both language sections')
  }
  return {
    id: text.slice(indonesian.index + indonesian[0].length, english.index).trim(),
    en: text.slice(english.index + english[0].length).trim(),
  }
}
