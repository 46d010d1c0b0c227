import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * WCAG 2.1 AA with axe-core: no serious or critical violation on the screen now shown.
 * (Moderate/minor findings are not part of the bar; axe reports them in the attachment.)
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectNoSeriousViolations(page: Page, scherm: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  await test.info().attach(`axe-${scherm}.json`, {
    body: JSON.stringify(violations, null, 2),
    contentType: 'application/json',
  });
  const ernstig = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  expect(ernstig, `axe on "${scherm}"`).toEqual([]);
}
