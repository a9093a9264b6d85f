import { copyFile, mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Article } from '../../shared/domain'

/** An article to copy and the folder its file and pictures are in. */
export interface ArticleAt {
  article: Article
  root: string
}

/** The pictures an article shows, as paths relative to its content folder. */
export function picturesOf(article: Article): string[] {
  return article.sections.flatMap((section) =>
    section.blocks.flatMap((block) => (block.type === 'image' ? [block.src] : []))
  )
}

/**
 * Copies articles and the pictures they show into a folder, each at the same place relative to it as in its own
 * folder, so the copy reads as the original did. Only what is valid is ever copied: nothing else of a folder (a
 * broken draft, a stray document) goes along.
 */
export async function copyArticles(articles: ArticleAt[], destination: string): Promise<void> {
  const copied = new Set<string>()
  for (const { article, root } of articles) {
    for (const file of [article.file, ...picturesOf(article)]) {
      if (copied.has(file)) continue
      copied.add(file)
      await mkdir(dirname(join(destination, file)), { recursive: true })
      await copyFile(join(root, file), join(destination, file))
    }
  }
}
