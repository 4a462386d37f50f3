import { convertLexicalToHTML, defaultHTMLConverters } from '@payloadcms/richtext-lexical/html'

/**
 * Rich text written in the CMS (Lexical JSON) as HTML for a public page. Payload's converter escapes
 * every text and passes every link address through its URL sanitiser (no `javascript:`); node types
 * it does not know, raw HTML and uploads render as nothing rather than as markup, because the
 * snapshot's photos are shown from the media list with their alt text instead.
 */
const publicConverters = {
  ...defaultHTMLConverters,
  upload: () => '',
  unknown: () => '',
}

type LexicalNode = { type?: unknown; text?: unknown; children?: unknown }
type LexicalDocument = { root: { children: LexicalNode[] } }

function isLexicalDocument(value: unknown): value is LexicalDocument {
  const root = (value as { root?: { children?: unknown } } | null)?.root
  return typeof root === 'object' && root !== null && Array.isArray(root.children)
}

export function richTextHtml(value: unknown): string {
  if (!isLexicalDocument(value)) return ''
  return convertLexicalToHTML({
    data: value as Parameters<typeof convertLexicalToHTML>[0]['data'],
    converters: publicConverters,
    disableContainer: true,
  })
}

/** The words of a rich text, paragraphs separated by a space: for descriptions and feed summaries. */
export function richTextPlain(value: unknown): string {
  if (!isLexicalDocument(value)) return ''
  const words: string[] = []
  const walk = (nodes: readonly LexicalNode[]) => {
    for (const node of nodes) {
      if (typeof node.text === 'string') words.push(node.text)
      else if (node.type === 'linebreak') words.push(' ')
      if (Array.isArray(node.children)) {
        walk(node.children as LexicalNode[])
        words.push(' ')
      }
    }
  }
  walk(value.root.children)
  return words.join('').replace(/\s+/g, ' ').trim()
}

/** At most `length` characters, cut at a word and marked with an ellipsis. */
export function excerpt(text: string, length = 200): string {
  if (text.length <= length) return text
  const cut = text.slice(0, length - 1)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`
}
