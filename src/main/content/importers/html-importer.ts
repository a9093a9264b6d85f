import { readFileSync, statSync } from 'node:fs'
import { basename, dirname, extname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Readability } from '@mozilla/readability'
import type { Root as HastRoot } from 'hast'
import type { Root as MdastRoot, RootContent } from 'mdast'
import { fromHtml } from 'hast-util-from-html'
import { toMdast } from 'hast-util-to-mdast'
import { toString } from 'mdast-util-to-string'
import { parseHTML } from 'linkedom'
import { imageExtensions } from '../../../shared/article-schema'
import { linkProblem } from '../../../shared/take-home'
import { contentLimits, sizeInWords } from '../content-limits'
import { followInside, isInside, linkProblems } from '../content-links'
import { languageFromTag, languageOfText } from './article-language'
import { firstSentences, type ImportedArticle } from './imported-article'
import { tableCellHandlers } from './import-table'
import { type ImageDecision, shapeForKiosk } from './kiosk-markdown'
import { declaredHtmlCharset, decodeSourceText } from './source-text'

/** The little of the DOM the importer uses, as linkedom provides it. */
interface PageElement {
  tagName: string
  id: string
  textContent: string | null
  innerHTML: string
  getAttribute: (name: string) => string | null
  hasAttribute: (name: string) => boolean
  remove: () => void
}
interface PageDocument {
  documentElement: PageElement
  body: PageElement | null
  title: string
  querySelector: (selector: string) => PageElement | null
  querySelectorAll: (selector: string) => ArrayLike<PageElement>
}

// Parts of a class or id (split at - and _) that name page furniture: cookie notices, sharing, related links,
// comments, adverts, breadcrumbs, newsletters. Readability leaves some of these inside an article's container.
const clutterWords = new Set([
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'share',
  'shares',
  'sharing',
  'sharedaddy',
  'social',
  'related',
  'relatedposts',
  'comment',
  'comments',
  'respond',
  'newsletter',
  'subscribe',
  'breadcrumb',
  'breadcrumbs',
  'ad',
  'ads',
  'advert',
  'adverts',
  'advertisement',
  'sponsor',
  'sponsored',
  'promo',
  'skip',
  'widget',
  'pagination',
  'popup',
  'modal',
  'feedback',
  // Spanish sites
  'compartir',
  'relacionados',
  'relacionadas',
  'comentarios',
  'publicidad',
  'migas'
])

// Never article text, wherever they are.
const alwaysClutter = [
  'script',
  'style',
  'noscript',
  'template',
  'base',
  'nav',
  'button',
  'input',
  'select',
  'textarea',
  '[role="navigation"]',
  '[role="search"]'
].join(',')

// Usually not article text, but some sites wrap the whole page in one of these (ASP.NET puts everything in a form).
const usualClutter = [
  'form',
  'iframe',
  'object',
  'embed',
  '[hidden]',
  '[aria-hidden="true"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="complementary"]'
].join(',')

function isClutterName(value: string | null): boolean {
  if (!value) return false
  return value
    .toLowerCase()
    .split(/\s+/)
    .some((token) => token.split(/[-_]+/).some((part) => clutterWords.has(part)))
}

/**
 * Takes out what is plainly not the article before Readability looks for it. Apart from scripts, menus and form
 * controls, an element that holds most of the page's text is never taken out, whatever its class says (a blog post
 * in a category named "comments", say).
 */
function removeClutter(document: PageDocument): void {
  const pageLength = (document.body?.textContent ?? '').length
  const keep = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE'])
  const mostOfPage = (element: PageElement) => (element.textContent ?? '').length > pageLength * 0.4
  for (const element of Array.from(document.querySelectorAll(alwaysClutter))) element.remove()
  for (const element of Array.from(document.querySelectorAll(usualClutter))) {
    if (!keep.has(element.tagName.toUpperCase()) && !mostOfPage(element)) element.remove()
  }
  for (const element of Array.from(document.querySelectorAll('[class], [id]'))) {
    if (keep.has(element.tagName.toUpperCase()) || mostOfPage(element)) continue
    if (isClutterName(element.getAttribute('class')) || isClutterName(element.getAttribute('id'))) element.remove()
  }
}

