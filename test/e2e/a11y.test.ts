/**
 * Accessibility as a test: axe-core on the popup and every section of the options page, in English
 * and Japanese, must find nothing serious or critical; the options page's navigation works from
 * the keyboard alone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTIONS } from '../../components/OptionsApp';
import type { AuditEntry } from '../../utils/audit';
import {
  browserMissing,
  type ExtensionBrowser,
  inLanguage,
  launchWithExtension,
  writeExtensionStorage,
} from './browser';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Something in every part of the pages: a decision of each kind in the audit log, the quiet period on. */
const AUDIT: AuditEntry[] = (['posted', 'override', 'stopped'] as const).map((decision, index) => ({
  time: `2026-12-0${index + 1}T10:00:00.000Z`,
  platform: 'x',
  decision,
  ruleIds: ['legal.financial-guarantee'],
  severities: ['warn'],
  ...(decision === 'override' ? { reason: 'Checked with legal' } : {}),
  draftHash: String(index).repeat(64),
  packs: [{ id: 'preflight-default', version: '1.0.0' }],
  ruleChanges: [],
  setChanges: [],
}));

interface Violation {
  id: string;
  impact: string;
  targets: string[];
}

/** axe's serious and critical violations on the page, each with the elements it names. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  // Evaluated through the debugging protocol: the extension's CSP forbids an injected <script>.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Result = { id: string; impact: string; nodes: { target: string[] }[] };
    const { axe } = globalThis as unknown as { axe: { run(): Promise<{ violations: Result[] }> } };
    const { violations } = await axe.run();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((node) => node.target.join(' ')) }));
  });
}

describe.skipIf(browserMissing).each(['en', 'ja'])('accessibility in %s', (language) => {
  let browser: ExtensionBrowser;
  const open = async (path: string) => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    return page;
  };
  beforeAll(async () => {
    browser = await launchWithExtension();
    if (language !== 'en') await inLanguage(browser.context, language);
    const page = await open('popup.html');
    await writeExtensionStorage(page, { audit: AUDIT, sets: { 'quiet-period': true } });
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds nothing serious in the popup', async () => {
    const page = await open('popup.html');
    await page.getByTestId('active-pack').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(SECTIONS)('finds nothing serious in the options page’s %s section', async (section) => {
    const page = await open(`options.html#${section}`);
    await page.locator(`nav a[data-section="${section}"][aria-current="page"]`).waitFor();
    // Each section once it shows what it lists.
    const ready = { sets: '[data-set]', rules: '.rule', packs: '[data-pack]', audit: '.audit tbody tr' }[section];
    await page.locator(ready).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe.skipIf(browserMissing)('the options page from the keyboard', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has axe report what the pages used to have: white on #e37400, an unlabelled textarea', async () => {
    // A control: the suite above could pass by finding nothing at all.
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#packs`);
    await page.getByTestId('key-input').waitFor();
    await page.evaluate(() => {
      const badge = document.createElement('span');
      badge.textContent = 'Warning';
      badge.style.cssText = 'background:#e37400;color:#fff;font-size:11px';
      document.querySelector('main')!.append(badge, document.createElement('textarea'));
    });
    const ids = (await seriousViolations(page)).map((violation) => violation.id);
    expect(ids).toContain('color-contrast');
    expect(ids).toContain('label');
    await page.close();
  });

  it('reaches every section from the navigation with Tab and Enter, and lands in the section', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.locator('[data-set]').first().waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.dataset.section ?? el?.tagName.toLowerCase();
      });
    // The navigation comes first in the tab order.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('sets');
    for (const section of SECTIONS) {
      // Back from the section just opened into the navigation (its links come right before it).
      for (let step = 0; step < SECTIONS.length && (await focused()) !== section; step++)
        await page.keyboard.press('Shift+Tab');
      expect(await focused()).toBe(section);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${section}`);
      // The page renders the new section after the address changes: wait for it, do not race it.
      await expect
        .poll(() => page.locator(`nav a[data-section="${section}"]`).getAttribute('aria-current'))
        .toBe('page');
      // Focus moves to the section itself, so the next Tab goes into it, not back to the top.
      await expect.poll(focused).toBe('main');
      expect(await page.locator('main > h2').textContent()).toBe(
        await page.locator(`nav a[data-section="${section}"]`).textContent(),
      );
    }
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
    await page.close();
  });
});
