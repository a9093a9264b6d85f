import type { FoundStatus } from './fleet-files'

// Exports name articles by id; the kiosks' status files carry their titles, so the fleet report can name them too.

/** Each article's title by id, from the status files that carry titles; the latest status wins when kiosks differ. */
export function fleetArticleTitles(statuses: readonly FoundStatus[]): Map<string, string> {
  const titles = new Map<string, string>()
  const found = statuses.flatMap((entry) => ('status' in entry ? [entry.status] : []))
  found.sort((a, b) => a.writtenAt.localeCompare(b.writtenAt))
  for (const status of found)
    for (const [id, title] of Object.entries(status.articleTitles ?? {})) titles.set(id, title)
  return titles
}

/** An article's title with its id ("Knee pain (knee-pain)"), or its id alone when no kiosk gave a title. */
export function titledArticle(titles: ReadonlyMap<string, string>, articleId: string): string {
  const title = titles.get(articleId)
  return title ? `${title} (${articleId})` : articleId
}

/** Figures that name articles by `articleId` and `title`, with each title set from the kiosks' status files. */
export function withFleetTitles<Figure extends { articleId: string; title: string }>(
  figures: Figure[],
  titles: ReadonlyMap<string, string>
): Figure[] {
  return figures.map((figure) => ({ ...figure, title: titledArticle(titles, figure.articleId) }))
}
