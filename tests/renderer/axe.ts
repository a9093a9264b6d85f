import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/**
 * What every screen is held to: WCAG 2.2 A and AA, axe's best practices (heading order among them) and the AAA
 * contrast rule, so body text reaches 7:1, not just 4.5:1. Each violation names its rule, its help and where it is.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .withRules(['color-contrast-enhanced'])
    .analyze()
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
  )
}