function metaContent(document: PageDocument, selector: string): string | null {
  const value = document.querySelector(selector)?.getAttribute('content')?.trim()
  return value ? value : null
}

/** Where the page came from: the address a browser notes when it saves a page, or the page's own canonical address. */
function pageAddress(html: string, document: PageDocument): string | null {
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 2048))?.[1]
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')
  const address = saved ?? canonical ?? metaContent(document, 'meta[property="og:url"]')
  return address && /^https?:\/\//i.test(address) ? address : null
}

/**
 * The page's own address for the draft's `link`: its canonical link, or else its og:url, kept only when the kiosk
 * would accept it (https, no password, a short address); otherwise why not, for the draft to say.
 */
function pageLink(document: PageDocument): { link: string | null; note?: string } {
  const candidates = [
    document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim(),
    metaContent(document, 'meta[property="og:url"]')
  ].filter((address): address is string => Boolean(address))
  const kept = candidates.find((address) => linkProblem(address) === null)
  if (kept) return { link: kept }
  const [first] = candidates
  if (!first) return { link: null }
  // The note goes on a comment line of the draft: a line break in the page's text must not start a line of its own.
  const shown = first.slice(0, 200).replace(/[\p{C}\p{Zl}\p{Zp}]+/gu, ' ')
  return { link: null, note: `the page's own address ${shown} was not kept: "link" ${linkProblem(first)}` }
}

function pictureName(wanted: string, taken: Set<string>): string {
  const extension = extname(wanted).toLowerCase()
  const stem =
    basename(wanted, extname(wanted))
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'picture'
  let name = `${stem}${extension}`
  for (let count = 2; taken.has(name); count++) name = `${stem}-${count}${extension}`
  taken.add(name)
  return name
}

const dataImageTypes: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/svg+xml': '.svg'
}

/** The path a file: address names on this machine, or null for one that names none (another machine's). */
function fileUrlPath(url: string): string | null {
  try {
    return fileURLToPath(url)
  } catch {
    return null
  }
}

/** Copies pictures saved with the page (its `_files` folder) or embedded in it, and leaves out those on the web, saying so. */
export function pageImages(sourceFile: string): (url: string, alt: string) => ImageDecision {
  const taken = new Set<string>()
  let embedded = 0
  return (url, alt) => {
    const described = alt.trim() ? `"${alt.trim()}"` : url.slice(0, 80)
    const data = /^data:([\w/+.-]+);base64,(.*)$/is.exec(url)
    if (data) {
      const extension = dataImageTypes[(data[1] ?? '').toLowerCase()]
      if (!extension) return { note: `The picture ${described} is in a format the kiosk cannot show and was left out.` }
      embedded += 1
      return { name: pictureName(`picture-${embedded}${extension}`, taken), bytes: Buffer.from(data[2] ?? '', 'base64') }
    }
    let path: string | null
    if (/^file:/i.test(url)) {
      // An address of another machine (file://server/share) has no path here, and is outside the folder anyway.
      path = fileUrlPath(url)
    } else if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
      return {
        note: `The picture ${described} is on the web (${url}) and was left out: the kiosk shows no pictures from the internet.`
      }
    } else {
      // The path ends at the first ? or #: a slice, since `/[?#].*$/` backtracked over a long address with many of them.
      const query = [url.indexOf('?'), url.indexOf('#')].filter((index) => index !== -1)
      const bare = query.length > 0 ? url.slice(0, Math.min(...query)) : url
      let decoded: string
      try {
        decoded = decodeURIComponent(bare)
      } catch {
        decoded = bare
      }
      path = resolve(dirname(sourceFile), decoded)
    }
    // Only the page's own folder is read: a saved page must not be a way to copy any file of the PC into a draft.
    const folder = dirname(sourceFile)
    const outside = (what: string) => ({
      note: `The picture ${described} is ${what}outside the folder the page was saved in and was left out (${url.slice(0, 200)}); save the page as "Web page, complete" to keep its pictures beside it.`
    })
    if (path === null || !isInside(folder, path)) return outside('')
    if (!imageExtensions.has(extname(path).toLowerCase())) {
      return { note: `The picture ${described} (${basename(path)}) is not a PNG, JPEG, WebP, GIF or SVG and was left out.` }
    }
    const found = followInside(folder, path)
    if ('problem' in found && found.problem === linkProblems.outside) return outside('a link to somewhere ')
    if ('problem' in found || found.kind !== 'file') {
      return {
        note: `The picture ${described} was not saved with the page (${url}) and was left out; save the page as "Web page, complete" to keep it.`
      }
    }
    const { size } = statSync(path)
    if (size > contentLimits.imageBytes) {
      return {
        note: `The picture ${described} is ${sizeInWords(size)}, more than the ${sizeInWords(contentLimits.imageBytes)} a picture may be, and was left out: save it smaller and add it by hand.`
      }
    }
    return { name: pictureName(basename(path), taken), bytes: readFileSync(path) }
  }
}

