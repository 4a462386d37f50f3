/**
 * Recommendations are rich text (Lexical JSON); the review workspace edits them as plain paragraphs.
 * Blank lines separate paragraphs, single line breaks stay within one.
 */
type LexicalNode = { type?: string; text?: string; children?: LexicalNode[] }
type LexicalState = { root?: LexicalNode }

const PLAIN_NODES = new Set(['root', 'paragraph', 'text', 'linebreak'])

function textOf(node: LexicalNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'linebreak') return '\n'
  return (node.children ?? []).map(textOf).join('')
}

/** The paragraphs of a Lexical state as text, one blank line between them. */
export function richTextToPlain(value: unknown): string {
  const root = (value as LexicalState | null)?.root
  if (!root) return ''
  return (root.children ?? [])
    .map(textOf)
    .join('\n\n')
    .trim()
}

/** Whether a Lexical state holds anything but paragraphs of text, which plain editing would lose. */
export function isRicherThanPlain(value: unknown): boolean {
  const walk = (node: LexicalNode): boolean =>
    !PLAIN_NODES.has(node.type ?? '') || (node.type === 'text' && Boolean((node as { format?: number }).format)) || (node.children ?? []).some(walk)
  const root = (value as LexicalState | null)?.root
  return root ? walk(root) : false
}

const paragraph = (text: string) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  textStyle: '',
  children: text.split('\n').flatMap((line, index) => [
    ...(index > 0 ? [{ type: 'linebreak', version: 1 }] : []),
    ...(line ? [{ type: 'text', text: line, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] : []),
  ]),
})

/** Plain text as a Lexical state of paragraphs; null for blank text, so an empty field stays empty. */
export function plainToRichText(text: string) {
  const paragraphs = text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
  if (paragraphs.length === 0) return null
  return { root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: paragraphs.map(paragraph) } }
}
