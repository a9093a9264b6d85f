import { basename } from 'node:path'
import type { ElementContent, Root as HastRoot, RootContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import mammoth from 'mammoth'
import { articleFromHtml } from './html-importer'
import type { ImportedArticle } from './imported-article'

// Word's Title style names the article; mammoth's default map would leave it a plain paragraph.
const titleClass = 'kiosk-title'
const styleMap = [`p[style-name='Title'] => h1.${titleClass}:fresh`]

function text(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value
  return 'children' in node ? node.children.map(text).join('') : ''
}

function headingDepth(node: RootContent | undefined): number | null {
  const found = node?.type === 'element' ? /^h([1-6])$/.exec(node.tagName) : null
  return found ? Number(found[1]) : null
}

/**
 * Takes the title out of a Word document: the paragraph in Word's Title style, or else a first heading that no other
 * heading outranks (one Heading 1 over sections in Heading 2). Null when the document has neither.
 */
function takeTitle(tree: HastRoot): string | null {
  const elements = tree.children.filter((node) => node.type === 'element')
  const styled = elements.find((node) => node.properties['className']?.toString().split(' ').includes(titleClass))
  const first = elements[0]
  const depth = headingDepth(first)
  const title =
    styled ??
    (depth !== null && !elements.slice(1).some((node) => (headingDepth(node) ?? 7) <= depth) ? first : undefined)
  if (!title) return null
  tree.children.splice(tree.children.indexOf(title), 1)
  return text(title).replace(/\s+/g, ' ').trim() || null
}

/**
 * Imports a Word document (.docx) with mammoth: headings by Word's heading styles (Heading 1, 2, 3 …), the title
 * from the Title style, lists, bold and italic, and pictures with their descriptions (Word's alt text).
 */
export async function importDocx(bytes: Uint8Array, sourceFile: string): Promise<ImportedArticle> {
  const converted = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    { styleMap, convertImage: mammoth.images.dataUri }
  )
  const tree = fromHtml(converted.value, { fragment: true })
  const title = takeTitle(tree)
  const article = articleFromHtml(tree, { title, language: null, sourceFile })
  return { ...article, origin: `the Word document ${basename(sourceFile)}` }
}
