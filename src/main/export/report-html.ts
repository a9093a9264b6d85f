import type { ArticleEngagement } from '../../shared/engagement'
import type { ArticleSummary, GroupFigures, TrendDay } from '../../shared/staff'
import {
  attentionLegend,
  attentionSvg,
  barsSvg,
  card,
  grouped,
  html,
  type Markup,
  percent,
  reportPage,
  trendSvg
} from './report-markup'

// The report written beside an export (report.html): what a clinic manager would rather look at than a CSV. Built
// from the same figures as staff mode's summary, with the same small-group rule, so it shows nothing staff mode hides.

const ratingWords = ['Not helpful', 'A little', 'Very helpful'] as const

/** The figures of a report: the feedback and engagement it covers, figured as staff mode figures them. */
export interface ReportFigures {
  overall: GroupFigures
  trend: TrendDay[]
  articles: ArticleSummary[]
  engagement: ArticleEngagement[]
  /** The local days the engagement covers, or null when there is none. */
  engagementDays: { from: string; to: string } | null
  /** Groups smaller than this show counts only. */
  smallGroup: number
}

/** How the kiosk stands, in lines of "what: value", for the report's status card. */
export type StatusLines = Array<{ label: string; value: string; flagged?: boolean }>

/** What a single kiosk's report.html holds. */
export interface KioskReport extends ReportFigures {
  station: string
  generatedAt: Date
  /** The export files the report describes. */
  files: string[]
  status: StatusLines
}

const average = (figures: GroupFigures) =>
  figures.average === null ? '' : `, average ${figures.average.toFixed(2)} of 3 (1 = not helpful, 3 = very helpful)`

/** The headline numbers: answers, their average, visits that read on. */
export function totalsCard(figures: ReportFigures): Markup {
  const visits = figures.engagement.reduce((sum, article) => sum + article.visits, 0)
  const finished = figures.engagement.reduce((sum, article) => sum + (article.finished ?? 0), 0)
  return card(
    'Totals',
    html`<ul class="totals">
        <li><strong>${grouped(figures.overall.count)}</strong> answers to "Was this helpful?"</li>
        <li>
          <strong>${figures.overall.average === null ? '—' : figures.overall.average.toFixed(2)}</strong> average rating
          of 3
        </li>
        <li>
          <strong>${grouped(visits)}</strong> article visits by
          patients${figures.engagementDays ? html` (${figures.engagementDays.from} to ${figures.engagementDays.to})` : ''}
        </li>
        <li><strong>${grouped(finished)}</strong> visits read to the last part</li>
      </ul>
      ${figures.overall.average === null && figures.overall.count > 0 ? html`<p class="small">Fewer than ${figures.smallGroup} answers: only the count is shown, to keep answers anonymous.</p>` : ''}`
  )
}

/** The last 30 days of answers, one column a day. */
export const trendCard = (trend: TrendDay[]): Markup =>
  card('The last 30 days', trendSvg(trend, 'Answers per day over the last 30 days'))

function ratingBars(figures: GroupFigures, label: string): Markup {
  if (!figures.distribution) return html``
  return barsSvg(
    figures.distribution.map((count, index) => ({
      label: ratingWords[index] ?? '',
      value: count,
      text: String(count)
    })),
    label
  )
}

/** Ratings per article and per section, with each article's latest comments where its group is large enough. */
export function ratingsCard(figures: ReportFigures): Markup {
  if (figures.articles.length === 0) return card('Ratings per article', html`<p>No feedback in this export.</p>`)
  return card(
    'Ratings per article',
    figures.articles.map(
      (article) =>
        html`<div class="topic">
          <h3>${article.title}</h3>
          <p>${grouped(article.count)} answers${average(article)}</p>
          ${article.distribution ? ratingBars(article, article.title) : html`<p class="small">Fewer than ${figures.smallGroup} answers: only the count is shown.</p>`}
          ${
            article.sections.length > 0
              ? html`<h4>By the part that helped most</h4>
                  <table>
                    <thead>
                      <tr>
                        <th>Part</th>
                        <th class="number">Answers</th>
                        <th class="number">Average</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${article.sections.map(
                        (section) =>
                          html`<tr>
                            <td>${section.title}</td>
                            <td class="number">${section.count}</td>
                            <td class="number">${section.average === null ? '—' : section.average.toFixed(2)}</td>
                          </tr>`
                      )}
                    </tbody>
                  </table>`
              : ''
          }
          ${
            article.comments.length > 0
              ? html`<h4>Latest comments</h4>
                  <ul class="comments">
                    ${article.comments.map(
                      (comment) => html`<li><span class="when">${comment.time.slice(0, 10)}</span> ${comment.text}</li>`
                    )}
                  </ul>`
              : ''
          }
        </div>`
    )
  )
}

/** Per article: where readers stop (the share of visits reaching each part) and which parts hold attention. */
export function engagementCard(figures: ReportFigures): Markup {
  if (figures.engagement.length === 0)
    return card('What patients read', html`<p>No reading was counted in the days this report covers.</p>`)
  return card('What patients read', [
    html`<p>
      Counted on the kiosk per day, without any visit or time finer than a day being kept. A visit is one patient's stay
      with one article.
    </p>`,
    ...figures.engagement.map((article) => {
      if (article.finished === null)
        return html`<div class="topic">
          <h3>${article.title}</h3>
          <p>${grouped(article.visits)} visits.</p>
          <p class="small">Fewer than ${figures.smallGroup} visits: only the count is shown.</p>
        </div>`
      return html`<div class="topic">
        <h3>${article.title}</h3>
        <p>
          ${grouped(article.visits)} visits; ${percent(article.finished / article.visits)} read to the last part;
          ${article.feedback} went on to give feedback.
        </p>
        <h4>Where readers stop: share of visits that reached each part</h4>
        ${barsSvg(
          article.sections.map((section) => ({
            label: section.title,
            value: section.share ?? 0,
            text: section.share === null ? '—' : percent(section.share)
          })),
          `Where readers of ${article.title} stop`
        )}
        <h4>Which parts hold attention: views by time spent</h4>
        ${attentionLegend()}
        ${attentionSvg(
          article.sections.map((section) => ({ label: section.title, time: section.time })),
          `Time spent on each part of ${article.title}`
        )}
      </div>`
    })
  ])
}

/** The kiosk's status when the report was written. */
export const statusCard = (title: string, status: StatusLines): Markup =>
  card(
    title,
    html`<dl class="status">
      ${status.map(
        (line) => html`<dt>${line.label}</dt><dd${line.flagged ? html` class="flag"` : ''}>${line.value}</dd>`
      )}
    </dl>`
  )

/** report.html for one kiosk's export. */
export function kioskReportHtml(report: KioskReport): string {
  const when = report.generatedAt.toISOString().slice(0, 16).replace('T', ' ')
  return reportPage(
    `Waiting-room kiosk report: ${report.station}`,
    [`Written ${when} UTC with the export ${report.files.join(' and ')}.`],
    [
      totalsCard(report),
      trendCard(report.trend),
      ratingsCard(report),
      engagementCard(report),
      statusCard('The kiosk', report.status)
    ],
    'Anonymous feedback: no record names a patient; groups of fewer than ' +
      `${report.smallGroup} answers or visits show their count only. The data is in the export files beside this page.`
  )
}
