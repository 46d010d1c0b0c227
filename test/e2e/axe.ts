import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Every WCAG 2.0, 2.1 and 2.2 level A and AA tag axe-core knows. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Every axe-core rule with one of those tags — experimental and deprecated ones included, none
 * disabled (label-content-name-mismatch, WCAG 2.5.3 label in name, among them). Running them by
 * rule id (runOnly type "rule") is what makes axe run experimental rules too; by tag it skips them.
 */
export const WCAG_RULES: readonly string[] = axe
  .getRules()
  .filter((r) => r.tags.some((t) => WCAG_TAGS.includes(t)))
  .map((r) => r.ruleId);

/**
 * WCAG 2.0/2.1/2.2 A and AA with axe-core: no violation at all (any impact) on the screen now
 * shown. Each run's findings are attached to the test report as `axe-<scherm>.json`.
 */
export async function expectNoViolations(page: Page, scherm: string): Promise<void> {
  const { violations, testEngine } = await new AxeBuilder({ page })
    .withRules([...WCAG_RULES])
    .analyze();
  await test.info().attach(`axe-${scherm}.json`, {
    body: JSON.stringify({ axe: testEngine.version, violations }, null, 2),
    contentType: 'application/json',
  });
  const gevonden = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join(' | ')}`,
  );
  expect(gevonden, `axe ${testEngine.version} on "${scherm}"`).toEqual([]);
}

/** The old name (other specs call it); the bar is now every violation, not only serious ones. */
export const expectNoSeriousViolations = expectNoViolations;