/**
 * Imports a web page saved from a browser ("Web page, complete" or "HTML only"): Readability finds the article,
 * hast-util-to-mdast turns it into Markdown's tree, and the kiosk's shaping makes sections of it. The page around
 * the article (menus, cookie notices, sharing, related links, comments, footers, adverts) is left out.
 */
export function importHtml(bytes: Uint8Array, sourceFile: string): ImportedArticle {
  const { text: html } = decodeSourceText(bytes, declaredHtmlCharset(bytes))
  const { document } = parseHTML(html) as unknown as { document: PageDocument }
  const tagLanguage = languageFromTag(document.documentElement.getAttribute('lang'))
  const address = pageAddress(html, document)
  const own = pageLink(document)
  const headings = Array.from(document.querySelectorAll('h1'))
    .map((heading) => (heading.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
  const description =
    metaContent(document, 'meta[name="description"]') ?? metaContent(document, 'meta[property="og:description"]')
  const ogTitle = metaContent(document, 'meta[property="og:title"]')
  removeClutter(document)
  const fallback = document.body?.innerHTML ?? html
  // Readability changes the document it reads; nothing else reads it afterwards.
  const found = new Readability(document as never, { charThreshold: 200 }).parse()
  const content = found?.content ?? fallback
  const title = (headings.length === 1 ? headings[0] : null) ?? ogTitle ?? found?.title?.trim() ?? null
  const tree = fromHtml(content, { fragment: true })
  const article = articleFromHtml(tree, { title: title || null, language: tagLanguage, sourceFile })
  return {
    ...article,
    summary: description ?? article.summary,
    link: own.link,
    ...(own.note ? { linkNote: own.note } : {}),
    origin: address ? `the web page ${address} (saved as ${basename(sourceFile)})` : `the saved web page ${basename(sourceFile)}`,
    notes: ['The page around the article (menus, notices, sharing, related links, comments, footer) was left out.', ...article.notes]
  }
}

/** What the HTML of an article's own content (no page around it) is known to be. */
export interface HtmlContentSource {
  title: string | null
  /** From the source's own tag; null: guessed from the text. */
  language: string | null
  sourceFile: string
}

/** Turns the HTML tree of an article's content into the kiosk's shape with hast-util-to-mdast; for pages and Word. */
export function articleFromHtml(html: HastRoot, source: HtmlContentSource): Omit<ImportedArticle, 'origin'> {
  const converted = toMdast(html, { handlers: tableCellHandlers })
  const tree: MdastRoot = converted.type === 'root' ? converted : { type: 'root', children: [converted as RootContent] }
  const language = source.language ?? languageOfText(toString(tree))
  const shaped = shapeForKiosk(tree, { title: source.title, language, image: pageImages(source.sourceFile) })
  const firstParagraph = shaped.root.children.find((node) => node.type === 'paragraph' && toString(node).length > 40)
  return {
    title: source.title,
    language,
    summary: firstParagraph ? firstSentences(toString(firstParagraph)) : null,
    body: shaped.root,
    images: shaped.images,
    notes: shaped.notes,
    pageDates: shaped.pageDates
  }
}
